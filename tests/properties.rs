//! Property tests on the shipped questionnaire: replies generated valid by construction give
//! no finding (and pass a second JSON Schema validator, boon); one mutation gives exactly one
//! finding, at the mutated pointer, with the expected code, and boon agrees on everything but
//! the rules.
//!
//! The generator reads the questionnaire model (every type, condition and setting), so it
//! follows the questionnaire as it changes; only `repair` knows res-16-2's rules.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use canvass::check::check;
use canvass::compile::compile;
use canvass::expr::eval::{Truth, truth};
use canvass::questionnaire::model::{Bound, Question, QuestionType, Questionnaire};
use canvass::validate::Validator;

fn questionnaire() -> Questionnaire {
    let text = std::fs::read_to_string("questionnaires/res-16-2/questionnaire.toml").unwrap();
    check(&text).questionnaire.unwrap()
}

/// Random choices drawn from a vector proptest can shrink.
struct Dice<'a> {
    rolls: &'a [u32],
    next: usize,
}

impl Dice<'_> {
    fn roll(&mut self, n: u64) -> u64 {
        let r = self.rolls[self.next % self.rolls.len()];
        self.next += 1;
        if n == 0 { 0 } else { u64::from(r) % n }
    }
    fn coin(&mut self) -> bool {
        self.roll(2) == 0
    }
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + i64::try_from(self.roll(u64::try_from(hi - lo + 1).unwrap())).unwrap()
    }
}

fn number_bounds(q: &Question, lo: i64, hi: i64) -> (i64, i64) {
    #[allow(clippy::cast_possible_truncation)]
    let get =
        |b: &Option<Bound>, d: i64| b.as_ref().and_then(Bound::number).map_or(d, |n| n as i64);
    (get(&q.min, lo), get(&q.max, hi))
}

fn value(q: &Question, dice: &mut Dice<'_>, row: usize) -> Value {
    match q.kind {
        QuestionType::YesNo => json!(dice.coin()),
        QuestionType::Choice => {
            json!(q.options[usize::try_from(dice.roll(q.options.len() as u64)).unwrap()].value)
        }
        QuestionType::MultiChoice => {
            let (exclusive, others): (Vec<_>, Vec<_>) = q.options.iter().partition(|o| o.exclusive);
            if !exclusive.is_empty() && dice.roll(4) == 0 {
                return json!([exclusive[0].value]);
            }
            let max = q
                .max_choices
                .unwrap_or(others.len() as u64)
                .min(others.len() as u64);
            let min = q.min_choices.unwrap_or(1).max(1);
            let count = min + dice.roll(max - min + 1);
            let mut pool: Vec<&str> = others.iter().map(|o| o.value.as_str()).collect();
            let mut chosen = Vec::new();
            for _ in 0..count {
                let i = usize::try_from(dice.roll(pool.len() as u64)).unwrap();
                chosen.push(pool.remove(i));
            }
            json!(chosen)
        }
        QuestionType::Text if q.format.is_some() => {
            json!(format!("person{}@example.org", dice.roll(1000)))
        }
        QuestionType::Text => {
            let max = q.max_length.unwrap_or(40).min(40);
            let len = q.min_length.unwrap_or(1).max(1) + dice.roll(max);
            json!(
                format!("row {row} {}", "x".repeat(usize::try_from(len).unwrap()))
                    .chars()
                    .take(usize::try_from(max.max(1)).unwrap())
                    .collect::<String>()
            )
        }
        QuestionType::Integer | QuestionType::Year | QuestionType::Number => {
            let (lo, hi) = number_bounds(q, 0, 5000);
            json!(dice.between(lo, hi.min(lo + 5000)))
        }
        QuestionType::Date => json!(format!(
            "{}-{:02}-{:02}",
            dice.between(2010, 2029),
            dice.between(1, 12),
            dice.between(1, 28)
        )),
        QuestionType::Country => {
            let codes = canvass::validate::country::CODES;
            json!(codes[usize::try_from(dice.roll(codes.len() as u64)).unwrap()])
        }
        QuestionType::Table => {
            let lo = q.min_rows.unwrap_or(1).max(1);
            let hi = q.max_rows.unwrap_or(4).min(4);
            let rows = lo + dice.roll(hi - lo + 1);
            let rows: Vec<Value> = (0..usize::try_from(rows).unwrap())
                .map(|r| {
                    let mut cells = Map::new();
                    for c in &q.columns {
                        if c.required || dice.coin() || q.key.as_deref() == Some(c.id.as_str()) {
                            cells.insert(c.id.clone(), value(c, dice, r));
                        }
                    }
                    Value::Object(cells)
                })
                .collect();
            json!(rows)
        }
    }
}

/// A reply valid by construction: questions in order, each answered when it applies and is
/// required (or on a coin), a code now and then, "please specify" when asked for.
fn generate(q: &Questionnaire, rolls: &[u32]) -> Value {
    let mut dice = Dice { rolls, next: 0 };
    let mut reply = json!({ "questionnaire": q.id, "version": q.version });
    for section in &q.sections {
        reply[&section.id] = json!({});
        for question in &section.questions {
            let applies = [section.when.as_ref(), question.when.as_ref()]
                .into_iter()
                .flatten()
                .all(|w| truth(w.ast(), q, &reply) == Truth::True);
            if !applies || !(question.required || dice.coin()) {
                continue;
            }
            let answer = if !question.codes.is_empty() && dice.roll(5) == 0 {
                json!(question.codes[0])
            } else {
                value(question, &mut dice, 0)
            };
            let specify = question.options.iter().filter(|o| o.specify).any(|o| {
                answer == json!(o.value)
                    || answer
                        .as_array()
                        .is_some_and(|a| a.contains(&json!(o.value)))
            });
            reply[&section.id][&question.id] = answer;
            if specify {
                reply[&section.id][format!("{}_specify", question.id)] =
                    json!("Described in words");
            }
        }
    }
    repair(&mut reply);
    reply
}

/// res-16-2's rules, made to hold.
fn repair(reply: &mut Value) {
    let num = |v: &Value| v.as_i64();
    if reply["legislation"]["untoc_status"] == "ratified"
        && let Some(max) = num(&reply["penalties"]["max_years"])
    {
        reply["penalties"]["max_years"] = json!(max.max(4));
    }
    if let (Some(min), Some(max)) = (
        num(&reply["penalties"]["min_years"]),
        num(&reply["penalties"]["max_years"]),
    ) {
        reply["penalties"]["min_years"] = json!(min.min(max));
    }
    let inv = &mut reply["investigation"];
    let mut counts: Vec<i64> = ["investigated", "prosecuted", "convicted"]
        .iter()
        .filter_map(|k| num(&inv[*k]))
        .collect();
    if counts.len() == 3 {
        counts.sort_unstable_by(|a, b| b.cmp(a));
        for (k, n) in ["investigated", "prosecuted", "convicted"]
            .iter()
            .zip(counts)
        {
            inv[*k] = json!(n);
        }
    } else if let (Some(i), Some(p)) = (num(&inv["investigated"]), num(&inv["prosecuted"])) {
        inv["prosecuted"] = json!(p.min(i));
    } else if let (Some(p), Some(c)) = (num(&inv["prosecuted"]), num(&inv["convicted"])) {
        inv["convicted"] = json!(c.min(p));
    }
    if let (Some(crc), Some(opsc)) = (
        num(&reply["legislation"]["crc_year"]),
        num(&reply["legislation"]["opsc_year"]),
    ) {
        reply["legislation"]["opsc_year"] = json!(opsc.max(crc));
    }
    let grooming = reply["offences"]["offences_covered"]
        .as_array()
        .is_some_and(|a| a.contains(&json!("grooming")));
    if grooming && reply["offences"].get("ict_offences").is_some() {
        reply["offences"]["ict_offences"] = json!(true);
    }
}

struct Judges {
    canvass: Validator,
    boon: (boon::Schemas, boon::SchemaIndex),
}

impl Judges {
    fn new() -> Self {
        let q = questionnaire();
        let schema = compile(&q);
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler.enable_format_assertions();
        let url = schema["$id"].as_str().unwrap().to_string();
        compiler.add_resource(&url, schema).unwrap();
        let index = compiler.compile(&url, &mut schemas).unwrap();
        Self {
            canvass: Validator::new(q).unwrap(),
            boon: (schemas, index),
        }
    }

    fn boon_accepts(&self, reply: &Value) -> bool {
        self.boon.0.validate(reply, self.boon.1).is_ok()
    }
}

fn judges() -> &'static Judges {
    static JUDGES: std::sync::OnceLock<Judges> = std::sync::OnceLock::new();
    JUDGES.get_or_init(Judges::new)
}

fn codes_at(reply: &Value) -> Vec<(String, String)> {
    judges()
        .canvass
        .validate_value(reply, "en")
        .into_iter()
        .map(|f| (f.code.as_str().to_string(), f.pointer.unwrap_or_default()))
        .collect()
}

fn rolls() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(any::<u32>(), 64..256)
}

/// `(section, question)` of every answered, or applicable, question, by a predicate.
fn pick<'q>(
    q: &'q Questionnaire,
    reply: &Value,
    pred: impl Fn(&Question, Option<&Value>, bool) -> bool,
) -> Vec<(&'q str, &'q Question)> {
    let mut out = Vec::new();
    for section in &q.sections {
        for question in &section.questions {
            let applies = [section.when.as_ref(), question.when.as_ref()]
                .into_iter()
                .flatten()
                .all(|w| truth(w.ast(), q, reply) == Truth::True);
            if pred(question, reply[&section.id].get(&question.id), applies) {
                out.push((section.id.as_str(), question));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_replies_are_valid(rolls in rolls()) {
        let reply = generate(&judges().canvass.questionnaire, &rolls);
        prop_assert_eq!(codes_at(&reply), vec![], "{}", reply);
        prop_assert!(judges().boon_accepts(&reply), "boon refuses {}", reply);
    }

    #[test]
    fn dropping_a_required_answer_is_one_missing_answer(rolls in rolls(), which in any::<prop::sample::Index>()) {
        let q = &judges().canvass.questionnaire;
        let mut reply = generate(q, &rolls);
        let candidates = pick(q, &reply, |question, answer, applies| applies && question.required && answer.is_some());
        let (section, question) = candidates[which.index(candidates.len())];
        reply[section].as_object_mut().unwrap().remove(&question.id);
        if let Some(specify) = question.specify_id() {
            reply[section].as_object_mut().unwrap().remove(&specify);
        }
        prop_assert_eq!(codes_at(&reply), vec![("missing-answer".to_string(), format!("/{section}/{}", question.id))], "{}", reply);
        prop_assert!(!judges().boon_accepts(&reply));
    }

    #[test]
    fn answering_a_question_that_does_not_apply_is_one_not_applicable(rolls in rolls(), which in any::<prop::sample::Index>()) {
        let q = &judges().canvass.questionnaire;
        let mut reply = generate(q, &rolls);
        let candidates = pick(q, &reply, |_, answer, applies| !applies && answer.is_none());
        prop_assume!(!candidates.is_empty());
        let (section, question) = candidates[which.index(candidates.len())];
        let mut dice = Dice { rolls: &rolls, next: 7 };
        reply[section][&question.id] = value(question, &mut dice, 0);
        prop_assert_eq!(codes_at(&reply), vec![("not-applicable".to_string(), format!("/{section}/{}", question.id))], "{}", reply);
        prop_assert!(!judges().boon_accepts(&reply));
    }

    #[test]
    fn a_value_out_of_range_is_one_out_of_range(rolls in rolls(), which in any::<prop::sample::Index>()) {
        let q = &judges().canvass.questionnaire;
        let mut reply = generate(q, &rolls);
        let candidates = pick(q, &reply, |question, answer, _| {
            answer.is_some_and(Value::is_number) && (question.max.is_some() || question.min.is_some())
        });
        prop_assume!(!candidates.is_empty());
        let (section, question) = candidates[which.index(candidates.len())];
        let bad = match (&question.max, &question.min) {
            (Some(Bound::Number(max)), _) => json!(max + 1.0),
            (_, Some(Bound::Number(min))) => json!(min - 1.0),
            _ => unreachable!("numeric questions have numeric bounds"),
        };
        #[allow(clippy::cast_possible_truncation)] // bounds are whole numbers here
        let bad = if question.kind == QuestionType::Number { bad } else { json!(bad.as_f64().unwrap() as i64) };
        reply[section][&question.id] = bad;
        prop_assert_eq!(codes_at(&reply), vec![("out-of-range".to_string(), format!("/{section}/{}", question.id))], "{}", reply);
        prop_assert!(!judges().boon_accepts(&reply));
    }

    #[test]
    fn an_unknown_option_is_one_invalid_option(rolls in rolls(), which in any::<prop::sample::Index>()) {
        let q = &judges().canvass.questionnaire;
        let mut reply = generate(q, &rolls);
        let candidates = pick(q, &reply, |question, answer, _| question.kind == QuestionType::Choice && answer.is_some_and(Value::is_string) && answer.and_then(Value::as_str).is_some_and(|a| question.option(a).is_some()));
        prop_assume!(!candidates.is_empty());
        let (section, question) = candidates[which.index(candidates.len())];
        reply[section][&question.id] = json!("perhaps");
        prop_assert_eq!(codes_at(&reply), vec![("invalid-option".to_string(), format!("/{section}/{}", question.id))], "{}", reply);
        prop_assert!(!judges().boon_accepts(&reply));
    }

    #[test]
    fn breaking_a_rule_is_one_rule_finding_and_invisible_to_the_schema(rolls in rolls()) {
        let q = &judges().canvass.questionnaire;
        let mut reply = generate(q, &rolls);
        let inv = &mut reply["investigation"];
        inv["investigated"] = json!(5);
        inv["prosecuted"] = json!(6);
        if inv["convicted"].is_number() {
            inv["convicted"] = json!(0);
        }
        prop_assert_eq!(codes_at(&reply), vec![("rule".to_string(), "/investigation/prosecuted".to_string())], "{}", reply);
        prop_assert!(judges().boon_accepts(&reply), "rules are not in the schema");
    }
}

#[test]
fn boon_and_canvass_agree_on_the_sample_replies_except_rules() {
    for entry in std::fs::read_dir("questionnaires/res-16-2/replies").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let format = canvass::reply::Format::detect(&path.to_string_lossy(), &text);
        let Ok(reply) = canvass::reply::parse(&text, format, &canvass::reply::Limits::default())
        else {
            continue; // does not parse: no validator sees it
        };
        let findings = judges().canvass.validate_value(&reply, "en");
        let schema_faults = findings
            .iter()
            .filter(|f| f.is_error() && f.code != canvass::findings::Code::Rule)
            .count();
        assert_eq!(
            judges().boon_accepts(&reply),
            schema_faults == 0,
            "{}: canvass says {:?}",
            path.display(),
            findings.iter().map(|f| f.code.as_str()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_generator_covers_every_question_type_and_condition() {
    let q = &judges().canvass.questionnaire;
    let mut answered = std::collections::BTreeSet::new();
    let mut codes = 0;
    for seed in 0..200u32 {
        let rolls: Vec<u32> = (0..128)
            .map(|i| {
                seed.wrapping_mul(2_654_435_761)
                    .wrapping_add(i * 40_503)
                    .rotate_left(i % 31)
            })
            .collect();
        let reply = generate(q, &rolls);
        assert!(codes_at(&reply).is_empty(), "{reply}");
        for section in &q.sections {
            for question in &section.questions {
                if let Some(v) = reply[&section.id].get(&question.id) {
                    answered.insert(format!("{}.{}", section.id, question.id));
                    codes += usize::from(
                        v.as_str()
                            .is_some_and(|s| question.codes.iter().any(|c| c == s)),
                    );
                }
            }
        }
    }
    let all: usize = q.sections.iter().map(|s| s.questions.len()).sum();
    assert_eq!(answered.len(), all, "some questions are never answered");
    assert!(codes > 10, "answer codes are rarely generated: {codes}");
}

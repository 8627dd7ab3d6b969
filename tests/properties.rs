//! Property tests on the shipped questionnaire: replies generated valid by construction give
//! no finding (and pass a second JSON Schema validator, boon); one mutation gives exactly one
//! finding, at the mutated pointer, with the expected code, and boon agrees on everything but
//! the rules.
//!
//! The generator is `tests/support/replies.rs`.

#[path = "support/replies.rs"]
mod replies;

use proptest::prelude::*;
use replies::{Dice, generate, value};
use serde_json::{Value, json};

use canvass::check::check;
use canvass::compile::compile;
use canvass::eval::{Answers, Truth, truth};
use canvass::questionnaire::model::{Bound, Question, QuestionType, Questionnaire};
use canvass::validate::Validator;

fn questionnaire() -> Questionnaire {
    let text = std::fs::read_to_string("questionnaires/res-16-2/questionnaire.toml").unwrap();
    check(&text).questionnaire.unwrap()
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
        .validate_value(reply)
        .into_iter()
        .map(|f| {
            (
                f.code.as_str().to_string(),
                f.at.pointer.unwrap_or_default(),
            )
        })
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
                .all(|w| truth(w.ast(), q, &Answers::of(q, reply)) == Truth::True);
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
        let reply = generate(judges().canvass.questionnaire(), &rolls);
        prop_assert_eq!(codes_at(&reply), vec![], "{}", reply);
        prop_assert!(judges().boon_accepts(&reply), "boon refuses {}", reply);
    }

    #[test]
    fn dropping_a_required_answer_is_one_missing_answer(rolls in rolls(), which in any::<prop::sample::Index>()) {
        let q = judges().canvass.questionnaire();
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
        let q = judges().canvass.questionnaire();
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
        let q = judges().canvass.questionnaire();
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
        let q = judges().canvass.questionnaire();
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
        let q = judges().canvass.questionnaire();
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
        let Ok((reply, _)) =
            canvass::reply::parse(&text, format, &canvass::reply::Limits::default())
        else {
            continue; // does not parse: no validator sees it
        };
        let findings = judges().canvass.validate_value(&reply);
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
    let q = judges().canvass.questionnaire();
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

//! Replies for the shipped questionnaire generated valid by construction, shared by the
//! property tests and the benchmark. The generator reads the questionnaire model (every
//! type, condition and setting), so it follows the questionnaire as it changes; only
//! `repair` knows res-16-2's rules.

#![allow(dead_code)] // each user takes what it needs

use serde_json::{Map, Value, json};

use canvass::eval::{Answers, Truth, truth};
use canvass::questionnaire::model::{Bound, Question, QuestionType, Questionnaire};

/// Random choices drawn from a vector proptest can shrink.
pub struct Dice<'a> {
    pub rolls: &'a [u32],
    pub next: usize,
}

impl Dice<'_> {
    pub fn roll(&mut self, n: u64) -> u64 {
        let r = self.rolls[self.next % self.rolls.len()];
        self.next += 1;
        if n == 0 { 0 } else { u64::from(r) % n }
    }
    pub fn coin(&mut self) -> bool {
        self.roll(2) == 0
    }
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + i64::try_from(self.roll(u64::try_from(hi - lo + 1).unwrap())).unwrap()
    }
}

fn number_bounds(q: &Question, lo: i64, hi: i64) -> (i64, i64) {
    #[allow(clippy::cast_possible_truncation)]
    let get =
        |b: &Option<Bound>, d: i64| b.as_ref().and_then(Bound::number).map_or(d, |n| n as i64);
    (get(&q.min, lo), get(&q.max, hi))
}

pub fn value(q: &Question, dice: &mut Dice<'_>, row: usize) -> Value {
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
        QuestionType::Time => json!(format!("{:02}:{:02}", dice.roll(24), dice.roll(60))),
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
            let codes = canvass::values::country::CODES;
            json!(codes[usize::try_from(dice.roll(codes.len() as u64)).unwrap()])
        }
        QuestionType::Table => {
            let lo = q.min_rows.unwrap_or(1).max(1);
            let hi = q.max_rows.unwrap_or(4).min(4);
            let rows = lo + dice.roll(hi - lo + 1);
            let rows: Vec<Value> = (0..usize::try_from(rows).unwrap())
                .map(|r| {
                    let mut cells = Map::new();
                    for c in q.columns.iter().filter(|c| c.compute.is_none()) {
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
pub fn generate(q: &Questionnaire, rolls: &[u32]) -> Value {
    let mut dice = Dice { rolls, next: 0 };
    let mut reply = json!({ "questionnaire": q.id, "version": q.version });
    // A code where a rule reads the answer leaves the rule not checked, which is a warning.
    let ruled: Vec<_> = q
        .rules
        .iter()
        .flat_map(|r| q.answers_behind(&r.check.ast().reads()))
        .collect();
    for (s, section) in q.sections.iter().enumerate() {
        reply[&section.id] = json!({});
        for (i, question) in section.questions.iter().enumerate() {
            let read_by_rule = ruled.iter().any(|r| r.section == s && r.question == i);
            let applies = [section.when.as_ref(), question.when.as_ref()]
                .into_iter()
                .flatten()
                .all(|w| truth(w.ast(), q, &Answers::of(q, &reply)) == Truth::True);
            // A computed value is never answered.
            if !applies || question.compute.is_some() || !(question.required || dice.coin()) {
                continue;
            }
            let answer = if !question.codes.is_empty() && !read_by_rule && dice.roll(5) == 0 {
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
pub fn repair(reply: &mut Value) {
    // Indexing would add res-16-2's sections to another questionnaire's reply.
    if reply["questionnaire"] != "res-16-2" {
        return;
    }
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

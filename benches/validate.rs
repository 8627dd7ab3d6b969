//! Throughput of reply validation on 10,000 generated replies of the shipped questionnaire
//! (four in five valid, one in five with one typical mistake), single- and multi-threaded,
//! against parsing plus the jsonschema crate's `is_valid` alone. The same replies are
//! written to `target/bench-replies/` for `benches/compare.sh`, which runs the canvass
//! command line and jsonschema-cli over them.

#[path = "../tests/support/replies.rs"]
mod replies;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use serde_json::{Value, json};

use canvass::check::check;
use canvass::compile::compile;
use canvass::reply::{Format, compact};
use canvass::source::SourceFile;
use canvass::validate::Validator;

const REPLIES: usize = 10_000;

fn corpus(validator: &Validator) -> Vec<SourceFile> {
    let q = validator.questionnaire();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-replies");
    std::fs::create_dir_all(&dir).unwrap();
    let mut state = 0x2545_f491_u32;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        state
    };
    (0..REPLIES)
        .map(|i| {
            let rolls: Vec<u32> = (0..128).map(|_| next()).collect();
            let mut reply = replies::generate(q, &rolls);
            match i % 20 {
                4 => reply["legislation"]["specific_law"] = json!("perhaps"),
                9 => drop(
                    reply["investigation"]
                        .as_object_mut()
                        .unwrap()
                        .remove("reporting_year"),
                ),
                14 => reply["investigation"]["prosecuted"] = json!(1_000_000),
                19 => reply["respondent"]["contact_email"] = json!("not an address"),
                _ => {}
            }
            let text = serde_json::to_string_pretty(&reply).unwrap();
            let name = format!("reply-{i:05}.json");
            std::fs::write(dir.join(&name), &text).unwrap();
            SourceFile::new(name, text)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = std::fs::read_to_string("questionnaires/res-16-2/questionnaire.toml").unwrap();
    let questionnaire = check(&text).questionnaire.unwrap();
    let schema = compile(&questionnaire);
    let validator = Validator::new(questionnaire).unwrap();
    let files = corpus(&validator);
    let invalid = files
        .iter()
        .filter(|f| !validator.validate(f).is_empty())
        .count();
    eprintln!("corpus: {REPLIES} replies, {invalid} with findings");
    let plain = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .with_pattern_options(jsonschema::PatternOptions::regex())
        .build(&schema)
        .unwrap();

    let mut group = c.benchmark_group("10k replies");
    group.throughput(Throughput::Elements(REPLIES as u64));
    group.sample_size(10);
    group.bench_function("canvass, findings and rules, 1 thread", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|f| validator.validate(f).len())
                .sum::<usize>()
        });
    });
    group.bench_function("canvass, findings and rules, all cores", |b| {
        b.iter(|| {
            files
                .par_iter()
                .map(|f| validator.validate(f).len())
                .sum::<usize>()
        });
    });
    group.bench_function("serde_json parse + jsonschema is_valid, 1 thread", |b| {
        b.iter(|| {
            files
                .iter()
                .filter(|f| plain.is_valid(&serde_json::from_str::<Value>(&f.text).unwrap()))
                .count()
        });
    });
    group.bench_function("serde_json parse + jsonschema is_valid, all cores", |b| {
        b.iter(|| {
            files
                .par_iter()
                .filter(|f| plain.is_valid(&serde_json::from_str::<Value>(&f.text).unwrap()))
                .count()
        });
    });
    group.bench_function("compact read + jsonschema is_valid, 1 thread", |b| {
        b.iter(|| {
            files
                .iter()
                .filter(|f| {
                    compact::read(&f.text, Format::Json, validator.limits(), |reply| {
                        validator.schema_accepts_compact(reply)
                    })
                    .unwrap()
                })
                .count()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

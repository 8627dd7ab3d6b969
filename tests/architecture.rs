//! The stages import only stages below them, and no module imports in a circle: the order
//! `ARCHITECTURE.md` draws. A `crate::x` path in a module's code (comments aside) that names
//! a module above it fails here, with the file and the line.

use std::path::Path;

/// Bottom to top. A module may use any module before it in this list, and none after.
const LAYERS: &[&str] = &[
    "source",
    "values",
    "findings",
    "expr",
    "questionnaire",
    "check",
    "compile",
    "reply",
    "eval",
    "validate",
    "judge",
    "batch",
    "template",
    "report",
    "intake",
    "tabulate",
    "serve",
];

fn files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            files(&entry.unwrap().path(), out);
        }
    } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn every_stage_imports_only_stages_below_it() {
    let name = regex::Regex::new(r"crate::([a-z_]+)").unwrap();
    let mut wrong = Vec::new();
    for (level, layer) in LAYERS.iter().enumerate() {
        let dir = Path::new("src").join(layer);
        let mut found = Vec::new();
        files(&dir, &mut found);
        files(&dir.with_extension("rs"), &mut found);
        assert!(!found.is_empty(), "no source for `{layer}`");
        for file in found {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                for used in name.captures_iter(code) {
                    let used = &used[1];
                    match LAYERS.iter().position(|l| *l == used) {
                        Some(at) if at > level => wrong.push(format!(
                            "{}:{}: `{layer}` uses `{used}`, which is above it",
                            file.display(),
                            n + 1
                        )),
                        _ => {}
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_module_of_the_library_has_its_place_in_the_order() {
    let lib = std::fs::read_to_string("src/lib.rs").unwrap();
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    for module in &declared {
        assert!(
            LAYERS.contains(module),
            "`{module}` is not in the layers of tests/architecture.rs"
        );
    }
    assert_eq!(declared.len(), LAYERS.len(), "{declared:?}");
}

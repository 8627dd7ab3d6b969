#!/usr/bin/env bash
# The canvass command line (findings and rules, both cores) against jsonschema-cli (the
# compiled schema only, one core) on the same 10,000 generated replies of res-16-2.
# Needs jsonschema-cli (`cargo install jsonschema-cli`) and hyperfine (`apt-get install hyperfine`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
# The criterion bench writes its corpus to target/bench-replies/; --test runs each benchmark once.
cargo bench --bench validate --quiet -- --test > /dev/null
ls target/bench-replies/*.json > target/bench-files.txt
schema=schemas/res-16-2.schema.json
hyperfine --ignore-failure --warmup 3 --runs "${RUNS:-20}" \
  -n "canvass --format json" "target/release/canvass validate --schema $schema target/bench-replies --format json" \
  -n "canvass --format ndjson" "target/release/canvass validate --schema $schema target/bench-replies --format ndjson" \
  -n "jsonschema-cli" "jsonschema-cli validate $schema --assert-format -i \$(cat target/bench-files.txt)"

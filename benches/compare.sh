#!/usr/bin/env bash
# The canvass command line (findings and rules, both cores) against jsonschema-cli (the
# compiled schema only, one core) on the same 10,000 generated replies of res-16-2.
# Needs jsonschema-cli (`cargo install jsonschema-cli`) and hyperfine (`apt-get install hyperfine`).
#
# The machine is a shared VM whose speed drifts by ±10% over minutes, so the comparison runs
# in ROUNDS rounds (default 3), alternating which command goes first; each round prints its
# own ratio. Quote the rounds, not the best of them.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
# The criterion bench writes its corpus to target/bench-replies/; --test runs each benchmark once.
cargo bench --bench validate --quiet -- --test > /dev/null
ls target/bench-replies/*.json > target/bench-files.txt
schema=schemas/res-16-2.schema.json
canvass_ndjson="target/release/canvass validate --schema $schema target/bench-replies --format ndjson"
canvass_json="target/release/canvass validate --schema $schema target/bench-replies --format json"
jsonschema="jsonschema-cli validate $schema --assert-format -i \$(cat target/bench-files.txt)"
for round in $(seq 1 "${ROUNDS:-3}"); do
  echo "== round $round"
  if (( round % 2 )); then
    hyperfine --ignore-failure --warmup 3 --runs "${RUNS:-20}" \
      -n "canvass --format ndjson" "$canvass_ndjson" \
      -n "canvass --format json" "$canvass_json" \
      -n "jsonschema-cli" "$jsonschema"
  else
    hyperfine --ignore-failure --warmup 3 --runs "${RUNS:-20}" \
      -n "jsonschema-cli" "$jsonschema" \
      -n "canvass --format json" "$canvass_json" \
      -n "canvass --format ndjson" "$canvass_ndjson"
  fi
done

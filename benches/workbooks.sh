#!/usr/bin/env bash
# Workbook replies through the command line: `intake add` of 193 filled templates (one per
# member state) into a fresh collection, against `validate` of the same folder; and the peak
# memory of judging a workbook whose table has 10,000 rows. `cargo bench --bench workbook`
# writes both. Needs hyperfine (`apt-get install hyperfine`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
[ -d target/bench-workbooks ] || cargo bench --bench workbook --quiet -- --test > /dev/null
canvass=target/release/canvass
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fresh="rm -f $work/c.db $work/c.db-wal $work/c.db-shm; $canvass intake init -q res-16-2 --db $work/c.db > /dev/null"
hyperfine --ignore-failure --warmup 2 --runs "${RUNS:-15}" --output=null \
  -n "validate, 193 workbooks" "$canvass validate -q res-16-2 --format ndjson target/bench-workbooks" \
  -n "intake add, 193 workbooks" --prepare "bash -c '$fresh'" "$canvass intake add --db $work/c.db target/bench-workbooks"
kib=$( { /usr/bin/time -f '%M' $canvass validate -q target/bench-table/questionnaire.toml target/bench-table/table-10000.xlsx > /dev/null; } 2>&1 | tail -1 )
echo "peak memory, validate of a workbook with a 10,000-row table: $kib KiB"
kib=$( { /usr/bin/time -f '%M' $canvass validate -q res-16-2 target/bench-workbooks > /dev/null || true; } 2>&1 | tail -1 )
echo "peak memory, validate of the 193 workbooks: $kib KiB"

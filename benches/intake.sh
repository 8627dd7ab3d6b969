#!/usr/bin/env bash
# `intake add` of the 10,000 generated replies into a fresh collection, against `validate`
# of the same folder (the issue's bar: at least half of validate's throughput), then
# `tabulate` over the collection, and the peak memory of each, with 10,000 and with 30,000
# replies (memory must not grow with them). Needs hyperfine (`apt-get install hyperfine`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
[ -d target/bench-replies ] || cargo bench --bench validate --quiet -- --test > /dev/null
canvass=target/release/canvass
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fresh="rm -f $work/c.db $work/c.db-wal $work/c.db-shm; $canvass intake init -q res-16-2 --db $work/c.db > /dev/null"
hyperfine --ignore-failure --warmup 2 --runs "${RUNS:-15}" --output=null \
  -n "validate" "$canvass validate -q res-16-2 --format ndjson target/bench-replies" \
  -n "intake add" --prepare "bash -c '$fresh'" "$canvass intake add --db $work/c.db target/bench-replies"
bash -c "$fresh"
$canvass intake add --db "$work/c.db" target/bench-replies > /dev/null || true
hyperfine --warmup 2 --runs "${RUNS:-15}" --output=null -n "tabulate" "$canvass tabulate --db $work/c.db --format md"
# Copies that differ in their bytes (trailing newlines), so that none is "unchanged".
python3 - "$work" <<'PY'
import pathlib, sys
files = sorted(pathlib.Path("target/bench-replies").glob("*.json"))
for i in (1, 2, 3):
    d = pathlib.Path(sys.argv[1]) / f"copy{i}"
    d.mkdir()
    for f in files:
        (d / f.name).write_bytes(f.read_bytes() + b"\n" * i)
PY
for n in 1 3; do
  bash -c "$fresh"
  dirs=$(for i in $(seq 1 $n); do echo "$work/copy$i"; done)
  kib=$( { /usr/bin/time -f '%M' $canvass intake add --db "$work/c.db" $dirs > /dev/null || true; } 2>&1 | tail -1 )
  echo "peak memory, intake add of $((n * 10000)) replies: $kib KiB"
  kib=$( { /usr/bin/time -f '%M' $canvass tabulate --db "$work/c.db" --format md > /dev/null; } 2>&1 | tail -1 )
  echo "peak memory, tabulate over them: $kib KiB"
done

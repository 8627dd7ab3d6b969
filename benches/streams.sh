#!/usr/bin/env bash
# The intake's streaming paths against a folder: the same 10,000 generated replies as files
# in a folder, as one `.ndjson` file, as standard input redirected from that file, and as
# standard input through a pipe. Prints hyperfine's table, then the peak resident memory of
# each (GNU time's "Maximum resident set size"). Needs hyperfine (`apt-get install hyperfine`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
# The criterion bench writes its corpus to target/bench-replies/; --test runs each benchmark once.
[ -d target/bench-replies ] || cargo bench --bench validate --quiet -- --test > /dev/null
python3 -c '
import json, pathlib
files = sorted(pathlib.Path("target/bench-replies").glob("*.json"))
with open("target/bench-replies.ndjson", "w") as out:
    for f in files:
        out.write(json.dumps(json.loads(f.read_text()), ensure_ascii=False, separators=(",", ":")) + "\n")
'
schema=schemas/res-16-2.schema.json
canvass="target/release/canvass validate --schema $schema --format ndjson"
hyperfine --ignore-failure --warmup 3 --runs "${RUNS:-20}" --output=null \
  -n "folder" "$canvass target/bench-replies" \
  -n ".ndjson file" "$canvass target/bench-replies.ndjson" \
  -n "stdin from the file" "$canvass - < target/bench-replies.ndjson" \
  -n "stdin through a pipe" "cat target/bench-replies.ndjson | $canvass -"
for what in "target/bench-replies" "target/bench-replies.ndjson" "- < target/bench-replies.ndjson"; do
  # canvass exits 1 (some replies have findings): that is not a failure here.
  kib=$( { /usr/bin/time -f '%M' bash -c "$canvass $what > /dev/null" || true; } 2>&1 | tail -1 )
  echo "peak memory, $what: $kib KiB"
done

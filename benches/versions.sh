#!/usr/bin/env bash
# `tabulate` and `export` over a collection where one respondent has sent many versions (anyone
# can send invalid replies naming a country): their time must grow with the versions, not with
# their square. One valid version of AUT (the latest accepted), then N invalid ones on top, for
# N in $SIZES. Needs hyperfine (`apt-get install hyperfine`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
canvass=target/release/canvass
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in ${SIZES:-2000 8000}; do
  rm -rf "$work/replies" "$work/c.db"*
  mkdir "$work/replies"
  python3 - "$work/replies" "$n" <<'PY'
import pathlib, sys
aut = pathlib.Path("questionnaires/res-16-2/replies/aut.toml").read_text()
out, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
(out / "aut-000000.toml").write_text(aut)
bad = aut.replace('country = "AUT"', 'country = "AUT"\nbogus = 1')
for i in range(1, n + 1):
    (out / f"aut-{i:06}.toml").write_text(f"{bad}\n# {i}\n")
PY
  $canvass intake init -q res-16-2 --db "$work/c.db" > /dev/null
  $canvass intake add --db "$work/c.db" "$work/replies" > /dev/null || true
  hyperfine --warmup 1 --runs "${RUNS:-5}" --output=null \
    -n "tabulate, $n versions" "$canvass tabulate --db $work/c.db --format md" \
    -n "export, $n versions" "$canvass intake export --db $work/c.db --format ndjson -o $work/out.ndjson"
done

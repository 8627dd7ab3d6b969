#!/usr/bin/env bash
# Seed the fuzz corpora from the test fixtures, the shipped questionnaire and its replies.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/questionnaire corpus/expression corpus/reply corpus/render corpus/workbook
cp ../tests/check/*.toml ../tests/hostile/questionnaires/*.toml corpus/questionnaire/
for q in ../questionnaires/*/questionnaire.toml; do cp "$q" "corpus/questionnaire/$(basename "$(dirname "$q")").toml"; done
cp ../tests/validate/questionnaire.toml corpus/questionnaire/demo.toml
cp ../questionnaires/*/replies/* ../tests/hostile/replies/* corpus/reply/
for reply in ../tests/fast_path/replies/*; do cp "$reply" "corpus/reply/fast-$(basename "$reply")"; done
for folder in ../tests/validate/*/; do
  for reply in "$folder"reply.*; do cp "$reply" "corpus/reply/$(basename "$folder").${reply##*.}"; done
done
# Every `when` and `check` of every questionnaire, one expression per file.
grep -hoE '^(when|check) = "[^"]*"' ../questionnaires/*/questionnaire.toml ../tests/check/*.toml ../tests/validate/questionnaire.toml \
  | sed -E 's/^(when|check) = "(.*)"$/\2/' | sort -u \
  | awk '{ f = sprintf("corpus/expression/seed-%03d", NR); printf "%s", $0 > f; close(f) }'
# Render: the demo questionnaire, a NUL, then a reply (its fixtures and the hostile ones).
for reply in ../tests/validate/*/reply.* ../tests/hostile/replies/*; do
  name="corpus/render/$(basename "$(dirname "$reply")")-$(basename "$reply")"
  { cat ../tests/validate/questionnaire.toml; printf '\0'; cat "$reply"; } > "$name"
done
# Workbook: a blank template of every shipped questionnaire, and the hostile workbooks.
for q in ../questionnaires/*/questionnaire.toml; do
  id=$(basename "$(dirname "$q")")
  cargo run -q --release --manifest-path ../Cargo.toml -- template "$q" --format xlsx -o "corpus/workbook/$id.xlsx"
done
cp ../tests/hostile/replies/*.xlsx corpus/workbook/

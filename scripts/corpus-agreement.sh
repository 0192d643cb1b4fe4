#!/usr/bin/env bash
# Human agreement: the second, blind annotation in Tests/Corpus/agreement scored against the first
# (train/ or test/) with the corpus' score.py. Prints aggregate figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
score=${SCORE:-../shared/corpus/score.py}
first=$(mktemp -d); trap 'rm -rf "$first"' EXIT
n=0
for second in Tests/Corpus/agreement/*.gold.json; do
  id=$(basename "$second" .gold.json)
  for split in train test; do
    [ -f "Tests/Corpus/$split/$id.gold.json" ] && cp "Tests/Corpus/$split/$id.gold.json" "$first/" && n=$((n + 1))
  done
done
echo "agreement on $n documents (second annotation scored against the first)"
python3 "$score" "$first" Tests/Corpus/agreement | grep -v '^worst docs'

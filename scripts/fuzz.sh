#!/usr/bin/env bash
# Builds the libFuzzer harness and runs one of its targets, then minimizes the kept corpus.
#
#   scripts/fuzz.sh HARNESS SECONDS [libFuzzer flags…]
#   scripts/fuzz.sh extractor 600          # extractor, importer or writers
#
# The run starts from Fuzz/corpus/HARNESS (the minimized corpus kept in the repo) and the seed
# texts in Fuzz/seeds/HARNESS; new inputs go to .build-fuzz/work/HARNESS. At the end the inputs
# that add coverage are merged (-merge=1) back into Fuzz/corpus/HARNESS. A crash is written to
# .build-fuzz/artifacts/HARNESS/crash-…; replay it with
#   MEETGRAPH_FUZZ_TARGET=HARNESS .build-fuzz/release/meetgraph-fuzz FILE
set -euo pipefail

harness=${1:?usage: scripts/fuzz.sh extractor|importer|writers SECONDS [libFuzzer flags]}
seconds=${2:?usage: scripts/fuzz.sh HARNESS SECONDS [libFuzzer flags]}
shift 2
case $harness in extractor|importer|writers) ;; *) echo "unknown harness $harness: use extractor, importer or writers" >&2; exit 2 ;; esac

cd "$(dirname "$0")/.."
scratch=.build-fuzz
swift build -c release --scratch-path "$scratch" --product meetgraph-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -DFUZZING -Xswiftc -parse-as-library >&2
binary=$scratch/release/meetgraph-fuzz

corpus=Fuzz/corpus/$harness
work=$scratch/work/$harness
artifacts=$scratch/artifacts/$harness
mkdir -p "$corpus" "$work" "$artifacts"
export MEETGRAPH_FUZZ_TARGET=$harness

status=0
"$binary" "$work" "$corpus" "Fuzz/seeds/$harness" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" || status=$?

# Keep a small set of inputs that covers what all of them cover (-set_cover_merge, a minimizing
# -merge): merge everything into an empty folder, then swap it in.
merged=$scratch/merged/$harness
rm -rf "$merged" && mkdir -p "$merged"
"$binary" -set_cover_merge=1 -max_len=4096 -timeout=10 "$merged" "$corpus" "$work" >&2 2>"$scratch/merge-$harness.log" || true
if [ -n "$(ls -A "$merged")" ]; then
    rm -rf "$corpus" && mv "$merged" "$corpus"
fi
echo "$harness: $(ls "$corpus" | wc -l) inputs, $(du -sh "$corpus" | cut -f1) in $corpus" >&2
exit $status

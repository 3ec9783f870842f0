#!/usr/bin/env bash
# Whole-run benchmark: builds a synthetic corpus of N copies of the demo
# corpus (each copy a separate document) and times `crosscheck check` on
# it with /usr/bin/time -v (and hyperfine when installed).
#
#   scripts/bench.sh [COPIES]      default 2000 copies = 10,000 documents
#
# Figures go to BENCHMARKS.md by hand, with the machine they came from.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-2000}
dir=target/bench-corpus-$copies
if [ ! -d "$dir" ]; then
  mkdir -p "$dir"
  for i in $(seq 1 "$copies"); do
    sub="$dir/$((i % 100))"
    mkdir -p "$sub"
    for f in corpus/*.txt; do cp "$f" "$sub/$i-$(basename "$f")"; done
  done
fi
cargo build --release --quiet
bytes=$(du -sb "$dir" | cut -f1)
docs=$(find "$dir" -type f | wc -l)
echo "corpus: $docs documents, $bytes bytes"
out=$(mktemp -d)
/usr/bin/time -v target/release/crosscheck check "$dir" --out "$out" 2> "$out/time.txt" > "$out/stdout.txt" || true
cat "$out/stdout.txt"
grep -E "Elapsed|Maximum resident|User time|System time|Percent of CPU" "$out/time.txt"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 "target/release/crosscheck check $dir --out $out"
  hyperfine --warmup 1 --runs 10 "target/release/crosscheck check corpus --out $out"
fi

#!/usr/bin/env bash
# Rule-pack load benchmark: generates a pack of N pattern rules and one of N
# frame rules (each rule its own words, so none share a compiled regex) on
# top of the default pack, and times `crosscheck check` of the demo corpus
# with /usr/bin/time -v, three runs each (the middle one is the figure).
#
#   scripts/bench-rules.sh [N]      default 1000 rules
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --release --quiet
dir=target/bench-rules-$n
rm -rf "$dir" && mkdir -p "$dir/patterns" "$dir/frames"
for i in $(seq 1 "$n"); do
  cat <<RULE
[[rule]]
id = "gen.p$i"
describe = "generated"
patterns = ['{quantity} widgets$i', '{percent} of gadgets$i']
key = "gen/p$i"
unit = "widgets"

[[rule.example]]
text = "We counted 5 widgets$i."
value = "[5, 5] widgets"

RULE
done > "$dir/patterns/pack.toml"
for i in $(seq 1 "$n"); do
  cat <<RULE
[[rule]]
id = "gen.f$i"
describe = "generated"
counts = ["widgets$i", "gadget$i*"]
key = "gen/f$i"
unit = "widgets"

[[rule.example]]
text = "There were 7 widgets$i in stock."
value = "[7, 7] widgets"

RULE
done > "$dir/frames/pack.toml"
out=$(mktemp -d)
for kind in none patterns frames; do
  extra=()
  [ "$kind" != none ] && extra=(--rules "$dir/$kind")
  for run in 1 2 3; do
    /usr/bin/time -v target/release/crosscheck check corpus --rules rules "${extra[@]}" --out "$out" \
      > /dev/null 2> "$out/time.txt" || { tail -3 "$out/time.txt"; exit 1; }
    secs=$(grep Elapsed "$out/time.txt" | awk '{print $NF}')
    rss=$(grep "Maximum resident" "$out/time.txt" | awk '{print $NF}')
    echo "$kind run $run: $secs elapsed, $((rss / 1024)) MB peak"
  done
done

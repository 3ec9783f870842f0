#!/usr/bin/env bash
# The development corpus's figures, as the README and docs/eval.md report
# them: the default pack alone, then the default pack with every story pack.
# Usage: scripts/eval.sh [BINARY]   (default: target/release/crosscheck)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/crosscheck}
[ -x "$BIN" ] || cargo build --release --quiet
for config in "default:--rules rules" "default+stories:--rules rules --rules tests/eval/rules"; do
  name=${config%%:*}; flags=${config#*:}
  echo "== $name ($flags)"
  # shellcheck disable=SC2086
  # Floors (tests/eval/labels/floors.toml) are for the default + story
  # packs; this script only reports, so a failed floor does not stop it.
  "$BIN" eval tests/eval/labels $flags --summary | sed 1d || true
done

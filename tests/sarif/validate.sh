#!/usr/bin/env bash
# Validate the SARIF crosscheck writes with the SARIF multitool (npm
# @microsoft/sarif-multitool, pinned in package-lock.json) and GitHub code
# scanning's rules: a run of the roster fixtures (conflicts failing, one
# decided so that its result carries a suppression, a compatible `pass`).
# Fails on any error the validator reports.
#
#   tests/sarif/validate.sh [CROSSCHECK]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="${1:-$root/target/release/crosscheck}"
(cd "$here" && npm ci --no-audit --no-fund --silent)
tool="$here/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
chmod u+x "$tool"   # npm does not run the package's install script that does this
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$root/tests/fixtures/rosters/corpus" "$work/corpus"
cp "$root"/corpus/*.txt "$work/corpus/"   # the seeds hold a compatible count
"$bin" check "$work/corpus" --rules "$root/rules" --out "$work/out" --format sarif > /dev/null || true
# Decide one failing finding, so that a result carries a suppression.
id="$(awk -F, 'NR > 1 && $2 == "conflict" { print $1; exit }' "$work/out/findings.csv")"
printf 'id,decision,reason,note\n%s,dismissed,different-event,checked by hand\n' "$id" > "$work/out/review.csv"
"$bin" check "$work/corpus" --rules "$root/rules" --out "$work/out" --format sarif > /dev/null || true
grep -q '"suppressions"' "$work/out/findings.sarif" || { echo "no suppression in the SARIF"; exit 1; }
grep -q '"kind": "pass"' "$work/out/findings.sarif" || { echo "no compatible (pass) result in the SARIF"; exit 1; }
"$tool" validate "$work/out/findings.sarif" --rule-kind "Gh;Sarif" --level "Error;Warning" \
  -o "$work/validation.sarif" > "$work/validation.txt" 2>&1 || true
cat "$work/validation.txt"
if grep -Eq ': error [A-Z]+[0-9]+:' "$work/validation.txt" || ! grep -q 'Analysis completed successfully' "$work/validation.txt"; then
  echo "findings.sarif does not pass the SARIF multitool's validation with GitHub's rules"
  exit 1
fi
echo "findings.sarif passes the SARIF multitool's validation with GitHub's rules"

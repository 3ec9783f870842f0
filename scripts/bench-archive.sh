#!/usr/bin/env bash
# Archive-scale benchmark: generates synthetic news archives with the
# deterministic generator (examples/gencorpus.rs: 1 file in 5 a re-told
# development article, the rest digit-heavy filler), then times
# `crosscheck check` on each with both rule packs, against `rg -c '[0-9]'`
# (a plain digit scan over the same files) for scale, and the start-up cost
# on the 5-document demo corpus.
#
#   scripts/bench-archive.sh [SIZES...]      default: 10M 100M (1G allowed)
#
# Environment:
#   RUNS=3          runs per measurement (the median is reported; start-up
#                   takes max(RUNS, 10))
#   THREADS="1 2"   RAYON_NUM_THREADS values (and rg -j)
#   SEED=1          generator seed
#   SKIP_BUILD=1    use the binaries already in target/release
#
# Corpora are generated once into target/bench-archive/SIZE (a hidden
# .done-SEED marker says a corpus is complete); reports go to a temporary
# folder outside them. Timings are warm-cache: the corpus was just written
# or read by the previous run. MB are 10^6 bytes; sizes on the command line
# are powers of 1024 (100M = 104,857,600 bytes).
set -euo pipefail
cd "$(dirname "$0")/.."

die() {
  echo "bench-archive: $*" >&2
  exit 1
}

if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(10M 100M); fi
runs=${RUNS:-3}
threads=${THREADS:-"1 2"}
seed=${SEED:-1}
root=target/bench-archive
bin=target/release/crosscheck
gen=target/release/examples/gencorpus

for s in "${sizes[@]}"; do
  [[ $s =~ ^[0-9]+[KMGT]?$ ]] || die "bad size '$s' (examples: 10M, 100M, 1G)"
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer, not '$runs'"
for t in $threads; do
  [[ $t =~ ^[1-9][0-9]*$ ]] || die "THREADS must list positive integers, not '$threads'"
done
[[ $seed =~ ^[0-9]+$ ]] || die "SEED must be a non-negative integer, not '$seed'"

# --- tools -----------------------------------------------------------------

apt_install() {
  local sudo=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || return 1
    sudo=sudo
  fi
  command -v apt-get >/dev/null || return 1
  echo "installing $1 with apt-get" >&2
  $sudo apt-get install -y "$1" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y "$1" >/dev/null 2>&1; }
}

command -v rg >/dev/null || apt_install ripgrep || true
command -v rg >/dev/null || die "ripgrep (rg) is required and could not be installed"
command -v hyperfine >/dev/null || apt_install hyperfine || true
command -v hyperfine >/dev/null || echo "note: no hyperfine; start-up is timed with /usr/bin/time" >&2
[ -x /usr/bin/time ] || apt_install time || true
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is required"
command -v python3 >/dev/null || die "python3 is required"

# --- build -----------------------------------------------------------------

if [ -z "${SKIP_BUILD:-}" ]; then
  cargo build --release || die "cargo build --release failed"
  cargo build --release --example gencorpus || die "building the corpus generator (examples/gencorpus.rs) failed"
fi
[ -x "$bin" ] || die "$bin is missing (run cargo build --release)"
[ -x "$gen" ] || die "$gen is missing (run cargo build --release --example gencorpus)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-archive.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

now() { echo "${EPOCHREALTIME:-$(date +%s.%N)}"; }

# --- corpora ---------------------------------------------------------------

# What the corpus depends on besides seed and size: a corpus made by an
# older generator or from other templates is made again.
gen_id=$({
  cat examples/gencorpus.rs
  find tests/eval/corpus -name '*.md' -print0 | sort -z | xargs -0 cat
} | sha256sum | cut -c1-16)

for size in "${sizes[@]}"; do
  dir=$root/$size
  if [ -f "$dir/.done-$seed" ]; then
    read -r _ _ id <"$dir/.done-$seed" || true
    if [ "${id:-}" = "$gen_id" ]; then
      echo "corpus $dir: present ($(head -1 "$dir/.done-$seed"))"
      continue
    fi
    echo "corpus $dir: made by another generator version; making it again"
  fi
  rm -rf "$dir"
  echo "generating $dir (seed $seed) ..."
  if ! "$gen" --bytes "$size" --out "$dir" --seed "$seed" >"$tmp/gen.out" 2>"$tmp/gen.err"; then
    cat "$tmp/gen.err" >&2
    rm -rf "$dir"
    die "the corpus generator failed for $size: $gen --bytes $size --out $dir --seed $seed"
  fi
  cat "$tmp/gen.out"
  # Hidden, so neither crosscheck nor rg reads it: "FILES BYTES GEN_ID",
  # then the generator's own summary.
  {
    find "$dir" -type f -name '*.md' -printf '%s\n' | awk -v id="$gen_id" '{n++; b+=$1} END {print n, b, id}'
    cat "$tmp/gen.out"
  } >"$tmp/marker"
  mv "$tmp/marker" "$dir/.done-$seed"
done

# --- runs ------------------------------------------------------------------

# Other work on the machine skews the figures (most of all the speed-up of
# more threads): the load average before and after is printed with the table.
loadavg() { awk '{print $1, $2, $3}' /proc/loadavg 2>/dev/null || echo '?'; }
load_before=$(loadavg)

# One row per run: tool size files bytes threads wall_s rss_kb claims
results=$tmp/results.tsv
: >"$results"

rss_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

claims_of() { # stdout.txt claims.csv
  local n
  n=$(sed -n 's/^crosscheck: [0-9]* documents ([^)]*), \([0-9]*\) claims.*/\1/p' "$1" | awk 'NR == 1')
  if [ -z "$n" ]; then # the summary changed: count the rows (sentences may hold line breaks)
    n=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))) - 1)' "$2")
  fi
  echo "$n"
}

for size in "${sizes[@]}"; do
  dir=$root/$size
  read -r files bytes _ <"$dir/.done-$seed"
  for t in $threads; do
    for i in $(seq 1 "$runs"); do
      out=$tmp/out
      rm -rf "$out"
      rc=0
      start=$(now)
      RAYON_NUM_THREADS=$t /usr/bin/time -v -o "$tmp/time.txt" \
        "$bin" check "$dir" --rules rules --rules tests/eval/rules --out "$out" \
        >"$tmp/stdout.txt" 2>"$tmp/stderr.txt" || rc=$?
      end=$(now)
      # 1 means failing findings (conflicts), which a synthetic archive has.
      if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        echo "--- stderr (last 40 lines) ---" >&2
        tail -n 40 "$tmp/stderr.txt" >&2
        die "crosscheck check $dir exited with $rc (threads $t, run $i)"
      fi
      claims=$(claims_of "$tmp/stdout.txt" "$out/claims.csv")
      wall=$(python3 -c "print(f'{$end - $start:.3f}')")
      printf 'crosscheck\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$files" "$bytes" "$t" "$wall" \
        "$(rss_kb "$tmp/time.txt")" "$claims" >>"$results"
      echo "crosscheck $size threads=$t run $i: ${wall} s, $claims claims (exit $rc)"
    done
    for i in $(seq 1 "$runs"); do
      rc=0
      start=$(now)
      /usr/bin/time -v -o "$tmp/time.txt" rg --no-ignore -j "$t" -c '[0-9]' "$dir" >/dev/null 2>"$tmp/stderr.txt" || rc=$?
      end=$(now)
      if [ "$rc" -ne 0 ]; then
        cat "$tmp/stderr.txt" >&2
        die "rg exited with $rc on $dir"
      fi
      wall=$(python3 -c "print(f'{$end - $start:.3f}')")
      printf 'rg\t%s\t%s\t%s\t%s\t%s\t%s\t0\n' "$size" "$files" "$bytes" "$t" "$wall" "$(rss_kb "$tmp/time.txt")" >>"$results"
      echo "rg $size -j $t run $i: ${wall} s"
    done
  done
done

# --- start-up: the demo corpus, default rules --------------------------------

startup_runs=$((runs > 10 ? runs : 10))
startup_out=$tmp/startup
rc=0
"$bin" check corpus --out "$startup_out" >/dev/null 2>"$tmp/stderr.txt" || rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
  tail -n 40 "$tmp/stderr.txt" >&2
  die "crosscheck check corpus exited with $rc"
fi
startup_cmd="$bin check corpus --out $startup_out"
if command -v hyperfine >/dev/null; then
  ignore=()
  [ "$rc" -eq 1 ] && ignore=(--ignore-failure)
  hyperfine --style basic --warmup 2 --runs "$startup_runs" ${ignore[@]+"${ignore[@]}"} \
    --export-json "$tmp/startup.json" "$startup_cmd" >/dev/null
  startup=$(python3 -c 'import json, sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$tmp/startup.json")
  startup_how="hyperfine --warmup 2 --runs $startup_runs '$startup_cmd'"
else
  : >"$tmp/startup.txt"
  for _ in $(seq 1 "$startup_runs"); do
    start=$(now)
    "$bin" check corpus --out "$startup_out" >/dev/null 2>&1 || true
    end=$(now)
    python3 -c "print($end - $start)" >>"$tmp/startup.txt"
  done
  startup=$(python3 -c 'import statistics, sys; print("%.4f" % statistics.median(float(l) for l in open(sys.argv[1])))' "$tmp/startup.txt")
  startup_how="$startup_runs timed runs of '$startup_cmd'"
fi

load_after=$(loadavg)

# --- report ------------------------------------------------------------------

echo
echo "## Archive benchmark ($(date -u +%Y-%m-%d), $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src 2>/dev/null || echo ' + uncommitted src changes'))"
echo
# (awk reads to the end: no broken pipe for the tool on the left)
cpu=$(lscpu 2>/dev/null | awk -F': *' '/^Model name/ && !m {m = $2} END {print m}')
echo "Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; $(rg --version | awk 'NR == 1')."
echo "Load average (1, 5, 15 min) before the runs: $load_before; after: $load_after."
echo "Corpora: gencorpus --seed $seed (1 file in 5 a story article, the rest filler); median of $runs runs; warm cache."
echo
python3 - "$results" "$startup" <<'PY'
import statistics, sys
from collections import defaultdict

rows = defaultdict(list)
meta = {}
order = []
for line in open(sys.argv[1]):
    tool, size, files, nbytes, t, wall, rss, claims = line.rstrip("\n").split("\t")
    key = (size, int(t))
    if key not in order:
        order.append(key)
    meta[size] = (int(files), int(nbytes))
    rows[(tool,) + key].append((float(wall), int(rss or 0), int(claims)))

def med(tool, size, t):
    return statistics.median(w for w, _, _ in rows[(tool, size, t)])

print("| size | files | MB | threads | median wall s | MB/s | claims | claims/s | peak RSS MB | rg median s | crosscheck/rg |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for size, t in order:
    files, nbytes = meta[size]
    runs = rows[("crosscheck", size, t)]
    wall = med("crosscheck", size, t)
    claims = int(statistics.median(c for _, _, c in runs))
    rss = max(r for _, r, _ in runs) * 1024 / 1e6
    rg = med("rg", size, t)
    print(f"| {size} | {files:,} | {nbytes / 1e6:,.1f} | {t} | {wall:.2f} | {nbytes / 1e6 / wall:,.1f} | "
          f"{claims:,} | {claims / wall:,.0f} | {rss:,.0f} | {rg:.3f} | {wall / rg:,.1f}x |")
print()
print("Peak RSS is the largest of the runs (GNU time's maximum resident set size).")
print()

sizes = list(dict.fromkeys(s for s, _ in order))
threads = sorted(set(t for _, t in order))
by_bytes = sorted(sizes, key=lambda s: meta[s][1])
largest = by_bytes[-1]
base = "100M" if "100M" in sizes and largest != "100M" else by_bytes[0]
if base != largest:
    for t in threads:
        if (largest, t) in order and (base, t) in order:
            bx = meta[largest][1] / meta[base][1]
            tx = med("crosscheck", largest, t) / med("crosscheck", base, t)
            print(f"- Scaling, {t} thread(s): {largest} / {base} = {bx:.1f}x the bytes, {tx:.2f}x the time "
                  f"({tx / bx:.2f} of linear).")
else:
    print("- Scaling: needs two sizes.")
if len(threads) > 1:
    t0 = threads[0]
    for size in sizes:
        for t in threads[1:]:
            if (size, t0) in order and (size, t) in order:
                print(f"- Speed-up of {t} threads over {t0} on {size}: "
                      f"{med('crosscheck', size, t0) / med('crosscheck', size, t):.2f}x "
                      f"(rg: {med('rg', size, t0) / med('rg', size, t):.2f}x).")
print(f"- Start-up (demo corpus, 5 documents, default rules): median {float(sys.argv[2]) * 1000:.1f} ms.")
PY
echo
echo "Commands:"
echo
echo '```sh'
echo "cargo build --release && cargo build --release --example gencorpus"
for size in "${sizes[@]}"; do
  echo "$gen --bytes $size --out $root/$size --seed $seed"
done
echo "RAYON_NUM_THREADS=\$t /usr/bin/time -v $bin check $root/SIZE --rules rules --rules tests/eval/rules --out \$TMP/out   # t in: $threads"
echo "/usr/bin/time -v rg --no-ignore -j \$t -c '[0-9]' $root/SIZE > /dev/null"
echo "$startup_how"
echo '```'

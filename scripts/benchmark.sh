#!/usr/bin/env bash
# Measures what BENCHMARKS.md reports: reading and validating a large real spec, next to a bare
# libyaml event parse of the same file. Release build; wall time is the best of N runs, peak
# memory is the maximum resident set size of one process doing one stage.
#
#   scripts/benchmark.sh [SPEC] [RUNS]      default: ../shared/corpus/square-api.json, 5 runs
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-../shared/corpus/square-api.json}
runs=${2:-5}
[ -f "$spec" ] || { echo "benchmark: no spec at $spec (the corpus lives in ../shared/corpus)" >&2; exit 2; }

swift build -c release --product lathe >/dev/null
swift build -c release --product lathe-bench >/dev/null
bin=$(swift build -c release --show-bin-path)

peak_kib() { { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null || true; } | tail -n 1; }
best_ms() { # best wall time of $runs runs of a whole command, in ms
  local best=""
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    local ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

size=$(stat -c %s "$spec")
echo "spec: $spec ($size bytes), $(nproc) cores, $(date -u +%Y-%m-%d), $(swift --version 2>&1 | head -n 1)"
echo
echo "| stage | time (best of $runs) | peak memory | memory / file size |"
echo "| --- | --- | --- | --- |"
for mode in events tree validate; do
  ms=$("$bin/lathe-bench" "$mode" "$spec" --repeat "$runs" | sed -E 's/.*: ([0-9.]+) ms.*/\1/')
  kib=$(peak_kib "$bin/lathe-bench" "$mode" "$spec" --repeat 1)
  label=$mode
  case $mode in
    events) label="bare libyaml event parse";;
    tree) label="Lathe reader (located node tree)";;
    validate) label="read + decode + resolve + check (in process)";;
  esac
  echo "| $label | $ms ms | $((kib / 1024)) MiB | $(awk "BEGIN { printf \"%.1f\", $kib * 1024 / $size }")× |"
done
cli_ms=$(best_ms "$bin/lathe" validate "$spec")
cli_kib=$(peak_kib "$bin/lathe" validate "$spec")
echo "| \`lathe validate\` (whole process) | $cli_ms ms | $((cli_kib / 1024)) MiB | $(awk "BEGIN { printf \"%.1f\", $cli_kib * 1024 / $size }")× |"
baseline_kib=$(peak_kib "$bin/lathe" --help)
echo
echo "Process baseline (\`lathe --help\`, the Swift runtime and libraries): $((baseline_kib / 1024)) MiB."

# Instruction counts do not depend on what else the machine is doing: the steadiest comparison.
if command -v valgrind >/dev/null; then
  echo
  echo "| stage | instructions (callgrind) | × libyaml |"
  echo "| --- | --- | --- |"
  base=""
  for mode in events validate; do
    out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin/lathe-bench" "$mode" "$spec" --repeat 1 2>"$out" >/dev/null
    count=$(sed -nE 's/.*Collected : ([0-9]+).*/\1/p' "$out")
    rm -f "$out"
    [ -n "$base" ] || base=$count
    echo "| $mode | $((count / 1000000)) M | $(awk "BEGIN { printf \"%.2f\", $count / $base }") |"
  done
fi

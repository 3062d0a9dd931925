#!/usr/bin/env bash
# Measures what BENCHMARKS.md reports for generation: the time and peak memory of
# `lathe generate` on a large spec, and the clean debug build of a package holding the generated
# types (which builds LatheRuntime too, as a user's package would).
#
#   scripts/benchmark-generate.sh [SPEC] [RUNS]     default: ../shared/corpus/square-api.json, 3 runs
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
spec=${1:-../shared/corpus/square-api.json}
runs=${2:-3}
[ -f "$spec" ] || { echo "benchmark: no spec at $spec" >&2; exit 2; }

swift build -c release --product lathe >/dev/null
lathe="$(swift build -c release --show-bin-path)/lathe"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Generation time (best of $runs) and peak memory, then the clean debug build of the output.
measure() { # $1: label, rest: lathe generate options
  local label=$1; shift
  local best=""
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    local start end ms
    start=$(date +%s%N)
    "$lathe" generate --quiet "$@" "$spec" --output "$work/out" 2>/dev/null
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  rm -rf "$work/out"
  local gen_kib files lines
  gen_kib=$( { /usr/bin/time -f '%M' "$lathe" generate --quiet "$@" "$spec" --output "$work/out" 2>&1 >/dev/null || true; } | tail -n 1)
  files=$(ls "$work/out" | wc -l)
  lines=$(cat "$work/out"/*.swift | wc -l)
  rm -rf "$work/pkg/Sources/Generated" "$work/pkg/.build"
  mkdir -p "$work/pkg/Sources/Generated"
  cp "$work/out"/*.swift "$work/pkg/Sources/Generated/"
  local start end build_kib build_s
  start=$(date +%s%N)
  build_kib=$( { /usr/bin/time -f '%M' swift build --package-path "$work/pkg" 2>&1 >/dev/null || true; } | tail -n 1)
  end=$(date +%s%N)
  build_s=$(awk "BEGIN { printf \"%.1f\", ($end - $start) / 1e9 }")
  rows+=("| \`lathe generate\` $label (release; best of $runs) | $best ms | $((gen_kib / 1024)) MiB |")
  rows+=("| clean debug build of that output ($files files, $lines lines) with LatheRuntime | $build_s s | $((build_kib / 1024)) MiB (largest process) |")
}

mkdir -p "$work/pkg"
cat > "$work/pkg/Package.swift" <<PKG
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "GeneratedBenchmark",
    dependencies: [.package(name: "Lathe", path: "$repo")],
    targets: [.target(name: "Generated", dependencies: [.product(name: "LatheRuntime", package: "Lathe")])]
)
PKG
(cd "$work/pkg" && swift package resolve >/dev/null 2>&1)
rows=()
measure "--mode types" --mode types
measure "(types, client and server)"

echo "spec: $spec, $(nproc) cores, $(date -u +%Y-%m-%d), $(swift --version 2>&1 | head -n 1)"
echo
echo "| what | time | peak memory |"
echo "| --- | --- | --- |"
printf '%s\n' "${rows[@]}"

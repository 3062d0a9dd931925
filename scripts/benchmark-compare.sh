#!/usr/bin/env bash
# Lathe next to apple/swift-openapi-generator 1.14.3 in one run, on the same spec and machine:
# generation time and peak memory of all three modes, then the clean debug build of the output.
# Lathe's figures come from scripts/benchmark-generate.sh; the other generator's output is built in
# a package that depends on swift-openapi-runtime and swift-http-types (what that output imports).
#
#   scripts/benchmark-compare.sh [RUNS]     Square (../shared/corpus/square-api.json), 3 runs
#
# OpenAPIKit refuses Square as published, so both generators read a copy with its three defects
# fixed (scripts/lib/square-for-openapikit.py). The generator is cloned and built (release) once
# into .build-compare/, which git ignores.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
version=1.14.3
cache=$(pwd)/.build-compare

if [ ! -d "$cache/generator" ]; then
  mkdir -p "$cache"
  git clone -q --depth 1 --branch "$version" https://github.com/apple/swift-openapi-generator "$cache/generator"
fi
swift build -c release --package-path "$cache/generator" --product swift-openapi-generator >/dev/null
generator="$(swift build -c release --package-path "$cache/generator" --show-bin-path)/swift-openapi-generator"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f ../shared/corpus/square-api.json ] || { echo "benchmark: no ../shared/corpus/square-api.json" >&2; exit 2; }
spec="$work/square-api.json"
python3 scripts/lib/square-for-openapikit.py ../shared/corpus/square-api.json "$spec"

echo "## Lathe"
scripts/benchmark-generate.sh "$spec" "$runs"
echo
echo "## swift-openapi-generator $version"
generate() { # $1: output folder
  "$generator" generate --mode types --mode client --mode server \
    --access-modifier public --output-directory "$1" "$spec" >/dev/null 2>"$work/stderr"
}

best=""
for _ in $(seq "$runs"); do
  rm -rf "$work/out"
  start=$(date +%s%N)
  generate "$work/out" || { cat "$work/stderr" >&2; exit 1; }
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
done
rm -rf "$work/out"
/usr/bin/time -f '%M' -o "$work/mem" "$generator" generate --mode types --mode client --mode server \
  --access-modifier public --output-directory "$work/out" "$spec" >/dev/null 2>&1
gen_kib=$(tail -n 1 "$work/mem")
files=$(ls "$work/out" | wc -l)
lines=$(cat "$work/out"/*.swift | wc -l)

mkdir -p "$work/pkg/Sources/Generated"
cp "$work/out"/*.swift "$work/pkg/Sources/Generated/"
cat > "$work/pkg/Package.swift" <<'PKG'
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "GeneratedBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.7.0"),
    ],
    targets: [.target(name: "Generated", dependencies: [
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
    ])]
)
PKG
(cd "$work/pkg" && swift package resolve >/dev/null 2>&1)
start=$(date +%s%N)
if ! /usr/bin/time -f '%M' -o "$work/mem" swift build --package-path "$work/pkg" >"$work/build.log" 2>&1; then
  tail -n 20 "$work/build.log" >&2; exit 1
fi
end=$(date +%s%N)
build_s=$(awk "BEGIN { printf \"%.1f\", ($end - $start) / 1e9 }")
build_kib=$(tail -n 1 "$work/mem")

echo "spec: $spec, $(nproc) cores, $(date -u +%Y-%m-%d), $(swift --version 2>&1 | head -n 1)"
echo
echo "| what | time | peak memory |"
echo "| --- | --- | --- |"
echo "| swift-openapi-generator $version, types, client and server (release; best of $runs) | $best ms | $((gen_kib / 1024)) MiB |"
echo "| clean debug build of that output ($files files, $lines lines) with OpenAPIRuntime | $build_s s | $((build_kib / 1024)) MiB (largest process) |"

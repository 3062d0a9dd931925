#!/usr/bin/env bash
# How a user's first `swift build` spends its time on Lathe's output for a spec: generates it
# (release lathe) into a package that depends on this checkout, builds the runtime, then builds
# the generated target clean, as SwiftPM does by default (separate emit-module job, batches of
# files, index-while-building), with the frontend's statistics on, and prints each job's start,
# end and phases (scripts/lib/build_timeline.py). BENCHMARKS.md's SwiftPM timeline comes from this.
#
#   scripts/build-timeline.sh [SPEC]     default: ../shared/corpus/square-api.json
set -euo pipefail
spec=$(realpath "${1:-$(dirname "$0")/../../shared/corpus/square-api.json}")
cd "$(dirname "$0")/.."
repo=$(pwd)
swift build -c release --product lathe >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/Sources/Generated" "$work/stats"
cat > "$work/Package.swift" <<MANIFEST
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "BuildTimeline",
    dependencies: [.package(name: "Lathe", path: "$repo")],
    targets: [.target(name: "Generated", dependencies: [.product(name: "LatheRuntime", package: "Lathe")])]
)
MANIFEST
"$(swift build -c release --show-bin-path)/lathe" generate --quiet "$spec" --output "$work/Sources/Generated"
cd "$work"
# The dependencies with the same flags (other flags would rebuild them), then their statistics gone.
swift build --target LatheRuntime -Xswiftc -stats-output-dir -Xswiftc "$work/stats" >/dev/null
rm -f "$work"/stats/*
start=$EPOCHREALTIME
swift build -Xswiftc -stats-output-dir -Xswiftc "$work/stats" >/dev/null
end=$EPOCHREALTIME
python3 "$repo/scripts/lib/build_timeline.py" "$work/stats" "$(python3 -c "print($end - $start)")"

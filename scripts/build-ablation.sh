#!/usr/bin/env bash
# What each part of Lathe's output costs a debug build: generates a spec's output several ways
# (all modes, types only, types without Hashable, types with one kind of function body stubbed
# out) and compiles each, one after another (scripts/lib/build_ablation.py). BENCHMARKS.md's
# table of where a debug build of generated types goes comes from this. About 10 minutes for Square.
#
#   scripts/build-ablation.sh [SPEC]     default: ../shared/corpus/square-api.json
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-../shared/corpus/square-api.json}
swift build -c release --product lathe >/dev/null
swift build --product LatheRuntime >/dev/null 2>&1 || swift build --target LatheRuntime >/dev/null
python3 scripts/lib/build_ablation.py "$(swift build -c release --show-bin-path)/lathe" "$spec" \
  "$(swift build --show-bin-path)/Modules"

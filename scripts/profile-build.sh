#!/usr/bin/env bash
# Where the compiler spends its time on Lathe's output for a spec: generates it (release lathe),
# builds LatheRuntime (debug), then compiles the output as a debug build would, with the frontend's
# timers on (scripts/lib/profile_build.py). BENCHMARKS.md's findings on the build come from this.
#
#   scripts/profile-build.sh [SPEC]     default: ../shared/corpus/square-api.json
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-../shared/corpus/square-api.json}
swift build -c release --product lathe >/dev/null
swift build --product LatheRuntime >/dev/null 2>&1 || swift build --target LatheRuntime >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$(swift build -c release --show-bin-path)/lathe" generate --quiet "$spec" --output "$out"
python3 scripts/lib/profile_build.py "$out" "$(swift build --show-bin-path)/Modules"

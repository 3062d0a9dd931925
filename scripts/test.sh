#!/usr/bin/env bash
# Every test: the main package's, then the end-to-end tests over real HTTP in IntegrationTests/
# (a package of its own so Hummingbird and AsyncHTTPClient never slow the main package's builds).
set -euo pipefail
cd "$(dirname "$0")/.."
# The hand-written Swift is formatted as .swift-format says (scripts/format.sh fixes it).
scripts/format.sh --check
# Generated/ is built as part of the package; its code must compile without a warning.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift build --build-tests 2>&1 | tee "$log"
if grep -E "^/.*/Generated/.*: warning:" "$log"; then
  echo "test.sh: the generated cancellation package has warnings" >&2
  exit 1
fi
swift test --skip-build
lathe="$(swift build --show-bin-path)/lathe"
# Checked-in generated code must be what lathe writes today (Generated/ through the command
# plugin that refreshes it, so the plugin is exercised too).
swift package --allow-writing-to-package-directory generate-code --check
"$lathe" generate --check Tests/Fixtures/wire/api.yaml --output IntegrationTests/Sources/WireAPI
# Includes schemathesis against the generated servers (pip install schemathesis).
swift test --package-path IntegrationTests
# The libFuzzer targets, built with sanitizers, once over each input that found a bug (FUZZING.md).
scripts/fuzz.sh regress

#!/usr/bin/env bash
# Every test: the main package's, then the end-to-end tests over real HTTP in IntegrationTests/
# (a package of its own so Hummingbird and AsyncHTTPClient never slow the main package's builds).
set -euo pipefail
cd "$(dirname "$0")/.."
swift test
swift build --product lathe
lathe="$(swift build --show-bin-path)/lathe"
# The integration tests run code generated from the wire-format fixture: it must be current.
"$lathe" generate --check Tests/Fixtures/wire/api.yaml --output IntegrationTests/Sources/WireAPI
swift test --package-path IntegrationTests

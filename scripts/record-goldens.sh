#!/usr/bin/env bash
# Re-records every golden file through the CLI: for when the old goldens no longer compile, so
# `LATHE_RECORD=1 swift test` cannot build. Read `git diff` afterwards, as after any re-recording.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product lathe
lathe=$(swift build --show-bin-path)/lathe
for spec in Tests/Golden/Snippets/*.yaml; do
  name=$(basename "$spec" .yaml)
  "$lathe" generate --quiet --namespace "$name" "$spec" --output "Tests/LatheGoldenTests/Snippets/$name"
done
# The documents: Tests/Golden/documents.txt, NAME SPEC per line (GoldenTests reads it too).
grep -v '^#' Tests/Golden/documents.txt | while read -r name spec; do
  "$lathe" generate --quiet --namespace "$name" "$spec" --output "Tests/LatheGoldenTests/Documents/$name"
done
echo "Re-recorded. Review with: git diff Tests/LatheGoldenTests"

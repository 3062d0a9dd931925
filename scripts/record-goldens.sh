#!/usr/bin/env bash
# Re-records every golden file through the CLI: for when the old goldens no longer compile, so
# `LATHE_RECORD=1 swift test` cannot build. Read `git diff` afterwards, as after any re-recording.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product lathe
lathe=$(swift build --show-bin-path)/lathe
# Each snippet: its spec and the one file it generates, side by side in Snippets/<Name>/.
for spec in Tests/LatheGoldenTests/Snippets/*/spec.yaml; do
  name=$(basename "$(dirname "$spec")")
  "$lathe" generate --quiet --single-file --namespace "$name" "$spec" --output "Tests/LatheGoldenTests/Snippets/$name"
done
# The documents: Tests/LatheGoldenTests/Documents/documents.txt, NAME SPEC per line (GoldenTests reads it too).
grep -v '^#' Tests/LatheGoldenTests/Documents/documents.txt | while read -r name spec; do
  "$lathe" generate --quiet --namespace "$name" "$spec" --output "Tests/LatheGoldenTests/Documents/$name"
done
# Generated/, the cancellation package, is a golden as well.
"$lathe" generate --quiet --config specs/lathe.yaml
echo "Re-recorded. Review with: git diff Tests/LatheGoldenTests Generated"

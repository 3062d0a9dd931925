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
"$lathe" generate --quiet --namespace Piriod specs/piriod.yaml --output Tests/LatheGoldenTests/Documents/Piriod
"$lathe" generate --quiet --namespace Dolfin specs/dolfin.yaml --output Tests/LatheGoldenTests/Documents/Dolfin
"$lathe" generate --quiet --namespace Storno specs/storno.yaml --output Tests/LatheGoldenTests/Documents/Storno
"$lathe" generate --quiet --namespace Paycashless specs/paycashless.yaml --output Tests/LatheGoldenTests/Documents/Paycashless
"$lathe" generate --quiet --namespace AvaTax specs/avatax.yaml --output Tests/LatheGoldenTests/Documents/AvaTax
"$lathe" generate --quiet --namespace MultiFile Tests/Fixtures/multi-file/api.yaml --output Tests/LatheGoldenTests/Documents/MultiFile
"$lathe" generate --quiet --namespace WireFormats Tests/Fixtures/wire/api.yaml --output Tests/LatheGoldenTests/Documents/WireFormats
echo "Re-recorded. Review with: git diff Tests/LatheGoldenTests"

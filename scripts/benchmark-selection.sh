#!/usr/bin/env bash
# What selecting operations saves a build: Square's spec (../shared/corpus, as published)
# generated whole and with three operations (CreatePayment, GetPayment, ListPayments), each into
# a target of one throwaway package in .build-selection/ beside LatheRuntime from this repository.
# The dependencies are built first, then each generated target alone (clean debug builds), so the
# two compare inside one run. Prints lines, files and build time of each.
#
#   scripts/benchmark-selection.sh [LATHE]    (LATHE: a lathe binary; the debug build by default)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
lathe=${1:-$(swift build --show-bin-path)/lathe}
[ -x "$lathe" ] || swift build --product lathe > /dev/null
spec="$repo/../shared/corpus/square-api.json"
source scripts/lib/two-targets.sh
work="$repo/.build-selection"
two_targets_package "$work" Selection SquareAll SquareThree
"$lathe" generate --quiet "$spec" --output "$work/Sources/SquareAll"
"$lathe" generate --quiet "$spec" --operation CreatePayment --operation GetPayment --operation ListPayments \
  --output "$work/Sources/SquareThree"
cd "$work"
swift package resolve > /dev/null
echo "dependencies (LatheRuntime, swift-openapi-runtime, swift-http-types): clean debug build $(build_alone LatheRuntime) s"
for target in SquareThree SquareAll; do
  lines=$(cat Sources/$target/*.swift | wc -l)
  files=$(ls Sources/$target | wc -l)
  echo "$target: $files files, $lines lines, clean debug build of the target alone $(build_alone "$target") s"
done

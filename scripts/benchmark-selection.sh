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
work="$repo/.build-selection"
rm -rf "$work" && mkdir -p "$work/Sources/SquareAll" "$work/Sources/SquareThree"
cat > "$work/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "Selection",
    dependencies: [
        .package(name: "Lathe", path: "$repo"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: ["SquareAll", "SquareThree"].map { name in
        .target(
            name: name,
            dependencies: [
                .product(name: "LatheRuntime", package: "Lathe"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ])
    }
)
SWIFT
"$lathe" generate --quiet "$spec" --output "$work/Sources/SquareAll"
"$lathe" generate --quiet "$spec" --operation CreatePayment --operation GetPayment --operation ListPayments \
  --output "$work/Sources/SquareThree"
cd "$work"
swift package resolve > /dev/null
start=$(date +%s%N)
swift build --target LatheRuntime > /dev/null
tenths=$((($(date +%s%N) - start) / 100000000))
echo "dependencies (LatheRuntime, swift-openapi-runtime, swift-http-types): clean debug build $((tenths / 10)).$((tenths % 10)) s"
for target in SquareThree SquareAll; do
  lines=$(cat Sources/$target/*.swift | wc -l)
  files=$(ls Sources/$target | wc -l)
  start=$(date +%s%N)
  swift build --target "$target" > /dev/null
  tenths=$((($(date +%s%N) - start) / 100000000))
  echo "$target: $files files, $lines lines, clean debug build of the target alone $((tenths / 10)).$((tenths % 10)) s"
done

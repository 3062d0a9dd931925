#!/usr/bin/env bash
# What request signing (LatheSigning, on swift-crypto) adds to a user's first build: a throwaway
# package in .build-signing-cost/ with two one-line executables, one importing LatheRuntime and one
# LatheSigning, each built clean (debug) with its dependencies, as a user's first build would.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work="$repo/.build-signing-cost"
rm -rf "$work" && mkdir -p "$work/Sources/Plain" "$work/Sources/Signing"
cat > "$work/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "SigningCost",
    dependencies: [.package(name: "Lathe", path: "$repo")],
    targets: [
        .executableTarget(name: "Plain", dependencies: [.product(name: "LatheRuntime", package: "Lathe")], path: "Sources/Plain"),
        .executableTarget(name: "Signing", dependencies: [.product(name: "LatheSigning", package: "Lathe")], path: "Sources/Signing"),
    ]
)
SWIFT
printf 'import LatheRuntime\nprint(JSONValue.null)\n' > "$work/Sources/Plain/main.swift"
printf 'import LatheSigning\nprint(RequestSigningSecret("x"))\n' > "$work/Sources/Signing/main.swift"
cd "$work"
swift package resolve > /dev/null
for product in Plain Signing; do
  rm -rf .build/debug .build/*-unknown-* .build/*-apple-*
  start=$(date +%s%N)
  swift build --product "$product" > /dev/null
  tenths=$((($(date +%s%N) - start) / 100000000))
  echo "$product: clean debug build $((tenths / 10)).$((tenths % 10)) s"
done

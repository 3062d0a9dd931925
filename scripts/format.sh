#!/usr/bin/env bash
# Formats the hand-written Swift with swift-format (the toolchain's `swift format`, configured by
# .swift-format: 4 spaces, 120 columns), or with --check lints it without changing anything, as
# scripts/test.sh does. Generated files say `// swift-format-ignore-file` and are left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Sources Tests Plugins Benchmarks Fuzz/Sources IntegrationTests/Tests IntegrationTests/Sources/Conformance
  Package.swift IntegrationTests/Package.swift Fuzz/Package.swift)
if [ "${1:-}" = "--check" ]; then
  swift format lint --strict --recursive --parallel "${paths[@]}"
else
  swift format --in-place --recursive --parallel "${paths[@]}"
fi

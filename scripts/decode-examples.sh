#!/usr/bin/env bash
# Decodes values of every component schema with the types Lathe generates for it: the spec's own
# examples, and a sample made from its properties' examples, defaults and enums (placeholders of
# the right type and format where the spec gives none; `lathe-bench examples`). Each value is
# decoded, encoded and decoded again; a value the generated type cannot decode, or writes back
# differently, is printed with where it comes from. That is how a reading that compiles but
# decodes the wrong thing shows, on specs no test was written for.
#
#   scripts/decode-examples.sh SPEC...
#
# The throwaway package is .build-examples/ (git ignores .build*); one generated target and one
# checking executable per spec, beside LatheRuntime from this repository. Exits 1 when a value
# fails; a spec's own example can be wrong too, so read each failure before calling it a bug.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
swift build --product lathe > /dev/null
swift build --product lathe-bench > /dev/null
bin=$(swift build --show-bin-path)
work="$repo/.build-examples"
mkdir -p "$work/Sources"
names=()
for spec in "$@"; do
  name=$(basename "$spec" | sed 's/\.[a-z]*$//; s/[^A-Za-z0-9]/_/g')
  # Multi-file specs' roots share names (openapi.yaml): each target gets one of its own.
  base=$name
  suffix=2
  while [[ " ${names[*]} " == *" $name "* ]]; do
    name="${base}_$suffix"
    suffix=$((suffix + 1))
  done
  names+=("$name")
  rm -rf "$work/Sources/Generated_$name" "$work/Sources/Check_$name"
  mkdir -p "$work/Sources/Check_$name"
  "$bin/lathe" generate --quiet "$spec" --output "$work/Sources/Generated_$name"
  {
    echo "import Foundation"
    echo "import LatheRuntime"
    echo "import Generated_$name"
    cat <<'SWIFT'

nonisolated(unsafe) var checked = 0
nonisolated(unsafe) var failed = 0
nonisolated(unsafe) var dropped = 0
nonisolated(unsafe) var defaulted = 0

/// The instant an RFC 3339 date-time names: `Date` keeps the instant, not the offset it was
/// written with, so `10:53:43-08:00` comes back as `18:53:43Z`, the same value.
func instant(_ text: String) -> Date? {
    try? Date(text, strategy: .iso8601) ?? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
}

/// Equal JSON, or the same instant written two ways, or one UUID in upper and lower case
/// (Foundation writes UUIDs in upper case).
func same(_ written: JSONValue, _ original: JSONValue) -> Bool {
    if written == original { return true }
    guard case .string(let a) = written, case .string(let b) = original else { return false }
    if let x = instant(a), let y = instant(b) { return abs(x.timeIntervalSince(y)) < 0.001 }
    return UUID(uuidString: a) != nil && UUID(uuidString: a) == UUID(uuidString: b)
}

/// Whether `written` is `original`, allowing keys `original` has and `written` not (`missing`:
/// what a type does with keys its schema does not declare when `additionalProperties` is not
/// given, which README says are not kept), or keys `written` has and `original` not (`extra`: a
/// default written out, which means the same as the key left out).
func matches(_ written: JSONValue, _ original: JSONValue, missing: Bool = false, extra: Bool = false) -> Bool {
    switch (written, original) {
    case (.object(let some), .object(let all)):
        if !missing && all.keys.contains(where: { some[$0] == nil }) { return false }
        if !extra && some.keys.contains(where: { all[$0] == nil }) { return false }
        return some.allSatisfy { key, value in
            all[key].map { matches(value, $0, missing: missing, extra: extra) } ?? true
        }
    case (.array(let some), .array(let all)):
        return some.count == all.count && zip(some, all).allSatisfy { matches($0, $1, missing: missing, extra: extra) }
    default:
        return same(written, original)
    }
}

/// Where two JSON values first differ, as a JSON path.
func difference(_ written: JSONValue, _ original: JSONValue, at path: String = "$") -> String {
    switch (written, original) {
    case (.object(let some), .object(let all)):
        for key in Set(some.keys).union(all.keys).sorted() {
            guard let a = some[key], let b = all[key] else {
                return "\(path).\(key): \(some[key] == nil ? "left out" : "added")"
            }
            if !matches(a, b) { return difference(a, b, at: "\(path).\(key)") }
        }
    case (.array(let some), .array(let all)) where some.count == all.count:
        for (index, (a, b)) in zip(some, all).enumerated() where !matches(a, b) {
            return difference(a, b, at: "\(path)[\(index)]")
        }
    default: break
    }
    return "\(path): \(written) where the value had \(original)"
}

func check<T: Codable & Equatable>(_ type: T.Type, _ name: String, at location: String, _ json: String) {
    checked += 1
    func fail(_ why: String) {
        failed += 1
        print("\(location): \(name): \(why)\n  value: \(json.prefix(400))")
    }
    let data = Data(json.utf8)
    do {
        let value = try JSONCoding.decoder().decode(T.self, from: data)
        let encoded = try JSONCoding.encoder().encode(value)
        let again = try JSONCoding.decoder().decode(T.self, from: encoded)
        if again != value { fail("decodes to another value once encoded") }
        let written = try JSONDecoder().decode(JSONValue.self, from: encoded)
        let original = try JSONDecoder().decode(JSONValue.self, from: data)
        if matches(written, original) { return }
        if matches(written, original, missing: true) {
            dropped += 1
        } else if matches(written, original, extra: true) {
            defaulted += 1
        } else {
            fail("encodes differently: \(difference(written, original))")
        }
    } catch {
        fail("does not decode: \(error)")
    }
}

SWIFT
    # Each type named through its module: a schema called SortOrder is not Foundation's.
    "$bin/lathe-bench" examples "$spec" | sed "s/^check(/check(Generated_$name./"
    echo
    echo 'print("\(checked - failed) of \(checked) values decode and encode back (\(dropped) without keys their schema does not declare, \(defaulted) with defaults written out)")'
    echo 'exit(failed == 0 ? 0 : 1)'
  } > "$work/Sources/Check_$name/main.swift"
done
targets=""
for name in "${names[@]}"; do
  targets+="    .target(name: \"Generated_$name\", dependencies: runtime),
    .executableTarget(name: \"Check_$name\", dependencies: [\"Generated_$name\"] + runtime),
"
done
cat > "$work/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let runtime: [Target.Dependency] = [
    .product(name: "LatheRuntime", package: "Lathe"),
    .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
    .product(name: "HTTPTypes", package: "swift-http-types"),
]
let package = Package(
    name: "DecodeExamples",
    dependencies: [
        .package(name: "Lathe", path: "$repo"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
$targets    ]
)
SWIFT
cd "$work"
status=0
for name in "${names[@]}"; do
  echo "== $name"
  swift build --product "Check_$name" 2>&1 | grep -E "error:" | head -20 || true
  "$(swift build --show-bin-path)/Check_$name" || status=1
done
exit $status

#!/usr/bin/env bash
# What the runtime's JSON work costs generated code, release builds: encoding an `anyOf` value with
# one and with two members present (PeerTube's runner payload shape; two merge through their JSON,
# AnyOfCoding), and decoding a free-form document as JSONValue through a plain JSONDecoder and
# through JSONCoding.decoder(). With a revision (scripts/benchmark-runtime-json.sh 9f000c3), the
# same package is built against that revision's runtime too, and the two run alternately, so
# their figures come from one run.
# Throwaway packages in .build-runtime-json/; needs the debug lathe (swift build --product lathe).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work="$repo/.build-runtime-json"
base=${1:-}
rounds=${ROUNDS:-2}
mkdir -p "$work"
[ -x .build/debug/lathe ] || swift build --product lathe > /dev/null

cat > "$work/spec.yaml" <<'YAML'
openapi: 3.1.0
info: {title: RuntimeJSON, version: '1'}
paths: {}
components:
  schemas:
    Payload:
      anyOf:
        - type: object
          title: VideoJob
          properties:
            input: {type: object, properties: {videoFileUrl: {type: string}}}
            output: {type: object, properties: {fps: {type: number}, resolution: {type: number}}}
        - type: object
          title: AudioJob
          properties:
            input: {type: object, properties: {audioFileUrl: {type: string}}}
            output: {type: object, properties: {fps: {type: number}, resolution: {type: number}}}
YAML

cat > "$work/main.swift" <<'SWIFT'
import Foundation
import LatheRuntime

let json = Data(#"{"input": {"videoFileUrl": "v.mp4"}, "output": {"fps": 30, "resolution": 1080}}"#.utf8)
let both = try JSONCoding.decoder().decode(Payload.self, from: json)
precondition(both.videoJob != nil && both.audioJob != nil, "decoding leaves both members")
let one = Payload(videoJob: both.videoJob)
let encoder = JSONCoding.encoder()
let count = 20_000
func microseconds(_ value: Payload) throws -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<count { _ = try encoder.encode(value) }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count) / 1000
}
func milliseconds(_ body: () throws -> JSONValue) rethrows -> (Double, JSONValue) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, value)
}
let document = try Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))
let runtimeDecoder = JSONCoding.decoder()
for _ in 1...3 {
    let single = try microseconds(one)
    let merged = try microseconds(both)
    let (plain, expected) = try milliseconds { try JSONDecoder().decode(JSONValue.self, from: document) }
    let (runtime, read) = try milliseconds { try runtimeDecoder.decode(JSONValue.self, from: document) }
    precondition(read == expected, "both decoders read the same value")
    print(String(format: "anyOf one member %.1f µs, two members %.1f µs (%.2fx); free-form %d bytes: JSONDecoder() %.1f ms, JSONCoding.decoder() %.1f ms (%.2f)",
                 single, merged, merged / single, document.count, plain, runtime, runtime / plain))
}
SWIFT

# package NAME RUNTIME_PATH: a release build of the benchmark against the runtime at RUNTIME_PATH.
package() {
  local dir="$work/$1" runtime=$2
  mkdir -p "$dir/Sources/Bench"
  cat > "$dir/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "RuntimeJSON",
    dependencies: [.package(name: "Lathe", path: "$runtime")],
    targets: [.executableTarget(name: "Bench", dependencies: [.product(name: "LatheRuntime", package: "Lathe")])]
)
SWIFT
  cp "$work/main.swift" "$dir/Sources/Bench/main.swift"
  "$repo/.build/debug/lathe" generate "$work/spec.yaml" --mode types --output "$dir/Sources/Bench/Generated" > /dev/null
  (cd "$dir" && swift build -c release --product Bench > /dev/null)
}

# Any JSON document will do; PayPal's spec (283 KB) is the default, from the corpus beside the repository.
document=$(realpath "${DOCUMENT:-../shared/corpus/paypal-invoicing-v2.json}")
package current "$repo"
if [ -n "$base" ]; then
  rm -rf "$work/base-tree"
  git worktree add --force --detach "$work/base-tree" "$base" > /dev/null 2>&1
  package base "$work/base-tree"
fi
for round in $(seq "$rounds"); do
  if [ -n "$base" ]; then
    echo "== $base (round $round)"
    "$work/base/.build/release/Bench" "$document"
  fi
  echo "== working tree (round $round)"
  "$work/current/.build/release/Bench" "$document"
done
if [ -n "$base" ]; then git worktree remove --force "$work/base-tree"; fi

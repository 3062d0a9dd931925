// swift-tools-version: 6.2
// libFuzzer targets for Lathe: the reader, the decoder (with `$ref`s and overlays) and the whole
// pipeline from bytes to Swift text. A package of its own, because everything in it is built with
// `-sanitize=fuzzer,address`; scripts/fuzz.sh builds and runs it (see FUZZING.md).
import PackageDescription

let package = Package(
    name: "LatheFuzz",
    dependencies: [
        .package(name: "Lathe", path: "..")
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport", dependencies: ["CFuzzerDriver", .product(name: "LatheGenerator", package: "Lathe")]),
        .executableTarget(name: "fuzz-reader", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-decoder", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "fuzz-pipeline", dependencies: ["FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

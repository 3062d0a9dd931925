// swift-tools-version: 6.2
import PackageDescription

/// The cancellation package in Generated/, one module per provider, written by
/// `swift run lathe generate --config specs/lathe.yaml` (never by hand).
let cancellationModules = [
    "PiriodCancellation", "DolfinCancellation", "PaycashlessCancellation", "StornoCancellation", "AvaTaxCancellation",
]
/// The golden snippets (`Tests/LatheGoldenTests/Snippets/<Name>`), whose specs sit beside the Swift
/// they generate in LatheGoldenTests and are not sources. Listed rather than read from the folder:
/// SwiftPM caches a manifest's result by its text, so a listing would miss a snippet added later
/// (GoldenTests checks the list against the folder).
let goldenSnippets = [
    "AdditionalProperties", "AllOf", "AnyOf", "Arrays", "Bodies", "Const", "Constraints", "Defaults", "Deprecated",
    "Docs", "Enums", "Formats", "FreeForm", "InlineNames", "LargeValues", "MediaTypeHeaders", "NameEdgeCases",
    "Naming", "Nullable30", "Nullable31", "NullableComponents", "OneOfBesideProperties", "OneOfDiscriminator",
    "OneOfUntagged", "OpenAPI32", "ParameterStyles", "ReadWriteOnly", "Recursive", "RequiredAndOptional", "Security",
    "SegmentPaths", "Tuples", "TypeArrays", "Ungenerated", "VendorExtensions", "Webhooks", "WideObject",
]
let snippetSpecs = goldenSnippets.map { "Snippets/\($0)/spec.yaml" }
/// The ones whose spec signs requests (`x-lathe-request-signature`), so their code imports LatheSigning.
let signingModules: Set<String> = ["PaycashlessCancellation"]

let package = Package(
    name: "Lathe",
    products: [
        .executable(name: "lathe", targets: ["lathe"]),
        .library(name: "LatheOpenAPI", targets: ["LatheOpenAPI"]),
        // What generated code imports.
        .library(name: "LatheRuntime", targets: ["LatheRuntime"]),
        // Request signing (`x-lathe-request-signature`) on swift-crypto: only code generated from a
        // spec that signs imports it, so no one else builds BoringSSL.
        .library(name: "LatheSigning", targets: ["LatheSigning"]),
        // The whole generator as one call: spec in, files and diagnostics out.
        .library(name: "LatheGenerator", targets: ["LatheGenerator"]),
        // Build-time generation from a lathe.yaml in a target, and regeneration of checked-in code.
        .plugin(name: "LatheBuildPlugin", targets: ["LatheBuildPlugin"]),
        .plugin(name: "GenerateCode", targets: ["GenerateCode"]),
    ] + cancellationModules.map { .library(name: $0, targets: [$0]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // What generated clients and servers run on: users keep their transports.
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        // CryptoKit's API; on Apple platforms it is CryptoKit itself.
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0" ..< "5.0.0"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev). Only LatheYAML imports it.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "LatheDiagnostics"),
        .target(name: "LatheYAML", dependencies: ["CYAML", "LatheDiagnostics"]),
        // OpenAPI Overlay documents and the RFC 9535 JSONPath they target with.
        .target(name: "LatheOverlay", dependencies: ["LatheYAML", "LatheDiagnostics"]),
        .target(name: "LatheOpenAPI", dependencies: ["LatheYAML", "LatheOverlay", "LatheDiagnostics"]),
        // JSON Schema patterns matched in linear time: generated servers check them on every
        // request, and the generator warns about the ones it cannot check.
        .target(name: "LathePattern"),
        .target(
            name: "LatheRuntime",
            dependencies: [
                "LathePattern",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "LatheSigning",
            dependencies: [
                "LatheRuntime",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(name: "LatheIR", dependencies: ["LatheOpenAPI", "LathePattern"]),
        .target(name: "LatheGenerator", dependencies: ["LatheIR"]),
        .target(
            name: "LatheCLI",
            dependencies: [
                "LatheOpenAPI",
                "LatheIR",
                "LatheGenerator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "lathe", dependencies: ["LatheCLI"]),
        // Benchmark driver: a bare libyaml event parse next to Lathe's own reading, for BENCHMARKS.md.
        .executableTarget(
            name: "lathe-bench", dependencies: ["CYAML", "LatheOpenAPI", "LatheIR"], path: "Benchmarks/lathe-bench"),

        .plugin(name: "LatheBuildPlugin", capability: .buildTool(), dependencies: ["lathe"]),
        .plugin(
            name: "GenerateCode",
            capability: .command(
                intent: .custom(
                    verb: "generate-code", description: "Regenerate the checked-in code that specs/lathe.yaml describes"
                ),
                permissions: [
                    .writeToPackageDirectory(reason: "Lathe writes the generated Swift files the configuration names")
                ]
            ),
            dependencies: ["lathe"]
        ),
        // The build-tool plugin at work: the test's API types are generated at build time from
        // the spec beside it.
        .testTarget(
            name: "LathePluginTests",
            dependencies: [
                "LatheRuntime",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["lathe.yaml", "bookshop.yaml"],
            plugins: ["LatheBuildPlugin"]
        ),

        .testTarget(name: "LatheYAMLTests", dependencies: ["LatheYAML"]),
        .testTarget(name: "LathePatternTests", dependencies: ["LathePattern"]),
        .testTarget(name: "LatheOverlayTests", dependencies: ["LatheOverlay"]),
        .testTarget(name: "LatheOpenAPITests", dependencies: ["LatheOpenAPI"]),
        // Runs the `lathe` binary, which the build-tool plugin's dependency already has built (naming it here too
        // would link its main twice into the test bundle).
        .testTarget(name: "LatheCLITests", dependencies: ["LatheCLI"]),
        .testTarget(name: "LatheIRTests", dependencies: ["LatheIR"]),
        .testTarget(
            name: "LatheRuntimeTests",
            dependencies: [
                "LatheRuntime",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "LatheSigningTests",
            dependencies: [
                "LatheSigning",
                "LatheRuntime",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // Compares generated Swift with the goldens; depends on the runtime modules so they are
        // built for the tests that typecheck generated code.
        .testTarget(
            name: "LatheGeneratorTests", dependencies: ["LatheGenerator", "LatheRuntime", "LatheSigning"],
            exclude: ["PublicSurface", "CodeVolumeBudget.json"]
        ),
        // The golden outputs themselves, compiled (warnings are errors), with round-trip tests.
        .testTarget(
            name: "LatheGoldenTests",
            dependencies: [
                "LatheRuntime",
                "LatheSigning",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: [".editorconfig", "Documents/documents.txt"] + snippetSpecs,
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
    ]
        + cancellationModules.map { name in
            .target(
                name: name,
                dependencies: [
                    "LatheRuntime",
                    .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                    .product(name: "HTTPTypes", package: "swift-http-types"),
                ] + (signingModules.contains(name) ? ["LatheSigning"] : []),
                // No unsafe flags here: packages that depend on this one could not build them.
                // scripts/test.sh fails on any warning in Generated/ instead.
                path: "Generated/\(name)"
            )
        },
    swiftLanguageModes: [.v6]
)

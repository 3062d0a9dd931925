# Shared by benchmark-ab.sh and benchmark-selection.sh: a throwaway package of generated targets
# beside LatheRuntime from this repository, and clean debug builds of each target alone.
# Source it; `repo` must be the repository's root.

# two_targets_package FOLDER NAME TARGET...: the folder, its Sources/TARGET folders and a
# Package.swift whose targets depend on LatheRuntime and what generated code imports.
two_targets_package() {
  local folder=$1 name=$2; shift 2
  rm -rf "$folder" && mkdir -p "$folder"
  local target list=""
  for target in "$@"; do
    mkdir -p "$folder/Sources/$target"
    list+="\"$target\", "
  done
  cat > "$folder/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "$name",
    dependencies: [
        .package(name: "Lathe", path: "$repo"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [${list%, }].map { name in
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
}

# build_alone TARGET: `swift build --target TARGET` in the current package; prints its seconds.
build_alone() {
  local start tenths
  start=$(date +%s%N)
  swift build --target "$1" > /dev/null
  tenths=$((($(date +%s%N) - start) / 100000000))
  echo "$((tenths / 10)).$((tenths % 10))"
}

import FuzzSupport
import LatheOpenAPI

// The document decoder, with `$ref` resolution (relative to the multi-file fixture) and an overlay
// when the input holds one after the `#%overlay` line.
func fuzzDecoder(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let (spec, overlay) = splitInput(Array(UnsafeRawBufferPointer(start: start, count: count)))
    var options = LoadOptions()
    if let overlay {
        guard let tree = try? options.reader.parse(overlay, path: "overlay.yaml") else { return 0 }
        options.overlayTrees = [tree]
    }
    let result = OpenAPILoader.load(bytes: spec, path: inputPath, options: options)
    checkDiagnostics(result.diagnostics)
    if result.document == nil && !result.diagnostics.hasErrors {
        fail("no document and no error to say why")
    }
    return 0
}

exit(runFuzzer(fuzzDecoder))

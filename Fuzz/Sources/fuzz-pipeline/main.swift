import FuzzSupport
import LatheGenerator

// The whole pipeline, bytes to Swift text, checked for shape: every literal and comment ends,
// brackets pair up, and no directive stands outside a literal; and a sample of it compiles.
func fuzzPipeline(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let result = Generator.generate(bytes: bytes, path: inputPath)
    checkDiagnostics(result.diagnostics)
    for file in result.files {
        do {
            try SwiftShape.check(file.contents, file: file.name)
        } catch {
            fail("\(error)")
        }
    }
    if !result.diagnostics.hasErrors { CompileSampler.shared.sample(result.files) }
    return 0
}

exit(runFuzzer(fuzzPipeline))

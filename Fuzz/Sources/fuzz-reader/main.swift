import FuzzSupport
import LatheOpenAPI

// The YAML and JSON reader: any bytes either become a tree or a located error, within the
// reader's depth and alias budgets.
func fuzzReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    do {
        let tree = try YAMLReader().parse(bytes, path: "fuzz.yaml")
        _ = tree.root
    } catch {
        if error.location == nil { fail("a reading error without a location: \(error)") }
        checkDiagnostics(Diagnostics([error]))
    }
    return 0
}

exit(runFuzzer(fuzzReader))

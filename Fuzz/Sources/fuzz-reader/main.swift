import FuzzSupport
@_spi(Testing) import LatheYAML

// The YAML and JSON reader: any bytes either become a tree or a located error, within the
// reader's depth and alias budgets. Strict JSON is read without libyaml (`JSONTreeReader`); the
// tree, or the error, must be exactly what libyaml alone makes of the same bytes.
func fuzzReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let reader = YAMLReader()
    do {
        let tree = try reader.parse(bytes, path: "fuzz.yaml")
        _ = tree.root
        do {
            let oracle = try reader.parseWithLibyaml(bytes, path: "fuzz.yaml")
            if let difference = tree.difference(from: oracle) { fail("the readers' trees differ: \(difference)") }
        } catch {
            fail("read, but libyaml refuses it: \(error)")
        }
    } catch {
        if error.location == nil { fail("a reading error without a location: \(error)") }
        checkDiagnostics(Diagnostics([error]))
        do {
            _ = try reader.parseWithLibyaml(bytes, path: "fuzz.yaml")
            fail("refused, but libyaml reads it: \(error)")
        } catch let oracle {
            if oracle.description != error.description { fail("the readers' errors differ: \(error) / \(oracle)") }
        }
    }
    return 0
}

exit(runFuzzer(fuzzReader))

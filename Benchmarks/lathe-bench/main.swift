// lathe-bench: what BENCHMARKS.md measures, one stage per run, so each process's peak memory is its own.
//
//   lathe-bench events FILE     bare libyaml event parse (the floor: no tree, no strings)
//   lathe-bench tree FILE       Lathe's reader: libyaml events into the located node tree
//   lathe-bench validate FILE   read, decode, resolve $refs, check (what `lathe validate` does)
//
// Each prints the wall time of the work in milliseconds (best of --repeat runs, default 5).
// scripts/benchmark.sh runs them under /usr/bin/time for peak memory and writes the table.
import CYAML
import LatheOpenAPI
import LatheYAML

#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
}

func eventParse(_ bytes: [UInt8]) -> Int {
    var parser = yaml_parser_t()
    yaml_parser_initialize(&parser)
    defer { yaml_parser_delete(&parser) }
    var events = 0
    bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            events += 1
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if done { break }
        }
    }
    return events
}

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 5
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count, let count = Int(arguments[index + 1])
{
    repeats = count
    arguments.removeSubrange(index ... index + 1)
}
guard arguments.count == 2, ["events", "tree", "validate"].contains(arguments[0]) else {
    print("usage: lathe-bench events|tree|validate FILE [--repeat N]")
    exit(2)
}
let (mode, path) = (arguments[0], arguments[1])
var best = Double.infinity
var detail = ""
for _ in 0 ..< repeats {
    let start = now()
    switch mode {
    case "events":
        let bytes = try FileBytes.read(path)
        detail = "\(eventParse(bytes)) events"
    case "tree":
        let tree = try YAMLReader().read(filePath: path)
        detail = "\(tree.nodeCount) nodes"
    default:
        let result = OpenAPILoader.load(path: path)
        detail = "\(result.diagnostics.errors.count) errors, \(result.diagnostics.warnings.count) warnings"
    }
    best = min(best, now() - start)
}
print("\(mode) \(path): \(String(Int(best * 10) / 10)).\(Int(best * 10) % 10) ms (\(detail))")

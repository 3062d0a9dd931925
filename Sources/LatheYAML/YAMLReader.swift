internal import CYAML
import LatheDiagnostics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads YAML and JSON into a located `YAMLTree`.
///
/// Strict JSON is read by `JSONTreeReader`, into the tree libyaml would make of it; everything else
/// by libyaml. Every valid JSON document reads, with its own lines and columns: for libyaml, what it
/// would refuse or misread in JSON (escaped surrogate pairs, keys past YAML's implicit-key limits,
/// some raw characters) is rewritten first by `JSONAdapter`. An escaped lone surrogate (`"\ud800"`)
/// reads as U+FFFD.
///
/// Hostile input fails fast with one located error: duplicate keys (unless `readsDuplicateKeys`),
/// alias expansion bombs, runaway nesting, invalid UTF-8, binary and empty files, more than one
/// document.
public struct YAMLReader: Sendable {
    /// Deepest nesting of collections accepted. Real OpenAPI documents stay far below it; it keeps the
    /// recursive stages after the reader within a thread's stack.
    public var maximumDepth = 256
    /// How many nodes a document may expand to through aliases: this many, plus ten times the nodes
    /// it really holds. A billion-laughs document crosses it after a few aliases and is rejected at
    /// once, and what the stages after the reader walk stays proportional to the file.
    public var maximumAliasExpansion: UInt64 = 100_000
    /// The largest file read, in bytes. Generating takes 5 to 30 times a published spec's size in memory, by its shape: a
    /// release build generates a 49 MB synthetic spec in 11 s with a 0.44 GB peak. The default keeps
    /// a run under a minute and 1 GiB and refuses a larger file at once, with a located error,
    /// instead of after minutes and gigabytes. `--max-file-size` raises it.
    public var maximumFileSize = 50_000_000
    /// Whether a key said twice in one mapping stops the read (the default, for files Lathe's users
    /// write, such as `lathe.yaml`) or is read as JSON parsers read it, the last value in the first
    /// one's place, with an error that has that reading in the tree's `findings` (for published
    /// specs: `lathe validate` reports it, `lathe generate` warns and goes on).
    public var readsDuplicateKeys = false

    public init() {}

    /// Parses `bytes`, naming the file `path` in locations.
    public func parse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> YAMLTree {
        try checkContent(bytes, path: path)
        // Strict JSON, most large specs, is read without libyaml into the same tree; anything else,
        // and every file with an error, goes through libyaml.
        if let tree = JSONTreeReader.read(bytes, path: path, maximumDepth: maximumDepth) { return tree }
        return try libyamlParse(bytes, path: path)
    }

    /// `parse` without `JSONTreeReader`: libyaml reads whatever `bytes` hold. Tests and the fuzzer
    /// compare the two readers through it.
    @_spi(Testing) public func parseWithLibyaml(_ bytes: [UInt8], path: String) throws(Diagnostic) -> YAMLTree {
        try checkContent(bytes, path: path)
        return try libyamlParse(bytes, path: path)
    }

    private func libyamlParse(_ bytes: [UInt8], path: String) throws(Diagnostic) -> YAMLTree {
        // Valid JSON that libyaml would refuse or misread is handed to it rewritten; `nil` (no copy) otherwise.
        let adapted = JSONAdapter.adapt(bytes)
        var input = adapted?.text ?? bytes
        var sourceMap = adapted?.map
        // A block scalar libyaml refuses for a tab that opens its content is read again with the
        // indentation indicator that content implies (`TabbedBlockScalar`), a few times at most.
        var mended = 0
        while true {
            switch try libyamlPass(input, bytes: bytes, path: path, sourceMap: sourceMap, mayMend: adapted == nil) {
            case .tree(let tree):
                return tree
            case .refused(var diagnostic, let scalar):
                guard let scalar else { throw diagnostic }
                guard mended < TabbedBlockScalar.mostMended(inBytes: input.count) else {
                    diagnostic.message +=
                        "; Lathe reads a block scalar whose first line is its indentation and then a tab by writing "
                        + "its indentation indicator, and stopped after \(mended) in this file (each reads it "
                        + "again): write '\(scalar.header)' here, or begin that line with spaces"
                    throw diagnostic
                }
                mended += 1
                var map = sourceMap ?? SourceMap()
                input = scalar.mend(input, shifting: &map, shiftedSoFar: mended - 1)
                sourceMap = map
            }
        }
    }

    /// What one libyaml pass over `input` gives: the tree, or libyaml's error with the block scalar
    /// that caused it where an indentation indicator mends it (only when `mayMend`).
    private enum Pass {
        case tree(YAMLTree)
        case refused(Diagnostic, TabbedBlockScalar?)
    }

    private func libyamlPass(
        _ input: [UInt8], bytes: [UInt8], path: String, sourceMap: SourceMap?, mayMend: Bool
    ) throws(Diagnostic) -> Pass {
        var builder = TreeBuilder(path: path, reader: self, sourceSize: bytes.count, sourceMap: sourceMap)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw .error("libyaml could not start (out of memory)", at: SpecLocation(file: path, line: 1, column: 1))
        }
        defer { yaml_parser_delete(parser) }

        return try input.withUnsafeBufferPointer { (buffer) throws(Diagnostic) -> Pass in
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) == 1 else {
                    let diagnostic = Self.libyamlError(parser.pointee, bytes: bytes, sourceMap: sourceMap, path: path)
                    return .refused(diagnostic, mayMend ? TabbedBlockScalar(parser.pointee, input: buffer) : nil)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                try builder.handle(event)
            }
            return .tree(try builder.finish())
        }
    }

    /// Reads and parses the file at `filePath`, naming it `displayPath` in locations.
    public func read(filePath: String, displayPath: String? = nil) throws(Diagnostic) -> YAMLTree {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(filePath, maximumSize: maximumFileSize)
        } catch  where error.tooLarge {
            var diagnostic = Diagnostic.error(
                "this file is too large to generate from: \(error.reason) (lathe generate --max-file-size raises "
                    + "the limit, up to 256 MiB)",
                at: SpecLocation(file: displayPath ?? filePath, line: 1, column: 1))
            diagnostic.kind = "file-too-large"
            throw diagnostic
        } catch {
            throw .error("cannot read '\(displayPath ?? filePath)': \(error.reason)", at: nil)
        }
        return try parse(bytes, path: displayPath ?? filePath)
    }

    private func checkContent(_ bytes: [UInt8], path: String) throws(Diagnostic) {
        if bytes.isEmpty {
            throw .error(
                "the file is empty; expected an OpenAPI document in YAML or JSON",
                at: SpecLocation(file: path, line: 1, column: 1))
        }
        // UTF-16 and UTF-32 text (which libyaml reads) starts with a byte-order mark or has NULs in
        // every other byte; anything else with a NUL in it is not text.
        let hasUnicodeBOM =
            bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE))
        let nulOffset = bytes.withUnsafeBytes { buffer -> Int? in
            guard let found = memchr(buffer.baseAddress!, 0, buffer.count) else { return nil }
            return buffer.baseAddress!.distance(to: UnsafeRawPointer(found))
        }
        if !hasUnicodeBOM, let nul = nulOffset {
            let location = Self.location(ofOffset: nul, in: bytes, path: path)
            throw .error("this is a binary file, not YAML or JSON (it has a NUL byte at offset \(nul))", at: location)
        }
    }

    /// libyaml's error, located in `bytes` (the file as written, which libyaml may have read rewritten).
    static func libyamlError(_ parser: yaml_parser_t, bytes: [UInt8], sourceMap: SourceMap?, path: String) -> Diagnostic
    {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            let rewritten = Int(parser.problem_offset)
            let offset = min(sourceMap?.byteOffset(rewritten) ?? rewritten, bytes.count)
            let location = location(ofOffset: offset, in: bytes, path: path)
            let detail = parser.problem_value >= 0 ? String(format2Hex: parser.problem_value) : ""
            let what =
                problem.contains("UTF-8") || problem.contains("octet")
                ? "the file is not valid UTF-8 text" : "the file has a character YAML does not allow"
            return .error("\(what): \(problem)\(detail) at byte offset \(offset)", at: location)
        case YAML_MEMORY_ERROR:
            return .error(
                "libyaml ran out of memory reading this file", at: SpecLocation(file: path, line: 1, column: 1))
        default:
            let location = location(of: parser.problem_mark, path: path, sourceMap: sourceMap)
            // JSON is read as YAML, whose superset it is: a document that opens as JSON does is told
            // of in JSON's words (Unstructured's missing comma was "invalid YAML … flow mapping").
            let isJSON = Self.opensAsJSON(bytes)
            var message = "invalid \(isJSON ? "JSON" : "YAML"): \(problem)"
            if var context = parser.context.map({ String(cString: $0) }) {
                if isJSON {
                    for (yaml, json) in Self.contextsInJSONWords { context = context.replacing(yaml, with: json) }
                }
                let contextLocation = Self.location(of: parser.context_mark, path: path, sourceMap: sourceMap)
                message += " (\(context) that starts at line \(contextLocation.line), column \(contextLocation.column))"
            }
            return .error(message, at: location)
        }
    }

    /// Whether the first character that is not white space (after a byte-order mark) opens a
    /// JSON object or array.
    static func opensAsJSON(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let first = buffer.dropFirst(JSONAdapter.hasBOM(buffer) ? 3 : 0).first {
                ![.space, .tab, .newline, .carriageReturn].contains($0)
            }
            return first == .openBrace || first == .openBracket
        }
    }

    /// libyaml's contexts, as JSON names what they are in.
    static let contextsInJSONWords = [
        ("while parsing a flow mapping", "in the object"), ("while parsing a flow sequence", "in the array"),
        ("while scanning a quoted scalar", "in the string"), ("while parsing a flow node", "in the value"),
    ]

    /// The 1-based line and column of a libyaml mark, in the file as written.
    static func location(of mark: yaml_mark_t, path: String, sourceMap: SourceMap?) -> SpecLocation {
        var column = Int(mark.column)
        if let sourceMap { column = sourceMap.column(column, atIndex: Int(mark.index)) }
        return SpecLocation(file: path, line: Int(mark.line) + 1, column: column + 1)
    }

    /// Line and column (1-based, columns in characters) of a byte offset.
    static func location(ofOffset offset: Int, in bytes: [UInt8], path: String) -> SpecLocation {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SpecLocation(file: path, line: line, column: column)
    }
}

extension String {
    init(format2Hex value: Int32) {
        let digits = Array("0123456789ABCDEF")
        self = " (byte 0x\(digits[Int(value >> 4) & 0xF])\(digits[Int(value) & 0xF]))"
    }
}

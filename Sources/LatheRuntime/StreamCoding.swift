import Foundation
import OpenAPIRuntime

/// Reading and writing streamed bodies: JSON Lines (`application/jsonl`, `application/x-ndjson`),
/// JSON text sequences (RFC 7464, `application/json-seq`) and server-sent events (the HTML
/// standard's `text/event-stream`). Items are read as the consumer asks for them and written as
/// the producer yields them; nothing is buffered beyond the item at hand.
@_spi(Generated) public enum StreamCoding {
    // MARK: Reading

    /// One JSON value per line; empty lines are skipped.
    public static func jsonLines<T: Decodable & Sendable>(_ body: HTTPBody?, as type: T.Type) -> ItemStream<T> {
        jsonRecords(body, splitter: .lines)
    }

    /// RFC 7464: each JSON text after a record separator (0x1E).
    public static func jsonSequence<T: Decodable & Sendable>(_ body: HTTPBody?, as type: T.Type) -> ItemStream<T> {
        jsonRecords(body, splitter: .recordSeparator)
    }

    /// Each record that is not blank, decoded as JSON.
    private static func jsonRecords<T: Decodable & Sendable>(
        _ body: HTTPBody?, splitter: RecordReader.Splitter
    ) -> ItemStream<T> {
        let reader = RecordReader(body, splitter: splitter)
        return ItemStream(unfolding: {
            while let record = try await reader.next() {
                if record.allSatisfy(isWhitespace) { continue }
                reader.position += 1
                return try decode(T.self, record, position: reader.position)
            }
            return nil
        })
    }

    /// Server-sent events, parsed as the HTML standard says. `data` is decoded as `T` (kept as
    /// text when `T` is `String`); an event whose data is `terminator` ends the stream.
    public static func events<T: Decodable & Sendable>(
        _ body: HTTPBody?, as type: T.Type, terminator: String? = nil
    ) -> ItemStream<ServerEvent<T>> {
        events(body, terminator: terminator) { raw, position in
            if let text = raw.data as? T { return text }
            return try decode(T.self, Array(raw.data.utf8), position: position)
        }
    }

    /// Server-sent events whose data's type depends on their `event` (a generated enum).
    public static func events<T: TypedEventData>(
        _ body: HTTPBody?, as type: T.Type, terminator: String? = nil
    ) -> ItemStream<ServerEvent<T>> {
        events(body, terminator: terminator) { raw, position in
            do {
                return try T(event: raw.event, data: raw.data)
            } catch {
                let excerpt = String(raw.data.prefix(120))
                throw MalformedStreamItem(position: position, reason: "\(error)", excerpt: excerpt)
            }
        }
    }

    private static func events<T: Sendable>(
        _ body: HTTPBody?, terminator: String?,
        _ decode: @escaping @Sendable (EventParser.Raw, Int) throws -> T
    ) -> ItemStream<ServerEvent<T>> {
        let reader = RecordReader(body, splitter: .eventLines)
        let parser = EventParser()
        return ItemStream(unfolding: {
            while let line = try await reader.next() {
                guard let raw = parser.feed(line) else { continue }
                if let terminator, raw.data == terminator { return nil }
                reader.position += 1
                let data = try decode(raw, reader.position)
                return ServerEvent(event: raw.event, data: data, id: raw.id, retry: raw.retry)
            }
            // The end of the stream discards an event that no blank line completed.
            return nil
        })
    }

    /// A JSON value from an event's data (for generated `TypedEventData`).
    public static func json<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONCoding.decoder().decode(T.self, from: Data(text.utf8))
    }

    /// An event's data as JSON text (for generated `TypedEventData`).
    public static func jsonText<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCoding.encoder().encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], position: Int) throws -> T {
        do {
            return try JSONCoding.decoder().decode(T.self, from: Data(bytes))
        } catch {
            let text = String(decoding: bytes.prefix(120), as: UTF8.self)
            throw MalformedStreamItem(position: position, reason: "\(error)", excerpt: text)
        }
    }

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    // MARK: Writing

    public static func jsonLines<T: Encodable & Sendable>(_ stream: ItemStream<T>) -> HTTPBody {
        body(stream) { Array(try JSONCoding.encoder().encode($0)) + [0x0A] }
    }

    public static func jsonSequence<T: Encodable & Sendable>(_ stream: ItemStream<T>) -> HTTPBody {
        body(stream) { [0x1E] + Array(try JSONCoding.encoder().encode($0)) + [0x0A] }
    }

    /// Each event as `event:`, `id:`, `retry:` and one `data:` line per line of its data, then a
    /// blank line; after the last, the terminator event when the spec names one.
    public static func events<T: Encodable & Sendable>(
        _ stream: ItemStream<ServerEvent<T>>, terminator: String? = nil
    ) -> HTTPBody {
        events(stream, terminator: terminator) { event in
            (event.event, try (event.data as? String) ?? jsonText(event.data))
        }
    }

    /// Events whose data's type depends on their `event`: the data names the event.
    public static func events<T: TypedEventData>(
        _ stream: ItemStream<ServerEvent<T>>, terminator: String? = nil
    ) -> HTTPBody {
        events(stream, terminator: terminator) { event in (event.data.event ?? event.event, try event.data.dataText()) }
    }

    private static func events<T: Sendable>(
        _ stream: ItemStream<ServerEvent<T>>, terminator: String?,
        _ fields: @escaping @Sendable (ServerEvent<T>) throws -> (event: String?, data: String)
    ) -> HTTPBody {
        let ending = terminator.map { Array(eventText(event: nil, data: $0, id: nil, retry: nil).utf8) }
        return body(stream, ending: ending) { event in
            let (name, data) = try fields(event)
            return Array(eventText(event: name, data: data, id: event.id, retry: event.retry).utf8)
        }
    }

    static func eventText(event: String?, data: String, id: String?, retry: Int?) -> String {
        var text = ""
        // Field values cannot hold line breaks; a break in one would start a field of its own.
        func clean(_ value: String) -> String { value.filter { $0 != "\n" && $0 != "\r" } }
        if let event { text += "event: \(clean(event))\n" }
        if let id { text += "id: \(clean(id))\n" }
        if let retry { text += "retry: \(retry)\n" }
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line.filter { $0 != "\r" })\n"
        }
        return text + "\n"
    }

    /// Each item's bytes as the producer yields it, then `ending` once.
    private static func body<T: Sendable>(
        _ stream: ItemStream<T>, ending: [UInt8]? = nil, _ encode: @escaping @Sendable (T) throws -> [UInt8]
    ) -> HTTPBody {
        let iterator = IteratorBox(stream.makeAsyncIterator())
        let pendingEnding = IteratorBox(ending)
        let bytes = AsyncThrowingStream<ArraySlice<UInt8>, any Error>(unfolding: {
            if let item = try await iterator.next() { return ArraySlice(try encode(item)) }
            defer { pendingEnding.iterator = nil }
            return pendingEnding.iterator.map { ArraySlice($0) }
        })
        return HTTPBody(bytes, length: .unknown, iterationBehavior: .single)
    }
}

/// Splits a body into records as its chunks arrive: lines (LF, a trailing CR dropped), RFC 7464
/// records, or event-stream lines (CRLF, LF or a lone CR, as the HTML standard says).
final class RecordReader: @unchecked Sendable {
    enum Splitter { case lines, recordSeparator, eventLines }

    private var iterator: HTTPBody.AsyncIterator?
    private let splitter: Splitter
    private var buffer: [UInt8] = []
    private var records: [[UInt8]] = []
    private var lastWasCR = false
    private var atStart = true
    /// How many items have been read, for `MalformedStreamItem`.
    var position = 0

    init(_ body: HTTPBody?, splitter: Splitter) {
        iterator = body?.makeAsyncIterator()
        self.splitter = splitter
    }

    func next() async throws -> [UInt8]? {
        // A cancelled consumer stops here, dropping the body's iterator, which ends the request.
        if Task.isCancelled {
            iterator = nil
            throw CancellationError()
        }
        while records.isEmpty {
            guard var current = iterator else { return nil }
            guard let chunk = try await current.next() else {
                iterator = nil
                // What follows the last separator: a final line, or an unterminated RFC 7464 record.
                if !buffer.isEmpty, splitter != .eventLines { records.append(buffer) }
                buffer = []
                break
            }
            iterator = current
            feed(chunk)
        }
        return records.isEmpty ? nil : records.removeFirst()
    }

    private func feed(_ chunk: ArraySlice<UInt8>) {
        var bytes = chunk
        if atStart {
            atStart = false
            // A UTF-8 byte order mark before the first line is not part of it.
            if splitter == .eventLines, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        }
        for byte in bytes {
            switch splitter {
            case .lines:
                if byte == 0x0A {
                    if buffer.last == 0x0D { buffer.removeLast() }
                    records.append(buffer)
                    buffer = []
                } else {
                    buffer.append(byte)
                }
            case .recordSeparator:
                if byte == 0x1E {
                    if !buffer.isEmpty { records.append(buffer) }
                    buffer = []
                } else {
                    buffer.append(byte)
                }
            case .eventLines:
                if byte == 0x0A && lastWasCR {
                    lastWasCR = false
                    continue
                }
                lastWasCR = byte == 0x0D
                if byte == 0x0A || byte == 0x0D {
                    records.append(buffer)
                    buffer = []
                } else {
                    buffer.append(byte)
                }
            }
        }
    }
}

/// The HTML standard's event-stream interpretation: fields accumulate until a blank line
/// dispatches the event; comments (`:`) and unknown fields are ignored; `id` persists.
final class EventParser: @unchecked Sendable {
    struct Raw {
        var event: String?
        var data: String
        var id: String?
        var retry: Int?
    }

    private var data: String?
    private var event: String?
    private var retry: Int?
    private var lastEventID: String?

    /// The event a line completes, if it is the blank line that ends one with data.
    func feed(_ line: [UInt8]) -> Raw? {
        if line.isEmpty {
            defer {
                data = nil
                event = nil
                retry = nil
            }
            guard let data else { return nil }
            return Raw(event: event.flatMap { $0.isEmpty ? nil : $0 }, data: data, id: lastEventID, retry: retry)
        }
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix(":") { return nil }
        var field = Substring(text)
        var value: Substring = ""
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        }
        switch field {
        case "event": event = String(value)
        case "data": data = (data.map { $0 + "\n" } ?? "") + value
        case "id": if !value.contains("\u{0}") { lastEventID = String(value) }
        case "retry": if !value.isEmpty, value.allSatisfy(\.isASCIIDigit) { retry = Int(value) }
        default: break
        }
        return nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

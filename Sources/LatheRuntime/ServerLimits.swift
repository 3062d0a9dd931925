import Foundation
import HTTPTypes
import OpenAPIRuntime

/// What one request may cost a generated server, so no request can exhaust its memory. Each
/// limit has a default; pass other values to `registerHandlers(on:…limits:)`.
public struct ServerLimits: Sendable, Hashable {
    /// Bytes of a request body read into memory (JSON, form, text, multipart; a body the handler
    /// streams is not read): 4 MiB. Past it: 413.
    public var maximumBodySize: Int
    /// Bytes of all header names and values together: 64 KiB. Past it: 431.
    public var maximumHeaderSize: Int
    /// Parts of a multipart body: 1,000. Past it: 413.
    public var maximumMultipartParts: Int
    /// How deep a JSON body may nest (arrays and objects): 128. Deeper: 400.
    public var maximumJSONDepth: Int

    public init(
        maximumBodySize: Int = 4 << 20, maximumHeaderSize: Int = 64 << 10, maximumMultipartParts: Int = 1_000,
        maximumJSONDepth: Int = 128
    ) {
        self.maximumBodySize = maximumBodySize
        self.maximumHeaderSize = maximumHeaderSize
        self.maximumMultipartParts = maximumMultipartParts
        self.maximumJSONDepth = maximumJSONDepth
    }

    /// The limits of the request being handled; `nil` outside a generated server (a client).
    /// Internal: the task-local's projected value would stay public even behind the SPI.
    @TaskLocal static var current: ServerLimits?

    /// Runs `operation` with these limits as the ones of the request being handled, and no
    /// client call's configuration: a request a client in the same process sent (a loopback
    /// transport) is read as the spec says, whatever that client chose.
    @_spi(Generated) public func apply<T>(_ operation: () async throws -> T) async rethrows -> T {
        try await ClientConfiguration.$current.withValue(nil) {
            try await Self.$current.withValue(self, operation: operation)
        }
    }
}

/// A request past one of the server's limits: answered with `status` and never handled.
public struct RequestTooLarge: Error, Sendable {
    /// 413 (a body, multipart parts) or 431 (headers).
    public var status: Int
    public var detail: String
}

extension ServerLimits {
    /// The answer to a request body larger than `maximumBodySize`.
    var bodyTooLarge: RequestTooLarge {
        RequestTooLarge(
            status: 413, detail: "The request body is larger than the \(maximumBodySize) bytes this server accepts.")
    }

    /// Throws when the request's headers together are larger than allowed.
    func checkHeaders(of request: HTTPRequest) throws {
        var size = 0
        for field in request.headerFields {
            size += field.name.rawName.utf8.count + field.value.utf8.count
        }
        guard size <= maximumHeaderSize else {
            throw RequestTooLarge(
                status: 431,
                detail: "The request's headers are \(size) bytes; this server accepts at most \(maximumHeaderSize).")
        }
    }

    /// Throws a `RequestError` when the JSON text nests deeper than allowed (a linear scan, before
    /// a decoder recurses into it).
    func checkJSONDepth(_ data: Data) throws {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumJSONDepth {
                    throw RequestError(at: "body", "nests deeper than \(maximumJSONDepth) levels")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
    }
}

/// A body longer than the limit it was read under.
public struct BodyTooLarge: Error, Sendable, CustomStringConvertible {
    public var limit: Int
    public var description: String { "The body is larger than the \(limit) bytes it may be." }
}

/// Reads bodies into memory, for clients and servers alike: in a generated server (where
/// `ServerLimits.current` is set) up to its `maximumBodySize`, answered with 413 past it;
/// elsewhere up to `ClientSupport.maximumBodySize`. Only the size is reported as too large: a body
/// that fails for another reason (a dropped connection) fails with its own error.
enum BodyReader {
    static func read(_ body: HTTPBody?) async throws -> Data {
        guard let body else { return Data() }
        guard let limits = ServerLimits.current else {
            return try await collect(body, upTo: (ClientConfiguration.current ?? ClientConfiguration()).maximumBodySize)
        }
        do {
            return try await collect(body, upTo: limits.maximumBodySize)
        } catch is BodyTooLarge {
            throw limits.bodyTooLarge
        }
    }

    static func collect(_ body: HTTPBody, upTo limit: Int) async throws -> Data {
        var data = Data()
        if case .known(let length) = body.length {
            guard length <= Int64(limit) else { throw BodyTooLarge(limit: limit) }
            data.reserveCapacity(Int(length))
        }
        for try await chunk in body {
            guard data.count + chunk.count <= limit else { throw BodyTooLarge(limit: limit) }
            data.append(contentsOf: chunk)
        }
        return data
    }
}

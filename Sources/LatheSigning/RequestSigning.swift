import Crypto
import Foundation
import HTTPTypes
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime

/// A request signature computed with a shared secret (`x-lathe-request-signature`): the client
/// signs each request, the server recomputes the signature and compares.
///
/// The signed text is the scheme's `components` concatenated without separators: the path (no
/// query string), optionally lowercased; the hex HMAC of the body in canonical JSON (keys sorted at
/// every level, no spaces; left out when there is no body); the Unix timestamp sent in
/// `timestampHeader`; or the method. The signature is the lowercase hex HMAC-SHA512 of that text.
public struct RequestSignature: Sendable {
    public enum Component: String, Sendable {
        case lowercasedPath = "lowercased-path"
        case path
        case bodyHash = "body-hash"
        case timestamp
        case method
    }

    public var header: String
    public var timestampHeader: String
    /// How far, in seconds, a request's timestamp may be from the server's clock.
    public var tolerance: Int
    public var components: [Component]

    public init(header: String, timestampHeader: String, tolerance: Int, components: [Component]) {
        self.header = header
        self.timestampHeader = timestampHeader
        self.tolerance = tolerance
        self.components = components
    }

    /// The hex signature of one request.
    public func signature(method: String, path: String, body: Data?, timestamp: String, secret: String) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        return Self.hex(
            HMAC<SHA512>.authenticationCode(
                for: signedText(method: method, path: path, body: body, timestamp: timestamp, key: key), using: key))
    }

    /// The text the signature is computed over; `key` also hashes the body.
    func signedText(method: String, path: String, body: Data?, timestamp: String, key: SymmetricKey) -> [UInt8] {
        let pathOnly =
            path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var text = ""
        for component in components {
            switch component {
            case .lowercasedPath: text += pathOnly.lowercased()
            case .path: text += pathOnly
            case .method: text += method
            case .timestamp: text += timestamp
            case .bodyHash:
                guard let body, !body.isEmpty else { continue }
                let canonical = CanonicalJSON.text(body) ?? Array(body)
                text += Self.hex(HMAC<SHA512>.authenticationCode(for: canonical, using: key))
            }
        }
        return Array(text.utf8)
    }

    static func hex(_ code: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in code {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Adds the timestamp and signature headers. The body is read to be hashed and put back.
    public func sign(
        _ request: inout HTTPRequest, body: inout HTTPBody?, secret: String, now: Date = Date()
    ) async throws {
        let bytes = try await Self.buffer(&body)
        let timestamp = String(Int(now.timeIntervalSince1970))
        request.headerFields.set(timestampHeader, timestamp)
        request.headerFields.set(
            header,
            signature(
                method: request.method.rawValue, path: request.path ?? "/", body: bytes, timestamp: timestamp,
                secret: secret))
    }

    /// Whether the request is signed with `secret` and its timestamp is within `tolerance` of `now`.
    /// The body is read to be hashed and put back for the handler.
    public func verify(
        _ request: HTTPRequest, body: inout HTTPBody?, secret: String, now: Date = Date()
    ) async throws -> Bool {
        let bytes = try await Self.buffer(&body)
        guard let presented = request.headerFields.value(header),
            let timestamp = request.headerFields.value(timestampHeader),
            let seconds = Int(timestamp), abs(Int(now.timeIntervalSince1970) - seconds) <= tolerance
        else { return false }
        // swift-crypto compares the codes in constant time, so timing does not reveal how much matched.
        guard let code = Self.bytes(hex: presented) else { return false }
        let key = SymmetricKey(data: Array(secret.utf8))
        let text = signedText(
            method: request.method.rawValue, path: request.path ?? "/", body: bytes, timestamp: timestamp, key: key)
        return HMAC<SHA512>.isValidAuthenticationCode(code, authenticating: text, using: key)
    }

    /// The bytes of hex text (either case), or nil when it is not hex.
    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Reads a body (a stream can be read once) and puts its bytes back in its place.
    private static func buffer(_ body: inout HTTPBody?) async throws -> Data? {
        guard let current = body else { return nil }
        let bytes = try await BodyCoding.bytes(current)
        body = HTTPBody(bytes)
        return bytes
    }
}

/// The secret a client signs requests with. It is never sent, and its description never shows it.
public struct RequestSigningSecret: Sendable, CustomStringConvertible {
    public var secret: String

    public init(_ secret: String) {
        self.secret = secret
    }

    public var description: String { "RequestSigningSecret(<redacted>)" }
}

/// A signing partner as a server's verifier finds them from a request (by the API key it also
/// carries, say): who they are, which the handler sees as the request's caller, and the secret
/// their signatures must verify with.
public struct SigningPartner: Sendable, CustomStringConvertible {
    public var caller: Caller
    public var secret: RequestSigningSecret

    public init(_ caller: Caller, secret: RequestSigningSecret) {
        self.caller = caller
        self.secret = secret
    }

    public var description: String { "SigningPartner(\(caller), <redacted>)" }
}

/// JSON as JavaScript's `JSON.stringify` writes an object whose keys were sorted at every level:
/// no spaces, keys in UTF-16 order, strings escaped the way JavaScript escapes them, numbers in
/// JavaScript's shortest form. It is what signing schemes built on Node hash.
@_spi(Generated) public enum CanonicalJSON {
    /// The canonical text of a JSON document, or nil when `data` is not JSON.
    public static func text(_ data: Data) -> [UInt8]? {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { return nil }
        var output: [UInt8] = []
        write(value, into: &output)
        return output
    }

    static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: output += Array("null".utf8)
        case .bool(let flag): output += Array((flag ? "true" : "false").utf8)
        case .number(let number): output += Array(javaScriptNumber(NSDecimalNumber(decimal: number).doubleValue).utf8)
        case .string(let text): writeString(text, into: &output)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(members[key]!, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += Array("\\\"".utf8)
            case "\\": output += Array("\\\\".utf8)
            case "\u{8}": output += Array("\\b".utf8)
            case "\u{C}": output += Array("\\f".utf8)
            case "\n": output += Array("\\n".utf8)
            case "\r": output += Array("\\r".utf8)
            case "\t": output += Array("\\t".utf8)
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default:
                output += Array(String(scalar).utf8)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `Number.prototype.toString` (ECMA-262 §6.1.6.1.20) from the shortest round-trip digits.
    static func javaScriptNumber(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        // Swift's description has the shortest digits; take them and the decimal exponent apart.
        let parts = abs(value).description.split(separator: "e")
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        let point =
            mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var digits = Array(mantissa.filter { $0 != "." })
        var n = point + exponent
        while digits.first == "0" {
            digits.removeFirst()
            n -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let text = String(digits)
        if k <= n && n <= 21 { return sign + text + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 { return sign + String(digits[..<n]) + "." + String(digits[n...]) }
        if -6 < n && n <= 0 { return sign + "0." + String(repeating: "0", count: -n) + text }
        let e = n - 1
        let exponentText = (e >= 0 ? "+" : "-") + String(abs(e))
        return sign + String(digits[0]) + (k > 1 ? "." + String(digits[1...]) : "") + "e" + exponentText
    }
}

import Foundation
import HTTPTypes
import OpenAPIRuntime

/// A file in a `multipart/form-data` body: its bytes, and the file name and content type it was sent with.
public struct FilePart: Sendable, Hashable {
    public var data: Data
    public var filename: String?
    /// `nil` sends the type the spec documents for the part (or `application/octet-stream`).
    public var contentType: String?

    public init(data: Data, filename: String? = nil, contentType: String? = nil) {
        self.data = data
        self.filename = filename
        self.contentType = contentType
    }
}

/// A part's value with the headers the spec documents for that part (`encoding.<name>.headers`).
public struct MultipartField<Value: Sendable, Headers: Sendable>: Sendable {
    public var value: Value
    public var headers: Headers

    public init(value: Value, headers: Headers) {
        self.value = value
        self.headers = headers
    }
}

// Conditional, as modules generated with `hashable: false` have headers that are neither.
extension MultipartField: Equatable where Value: Equatable, Headers: Equatable {}
extension MultipartField: Hashable where Value: Hashable, Headers: Hashable {}

/// One part of a multipart body as it travels: its name, file name, headers and bytes.
@_spi(Generated) public struct MultipartPart: Sendable, Hashable {
    public var name: String
    public var filename: String?
    /// Headers other than `Content-Disposition`.
    public var headerFields: HTTPFields
    public var data: Data
    /// Set on the parts of a request a server reads (see `MultipartForm.decode`).
    var rejectsNull = false

    public init(name: String, filename: String? = nil, headerFields: HTTPFields = [:], data: Data) {
        self.name = name
        self.filename = filename
        self.headerFields = headerFields
        self.data = data
    }

    public var file: FilePart { FilePart(data: data, filename: filename, contentType: headerFields[.contentType]) }

    /// A text part read as a primitive (a string, number, date, enum, …).
    public func text<T: URIPrimitive>(as type: T.Type) throws -> T {
        guard let text = String(data: data, encoding: .utf8), let value = T(uriText: text) else {
            throw RequestError.part(name, "is not a valid \(URIDecoding.describe(T.self))")
        }
        return value
    }

    /// A part holding JSON.
    public func json<T: Decodable>(as type: T.Type) throws -> T {
        do {
            return try JSONCoding.decoder(rejectingNull: rejectsNull).decode(T.self, from: data)
        } catch {
            throw RequestError.part(name, "is not valid JSON for its schema: \(BodyCoding.message(of: error))")
        }
    }
}

/// A `multipart/form-data` body (RFC 7578): the parts in order, and their encoding and decoding.
@_spi(Generated) public struct MultipartForm: Sendable, Hashable {
    public var parts: [MultipartPart]

    public init(parts: [MultipartPart] = []) { self.parts = parts }

    public func parts(named name: String) -> [MultipartPart] { parts.filter { $0.name == name } }

    /// The one part a required property needs, or a `RequestError` saying it is missing.
    public func requiredPart(named name: String) throws -> MultipartPart {
        guard let part = parts.first(where: { $0.name == name }) else { throw RequestError.part(name, "is required") }
        return part
    }

    // MARK: Writing

    public mutating func append(file: FilePart, name: String, contentType: String?, headers: HTTPFields = [:]) {
        var fields = headers
        fields[.contentType] = file.contentType ?? contentType ?? "application/octet-stream"
        parts.append(MultipartPart(name: name, filename: file.filename ?? name, headerFields: fields, data: file.data))
    }

    public mutating func append(
        text value: some URIPrimitive, name: String, contentType: String?, headers: HTTPFields = [:]
    ) {
        var fields = headers
        if let contentType { fields[.contentType] = contentType }
        parts.append(MultipartPart(name: name, headerFields: fields, data: Data(value.uriText.utf8)))
    }

    public mutating func append(
        json value: some Encodable, name: String, contentType: String?, headers: HTTPFields = [:]
    ) throws {
        var fields = headers
        fields[.contentType] = contentType ?? "application/json"
        parts.append(MultipartPart(name: name, headerFields: fields, data: try JSONCoding.encoder().encode(value)))
    }

    /// The body and its `Content-Type` (the form's media type with a fresh boundary).
    public func encoded(as mediaType: String = "multipart/form-data") -> (contentType: String, body: HTTPBody) {
        let boundary = "lathe-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        var data = Data()
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(part.name))\""
            if let filename = part.filename { head += "; filename=\"\(Self.quoted(filename))\"" }
            head += "\r\n"
            for field in part.headerFields { head += "\(field.name.rawName): \(field.value)\r\n" }
            data.append(contentsOf: Array((head + "\r\n").utf8))
            data.append(part.data)
            data.append(contentsOf: Array("\r\n".utf8))
        }
        data.append(contentsOf: Array("--\(boundary)--\r\n".utf8))
        return ("\(BodyCoding.essence(mediaType)); boundary=\(boundary)", HTTPBody(data))
    }

    /// Names and file names quote `"`, CR and LF as the HTML form encoding does.
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    // MARK: Reading

    /// Reads a multipart body, or throws a `RequestError` saying what is malformed.
    /// `rejectingNull`: JSON parts read a present `null` for an optional property that does not allow
    /// it as an error (a server reading a request), not as absent (`JSONCoding.decoder(rejectingNull:)`).
    public static func decode(
        _ body: HTTPBody?, contentType: String?, rejectingNull: Bool = false
    ) async throws -> MultipartForm {
        guard let boundary = contentType.flatMap({ parameter("boundary", in: $0) }), !boundary.isEmpty else {
            throw RequestError(at: "body", "has no multipart boundary in its Content-Type")
        }
        var form = try parse(try await BodyReader.read(body), boundary: boundary)
        for index in form.parts.indices { form.parts[index].rejectsNull = rejectingNull }
        return form
    }

    static func parse(_ data: Data, boundary: String) throws -> MultipartForm {
        let bytes = [UInt8](data)
        let delimiter = Array("--\(boundary)".utf8)
        guard var start = find(delimiter, in: bytes, from: 0) else {
            throw RequestError(at: "body", "has no multipart boundary line")
        }
        var parts: [MultipartPart] = []
        while true {
            var cursor = start + delimiter.count
            if bytes[cursor...].starts(with: Array("--".utf8)) { break }
            // Past the boundary line's transport padding and line break.
            guard let lineEnd = find(Array("\r\n".utf8), in: bytes, from: cursor) else {
                throw RequestError(at: "body", "ends inside a multipart boundary line")
            }
            cursor = lineEnd + 2
            guard let next = find(Array("\r\n".utf8) + delimiter, in: bytes, from: cursor) else {
                throw RequestError(at: "body", "ends before its closing multipart boundary")
            }
            parts.append(try part(Array(bytes[cursor ..< next])))
            if let limits = ServerLimits.current, parts.count > limits.maximumMultipartParts {
                throw RequestTooLarge(
                    status: 413,
                    detail:
                        "The request has more than the \(limits.maximumMultipartParts) multipart parts this "
                        + "server accepts."
                )
            }
            start = next + 2
        }
        return MultipartForm(parts: parts)
    }

    private static func part(_ bytes: [UInt8]) throws -> MultipartPart {
        let separator = Array("\r\n\r\n".utf8)
        let headEnd: Int
        let bodyStart: Int
        if bytes.starts(with: Array("\r\n".utf8)) {
            (headEnd, bodyStart) = (0, 2)
        } else if let end = find(separator, in: bytes, from: 0) {
            (headEnd, bodyStart) = (end, end + 4)
        } else {
            throw RequestError(at: "body", "has a multipart part without a blank line after its headers")
        }
        var fields = HTTPFields()
        var name: String?
        var filename: String?
        for line in String(decoding: bytes[0 ..< headEnd], as: UTF8.self).split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                let fieldName = HTTPField.Name(String(line[..<colon]).trimmingCharacters(in: .whitespaces))
            else {
                throw RequestError(at: "body", "has a malformed multipart part header '\(line.prefix(80))'")
            }
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if fieldName == .contentDisposition {
                name = parameter("name", in: value)
                filename = parameter("filename", in: value)
            } else {
                fields.append(HTTPField(name: fieldName, value: value))
            }
        }
        guard let name else {
            throw RequestError(at: "body", "has a multipart part without a Content-Disposition name")
        }
        return MultipartPart(name: name, filename: filename, headerFields: fields, data: Data(bytes[bodyStart...]))
    }

    /// `boundary` in `multipart/form-data; boundary="abc"`: quotes removed, `;` inside them kept.
    static func parameter(_ wanted: String, in header: String) -> String? {
        var items: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in header {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        for item in items.dropFirst() {
            guard let equals = item.firstIndex(of: "=") else { continue }
            guard item[..<equals].trimmingCharacters(in: .whitespaces).lowercased() == wanted else { continue }
            let value = item[item.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            return value.replacingOccurrences(of: "%22", with: "\"").replacingOccurrences(of: "%0D", with: "\r")
                .replacingOccurrences(of: "%0A", with: "\n")
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0], haystack[index ..< index + needle.count].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

extension RequestError {
    /// An issue with the multipart body's part `name`, at `$.body.name`.
    static func part(_ name: String, _ message: String) -> RequestError {
        RequestError([ValidationIssue(path: JSONPath.root.key("body").key(name), message: message)])
    }
}

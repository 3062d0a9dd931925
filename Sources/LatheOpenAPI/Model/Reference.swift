import LatheDiagnostics
import LatheYAML

/// A `$ref`, resolved to the canonical key of its target: the target file's absolute path and a
/// normalised JSON pointer (`/abs/spec.yaml#/components/schemas/Pet`). The target itself lives in
/// the document's `ComponentStore`, decoded once however many refs point at it.
public struct Reference: Sendable, Hashable {
    /// The text of the `$ref` as written.
    public var raw: String
    /// The canonical key of the target, or `nil` when it could not be resolved (an error says why).
    public var targetKey: String?
    /// The `$ref` value node, for locations.
    public var node: YAMLNode

    public init(raw: String, targetKey: String?, node: YAMLNode) {
        self.raw = raw
        self.targetKey = targetKey
        self.node = node
    }

    /// The last pointer token of the target, which is the component's name for `#/components/schemas/Pet`.
    public var targetName: String? {
        guard let key = targetKey, let hash = key.lastIndex(of: "#") else { return nil }
        let pointer = key[key.index(after: hash)...]
        guard let slash = pointer.lastIndex(of: "/") else { return nil }
        return JSONPointerPath.unescape(pointer[pointer.index(after: slash)...])
    }
}

/// An object that may be given inline or by `$ref`.
public enum Referenceable<Value: Sendable & Hashable>: Sendable, Hashable {
    case value(Value)
    case reference(Reference)

    public var reference: Reference? {
        if case .reference(let reference) = self { return reference }
        return nil
    }
}

/// Parsing and escaping of JSON pointers (RFC 6901) as they appear in `$ref` fragments.
public enum JSONPointerPath {
    public enum ParseError: Error, Equatable {
        case notAPointer
        case badEscape(String)
    }

    /// Splits a pointer (`/components/schemas/a~1b`) into unescaped tokens. The empty pointer is the whole document.
    public static func tokens(_ pointer: String) throws(ParseError) -> [String] {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { throw .notAPointer }
        var tokens: [String] = []
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var iterator = raw.makeIterator()
            while let character = iterator.next() {
                guard character == "~" else {
                    token.append(character)
                    continue
                }
                switch iterator.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default: throw .badEscape(String(raw))
                }
            }
            tokens.append(token)
        }
        return tokens
    }

    public static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        return String(token).replacingTildeEscapes()
    }

    public static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + JSONPointer.escape($0) }.joined()
    }
}

extension String {
    func replacingTildeEscapes() -> String {
        var result = ""
        var iterator = makeIterator()
        while let character = iterator.next() {
            if character == "~" {
                switch iterator.next() {
                case "0": result.append("~")
                case "1": result.append("/")
                case let other?: result.append("~"); result.append(other)
                case nil: result.append("~")
                }
            } else {
                result.append(character)
            }
        }
        return result
    }
}

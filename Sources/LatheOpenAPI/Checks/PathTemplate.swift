import LatheDiagnostics

/// The `{name}` expressions of a path template, read the same way by the document checks and by
/// lowering, so what a check reports and what is generated agree.
public enum PathTemplate {
    /// The names in `path`, in order, or why the template is malformed.
    public static func names(_ path: String) -> Result<[String], Malformed> {
        var names: [String] = []
        var current: String?
        for character in path {
            switch (character, current) {
            case ("{", nil): current = ""
            case ("}", let name?):
                if name.isEmpty { return .failure(Malformed(reason: "has an empty '{}' template expression")) }
                names.append(name)
                current = nil
            case ("{", _?), ("}", nil):
                return .failure(Malformed(reason: "has unbalanced braces; each '{name}' must open and close once"))
            case (_, let name?): current = name + String(character)
            default: break
            }
        }
        if current != nil { return .failure(Malformed(reason: "has an unclosed '{'")) }
        return .success(names)
    }

    /// The path with every template expression blanked, so `/a/{x}` and `/a/{y}` compare equal:
    /// what a router sees.
    public static func shape(_ path: String) -> String {
        // ASCII (nearly every path) by bytes; other text by Characters, where a brace with a
        // combining mark after it is not a brace.
        if path.isAllASCII {
            var shape: [UInt8] = []
            shape.reserveCapacity(path.utf8.count)
            var inside = false
            for byte in path.utf8 {
                switch byte {
                case UInt8(ascii: "{"):
                    inside = true
                    shape.append(UInt8(ascii: "{"))
                    shape.append(UInt8(ascii: "}"))
                case UInt8(ascii: "}"): inside = false
                default: if !inside { shape.append(byte) }
                }
            }
            return String(decoding: shape, as: UTF8.self)
        }
        return shapeByCharacters(path)
    }

    /// `shape` read a Character at a time: for text that is not ASCII, and for tests of the other.
    static func shapeByCharacters(_ path: String) -> String {
        var shape = ""
        var inside = false
        for character in path {
            if character == "{" {
                inside = true
                shape += "{}"
            } else if character == "}" {
                inside = false
            } else if !inside {
                shape.append(character)
            }
        }
        return shape
    }

    public struct Malformed: Error, Sendable {
        /// Completes "path '…' ".
        public var reason: String
    }
}

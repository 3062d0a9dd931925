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

    /// The path parameters `parameters` declares but the template does not name that are sent in
    /// the query instead. When every name of the template has its parameter, a stray one is no
    /// misspelt template name, and the query is the one place left for it (utoipa writes
    /// `in: path` for Garage's `?node=`); not where a query parameter already has its name, nor
    /// beside a querystring (the whole query). When a template name has none, strays are ignored,
    /// the name becoming a string parameter.
    public static func pathParametersSentInQuery(_ parameters: [Parameter], templateNames: Set<String>) -> Set<String> {
        // A querystring is the whole query, and the spec's own reading wins over a stray's. Both
        // callers ask only where there is a stray (most operations have none).
        guard !parameters.contains(where: { $0.location == .querystring }) else { return [] }
        let path = parameters.filter { $0.location == .path }
        guard templateNames.isSubset(of: path.lazy.map(\.name)) else { return [] }
        let query = Set(parameters.lazy.filter { $0.location == .query }.map(\.name))
        return Set(path.lazy.map(\.name).filter { !templateNames.contains($0) && !query.contains($0) })
    }

    /// What becomes of the path parameters a template does not name (`strays`), as the document
    /// checks say and lowering does: those sent in the query, and the one read as a template name.
    public struct StrayReadings: Sendable {
        public var sentInQuery: Set<String>
        public var renamed: (stray: String, templateName: String)?
    }

    /// `StrayReadings` of `parameters`, leaving out a path parameter the path's query names
    /// (`queryVariables`, `readQueryInPaths`), which is the query's.
    public static func strayReadings(
        _ parameters: [Parameter], templateNames: Set<String>, queryVariables: Set<String>
    ) -> StrayReadings {
        let candidates = parameters.filter {
            !($0.location == .path && queryVariables.contains($0.name) && !templateNames.contains($0.name))
        }
        return StrayReadings(
            sentInQuery: pathParametersSentInQuery(candidates, templateNames: templateNames),
            renamed: renamedPathParameter(candidates, templateNames: templateNames))
    }

    /// The one path parameter the template does not name, and the one template name no parameter
    /// declares, where there is exactly one of each: the same parameter under another name
    /// (Meilisearch's `uidOrKey` for `/keys/{uid_or_key}`, SDMX's), which it is read as. `nil`
    /// otherwise, where a stray is sent in the query or left out.
    public static func renamedPathParameter(
        _ parameters: [Parameter], templateNames: Set<String>
    ) -> (stray: String, templateName: String)? {
        var stray: String?
        var declared = Set<String>()
        for parameter in parameters where parameter.location == .path {
            if templateNames.contains(parameter.name) {
                declared.insert(parameter.name)
            } else if stray == nil || stray == parameter.name {
                stray = parameter.name
            } else {
                return nil
            }
        }
        let undeclared = templateNames.subtracting(declared)
        guard let stray, undeclared.count == 1, let templateName = undeclared.first else { return nil }
        return (stray, templateName)
    }

    /// The query parameter a template name no path parameter declares is, where exactly one has
    /// its name (Horizon's `{pipelinerunID}`, declared `in: query`): the path parameter, declared
    /// in the wrong place. Its index in `parameters`. Not where the path's own query (`/a/{x}?x={x}`,
    /// `readQueryInPaths`) names it, as a key or a variable: the query parameter is that item's.
    public static func queryParameterNaming(
        _ templateName: String, in parameters: [Parameter], besides queryInPath: [QueryItemInPath]
    ) -> Int? {
        guard !queryInPath.contains(where: { $0.name == templateName || $0.variable == templateName }) else {
            return nil
        }
        let indices = parameters.indices.filter {
            parameters[$0].location == .query && parameters[$0].name == templateName
        }
        return indices.count == 1 ? indices[0] : nil
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

    /// `path` as routers split it, without empty segments: `/pets/` is `/pets`, `/a//b` is `/a/b`.
    public static func withoutEmptySegments(_ path: String) -> String {
        // Nearly every path has none: no `//`, no `/` at the end (this runs for every operation).
        var previous: UInt8 = 0
        var hasEmpty = path.utf8.count > 1 && path.utf8.last == UInt8(ascii: "/")
        for byte in path.utf8 where !hasEmpty {
            hasEmpty = byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/")
            previous = byte
        }
        guard hasEmpty else { return path }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for byte in path.utf8 where !(byte == UInt8(ascii: "/") && bytes.last == UInt8(ascii: "/")) {
            bytes.append(byte)
        }
        if bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
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

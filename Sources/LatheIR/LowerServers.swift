import LatheOpenAPI

/// `servers`: the document's entries become values of the generated `ServerURL`, named from their
/// descriptions, with typed variables; an operation whose own (or its path's) `servers` differ from
/// the document's sends to the first of them.
extension Lowerer {
    func lowerServers() -> [IRServer] {
        var names = NameScope(reserved: ["url", "init", "self", "Type"])
        var enumTypes = NameScope(reserved: ["ServerURL"])
        // Enum types by name: the variable they were named from and its values, shared by every
        // entry whose variable of that name lists the same values.
        var enumsByName: [String: (variable: String, values: [String])] = [:]
        var servers: [IRServer] = []
        for (index, server) in document.servers.enumerated() {
            guard let usable = usableURL(server, allowingUndeclared: true) else { continue }
            let name = names.claim(
                SwiftNames.serverName(server.name) ?? SwiftNames.serverName(server.description) ?? "server\(index + 1)")
            // A relative entry's member takes `relativeTo base` before the variables.
            var labels = NameScope(reserved: SwiftNames.keywords.union(usable.isRelative ? ["base"] : []))
            // A variable the URL names and `variables` does not declare (Akamai's `{hostname}`, VTEX's
            // `{store_endpoint}`): a parameter without a default, first, as the caller must give it.
            var variables = Self.undeclaredVariables(server).map { name in
                IRServerVariable(
                    name: IRName(original: name, swift: labels.claim(SwiftNames.memberName(name))), enumType: nil,
                    values: [], defaultValue: nil, description: nil)
            }
            for variable in server.variables where server.url.contains("{\(variable.name)}") {
                let label = labels.claim(SwiftNames.memberName(variable.name))
                let listed = variable.enumValues ?? []
                var enumType: String?
                var values: [IRName] = []
                if !listed.isEmpty {
                    // Nested in `ServerURL`: `protocol` must not become `Protocol` (a member type Swift
                    // forbids), nor `string` shadow `String` there.
                    let base = SwiftNames.safeTypeName(variable.name)
                    if let shared = enumsByName.first(where: { $0.value == (base, listed) })?.key {
                        enumType = shared
                    } else {
                        let claimed = enumTypes.claim(
                            enumTypes.contains(base) ? SwiftNames.typeName(name) + base : base)
                        enumsByName[claimed] = (base, listed)
                        enumType = claimed
                    }
                    var cases = NameScope(reserved: ["rawValue", "init", "allCases"])
                    values = listed.map { IRName(original: $0, swift: cases.claim(SwiftNames.memberName($0))) }
                }
                variables.append(
                    IRServerVariable(
                        name: IRName(original: variable.name, swift: label), enumType: enumType, values: values,
                        defaultValue: Self.defaultValue(of: variable), description: variable.description))
            }
            servers.append(
                IRServer(
                    name: name, url: usable.template, description: server.description, variables: variables,
                    isRelative: usable.isRelative))
        }
        return servers
    }

    /// The operation's own servers (else its path's) when they differ from the document's: the
    /// first one's URL, its variables at their defaults. A relative one (InfluxDB's `/private`) is
    /// relative to where the document is served, which the client's server URL stands for.
    func serverOverride(
        of operation: LatheOpenAPI.Operation, in pathItem: PathItem
    ) -> (url: String, isRelative: Bool)? {
        let own = operation.servers.isEmpty ? pathItem.servers : operation.servers
        guard let first = own.first, let usable = usableURL(first),
            !documentServers.contains(HTTPURL.withoutTrailingSlash(usable.url))
        else { return nil }
        return (usable.url, usable.isRelative)
    }

    /// A listed default, or the first listed value when the default is not among them.
    static func defaultValue(of variable: ServerVariable) -> String {
        guard let listed = variable.enumValues, !listed.isEmpty, !listed.contains(variable.defaultValue) else {
            return variable.defaultValue
        }
        return listed[0]
    }

    /// The server's URL as Lathe reads it (`template`: repaired where it must be, with the scheme
    /// a host written without one implies) and that URL with its variables at their defaults
    /// (`url`), absolute or not. `impliedScheme` is the scheme added, if any.
    static func resolvedURL(_ server: Server) -> (template: String, url: String, impliedScheme: String?) {
        let template = HTTPURL.repaired(server.url)
        let url = substituted(server, in: template)
        guard !HTTPURL.isAbsolute(url), !HTTPURL.isRelativeReference(url),
            let withScheme = HTTPURL.withImpliedScheme(url)
        else { return (template, url, nil) }
        // A host a variable gives may be any of its values, not only the local default.
        let hostIsVariable = template.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.contains("{")
        let scheme = hostIsVariable ? "https://" : String(withScheme.dropLast(url.count))
        return (scheme + template, scheme + url, scheme)
    }

    /// `template` (the server's URL, or its repair) with each declared variable at its default.
    private static func substituted(_ server: Server, in template: String) -> String {
        var url = Substring(template)
        var result = ""
        while let first = url.first {
            // `{name}` of a declared variable: its default; anything else is kept as written.
            if first == "{", let close = url.firstIndex(of: "}"),
                let variable = server.variables.first(where: {
                    $0.name == url[url.index(after: url.startIndex) ..< close]
                })
            {
                result += defaultValue(of: variable)
                url = url[url.index(after: close)...]
            } else {
                result.append(first)
                url = url.dropFirst()
            }
        }
        return result
    }

    /// The server's URL (`template`, repaired where it must be, with a warning) and that URL with
    /// its variables at their defaults (`url`), when that is an absolute `http(s)` URL or a relative
    /// reference (relative to wherever the document is served, which the caller of the generated
    /// `ServerURL` member passes); otherwise a warning and `nil`. A host written without its scheme
    /// (`api.postmarkapp.com`) is read with the one it implies.
    /// `isRelative` says which of the two it is. An absolute URL loses the `/` that ends its path:
    /// transports append an operation's path, which begins with one, to the server's
    /// (`https://x/` would send `https://x//pets`); a relative one loses it when resolved.
    /// `allowingUndeclared`: a variable `variables` does not declare makes the URL no less usable (a
    /// `ServerURL` member takes it as a parameter); an operation's server needs every one declared.
    private func usableURL(
        _ server: Server, allowingUndeclared: Bool = false
    ) -> (template: String, url: String, isRelative: Bool)? {
        let reports = serversReported.insert(server.origin).inserted
        for variable in server.variables {
            if reports, let listed = variable.enumValues, !listed.isEmpty, !listed.contains(variable.defaultValue) {
                warning(
                    "the default '\(variable.defaultValue)' of the server variable '\(variable.name)' is not one of "
                        + "its values; Lathe uses the first, '\(listed[0])'",
                    at: server.origin, kind: "server-variable-default-not-listed")
            }
        }
        let (template, url, impliedScheme) = Self.resolvedURL(server)
        if reports, impliedScheme != nil {
            warning(
                "the server URL '\(server.url)' has no scheme; Lathe reads it as '\(url)'", at: server.origin,
                kind: "server-url-no-scheme")
        }
        let undeclaredNames = allowingUndeclared ? Self.undeclaredVariables(server) : []
        // Whether the URL is one with the undeclared variables given (a value stands in for each).
        let checked = undeclaredNames.reduce(url) { $0.replacing("{\($1)}", with: "x") }
        let isAbsolute = HTTPURL.isAbsolute(checked)
        guard isAbsolute || HTTPURL.isRelativeReference(checked) else {
            guard reports else { return nil }
            let undeclared = Self.undeclaredVariables(server).map { "{\($0)}" }
            let why =
                switch undeclared.count {
                case 0 where url.contains("{"): " (a variable's default holds a '{')"
                case 0: ""
                case 1: " (its variable \(undeclared[0]) is not declared)"
                default: " (its variables \(undeclared.joined(separator: ", ")) are not declared)"
                }
            warning(
                "the server URL '\(server.url)' is not an absolute http(s) URL\(why); it is not generated, so pass "
                    + "its address to the client as serverURL",
                at: server.origin, kind: "server-url-unusable")
            return nil
        }
        if reports, !undeclaredNames.isEmpty {
            let names = undeclaredNames.map { "{\($0)}" }.joined(separator: ", ")
            warning(
                "the server URL '\(server.url)' names \(undeclaredNames.count == 1 ? "a variable" : "variables") "
                    + "its 'variables' do not declare (\(names)); Lathe generates "
                    + "\(undeclaredNames.count == 1 ? "it as a parameter" : "them as parameters") without a default",
                at: server.origin, kind: "server-variable-undeclared")
        }
        if reports, template.dropFirst(impliedScheme?.count ?? 0) != server.url {
            warning(
                "the server URL '\(server.url)' has white space around it or characters a URL cannot hold as they "
                    + "are; Lathe uses '\(template)'",
                at: server.origin, kind: "server-url-repaired")
        }
        guard isAbsolute else { return (template, url, true) }
        return (HTTPURL.withoutTrailingSlash(template), HTTPURL.withoutTrailingSlash(url), false)
    }

    /// The `{name}`s in the server's URL that its `variables` do not declare, in order, once each.
    static func undeclaredVariables(_ server: Server) -> [String] {
        var names: [String] = []
        var rest = Substring(server.url)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open) ..< close])
            if !server.variables.contains(where: { $0.name == name }), !names.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

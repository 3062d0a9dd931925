/// Whether a server's URL is one the generated client may write as `Foundation.URL(string: "…")!`:
/// an absolute `http` or `https` URL with a host, every character of it where RFC 3986's grammar
/// allows it (so never an undeclared `{name}`, which Foundation would percent-encode rather than
/// refuse). Foundation's parser takes every such URL (and more: it percent-encodes what the
/// grammar does not allow), so the force-unwrap cannot fail. Checked here rather than by calling
/// Foundation: its `URL` brought half a megabyte of its library's code into every run's memory.
enum HTTPURL {
    static func isAbsolute(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
            ["http", "https"].contains(String(decoding: bytes[..<colon], as: UTF8.self).lowercased()),
            bytes[(colon + 1)...].starts(with: "//".utf8)
        else { return false }
        let authorityStart = colon + 3
        let authorityEnd =
            bytes[authorityStart...].firstIndex(where: { $0 == .slash || $0 == .question || $0 == .hash })
            ?? bytes.endIndex
        guard isAuthority(bytes[authorityStart ..< authorityEnd]) else { return false }
        // Path, query and fragment: `pchar`s, `/` and `?`, one `#` at most.
        var rest = bytes[authorityEnd...]
        if let hash = rest.firstIndex(of: .hash) {
            guard isText(rest[(hash + 1)...], also: "/?") else { return false }
            rest = rest[..<hash]
        }
        return isText(rest, also: "/?")
    }

    /// Whether `url` is a relative reference (RFC 3986, section 4.2) that resolves to an `http(s)`
    /// URL against one: a path from the root (`/api/v1`) or the document's folder (`./v1`,
    /// `../v1`), or `//host/path`. `api.example.com/v1` is one too, but it is a host without its
    /// scheme far more often than a folder with a dot in its name: not taken as relative.
    static func isRelativeReference(_ url: String) -> Bool {
        // The empty reference is the document's own location.
        if url.isEmpty { return true }
        if url.hasPrefix("//") { return isAbsolute("http:" + url) }
        guard url.hasPrefix("/") || url.hasPrefix("./") || url.hasPrefix("../") else { return false }
        return isAbsolute("http://host" + (url.hasPrefix("/") ? "" : "/") + url)
    }

    /// `url` with the scheme a server URL written without one implies: `https://` before a host
    /// name (`api.postmarkapp.com/v1`), `http://` before `localhost` or an IPv4 address, where a
    /// development server rarely has TLS. `nil` when `url` does not begin with such a host.
    static func withImpliedScheme(_ url: String) -> String? {
        let authority = url.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.prefix { $0 != ":" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let isIPv4 = labels.count == 4 && labels.allSatisfy { UInt8($0) != nil }
        let isLocal = isIPv4 || host.lowercased() == "localhost"
        // A name ends in a top-level domain of letters: `v1.2` or `openapi.json` is not one.
        let last = labels.last ?? ""
        let isName =
            labels.count > 1 && last.count >= 2 && last.allSatisfy(\.isLetter)
            && !["json", "yaml", "yml"].contains(last.lowercased())
        guard isLocal || isName else { return nil }
        let withScheme = (isLocal ? "http://" : "https://") + url
        return isAbsolute(withScheme) ? withScheme : nil
    }

    /// Whether generated code may write `text` as `URL(string: text)!`: an absolute `http(s)` URL
    /// `isAbsolute` takes, or a URI with a scheme and no authority (`about:blank`, `urn:isbn:1`),
    /// in the characters a URI holds as they are and one `#` at most, which Foundation's parser
    /// takes unchanged. A URI with another authority (`ftp://…`) is not: its host and port are
    /// not checked here, and a `URL` Foundation refuses would trap.
    static func isURIReference(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: .colon), colon > 0, bytes[0].isLetter,
            bytes[..<colon].allSatisfy({ $0.isLetter || $0.isDigit || "+-.".utf8.contains($0) })
        else { return false }
        if bytes[(colon + 1)...].starts(with: "//".utf8) { return isAbsolute(text) }
        guard bytes.filter({ $0 == .hash }).count <= 1 else { return false }
        return bytes.indices.allSatisfy { index in
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                return index + 2 < bytes.count && bytes[index + 1].isHexDigit && bytes[index + 2].isHexDigit
            }
            return byte.isLetter || byte.isDigit || "-._~:/?#@!$&'()*+,;=".utf8.contains(byte)
        }
    }

    /// `url` without the `/` that ends its path (`https://x/v1/` → `https://x/v1`, `https://x/?a=1`
    /// → `https://x?a=1`), as the runtime drops it from a resolved template. Left as it is when the
    /// path ends in `//`.
    static func withoutTrailingSlash(_ url: String) -> String {
        let pathEnd = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        let upToQuery = url[..<pathEnd]
        guard upToQuery.hasSuffix("/"), !upToQuery.hasSuffix("//") else { return url }
        return String(upToQuery.dropLast()) + url[pathEnd...]
    }

    /// The one reading of a server URL written with white space around it, or with characters no
    /// URL may hold as they are (a space, a quote, text outside ASCII, a `%` that starts no escape):
    /// trimmed, and each such character percent-encoded as UTF-8, as Foundation's parser encodes
    /// them. `{` and `}` stay: they delimit variables.
    static func repaired(_ url: String) -> String {
        let bytes = Array(url.utf8)
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09 ... 0x0D).contains(byte) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        var repaired: [UInt8] = []
        repaired.reserveCapacity(last - first + 1)
        let hex = Array("0123456789ABCDEF".utf8)
        for index in first ... last {
            let byte = bytes[index]
            let startsEscape =
                byte == UInt8(ascii: "%") && index + 2 <= last && bytes[index + 1].isHexDigit
                && bytes[index + 2].isHexDigit
            if byte > 0x20, byte < 0x7F, !"\"<>\\^`|".utf8.contains(byte), byte != UInt8(ascii: "%") || startsEscape {
                repaired.append(byte)
            } else {
                repaired += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: repaired, as: UTF8.self)
    }

    /// Text a path key's query holds (`action=delete`), as a URL's query may hold it: `repaired`,
    /// and `#`, `{` and `}`, which would end the query or stand for a variable, percent-encoded.
    static func queryText(_ text: String) -> String {
        var result = ""
        for character in repaired(text) {
            switch character {
            case "#": result += "%23"
            case "{": result += "%7B"
            case "}": result += "%7D"
            default: result.append(character)
            }
        }
        return result
    }

    /// `[userinfo@]host[:port]`, the host a name or an IP literal in brackets, never empty.
    private static func isAuthority(_ authority: ArraySlice<UInt8>) -> Bool {
        var hostAndPort = authority
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            guard isText(authority[..<at], also: ":", pchars: false) else { return false }
            hostAndPort = authority[(at + 1)...]
        }
        var host = hostAndPort
        var port = hostAndPort[hostAndPort.endIndex...]
        if hostAndPort.first == UInt8(ascii: "[") {
            guard let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = hostAndPort[(hostAndPort.startIndex + 1) ..< close]
            guard !literal.isEmpty, literal.allSatisfy({ $0.isHexDigit || $0 == .colon || $0 == UInt8(ascii: ".") })
            else { return false }
            host = hostAndPort[...close]
            port = hostAndPort[(close + 1)...]
            guard port.isEmpty || port.first == .colon else { return false }
        } else if let colon = hostAndPort.firstIndex(of: .colon) {
            host = hostAndPort[..<colon]
            port = hostAndPort[colon...]
            guard isHostName(host) else { return false }
        } else {
            guard isHostName(host) else { return false }
        }
        if port.isEmpty { return true }
        // `:` and a port number; RFC 3986 allows no digits, or more than a port holds, which
        // Foundation may not take.
        let digits = port.dropFirst()
        return (1 ... 5).contains(digits.count) && digits.allSatisfy { (0x30 ... 0x39).contains($0) }
            && Int(String(decoding: digits, as: UTF8.self))! <= 65_535
    }

    /// A registered name, without percent-escapes: Foundation decodes them in `host`, and one that
    /// decodes to a NUL or to text that is not UTF-8 leaves the host empty or `nil`.
    private static func isHostName(_ host: ArraySlice<UInt8>) -> Bool {
        !host.isEmpty && !host.contains(UInt8(ascii: "%")) && isText(host, also: "", pchars: false)
    }

    /// Unreserved characters, sub-delimiters and percent-escapes of two hex digits, with `:` and
    /// `@` when `pchars`, and the characters of `also`.
    private static func isText(_ text: ArraySlice<UInt8>, also: String, pchars: Bool = true) -> Bool {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < text.endIndex, text[index + 1].isHexDigit, text[index + 2].isHexDigit
                else { return false }
                index += 3
                continue
            }
            let allowed =
                byte.isLetter || (0x30 ... 0x39).contains(byte) || "-._~!$&'()*+,;=".utf8.contains(byte)
                || (pchars && (byte == .colon || byte == UInt8(ascii: "@"))) || also.utf8.contains(byte)
            guard allowed else { return false }
            index += 1
        }
        return true
    }
}

extension UInt8 {
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let question = UInt8(ascii: "?")
    fileprivate static let hash = UInt8(ascii: "#")
    fileprivate static let colon = UInt8(ascii: ":")

    fileprivate var isLetter: Bool { (0x41 ... 0x5A).contains(self) || (0x61 ... 0x7A).contains(self) }
    fileprivate var isDigit: Bool { (0x30 ... 0x39).contains(self) }
    fileprivate var isHexDigit: Bool {
        (0x30 ... 0x39).contains(self) || (0x41 ... 0x46).contains(self) || (0x61 ... 0x66).contains(self)
    }
}

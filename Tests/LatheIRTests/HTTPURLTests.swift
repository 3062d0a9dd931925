import Foundation
import Testing

@testable import LatheIR

/// A server URL Lathe accepts is written as `Foundation.URL(string: "…")!`: every one it accepts
/// must be one Foundation parses as an absolute http(s) URL with a host, or the generated client
/// traps. Each accepted URL below is checked against Foundation itself.
struct HTTPURLTests {
    static let accepted = [
        "https://api.example.com", "http://api.example.com/", "https://api.box.com/2.0", "HTTPS://API.Example.com/v1",
        "https://api.xero.com/api.xro/2.0", "https://pal-test.adyen.com/pal/servlet/Payment/v68",
        "https://example.com:8443/base?x=1&y=a,b#top", "https://user:secret@example.com/",
        "http://127.0.0.1:8080", "http://[::1]:3000/v1", "http://[2001:db8::7]/", "https://example.com/a%20b/~me/(x)",
        "https://example.com/v1;matrix=1/@handle/:id", "https://ex_ample-1.example.com/*",
    ]

    static let refused = [
        "/api/v1", "api.example.com", "ftp://example.com", "https:example.com", "https:///path", "https://",
        "https://example.com/a b", "https://exa mple.com", "https://example.com/{version}",
        "https://{tenant}.example.com",
        "https://example.com/%zz", "https://example.com/%2", "https://example.com:port/", "https://example.com:99999/",
        "https://example.com:/", "https://[::1/", "https://[]/", "https://ex\"ample.com", "https://example.com/ü",
        "https://example.com/a#b#c", "https://a@b@example.com", "https://example.com/<tag>",
        "https://example.com\\path", "http://%00/", "http://%FF/", "https://%65xample.com",
    ]

    @Test(arguments: accepted)
    func acceptedURLsAreOnesFoundationParses(_ url: String) throws {
        #expect(HTTPURL.isAbsolute(url))
        let parsed = try #require(URL(string: url))
        #expect(["http", "https"].contains(parsed.scheme?.lowercased()))
        #expect(!(parsed.host ?? "").isEmpty)
    }

    @Test(arguments: refused)
    func otherTextIsRefused(_ url: String) {
        #expect(!HTTPURL.isAbsolute(url))
    }

    /// A `format: uri` default is written `URL(string: "…")!`, evaluated whenever the value is
    /// absent: whatever `isURIReference` takes, Foundation must parse, or a server would trap on a
    /// request that leaves the value out.
    static let uris = ["about:blank", "urn:isbn:0451450523", "mailto:ada@example.com", "tag:example.com,2026:x#y"]
    static let notURIs = ["ftp://example.com:port/", "about:a#b#c", "urn:[x]", "about:a b", "1ab:c", "blank"]

    @Test(arguments: accepted + uris + refused + notURIs)
    func aURIDefaultIsWrittenOnlyWhereFoundationParsesIt(_ text: String) {
        if HTTPURL.isURIReference(text) { #expect(URL(string: text) != nil, "\(text)") }
    }

    @Test func uriDefaultsWithoutAnAuthorityAreTaken() {
        #expect(Self.uris.allSatisfy(HTTPURL.isURIReference))
        #expect(!Self.notURIs.contains(where: HTTPURL.isURIReference))
    }

    /// A server URL with white space around it, or characters no URL may hold as they are, is read
    /// as trimmed and percent-encoded (as UTF-8), which Foundation parses; `{` and `}` stay.
    @Test func aURLIsRepairedAsFoundationWouldEncodeIt() throws {
        let cases = [
            ("https://example.com/v1 ", "https://example.com/v1"),
            ("\t https://example.com\n", "https://example.com"),
            ("https://example.com/a b/ü", "https://example.com/a%20b/%C3%BC"),
            ("https://example.com/100%/x?q=%2F", "https://example.com/100%25/x?q=%2F"),
            ("https://example.com/\"q\"|<x>", "https://example.com/%22q%22%7C%3Cx%3E"),
            ("https://{region}.example.com/ a", "https://{region}.example.com/%20a"),
            ("https://example.com/v1", "https://example.com/v1"),
            (" ", ""),
        ]
        for (written, read) in cases {
            #expect(HTTPURL.repaired(written) == read, "\(written)")
        }
        for (_, read) in cases.prefix(5) {
            #expect(HTTPURL.isAbsolute(read))
            let parsed = try #require(URL(string: read))
            #expect(parsed.absoluteString == read)
        }
    }
}

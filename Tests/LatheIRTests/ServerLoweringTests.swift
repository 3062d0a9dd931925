import LatheIR
import LatheOpenAPI
import Testing

/// `servers` in the IR: named entries, typed variables, operation overrides, and what cannot be
/// generated, each a located warning.
struct ServerLoweringTests {
    func lower(_ yaml: String) throws -> (IRModule, [String]) {
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.all)")
        let (module, diagnostics) = Lowering.lower(try #require(loaded.document), specName: "spec.yaml")
        return (module, diagnostics.all.map(\.description))
    }

    /// A variable the URL names that `variables` does not declare (Akamai's `{hostname}`) is a
    /// parameter without a default, first, once however often the URL names it, with a warning. An
    /// operation's own server needs every variable declared: its unusable URL's warning names what
    /// is wrong with its braces, each undeclared variable, or a declared one whose default holds a
    /// brace.
    @Test func anUndeclaredServerVariableIsAParameterWithoutADefault() throws {
        let (module, warnings) = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - url: 'https://{tenant}.{region}.example.com/{tenant}/{version}'
                variables: {version: {default: v1}}
              - url: https://{region}.example.com
                variables: {region: {default: '{eu}'}}
            paths:
              /a:
                servers: [{url: 'https://{tenant}.{region}.example.com'}]
                get: {operationId: a, responses: {'204': {description: ok}}}
            """)
        let server = try #require(module.servers.first)
        #expect(module.servers.count == 1 && server.url == "https://{tenant}.{region}.example.com/{tenant}/{version}")
        #expect(server.variables.map(\.name.swift) == ["tenant", "region", "version"])
        #expect(server.variables.map(\.defaultValue) == [nil, nil, "v1"])
        #expect(module.operations.first?.serverOverride == nil)
        #expect(
            warnings.contains(
                "spec.yaml:4:5: warning: the server URL 'https://{tenant}.{region}.example.com/{tenant}/{version}' "
                    + "names variables its 'variables' do not declare ({tenant}, {region}); Lathe generates them as "
                    + "parameters without a default [server-variable-undeclared]"), "\(warnings)")
        #expect(warnings.contains { $0.contains("URL (its variables {tenant}, {region} are not declared);") })
        #expect(warnings.contains { $0.contains("URL (a variable's default holds a '{');") })
    }

    @Test func unusableEntriesAreLeftOutWithAWarningAtTheirLine() throws {
        let (module, warnings) = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - {url: 'ftp://files.example.com', description: Not HTTP}
              - {url: 'https://{tenant}.example.com', description: Undeclared}
              - url: https://{region}.example.com
                description: Production
                variables:
                  region: {default: mars, enum: [eu, us]}
              - {url: https://sandbox.example.com, description: Production}
              - {url: https://other.example.com}
              - {url: 'https://example.com/v1 ', description: Trailing space}
            paths:
              /a: {get: {operationId: a, responses: {'204': {description: ok}}}}
              /b:
                servers: [{url: 'https://{region}.example.com', variables: {region: {default: eu}}}]
                get: {operationId: b, responses: {'204': {description: ok}}}
              /c:
                get:
                  operationId: c
                  servers: [{url: https://upload.example.com}]
                  responses: {'204': {description: ok}}
              /d:
                servers: [{url: /relative}]
                get: {operationId: d, responses: {'204': {description: ok}}}
                put: {operationId: e, responses: {'204': {description: ok}}}
            """)
        #expect(
            module.servers.map(\.name) == ["undeclared", "production", "production2", "server5", "trailingSpace"])
        #expect(module.servers.last?.url == "https://example.com/v1")
        let region = try #require(module.servers.first { $0.name == "production" }?.variables.first)
        #expect(region.enumType == "Region" && region.values.map(\.swift) == ["eu", "us"])
        #expect(region.defaultValue == "eu")
        #expect(
            warnings.contains(
                "spec.yaml:4:5: warning: the server URL 'ftp://files.example.com' is not an absolute http(s) URL; "
                    + "it is not generated, so pass its address to the client as serverURL [server-url-unusable]"))
        #expect(
            warnings.contains {
                $0.hasPrefix(
                    "spec.yaml:5:5: warning: the server URL 'https://{tenant}.example.com' names a variable its "
                        + "'variables' do not declare ({tenant}); Lathe generates it as a parameter without a default")
            })
        #expect(
            warnings.contains {
                $0.hasPrefix("spec.yaml:6:5: warning: the default 'mars' of the server variable 'region' is not one")
            })
        #expect(
            warnings.contains(
                "spec.yaml:12:5: warning: the server URL 'https://example.com/v1 ' has white space around it or "
                    + "characters a URL cannot hold as they are; Lathe uses 'https://example.com/v1' "
                    + "[server-url-repaired]"), "\(warnings)")
        // b's path names the document's first usable server (region eu): no override. c names its
        // own, and d's path a relative one, read for each of its operations.
        #expect(
            module.operations.map(\.serverOverride) == [
                nil, nil, "https://upload.example.com", "/relative", "/relative",
            ])
        #expect(module.operations.map(\.serverOverrideIsRelative) == [false, false, false, true, true])
    }

    /// A server URL written without its scheme is a host far more often than a relative path:
    /// `https://` before a name (Postmark's `api.postmarkapp.com`), `http://` before `localhost`
    /// or an IPv4 address, each with a warning. A name that ends in no top-level domain of letters
    /// (`v1.2`, `openapi.json`) is not one, and stays unusable.
    @Test func aHostWithoutItsSchemeIsReadWithTheOneItImplies() throws {
        let (module, warnings) = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - {url: api.postmarkapp.com, description: Postmark}
              - {url: 'localhost:8080/v1', description: Local}
              - {url: '10.0.0.1/api', description: Device}
              - url: '{region}.example.com/v2'
                description: Regional
                variables: {region: {default: eu}}
              - {url: v1.2/api, description: Version}
              - {url: openapi.json, description: File}
              - url: '{host}/api'
                description: Any host
                variables: {host: {default: 'localhost:8080', enum: ['localhost:8080', api.example.com]}}
              - url: 'localhost:{port}/v1'
                description: Local port
                variables: {port: {default: '8080'}}
            paths:
              /a: {get: {operationId: a, responses: {'204': {description: ok}}}}
            """)
        #expect(
            module.servers.map(\.url) == [
                "https://api.postmarkapp.com", "http://localhost:8080/v1", "http://10.0.0.1/api",
                "https://{region}.example.com/v2", "https://{host}/api", "http://localhost:{port}/v1",
            ])
        #expect(module.servers.allSatisfy { !$0.isRelative })
        #expect(
            warnings.filter { $0.hasSuffix("[server-url-no-scheme]") } == [
                "spec.yaml:4:5: warning: the server URL 'api.postmarkapp.com' has no scheme; Lathe reads it as "
                    + "'https://api.postmarkapp.com' [server-url-no-scheme]",
                "spec.yaml:5:5: warning: the server URL 'localhost:8080/v1' has no scheme; Lathe reads it as "
                    + "'http://localhost:8080/v1' [server-url-no-scheme]",
                "spec.yaml:6:5: warning: the server URL '10.0.0.1/api' has no scheme; Lathe reads it as "
                    + "'http://10.0.0.1/api' [server-url-no-scheme]",
                "spec.yaml:7:5: warning: the server URL '{region}.example.com/v2' has no scheme; Lathe reads it as "
                    + "'https://eu.example.com/v2' [server-url-no-scheme]",
                // A host a variable gives is read as `https://` whatever its default.
                "spec.yaml:12:5: warning: the server URL '{host}/api' has no scheme; Lathe reads it as "
                    + "'https://localhost:8080/api' [server-url-no-scheme]",
                // A variable for the port only leaves the host `localhost`.
                "spec.yaml:15:5: warning: the server URL 'localhost:{port}/v1' has no scheme; Lathe reads it as "
                    + "'http://localhost:8080/v1' [server-url-no-scheme]",
            ], "\(warnings)")
        #expect(warnings.filter { $0.hasSuffix("[server-url-unusable]") }.count == 2)
        #expect(module.operations.map(\.serverOverride) == [nil])
    }

    /// A relative URL is relative to where the document is served: an entry whose member takes
    /// that address, and an operation's own relative server one the client resolves against its
    /// server URL (InfluxDB's `/private`); the empty URL is the document's own address.
    @Test func relativeEntriesAreServersRelativeToTheDocument() throws {
        let (module, warnings) = try lower(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers:
              - {url: /control, description: Device}
              - {url: ../v2}
              - {url: //cdn.example.com/v1}
              - {url: v1}
              - {url: /a b}
              - {url: https://example.com}
            paths:
              /a:
                servers: [{url: /elsewhere}]
                get: {operationId: a, responses: {'204': {description: ok}}}
              /b:
                servers: [{url: /control}]
                get: {operationId: b, responses: {'204': {description: ok}}}
              /c:
                servers: [{url: 'https://example.com'}]
                get: {operationId: c, responses: {'204': {description: ok}}}
              /d:
                servers: [{url: ''}]
                get: {operationId: d, responses: {'204': {description: ok}}}
            """)
        #expect(
            module.servers.map(\.url) == ["/control", "../v2", "//cdn.example.com/v1", "/a%20b", "https://example.com"])
        #expect(module.servers.map(\.isRelative) == [true, true, true, true, false])
        // `/b`'s is the document's first and `/c`'s the client's default (a client pointed
        // elsewhere stands for either); the others are resolved against the client's server.
        #expect(module.operations.map(\.serverOverride) == ["/elsewhere", nil, nil, ""])
        #expect(module.operations.map(\.serverOverrideIsRelative) == [true, false, false, true])
        #expect(
            warnings.filter { $0.contains("[server-url-unusable]") }.map { $0.prefix(16) } == ["spec.yaml:7:5: w"])
    }

    /// With no `servers`, the document's is `/` (OpenAPI's default): an operation that names `/`
    /// names it, and is sent to the client's server as every other is.
    @Test func anOperationNamingTheDefaultServerHasNoOverride() throws {
        let (module, warnings) = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                servers: [{url: /}]
                get: {operationId: a, responses: {'204': {description: ok}}}
              /b:
                servers: [{url: /v2}]
                get: {operationId: b, responses: {'204': {description: ok}}}
            """)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(module.operations.map(\.serverOverride) == [nil, "/v2"])
    }

    /// Transports append an operation's path (`/pets`) to the server's URL: an absolute URL's
    /// trailing `/` would send `https://x//pets`. It is dropped, also before comparing an
    /// operation's own server with the document's; a relative `/` stays (it is the whole path).
    @Test func anAbsoluteURLsTrailingSlashIsDropped() throws {
        let (module, _) = try lower(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers:
              - {url: 'https://api.example.com/', description: Root}
              - {url: 'https://api.example.com/v1/', description: Versioned}
              - url: 'https://{region}.example.com/'
                description: Regional
                variables: {region: {default: eu}}
              - {url: /, description: Here}
              - {url: 'https://example.com/a?b=/', description: Query}
              - {url: 'https://example.com/v2/?b=1#top', description: Query after slash}
            paths:
              /a:
                servers: [{url: 'https://api.example.com'}]
                get: {operationId: a, responses: {'204': {description: ok}}}
              /b:
                get:
                  operationId: b
                  servers: [{url: 'https://upload.example.com/'}]
                  responses: {'204': {description: ok}}
            """)
        #expect(
            module.servers.map(\.url) == [
                "https://api.example.com", "https://api.example.com/v1", "https://{region}.example.com", "/",
                "https://example.com/a?b=/", "https://example.com/v2?b=1#top",
            ])
        #expect(module.operations.map(\.serverOverride) == [nil, "https://upload.example.com"])
    }
}

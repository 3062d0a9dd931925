import Testing

@testable import LatheOpenAPI

/// JSON Schema's `$id` in OpenAPI 3.1: a `$ref` under a schema with one is resolved against its
/// URI, as Clair's spec writes them (`$ref: digest.schema.json` beside `$id:
/// https://clairproject.org/api/http/v1/index_report.schema.json`).
struct SchemaIDTests {
    @Test func aReferenceUnderAnIDIsResolvedAgainstIt() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Report:
                  $id: https://example.com/api/v1/report.schema.json
                  type: object
                  properties:
                    digest: {$ref: digest.schema.json}
                    part: {$ref: 'sub/part.schema.json#/properties/n'}
                    again: {$ref: './digest.schema.json'}
                    missing: {$ref: nothing.schema.json}
                Digest:
                  $id: https://example.com/api/v1/digest.schema.json
                  type: string
                  pattern: '^sha256:'
                Part:
                  $id: https://example.com/api/v1/sub/part.schema.json
                  type: object
                  properties: {n: {type: integer}}
                Outside:
                  type: object
                  properties:
                    absolute: {$ref: 'https://example.com/api/v1/digest.schema.json'}
                    example: {type: object, example: {$id: 'https://example.com/api/v1/fake.schema.json'}}
                    fake: {$ref: 'https://example.com/api/v1/fake.schema.json'}
            """)
        let document = try #require(result.document)
        func key(_ name: String) throws -> String {
            try #require(document.components.schemas.first { $0.name == name }).key
        }
        let report = try componentProperties(result, of: "Report")
        #expect(report["digest"]?.ref?.targetKey == (try key("Digest")))
        #expect(report["again"]?.ref?.targetKey == (try key("Digest")))
        #expect(report["part"]?.ref?.targetKey == (try key("Part")) + "/properties/n")
        #expect(report["missing"]?.ref?.targetKey == nil)
        let outside = try componentProperties(result, of: "Outside")
        #expect(outside["absolute"]?.ref?.targetKey == (try key("Digest")))
        // An example's `$id` is data, which names nothing.
        #expect(outside["fake"]?.ref?.targetKey == nil)
        #expect(
            printed(result).map { $0.replacingAll(Paths.currentDirectory() + "/", with: "") } == [
                "spec.yaml:13:25: error: cannot resolve 'nothing.schema.json': cannot read 'nothing.schema.json': "
                    + "No such file or directory [ref-unreadable]",
                "spec.yaml:27:22: error: remote reference 'https://example.com/api/v1/fake.schema.json' is not "
                    + "fetched (Lathe reads no network); save a copy and map the URL to it with --ref-mirror URL=PATH "
                    + "(refMirrors in lathe.yaml) [ref-remote]",
            ])
    }

    /// RFC 3986 §5.4's examples, against its base `http://a/b/c/d;p?q`.
    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"),
        ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
        ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"),
        ("g.", "http://a/b/c/g."), ("..g", "http://a/b/c/..g"), ("./g/.", "http://a/b/c/g/"),
        ("g;x=1/../y", "http://a/b/c/y"), ("g#s", "http://a/b/c/g"),
    ])
    func referencesResolveAsRFC3986Says(reference: String, expected: String) {
        #expect(URIReference.resolve(reference, against: "http://a/b/c/d;p?q") == expected)
    }

    /// A base with no authority and a path without `/` (a URN, or `x:`): the reference's path alone.
    @Test func aBaseWithoutSlashesMergesToTheReference() {
        #expect(URIReference.resolve("child.json", against: "urn:example:root") == "urn:child.json")
        #expect(URIReference.resolve("child.json", against: "x:") == "x:child.json")
        #expect(URIReference.resolve("", against: "x:") == "x:")
    }
}

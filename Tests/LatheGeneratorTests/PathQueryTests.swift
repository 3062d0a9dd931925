import Foundation
import LatheGenerator
import Testing

/// A path key that holds a query string (Strapi's `/upload?id={id}`) is the path before the `?`,
/// and its operations send the query's items: a `{variable}` as a query parameter (the declared
/// one, a path parameter of that name moved there, or a required string), other text as written.
/// Sent as written, the URL held `?` twice and no server route matched.
struct PathQueryTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /upload:
            post: {responses: {'204': {description: ok}}}
          /upload?id={id}:
            post:
              parameters: [{name: id, in: query, required: true, schema: {type: string}}]
              responses: {'204': {description: ok}}
          /items/{itemId}?action=archive&force:
            post:
              operationId: archiveItem
              parameters: [{name: itemId, in: path, required: true, schema: {type: integer}}]
              responses: {'204': {description: ok}}
          /files?name={name}&mode=a b:
            get:
              operationId: getFile
              parameters:
                - {name: name, in: path, required: true, style: simple, schema: {type: string}}
                - {name: limit, in: query, schema: {type: integer}}
              responses: {'204': {description: ok}}
          /things?q={q}:
            get: {operationId: findThings, responses: {'204': {description: ok}}}
          /copies/{id}?copy={id}&range={a}-{b}:
            get:
              operationId: copyItem
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses: {'204': {description: ok}}
        """

    @Test func theQueryOfAPathKeyIsSentInTheQuery() throws {
        let result = Generator.generate(bytes: Array(Self.spec.utf8), path: "query.yaml")
        let warnings = result.diagnostics.all.map(\.description)
        #expect(
            warnings.filter { $0.hasSuffix("[path-query]") } == [
                "query.yaml:6:3: warning: path '/upload?id={id}' holds a query string; OpenAPI paths are path "
                    + "templates only; Lathe reads the path as '/upload', and sends 'id' as a query parameter in its "
                    + "query [path-query]",
                "query.yaml:10:3: warning: path '/items/{itemId}?action=archive&force' holds a query string; "
                    + "OpenAPI paths are path templates only; Lathe reads the path as '/items/{itemId}', and sends "
                    + "'action=archive' as text, 'force' as text in its query [path-query]",
                "query.yaml:15:3: warning: path '/files?name={name}&mode=a b' holds a query string; OpenAPI paths "
                    + "are path templates only; Lathe reads the path as '/files', and sends 'name' as a query "
                    + "parameter, 'mode=a b' as text in its query [path-query]",
                "query.yaml:22:3: warning: path '/things?q={q}' holds a query string; OpenAPI paths are path "
                    + "templates only; Lathe reads the path as '/things', and sends 'q' as a query parameter in its "
                    + "query [path-query]",
                "query.yaml:24:3: warning: path '/copies/{id}?copy={id}&range={a}-{b}' holds a query string; "
                    + "OpenAPI paths are path templates only; Lathe reads the path as '/copies/{id}', and sends "
                    + "'copy' as a query parameter, 'range={a}-{b}' as text in its query [path-query]",
            ], "\(warnings)")
        // The declared path parameter moved to the query raises no other warning.
        #expect(!warnings.contains { $0.contains("not in the path template") || $0.contains("does not declare") })
        #expect(warnings.contains { $0.contains("under paths twice, once written with a query string") })
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        // Named and identified by the path as written, apart from `POST /upload`.
        #expect(client.contains("public func postUploadIdId(id: Swift.String)"))
        #expect(client.contains("public func postUpload()"))
        #expect(client.contains("ClientSupport.path(\"/items/{itemId}?action=archive&force\", ["))
        #expect(client.contains("var query: [Swift.String] = [\"mode=a%20b\"]"))
        #expect(client.contains("public func getFile(name: Swift.String, limit: Swift.Int? = nil)"))
        #expect(
            client.contains(
                "query += LatheRuntime.URIEncoding.query(LatheRuntime.URIValue.of(input.query.name), name: \"name\", style: .form"
            ))
        #expect(client.contains("public func findThings(q: Swift.String)"))
        // A path parameter the template still names stays, and the query sends a copy of it.
        #expect(client.contains("public func copyItem(id: Swift.Int, copy: Swift.Int)"), "\(client)")
        #expect(client.contains("var query: [Swift.String] = [\"range=%7Ba%7D-%7Bb%7D\"]"))
        let server = try #require(result.files.first { $0.name == "Server.swift" }).contents
        #expect(server.contains("path: prefix + \"/files\""))
        let routes = server.split(separator: "\n").filter { $0.contains("path: prefix + ") }
        #expect(routes.count == 5 && !routes.contains { $0.contains("?") }, "\(routes)")

        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "path-query")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}

extension PathQueryTests {
    /// Of two keys with one path, the one written with a query string is named as such, whichever
    /// comes first.
    @Test func theKeyWithAQueryIsNamedWhicheverComesFirst() {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /upload?id={id}:
                post: {responses: {'204': {description: ok}}}
              /upload:
                post: {responses: {'204': {description: ok}}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "query.yaml")
        let messages = result.diagnostics.all.filter { $0.kind == "identical-path-templates" }.map(\.message)
        #expect(
            messages.count == 1
                && messages[0].hasPrefix("path '/upload' is under paths twice, once written with a query string"),
            "\(messages)")
    }
}

extension PathQueryTests {
    /// A path parameter its template does not name is sent in the query when every template name
    /// has its parameter (utoipa writes `in: path` for Garage's `?node=`): the one place left for
    /// it. Where one template name has none, the one stray is that name's parameter renamed
    /// (Meilisearch's `uidOrKey` for `{uid_or_key}`), read with its type; of several, it may be
    /// any, and each is left out.
    @Test func aPathParameterTheTemplateDoesNotNameGoesInTheQuery() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /v2/CreateMetadataSnapshot:
                post:
                  operationId: createMetadataSnapshot
                  parameters: [{name: node, in: path, required: true, style: simple}]
                  responses: {'204': {description: ok}}
              /buckets/{bucketId}:
                parameters: [{name: bucketId, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: getBucket
                  parameters:
                    - {name: versions, in: path, schema: {type: array, items: {type: integer}}}
                    - {name: limit, in: path, schema: {type: integer}}
                    - {name: limit, in: query, schema: {type: integer}}
                  responses: {'204': {description: ok}}
              /pets/{petId}:
                get:
                  operationId: getPet
                  parameters: [{name: pet_id, in: path, required: true, schema: {type: integer}}]
                  responses: {'204': {description: ok}}
              /pairs/{x}/{y}:
                get:
                  operationId: getPair
                  parameters: [{name: a, in: path, required: true, schema: {type: integer}}]
                  responses: {'204': {description: ok}}
              /search/{term}?q={q}:
                get:
                  operationId: search
                  parameters:
                    - {name: q, in: query, schema: {type: string}}
                    - {name: q, in: path, required: true, schema: {type: integer}}
                  responses: {'204': {description: ok}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "stray.yaml")
        let warnings = result.diagnostics.all.filter { $0.kind == "path-parameter-not-in-template" }
            .map(\.description)
        #expect(
            warnings == [
                "stray.yaml:7:20: warning: path parameter 'node' is not in the path template "
                    + "'/v2/CreateMetadataSnapshot'; Lathe sends it as a query parameter, the one place left for it "
                    + "[path-parameter-not-in-template]",
                "stray.yaml:14:11: warning: path parameter 'versions' is not in the path template "
                    + "'/buckets/{bucketId}'; Lathe sends it as a query parameter, the one place left for it "
                    + "[path-parameter-not-in-template]",
                "stray.yaml:15:11: warning: path parameter 'limit' is not in the path template "
                    + "'/buckets/{bucketId}'; Lathe ignores this parameter [path-parameter-not-in-template]",
                "stray.yaml:21:20: warning: path parameter 'pet_id' is not in the path template '/pets/{petId}'; "
                    + "Lathe reads it as the template's '{petId}', which no parameter declares "
                    + "[path-parameter-not-in-template]",
                "stray.yaml:26:20: warning: path parameter 'a' is not in the path template '/pairs/{x}/{y}'; "
                    + "Lathe ignores this parameter [path-parameter-not-in-template]",
            ], "\(warnings)")
        // The renamed template name is declared by its stray; of two, each is a required string.
        #expect(
            result.diagnostics.all.filter { $0.kind == "path-parameter-undeclared" }.map(\.message) == [
                "GET /pairs/{x}/{y} does not declare the path parameter 'x'; add a parameter with name: x, in: path, "
                    + "required: true; Lathe treats it as a required string path parameter",
                "GET /pairs/{x}/{y} does not declare the path parameter 'y'; add a parameter with name: y, in: path, "
                    + "required: true; Lathe treats it as a required string path parameter",
                "GET /search/{term} does not declare the path parameter 'term'; add a parameter with name: term, in: "
                    + "path, required: true; Lathe treats it as a required string path parameter",
            ])
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        // Optional: `required: true` is what a path parameter must say, not what the query needs
        // (Garage's lookups take one of `id`, `globalAlias` and `search`, each written so).
        #expect(client.contains("public func createMetadataSnapshot(node: Swift.String? = nil)"))
        #expect(client.contains("name: \"node\", style: .form, explode: true"), "\(client)")
        // Its query style, not the path's: a list goes out as repeated `versions=`.
        #expect(
            client.contains(
                "public func getBucket(bucketId: Swift.String, versions: [Swift.Int]? = nil, limit: Swift.Int? = nil)"))
        #expect(client.contains("name: \"versions\", style: .form, explode: true"))
        // The misspelt name: the template's `petId`, an integer as `pet_id` says.
        #expect(client.contains("public func getPet(petId: Swift.Int)"))
        #expect(client.contains("public func getPair(x: Swift.String, y: Swift.String)"))
        // A path parameter the path's query names is the query's, not the template name's.
        #expect(client.contains("public func search(term: Swift.String, q: Swift.String? = nil)"), "\(client)")
        let server = try #require(result.files.first { $0.name == "Server.swift" }).contents
        #expect(
            server.contains("LatheRuntime.URIDecoding.query(queryItems, name: \"node\", style: .form"),
            "the server reads it from the query")

        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "stray-path-parameter")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}

extension PathQueryTests {
    /// Two names side by side in a segment (`{left}{right}`): no server can tell where one ends, so a
    /// generated one answers 404 (SegmentPathsLoopbackTests), and generating says so where it is.
    @Test func twoNamesSideBySideAreAmbiguous() {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /pairs/{left}{right}.json:
                get:
                  parameters:
                    - {name: left, in: path, required: true, schema: {type: string}}
                    - {name: right, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: ok}}
              /files/{name}.{ext}:
                get:
                  parameters:
                    - {name: name, in: path, required: true, schema: {type: string}}
                    - {name: ext, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: ok}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "pairs.yaml")
        #expect(
            result.diagnostics.all.filter { $0.kind == "path-segment-ambiguous" }.map(\.description) == [
                "pairs.yaml:5:5: warning: a path segment of '/pairs/{left}{right}.json' holds two names side by "
                    + "side, so a server cannot tell where one ends; a generated server does not route requests to "
                    + "this operation (a client sends them) [path-segment-ambiguous]"
            ])
    }
}

extension PathQueryTests {
    /// Beside a querystring (the whole query, valid), a stray path parameter is not moved to the
    /// query, where it would leave the querystring out: the spec's own reading wins over a defect's.
    @Test func aQuerystringKeepsTheQueryFromAStrayPathParameter() {
        let spec = """
            openapi: 3.2.0
            info: {title: T, version: '1'}
            paths:
              /search:
                get:
                  operationId: search
                  parameters:
                    - {name: q, in: path, required: true, schema: {type: string}}
                    - {name: filter, in: querystring, content: {application/json: {schema: {type: object}}}}
                  responses: {'204': {description: ok}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "search.yaml")
        #expect(!result.diagnostics.all.contains { $0.kind == "querystring-beside-query" })
        #expect(
            result.diagnostics.all.filter { $0.kind == "path-parameter-not-in-template" }.map(\.message) == [
                "path parameter 'q' is not in the path template '/search'; Lathe ignores this parameter"
            ])
        let client = result.files.first { $0.name == "Client.swift" }?.contents ?? ""
        #expect(
            client.contains("public func search(filter: [Swift.String: LatheRuntime.JSONValue]? = nil)"), "\(client)")
    }
}

extension PathQueryTests {
    /// Express's `:name` segments (Stellar's custody API) are read as template expressions: sent as
    /// written, no call could name its resource, and the declared parameter would be a stray.
    @Test func anExpressSegmentIsAPathParameter() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /pets/:petId/toys/:toy:
                get:
                  operationId: getToy
                  parameters: [{name: petId, in: path, required: true, schema: {type: integer}}]
                  responses: {'204': {description: ok}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "express.yaml")
        #expect(
            result.diagnostics.all.map(\.kind) == [
                "path-template-colon", "path-parameter-undeclared", "bad-request-undocumented",
            ], "\(result.diagnostics.all)")
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(client.contains("public func getToy(petId: Swift.Int, toy: Swift.String)"), "\(client)")
        #expect(client.contains("LatheRuntime.ClientSupport.path(\"/pets/{petId}/toys/{toy}\""))
        let server = try #require(result.files.first { $0.name == "Server.swift" }).contents
        #expect(server.contains("path: prefix + \"/pets/{petId}/toys/{toy}\""))
    }
}

extension PathQueryTests {
    /// `${name}` (KServe's inference protocol) is read as the template `{name}`: sent as written,
    /// every call put a `$` before the model's name. A `$` elsewhere (OData's `$value`) is text.
    @Test func aDollarTemplateIsAPathParameter() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/$value:
                get:
                  operationId: modelValue
                  parameters:
                    - {name: MODEL_NAME, in: path, required: true, schema: {type: string}}
                    - {name: MODEL_VERSION, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: ok}, '400': {description: bad}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "kserve.yaml")
        #expect(
            result.diagnostics.all.map(\.description) == [
                "kserve.yaml:4:3: warning: path '/v2/models/${MODEL_NAME}/versions/${MODEL_VERSION}/$value' writes "
                    + "'${MODEL_NAME}', '${MODEL_VERSION}' as shell and JavaScript templates do; OpenAPI would send "
                    + "the '$' as text before each value; Lathe reads the path as "
                    + "'/v2/models/{MODEL_NAME}/versions/{MODEL_VERSION}/$value' [path-template-dollar]"
            ])
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(
            client.contains(
                "LatheRuntime.ClientSupport.path(\"/v2/models/{MODEL_NAME}/versions/{MODEL_VERSION}/$value\""))
        let server = try #require(result.files.first { $0.name == "Server.swift" }).contents
        #expect(server.contains("path: prefix + \"/v2/models/{MODEL_NAME}/versions/{MODEL_VERSION}/$value\""))
    }
}

extension PathQueryTests {
    /// A key padded so YAML takes a path twice (SuperTokens' `/recipe/user⠀`): both operations are
    /// sent to the path without the padding; a server routes the first.
    @Test func aPaddedKeyIsSentWithoutItsPadding() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /recipe/user:
                get:
                  operationId: getUserById
                  parameters: [{name: userId, in: query, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
              /recipe/user\u{2800}:
                get:
                  operationId: getUserByEmail
                  parameters: [{name: email, in: query, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "padded.yaml")
        #expect(
            result.diagnostics.all.map(\.kind).filter { $0 != "bad-request-undocumented" } == [
                "path-trailing-invisible", "identical-path-templates",
            ], "\(result.diagnostics.all)")
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(client.components(separatedBy: "path = \"/recipe/user\"").count == 3, "\(client)")
        #expect(!client.contains("\u{2800}"))
        let server = try #require(result.files.first { $0.name == "Server.swift" }).contents
        #expect(server.components(separatedBy: "path: prefix + \"/recipe/user\"").count == 2)
    }
}

extension PathQueryTests {
    /// `/items/` beside `/items` (FastAPI's routers with and without the slash): routers split
    /// paths without empty segments, so both are one route, registered once (Hummingbird traps on
    /// a method registered twice at a route); the client sends each as written.
    @Test func pathsThatDifferOnlyInSlashesAreOneRoute() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /items:
                get: {operationId: listItems, responses: {'204': {description: ok}}}
              /items/:
                get: {operationId: listItemsSlash, responses: {'204': {description: ok}}}
                post: {operationId: createItem, responses: {'204': {description: ok}}}
              /a//b:
                get: {operationId: getB, responses: {'204': {description: ok}}}
              /a/b:
                get: {operationId: getB2, responses: {'204': {description: ok}}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "slashes.yaml")
        #expect(
            result.diagnostics.all.map(\.description) == [
                "slashes.yaml:7:5: warning: '/items/' is '/items' to a router, which sees no empty segment and no "
                    + "slash at the end; a generated server routes GET requests to '/items' (a client sends each as "
                    + "written) [path-slashes-coincide]",
                "slashes.yaml:12:5: warning: '/a/b' is '/a//b' to a router, which sees no empty segment and no slash "
                    + "at the end; a generated server routes GET requests to '/a//b' (a client sends each as written) "
                    + "[path-slashes-coincide]",
            ], "\(result.diagnostics.all)")
        let server = try #require(result.files.first { $0.name == "Server.swift" }).contents
        let registered = server.matches(of: #/Method\("([A-Z]+)"\)!, path: prefix \+ "([^"]*)"/#).map {
            "\($0.output.1) \($0.output.2)"
        }
        #expect(registered == ["GET /items", "POST /items/", "GET /a//b"])
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(client.contains("let path = \"/items/\"") && client.contains("let path = \"/a/b\""))
    }
}

extension PathQueryTests {
    /// Routes that coincide once empty segments are dropped, as routers drop them: each operation
    /// still reads its own text and names (`/files/{name}.xml/` from `/files/{id}.json`'s route),
    /// and places are named once however many slashes lead to them.
    @Test func routesThatCoincideBySlashesReadTheirOwnSegments() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /files/{id}.json:
                get:
                  operationId: getJson
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
              /files/{name}.xml/:
                get:
                  operationId: getXml
                  parameters: [{name: name, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
              /a//{x}:
                get:
                  operationId: getA
                  parameters: [{name: x, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
              /a/{y}:
                delete:
                  operationId: deleteA
                  parameters: [{name: y, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "slashes.yaml")
        #expect(result.diagnostics.all.filter { $0.kind == "path-slashes-coincide" }.isEmpty)
        let server = try #require(result.files.first { $0.name == "Server.swift" }).contents
        #expect(server.contains(#"splittingSegments(metadata, [("id", ["", "id", ".json"])])"#))
        #expect(server.contains(#"splittingSegments(metadata, [("id", ["", "name", ".xml"])])"#), "\(server)")
        #expect(server.contains(#"path: prefix + "/a//{x}""#))
        #expect(server.contains(#"path: prefix + "/a/{x}""#))
        #expect(server.contains(#"splittingSegments(metadata, [("x", ["", "y", ""])])"#))
    }

    /// Padding before a key's query string is dropped too; an Express name the template already
    /// has, or one read before in the path, stays text.
    @Test func paddingBeforeAQueryAndRepeatedExpressNames() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              "/x ?a=1":
                get: {operationId: getX, responses: {'204': {description: ok}}}
              "/f #a":
                get: {operationId: getF, responses: {'204': {description: ok}}}
              /reactions/\u{2764}\u{FE0F}:
                get: {operationId: getHeart, responses: {'204': {description: ok}}}
              /a/{id}/:id/:k/:k:
                get:
                  operationId: getA
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "padded.yaml")
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(client.contains(#"let path = "/x?a=1""#), "\(client)")
        #expect(client.contains(#"ClientSupport.path("/a/{id}/:id/{k}/:k""#), "\(client)")
        // Before a fragment too; an emoji's variation selector is no padding.
        #expect(client.contains(#"let path = "/f""#) && client.contains("let path = \"/reactions/\u{2764}\u{FE0F}\""))
        // The colon segments kept as text are ones routers read as parameters.
        #expect(
            result.diagnostics.all.map(\.description).contains(
                "padded.yaml:10:3: warning: path '/a/{id}/:id/:k/:k' keeps ':id', ':k' as text, which routers such as "
                    + "Hummingbird's and Vapor's read as a parameter; a generated server may route requests for this "
                    + "path to another operation, or its route may clash [path-segment-colon-text]"),
            "\(result.diagnostics.all)")
        #expect(
            result.diagnostics.all.map(\.description).contains(
                "padded.yaml:4:3: warning: path '/x ?a=1' has a space at the end of its path, query or fragment, "
                    + "which shows nothing; Lathe reads the path as '/x?a=1' [path-trailing-invisible]"))
    }
}

extension PathQueryTests {
    /// Horizon's `{pipelinerunID}`, declared only `in: query`: the template names it and no path
    /// parameter does, so it is the path parameter, declared in the wrong place (it was sent twice,
    /// once in the query, with the path's copy a second argument). A header of that name is not.
    @Test func aTemplateNameDeclaredInTheQueryIsThePathParameter() throws {
        let spec = """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            paths:
              /pipelineruns/{pipelinerunID}/stop:
                parameters:
                  - {name: pipelinerunID, in: query, required: true, style: form, schema: {type: integer}}
                post: {operationId: stop, responses: {'204': {description: ok}}}
                get: {operationId: status, responses: {'204': {description: ok}}}
              /runs/{runID}:
                get:
                  operationId: getRun
                  parameters: [{name: runID, in: header, schema: {type: integer}}]
                  responses: {'204': {description: ok}}
              /jobs/{id}:
                get:
                  operationId: getJob
                  parameters: [$ref: '#/components/parameters/Id', $ref: '#/components/parameters/Missing']
                  responses: {'204': {description: ok}}
              /copies/{id}?id={id}:
                get:
                  operationId: copy
                  parameters: [$ref: '#/components/parameters/Id']
                  responses: {'204': {description: ok}}
            components:
              parameters:
                Id: {name: id, in: query, schema: {type: integer}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "horizon.yaml")
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        // Said where it is used (beside a `$ref` that fails, too, as lowering reads it); not where
        // the path's own query names it, which is that item's.
        #expect(
            result.diagnostics.all.filter { $0.kind?.hasPrefix("path-parameter") == true }.map(\.description) == [
                "horizon.yaml:6:9: warning: parameter 'pipelinerunID' is declared in: query, but the path template "
                    + "'/pipelineruns/{pipelinerunID}/stop' names it, and no path parameter declares it; Lathe reads "
                    + "it as the path parameter [path-parameter-in-query]",
                "horizon.yaml:10:5: warning: GET /runs/{runID} does not declare the path parameter 'runID'; add a "
                    + "parameter with name: runID, in: path, required: true; Lathe treats it as a required string "
                    + "path parameter [path-parameter-undeclared]",
                "horizon.yaml:17:26: warning: parameter 'id' is declared in: query, but the path template '/jobs/{id}' "
                    + "names it, and no path parameter declares it; Lathe reads it as the path parameter "
                    + "[path-parameter-in-query]",
                "horizon.yaml:20:5: warning: GET /copies/{id} does not declare the path parameter 'id'; add a "
                    + "parameter with name: id, in: path, required: true; Lathe treats it as a required string path "
                    + "parameter [path-parameter-undeclared]",
            ], "\(result.diagnostics.all.map(\.description))")
        #expect(client.contains("public func getJob(id: Swift.Int)"), "\(client)")
        #expect(client.contains("public func copy(id: Swift.String, queryId: Swift.Int? = nil)"), "\(client)")
        #expect(client.contains("public func stop(pipelinerunID: Swift.Int)"), "\(client)")
        #expect(client.contains("public func status(pipelinerunID: Swift.Int)"))
        #expect(
            client.contains(
                "\"pipelinerunID\": LatheRuntime.URIEncoding.path(LatheRuntime.URIValue.of(input.path.pipelinerunID), "
                    + "name: \"pipelinerunID\", style: .simple, explode: false)"))
        #expect(!client.contains("input.query.pipelinerunID"))
        #expect(client.contains("public func getRun(runID: Swift.String, headersRunID: Swift.Int? = nil)"), "\(client)")

        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "query-template-name")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}

extension PathQueryTests {
    /// A query item with no value (CurrencyBird's `/beneficiaries?rut=`, `/status?rut`) is the
    /// place of the parameter of its name, where the operation declares one in the query, or
    /// `in: path` and not named by the template: sent as text, the query held the empty item
    /// beside the parameter's (`?rut=&rut=7`), and a stray `rut` was read as the template's
    /// `{id}`. Where no parameter has its name, it stays text (S3's `?uploads`), as a bare item
    /// does beside an optional parameter of its name, which may be a flag the key always sends.
    @Test func aQueryItemWithNoValueIsThePlaceOfTheParameterOfItsName() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /beneficiaries?rut=:
                get:
                  operationId: listBeneficiaries
                  parameters: [{name: rut, in: path, schema: {type: string}}]
                  responses: {'204': {description: ok}}
              /beneficiaries/{id}/account?rut=:
                get:
                  operationId: getAccount
                  parameters: [{name: rut, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
              /payments/{code}/status?rut&verbose:
                parameters: [{name: code, in: path, required: true, schema: {type: string}}]
                get:
                  operationId: paymentStatus
                  parameters: [{name: rut, in: query, required: true, schema: {type: integer}}]
                  responses: {'204': {description: ok}}
              /objects/{key}?uploads:
                post:
                  operationId: startUpload
                  parameters:
                    - {name: key, in: path, required: true, schema: {type: string}}
                    - {name: uploads, in: query, allowEmptyValue: true, schema: {type: boolean}}
                  responses: {'204': {description: ok}}
              /people?rut=:
                get:
                  operationId: listPeople
                  parameters: [{name: rut, in: query, schema: {type: string}}]
                  responses: {'204': {description: ok}}
                post: {operationId: addPerson, responses: {'204': {description: ok}}}
              /a/:rut?rut:
                get:
                  operationId: getA
                  parameters: [{name: rut, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
            """
        let result = Generator.generate(bytes: Array(spec.utf8), path: "placeholders.yaml")
        let said = result.diagnostics.all.filter { $0.kind != "bad-request-undocumented" }.map(\.description)
        #expect(
            said == [
                "placeholders.yaml:7:20: warning: path parameter 'rut' must have 'required: true' (OpenAPI requires "
                    + "it for every path parameter); Lathe treats it as required [path-parameter-not-required]",
                "placeholders.yaml:4:3: warning: path '/beneficiaries?rut=' holds a query string; OpenAPI paths are "
                    + "path templates only; Lathe reads the path as '/beneficiaries', and sends 'rut' as a query "
                    + "parameter in its query [path-query]",
                "placeholders.yaml:9:3: warning: path '/beneficiaries/{id}/account?rut=' holds a query string; "
                    + "OpenAPI paths are path templates only; Lathe reads the path as '/beneficiaries/{id}/account', "
                    + "and sends 'rut' as a query parameter in its query [path-query]",
                "placeholders.yaml:14:3: warning: path '/payments/{code}/status?rut&verbose' holds a query string; "
                    + "OpenAPI paths are path templates only; Lathe reads the path as '/payments/{code}/status', and "
                    + "sends 'rut' as a query parameter, 'verbose' as text in its query [path-query]",
                "placeholders.yaml:20:3: warning: path '/objects/{key}?uploads' holds a query string; OpenAPI paths "
                    + "are path templates only; Lathe reads the path as '/objects/{key}', and sends 'uploads' as text "
                    + "in its query [path-query]",
                "placeholders.yaml:27:3: warning: path '/people?rut=' holds a query string; OpenAPI paths are path "
                    + "templates only; Lathe reads the path as '/people', and sends 'rut' as a query parameter (GET) or "
                    + "'rut=' as text (POST) in its query [path-query]",
                "placeholders.yaml:33:3: warning: path '/a/:rut?rut' holds a query string; OpenAPI paths are path "
                    + "templates only; Lathe reads the path as '/a/:rut', and sends 'rut' as text in its query "
                    + "[path-query]",
                "placeholders.yaml:33:3: warning: path '/a/:rut' writes its parameters as ':rut', as Express does; "
                    + "OpenAPI path templates write them as '{rut}'; Lathe reads the path as '/a/{rut}' "
                    + "[path-template-colon]",
                "placeholders.yaml:10:5: warning: GET /beneficiaries/{id}/account does not declare the path parameter "
                    + "'id'; add a parameter with name: id, in: path, required: true; Lathe treats it as a required "
                    + "string path parameter [path-parameter-undeclared]",
            ], "\(said)")
        let client = try #require(result.files.first { $0.name == "Client.swift" }).contents
        #expect(client.contains("public func listBeneficiaries(rut: Swift.String)"), "\(client)")
        #expect(client.contains("public func getAccount(id: Swift.String, rut: Swift.String)"), "\(client)")
        #expect(client.contains("public func paymentStatus(code: Swift.String, rut: Swift.Int)"), "\(client)")
        #expect(client.contains("var query: [Swift.String] = [\"verbose\"]"), "\(client)")
        // A bare item beside an optional parameter of its name may be a flag the key always sends.
        #expect(client.contains("var query: [Swift.String] = [\"uploads\"]"), "\(client)")
        #expect(client.contains("public func startUpload(key: Swift.String, uploads: Swift.Bool? = nil)"))
        // `rut=` is the place of any `rut`; an operation without one sends the text.
        #expect(client.contains("public func listPeople(rut: Swift.String? = nil)"), "\(client)")
        #expect(client.contains("let path = \"/people?rut=\""), "\(client)")
        // A name the template has, as `:rut` too, is the path's.
        #expect(client.contains("ClientSupport.path(\"/a/{rut}?rut\", ["), "\(client)")
        #expect(!client.contains("[\"rut=\"]"), "no empty item is sent beside the parameter")

        let (folder, paths) = try writeToTemporaryFolder(result.files, label: "query-placeholders")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SwiftCompiler.typecheck(paths, flags: ["-warnings-as-errors"])
        #expect(outcome.status == 0, "\(outcome.output.prefix(4000))")
    }
}

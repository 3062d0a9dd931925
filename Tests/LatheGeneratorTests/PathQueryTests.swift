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

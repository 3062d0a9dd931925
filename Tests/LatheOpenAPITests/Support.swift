import LatheOpenAPI
import Testing

/// The repository's root folder, found from this file's path (Tests/LatheOpenAPITests/Support.swift).
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

let fixtures = repositoryRoot + "/Tests/Fixtures"

/// Loads inline YAML named `spec.yaml`.
func load(_ yaml: String) -> LoadResult {
    OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
}

/// The properties of the schema component `name`, by property name.
func componentProperties(_ result: LoadResult, of name: String) throws -> [String: Schema] {
    let document = try #require(result.document)
    let key = try #require(document.components.schemas.first { $0.name == name }).key
    let schema = try #require(document.store.schemas[key])
    return Dictionary(uniqueKeysWithValues: schema.properties.map { ($0.name, $0.schema) })
}

/// The diagnostics as printed, with `prefix` (a machine-specific folder) cut from paths.
func printed(_ result: LoadResult, removing prefix: String = fixtures + "/") -> [String] {
    result.diagnostics.sorted.map { $0.description.replacingAll(prefix, with: "") }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

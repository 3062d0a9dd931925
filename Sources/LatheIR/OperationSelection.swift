import LatheOpenAPI

/// Which operations to generate (`--operation`, `operations:` in lathe.yaml), so a user who calls
/// three of an API's operations compiles those three and the types they reach, not the whole API.
/// A selector is an operationId (`createPayment`), `tag:NAME` (every operation with the tag), a
/// path template (`/v2/payments/{id}`, every method under it) or `METHOD /path`. None selects all.
public struct OperationSelection: Sendable, Hashable {
    public var selectors: [String]

    public init(_ selectors: [String] = []) { self.selectors = selectors }

    public var selectsAll: Bool { selectors.isEmpty }

    /// The operations of `document` the selectors pick, each with its path item, in document order.
    public func operations(in document: OpenAPIDocument) -> [(operation: Operation, pathItem: PathItem)] {
        document.paths.flatMap { _, _, item in
            item.operations.filter { selectsAll || !selectors(matching: $0).isEmpty }.map { ($0, item) }
        }
    }

    /// The selectors that pick `operation` (none when there are none: then every operation is picked).
    func selectors(matching operation: Operation) -> [String] {
        selectors.filter { selector in
            if let tag = selector.dropPrefix("tag:") { return operation.tags.contains(tag) }
            if selector.hasPrefix("/") { return operation.path == selector || operation.writtenPath == selector }
            let parts = selector.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[1].hasPrefix("/") {
                // `get /pets` or `GET /pets` picks the GET field's operation; an additional method
                // is named as sent (`get` also picks an additional operation keyed `get`).
                let method = operation.method
                let named = method.isField ? method.rawValue == parts[0].lowercased() : method.rawValue == parts[0]
                return named && (operation.path == parts[1] || operation.writtenPath == String(parts[1]))
            }
            return operation.operationId == selector
        }
    }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}

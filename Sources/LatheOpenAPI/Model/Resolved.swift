/// The document with its references followed, as later stages read it: they ask for an
/// operation's parameters, body and responses, a response's headers, the components by name, and
/// never follow a `Referenceable` or look in the `ComponentStore` themselves. Every target was
/// decoded once, when the document was; these only follow the chains (an unresolvable reference,
/// already reported, is left out).
extension OpenAPIDocument {
    /// The schema a canonical key names (a `$ref` target), and every such key.
    public func schema(forKey key: String) -> Schema? { store.schemas[key] }
    public var schemaKeys: Dictionary<String, Schema>.Keys { store.schemas.keys }

    public var componentRequestBodies: [(name: String, body: RequestBody)] {
        components.requestBodies.compactMap { name, key in
            store.requestBodies[key].flatMap(store.requestBody).map { (name, $0) }
        }
    }

    public var componentResponses: [(name: String, response: Response)] {
        components.responses.compactMap { name, key in
            store.responses[key].flatMap(store.response).map { (name, $0) }
        }
    }

    public var componentParameters: [(name: String, parameter: Parameter)] {
        components.parameters.compactMap { name, key in
            store.parameters[key].flatMap(store.parameter).map { (name, $0) }
        }
    }

    public var componentHeaders: [(name: String, header: Header)] {
        components.headers.compactMap { name, key in
            store.headers[key].flatMap(store.header).map { (name, $0) }
        }
    }

    public var componentSecuritySchemes: [(name: String, scheme: SecurityScheme)] {
        components.securitySchemes.compactMap { name, key in
            store.securitySchemes[key].flatMap(store.securityScheme).map { (name, $0) }
        }
    }

    /// The parameters that apply to `operation` under `pathItem`, as OpenAPI says: the path
    /// item's, each replaced by the operation's of the same name and location (header names
    /// compare case-insensitively); within one list the last one wins.
    public func parameters(of operation: Operation, in pathItem: PathItem? = nil) -> [Parameter] {
        // A replaced parameter's slot is emptied and the replacement appended, in linear time.
        var effective: [Parameter?] = []
        var slots: [String: Int] = [:]
        let listed = (pathItem?.parameters ?? []) + operation.parameters
        for parameter in listed.compactMap(store.parameter) {
            let identity = parameter.identity
            if let slot = slots[identity] { effective[slot] = nil }
            slots[identity] = effective.count
            effective.append(parameter)
        }
        return effective.compactMap { $0 }
    }

    public func requestBody(of operation: Operation) -> RequestBody? {
        operation.requestBody.flatMap(store.requestBody)
    }

    /// Each documented response, with the name of the component it refers to (`NotFound`), so
    /// operations that share a component response can share its type.
    public func responses(of operation: Operation) -> [(key: ResponseKey, response: Response, component: String?)] {
        operation.responses.compactMap { entry in
            store.response(entry.response).map { response in
                let component = entry.response.reference?.targetKey.flatMap { components.responseNames[$0] }
                return (entry.key, response, component)
            }
        }
    }

    /// Headers (of a response, or of a multipart part's `encoding`), references followed.
    public func headers(_ headers: [(name: String, header: Referenceable<Header>)]) -> [(name: String, header: Header)]
    {
        headers.compactMap { name, item in store.header(item).map { (name, $0) } }
    }

    /// The requests a client receives: webhooks, and the callbacks of every operation (callbacks
    /// can nest), each callback object once.
    public var receivedOperations: [ReceivedOperation] {
        var received = webhooks.flatMap { name, item in
            item.operations.map { ReceivedOperation(operation: $0, pathItem: item, kind: .webhook(name), roots: [$0]) }
        }
        var owners = self.operations + received.map(\.operation)
        // The callbacks appended to `owners` from here, each with how a callback of its own names
        // it and what it descends from, itself included; the others' are worked out only where
        // they have callbacks (few do).
        let firstAppended = owners.count
        var appended: [(name: String, chain: [Operation])] = []
        // Each callback object's operations in `received`, so that another owner of it (a component
        // callback two operations name) roots them too.
        var seen: [Origin: Range<Int>] = [:]
        var next = 0
        // Each callback of `owners[next...]`, nested ones included.
        func drain() {
            while next < owners.count {
                let owner = owners[next]
                next += 1
                guard !owner.callbacks.isEmpty else { continue }
                let (ownerName, chain) =
                    next - 1 >= firstAppended
                    ? appended[next - 1 - firstAppended]
                    : (owner.operationId ?? "\(owner.method.token) \(owner.path)", [owner])
                for (name, callback) in owner.callbacks {
                    guard let resolved = store.resolve(callback, in: \.callbacks) else { continue }
                    if let added = seen[resolved.origin] {
                        for index in added { received[index].roots += chain }
                        continue
                    }
                    add(resolved, named: name, owner: ownerName, chain: chain)
                }
            }
        }
        func add(
            _ callback: Callback, named name: String, owner: String?, chain: [Operation],
            skipping webhookOperations: Set<Origin> = []
        ) {
            let start = received.count
            defer { seen[callback.origin] = start ..< received.count }
            for (expression, item) in callback.expressions {
                let item = store.resolvedPathItem(item, path: expression)
                for operation in item.operations where !webhookOperations.contains(operation.origin) {
                    received.append(
                        ReceivedOperation(
                            operation: operation, pathItem: item,
                            kind: .callback(name: name, expression: expression, owner: owner),
                            roots: chain.isEmpty ? [operation] : chain))
                    owners.append(operation)
                    appended.append((operation.operationId ?? "\(operation.method.token) \(name)", chain + [operation]))
                }
            }
        }
        drain()
        // A component callback no operation names is the API's requests all the same: a 3.0
        // document's way to describe its webhooks (SeminarDesk's). Not the operations `x-webhooks`
        // names (a callback of them, or one of its path items), which are webhooks already.
        let webhookOperations = Set(webhooks.flatMap { $0.item.operations.map(\.origin) })
        for (name, key) in components.callbacks {
            guard let item = store.callbacks[key], let resolved = store.resolve(item, in: \.callbacks),
                seen[resolved.origin] == nil
            else { continue }
            add(resolved, named: name, owner: nil, chain: [], skipping: webhookOperations)
        }
        drain()
        return received
    }
}

/// A request the API sends and its client receives: a webhook, or an operation's callback.
public struct ReceivedOperation: Sendable {
    public enum Kind: Sendable, Hashable {
        /// Under `webhooks`, by name.
        case webhook(String)
        /// Under an operation's `callbacks`: the callback's name, its URL expression, and the
        /// operation that registers it (its operationId, or method and path); `nil` for one under
        /// `components/callbacks` that no operation names.
        case callback(name: String, expression: String, owner: String?)
    }

    public var operation: Operation
    /// The path item holding it, whose parameters it shares.
    public var pathItem: PathItem
    public var kind: Kind
    /// What selecting keeps it with: the operations it is a callback of, at every level (the
    /// operation under `paths` or the webhook, and each callback between; a component callback may
    /// be several operations'), or a webhook itself.
    public var roots: [Operation]
}

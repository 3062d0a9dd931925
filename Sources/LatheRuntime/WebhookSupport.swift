import Foundation
import HTTPTypes
import OpenAPIRuntime

/// How a receiver that takes several webhooks at one path tells which one a request is: most
/// providers send every event to the one URL a subscriber gave, and say which it is in the body
/// (Stack Auth's `"type": "user.created"`) or in a header (GitHub's `X-GitHub-Event`). What it
/// reads names the webhook as the spec does: its key under `webhooks`, or a callback's name.
public struct WebhookChoice: Sendable {
    let readsBody: Bool
    let choose: @Sendable (HTTPRequest, JSONValue?) -> String?

    /// The body's top-level string property `name` names the webhook.
    public static func jsonProperty(_ name: String) -> WebhookChoice {
        WebhookChoice(readsBody: true) { _, body in
            guard case .object(let members)? = body, case .string(let value)? = members[name] else { return nil }
            return value
        }
    }

    /// The header `name` names the webhook.
    public static func header(_ name: String) -> WebhookChoice {
        let field = HTTPField.Name(name)
        return WebhookChoice(readsBody: false) { request, _ in field.flatMap { request.headerFields[$0] } }
    }

    /// Any reading of the request and, when `readsBody`, its body as JSON (`nil` when it is not).
    public static func custom(
        readsBody: Bool, _ choose: @escaping @Sendable (HTTPRequest, JSONValue?) -> String?
    ) -> WebhookChoice {
        WebhookChoice(readsBody: readsBody, choose: choose)
    }
}

/// Webhooks registered where a router cannot tell them apart (one method, paths of one form)
/// without a `WebhookChoice`, or two of one name there.
public struct WebhookPathsConflict: Error, Sendable, CustomStringConvertible {
    public var method: String
    public var paths: [String]

    public var description: String {
        "two webhooks take \(method) requests at \(paths.map { "'\($0)'" }.joined(separator: " and ")), which no "
            + "router can tell apart; give each a path of its own, or a WebhookChoice that tells them apart"
    }
}

extension ServerSupport {
    /// A webhook a receiver takes: where, its name as the spec gives it, and its handling.
    public struct WebhookRoute: Sendable {
        public typealias Handler =
            @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
        var method: String
        var path: String
        var name: String
        var handler: Handler

        public init(method: String, path: String, name: String, handler: @escaping Handler) {
            (self.method, self.path, self.name, self.handler) = (method, path, name, handler)
        }

        /// The route as a router sees it: no empty segments, `{name}`s alike whatever their names.
        var shape: String {
            method + " /"
                + path.split(separator: "/").map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "{}" : $0 }
                .joined(separator: "/")
        }
    }

    /// Registers each route, those of one shape as one, told apart by `choice`; throws
    /// `WebhookPathsConflict`, registering nothing, where two share a shape without a choice or
    /// with one name.
    public static func registerWebhooks(
        _ routes: [WebhookRoute], on transport: any ServerTransport, choosing choice: WebhookChoice?,
        limits: ServerLimits
    ) throws {
        var groups: [(shape: String, routes: [WebhookRoute])] = []
        for route in routes {
            if let index = groups.firstIndex(where: { $0.shape == route.shape }) {
                let first = groups[index].routes[0]
                if choice == nil || groups[index].routes.contains(where: { $0.name == route.name }) {
                    throw WebhookPathsConflict(method: route.method, paths: [first.path, route.path])
                }
                groups[index].routes.append(route)
            } else {
                groups.append((route.shape, [route]))
            }
        }
        for (_, group) in groups {
            let first = group[0]
            let handler = group.count == 1 || choice == nil ? first.handler : dispatching(group, by: choice!, limits)
            try transport.register(handler, method: HTTPRequest.Method(first.method)!, path: first.path)
        }
    }

    /// One handler for the webhooks of one route: `choice` names the one a request is.
    static func dispatching(
        _ group: [WebhookRoute], by choice: WebhookChoice, _ limits: ServerLimits
    ) -> WebhookRoute.Handler {
        { request, body, metadata in
            var body = body
            var json: JSONValue?
            if choice.readsBody {
                let bytes: Data
                do {
                    bytes = try await Data(collecting: body ?? HTTPBody(), upTo: limits.maximumBodySize)
                } catch {
                    return problem(
                        status: 413, title: "Content Too Large",
                        detail: "The request's body is larger than the \(limits.maximumBodySize) bytes this "
                            + "server reads.")
                }
                json = try? JSONDecoder().decode(JSONValue.self, from: bytes)
                body = HTTPBody(bytes)
            }
            guard let name = choice.choose(request, json) else {
                return problem(
                    status: 400, title: "Bad Request",
                    detail: "The request does not say which of the webhooks received here it is.")
            }
            guard let route = group.first(where: { $0.name == name }) else {
                return problem(
                    status: 404, title: "Not Found", detail: "No webhook named '\(name)' is received here.")
            }
            return try await route.handler(request, body, metadata)
        }
    }
}

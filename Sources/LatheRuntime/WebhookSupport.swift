import Foundation
import HTTPTypes
import OpenAPIRuntime

/// How a receiver that takes several webhooks at one path tells which one a request is: most
/// providers send every event to the one URL a subscriber gave, and say which it is in the body
/// (Stack Auth's `"type": "user.created"`) or in a header. What it reads names the webhook as the
/// spec does: its key under `webhooks`, or a callback's name; where a provider's values are not
/// those names, `.custom` maps them. A request whose value names no webhook taken at its path is
/// answered 404, one without a value 400; neither reaches a handler.
public struct WebhookChoice: Sendable {
    let readsBody: Bool
    let choose: @Sendable (HTTPRequest, JSONValue?) -> String?
    /// Why the choice cannot be used (a header name HTTP cannot carry), said at registration.
    var unusable: String? = nil

    /// The body's top-level string property `name` names the webhook.
    public static func jsonProperty(_ name: String) -> WebhookChoice {
        WebhookChoice(readsBody: true) { _, body in
            guard case .object(let members)? = body, case .string(let value)? = members[name] else { return nil }
            return value
        }
    }

    /// The header `name` names the webhook.
    public static func header(_ name: String) -> WebhookChoice {
        guard let field = HTTPField.Name(name) else {
            return WebhookChoice(readsBody: false, choose: { _, _ in nil }, unusable: "'\(name)' is no header name")
        }
        return WebhookChoice(readsBody: false) { request, _ in request.headerFields[field] }
    }

    /// Any reading of the request and, when `readsBody`, its body as JSON (`nil` when it is not).
    public static func custom(
        readsBody: Bool, _ choose: @escaping @Sendable (HTTPRequest, JSONValue?) -> String?
    ) -> WebhookChoice {
        WebhookChoice(readsBody: readsBody, choose: choose)
    }
}

/// Webhooks registered where a router cannot tell them apart (one method, paths of one form)
/// without a `WebhookChoice`, or two of one name there (callbacks of two operations may share a
/// name), which no choice tells apart; or a choice that cannot be used.
public struct WebhookPathsConflict: Error, Sendable, CustomStringConvertible {
    public var method: String
    public var paths: [String]
    /// The name both have, when they have one.
    public var sharedName: String?
    /// Why the `WebhookChoice` given cannot be used, when that is the conflict.
    public var unusableChoice: String?

    public var description: String {
        if let unusableChoice { return "the WebhookChoice cannot be used: \(unusableChoice)" }
        let both = "two webhooks take \(method) requests at \(paths.map { "'\($0)'" }.joined(separator: " and "))"
        if let sharedName {
            return both
                + ", both named '\(sharedName)', which no WebhookChoice tells apart; give each a path of its own"
        }
        return both + ", which no router can tell apart; give each a path of its own, or a WebhookChoice"
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
        if let first = routes.first, let unusable = choice?.unusable {
            throw WebhookPathsConflict(method: first.method, paths: [first.path], unusableChoice: unusable)
        }
        // In the order given, each shape's routes together.
        var groups: [[WebhookRoute]] = []
        var groupOfShape: [String: Int] = [:]
        for route in routes {
            let shape = route.shape
            guard let index = groupOfShape[shape] else {
                groupOfShape[shape] = groups.count
                groups.append([route])
                continue
            }
            let namesake = groups[index].first { $0.name == route.name }
            if choice == nil || namesake != nil {
                throw WebhookPathsConflict(
                    method: route.method, paths: [(namesake ?? groups[index][0]).path, route.path],
                    sharedName: namesake?.name)
            }
            groups[index].append(route)
        }
        for group in groups {
            // With a choice, a route of one webhook is dispatched too: a provider sending every
            // event to this URL sends others, which must not reach this webhook's handler.
            let handler = choice.map { dispatching(group, by: $0, limits) } ?? group[0].handler
            try transport.register(handler, method: HTTPRequest.Method(group[0].method)!, path: group[0].path)
        }
    }

    /// One handler for the webhooks of one route: `choice` names the one a request is.
    static func dispatching(
        _ group: [WebhookRoute], by choice: WebhookChoice, _ limits: ServerLimits
    ) -> WebhookRoute.Handler {
        { request, body, metadata in
            var body = body
            var json: JSONValue?
            // Read whole (once: a server's body may be iterable once) and handed on as bytes.
            if choice.readsBody, let streamed = body {
                let bytes: Data
                do {
                    bytes = try await BodyReader.collect(streamed, upTo: limits.maximumBodySize)
                } catch is BodyTooLarge {
                    return problem(limits.bodyTooLarge)
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

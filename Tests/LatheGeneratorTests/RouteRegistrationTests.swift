import Foundation
import LatheGenerator
import Testing

/// What the routers generated servers run on need of the routes registered, checked on every
/// corpus spec's server: one parameter name at each place whatever the method (Hummingbird keeps
/// one tree for all methods, where a second name is a branch one method never reaches, and its
/// debug builds stop at startup; Vapor traps on one within a method), no name at two places of one
/// route (a router keeps one value per name), and no route of a method twice as a router splits it,
/// empty segments dropped (Hummingbird traps, Vapor replaces the first).
struct RouteRegistrationTests {
    @Test(
        .enabled(if: !CorpusCompileTests.specs.isEmpty, "../shared/corpus is not beside this checkout"),
        arguments: CorpusCompileTests.specs)
    func eachPlaceHasOneNameAndEachRouteOneRegistration(_ spec: String) throws {
        let result = Generator.generate(path: CorpusCompileTests.corpus + "/" + spec, displayPath: spec)
        let servers = result.files.filter { $0.name.hasPrefix("Server") }.map(\.contents)
        var names: [String: (name: Substring, path: Substring)] = [:]
        var registered: [String: Substring] = [:]
        var count = 0
        let registration = #/Method\("([A-Z]+)"\)!, path: prefix \+ "([^"]*)"/#
        for server in servers {
            for match in server.matches(of: registration) {
                count += 1
                let (method, path) = (match.output.1, match.output.2)
                var place = ""
                var routeNames = Set<Substring>()
                for segment in path.split(separator: "/") {
                    let isName = segment.hasPrefix("{") && segment.hasSuffix("}")
                    place += "/" + (isName ? "{}" : segment)
                    guard isName else { continue }
                    // A router keeps one value per name.
                    #expect(routeNames.insert(segment).inserted, "\(path) names two places \(segment)")
                    if let (name, other) = names[place] {
                        #expect(name == segment, "\(path) names \(place) \(segment), \(other) \(name)")
                    } else {
                        names[place] = (segment, path)
                    }
                }
                let route = "\(method) \(place)"
                #expect(registered[route] == nil, "\(method) \(path) is registered as \(registered[route] ?? "")")
                registered[route] = path
            }
        }
        #expect(count > 0, "no registrations found in \(spec)'s server")
    }
}

import LatheOpenAPI
import Testing

@testable import LatheIR

/// The passes that run on the finished module, checked on the IR: cycle boxing, the URL choice,
/// alias resolution, and the strongly connected components they rest on.
struct PassesTests {
    func lower(_ schemas: String, request: String? = nil, response: String? = nil) throws -> IRModule {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  operationId: a
            \(request.map { "      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/\($0)'}}}}" } ?? "")
                  responses:
                    '200':
                      description: OK
            \(response.map { "          content: {application/json: {schema: {$ref: '#/components/schemas/\($0)'}}}" } ?? "")
            components:
              schemas:
            \(schemas)
            """
        let loaded = OpenAPILoader.load(bytes: Array(yaml.utf8), path: "spec.yaml")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.all)")
        return Lowering.lower(try #require(loaded.document), specName: "spec.yaml").module
    }

    func object(_ module: IRModule, _ name: String) throws -> IRObject {
        let type = try #require(module.types.first { module.qualifiedName($0.id) == name })
        guard case .object(let object) = type.kind else {
            Issue.record("\(name) is not an object")
            return IRObject(
                properties: [], additionalProperties: .forbidden, constraints: IRConstraints(),
                additionalPropertiesName: "")
        }
        return object
    }

    func boxed(_ module: IRModule, _ name: String) throws -> [String] {
        try object(module, name).properties.filter(\.isBoxed).map(\.name.original)
    }

    // MARK: Strongly connected components

    @Test func componentsOfSmallGraphs() {
        let sorted = { (components: [[Int]]) in components.map { $0.sorted() }.sorted { $0[0] < $1[0] } }
        // 0 → 1 → 2 → 0 is one component; 3 points into it but is alone; 4 loops on itself.
        #expect(sorted(Passes.stronglyConnected([[1], [2], [0], [0], [4]])) == [[0, 1, 2], [3], [4]])
        #expect(Passes.stronglyConnected([]) == [])
        #expect(sorted(Passes.stronglyConnected([[], [], []])) == [[0], [1], [2]])
    }

    /// Iterative, so a chain of types as long as a big spec's does not exhaust the stack.
    @Test func aLongChainAndALongCycle() {
        let count = 50_000
        let chain = (0 ..< count).map { $0 + 1 < count ? [$0 + 1] : [] }
        #expect(Passes.stronglyConnected(chain).count == count)
        let cycle = (0 ..< count).map { [($0 + 1) % count] }
        #expect(Passes.stronglyConnected(cycle).map(\.count) == [count])
    }

    // MARK: Cycle boxing

    @Test func aStructThatContainsItselfIsBoxedOnce() throws {
        let module = try lower(
            """
                Node: {type: object, properties: {parent: {$ref: '#/components/schemas/Node'}, children: {type: array, items: {$ref: '#/components/schemas/Node'}}}}
            """, response: "Node")
        // The array already lives on the heap; only the direct reference needs a box.
        #expect(try boxed(module, "Node") == ["parent"])
    }

    @Test func aTwoStructCycleIsBrokenAtOneEdge() throws {
        let module = try lower(
            """
                A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
                B: {type: object, properties: {a: {$ref: '#/components/schemas/A'}, name: {type: string}}}
            """, response: "A")
        #expect(try boxed(module, "A").count + boxed(module, "B").count == 1)
    }

    @Test func aCycleThroughAMapOrAnArrayNeedsNoBox() throws {
        let module = try lower(
            """
                Tree: {type: object, properties: {kids: {type: object, additionalProperties: {$ref: '#/components/schemas/Tree'}}, list: {type: array, items: {$ref: '#/components/schemas/Tree'}}}}
            """, response: "Tree")
        #expect(try boxed(module, "Tree") == [])
    }

    @Test func aOneOfInACycleBecomesIndirectAndTheStructsStayInline() throws {
        let module = try lower(
            """
                Expr:
                  oneOf:
                    - {$ref: '#/components/schemas/Sum'}
                    - {$ref: '#/components/schemas/Literal'}
                Sum: {type: object, properties: {left: {$ref: '#/components/schemas/Expr'}, right: {$ref: '#/components/schemas/Expr'}}}
                Literal: {type: object, properties: {value: {type: integer}}}
            """, response: "Expr")
        let expr = try #require(module.types.first { $0.name.swift == "Expr" })
        guard case .union(let union) = expr.kind else {
            Issue.record("Expr is not a union")
            return
        }
        #expect(union.isRecursive)
        #expect(try boxed(module, "Sum") == [])
    }

    // MARK: Large values out of line

    /// Nine string fields: one more than `Passes.inlineFieldLimit` lets a nested value add.
    static let large =
        "{type: object, properties: {"
        + (1 ... 9).map { "f\($0): {type: string}" }.joined(separator: ", ") + "}}"

    @Test func aNestedObjectOverTheLimitIsBoxedAndASmallOneStaysInline() throws {
        let module = try lower(
            """
                Large: \(Self.large)
                Money: {type: object, properties: {amount: {type: integer}, currency: {type: string}}}
                Holder:
                  type: object
                  required: [large]
                  properties:
                    large: {$ref: '#/components/schemas/Large'}
                    maybeLarge: {anyOf: [{$ref: '#/components/schemas/Large'}, {type: 'null'}]}
                    money: {$ref: '#/components/schemas/Money'}
                    list: {type: array, items: {$ref: '#/components/schemas/Large'}}
            """, response: "Holder")
        // Required or nullable alike; an array is already one reference; Money adds two fields.
        #expect(try boxed(module, "Holder") == ["large", "maybeLarge"])
        #expect(try boxed(module, "Large") == [])
    }

    /// Sizes add up from the bottom: three small objects together are large, and what holds them
    /// pays for one box, not for the fields below it.
    @Test func sizesAddUpThroughNestingAndStopAtABox() throws {
        let module = try lower(
            """
                Small: {type: object, properties: {a: {type: string}, b: {type: string}, c: {type: string}}}
                Middle: {type: object, properties: {x: {$ref: '#/components/schemas/Small'}, y: {$ref: '#/components/schemas/Small'}, z: {$ref: '#/components/schemas/Small'}}}
                Top: {type: object, properties: {middle: {$ref: '#/components/schemas/Middle'}, other: {$ref: '#/components/schemas/Middle'}}}
                Outer: {type: object, properties: {top: {$ref: '#/components/schemas/Top'}}}
            """, response: "Outer")
        #expect(try boxed(module, "Middle") == [])
        #expect(try boxed(module, "Top") == ["middle", "other"])
        // Top holds two boxes: two fields, inline in Outer.
        #expect(try boxed(module, "Outer") == [])
    }

    @Test func aOneOfWithLargeCasesBecomesIndirect() throws {
        let module = try lower(
            """
                Large: \(Self.large)
                Small: {type: object, properties: {a: {type: string}}}
                Either: {oneOf: [{$ref: '#/components/schemas/Large'}, {$ref: '#/components/schemas/Small'}]}
                Tiny: {oneOf: [{$ref: '#/components/schemas/Small'}, {type: string}]}
                Holder: {type: object, properties: {either: {$ref: '#/components/schemas/Either'}, tiny: {$ref: '#/components/schemas/Tiny'}}}
            """, response: "Holder")
        func isIndirect(_ name: String) throws -> Bool {
            let type = try #require(module.types.first { $0.name.swift == name })
            guard case .union(let union) = type.kind else { return false }
            return union.isRecursive
        }
        #expect(try isIndirect("Either"))
        #expect(try !isIndirect("Tiny"))
        // An indirect enum is one reference: its holder keeps it inline.
        #expect(try boxed(module, "Holder") == [])
    }

    // MARK: The URL choice

    @Test func uriIsURLOnlyWhereNoResponseReachesIt() throws {
        let schemas = """
                Sent: {type: object, properties: {link: {type: string, format: uri}, shared: {$ref: '#/components/schemas/Shared'}}}
                Received: {type: object, properties: {link: {type: string, format: uri}, shared: {$ref: '#/components/schemas/Shared'}}}
                Shared: {type: object, properties: {link: {type: string, format: uri}}}
                Unused: {type: object, properties: {link: {type: string, format: uri}}}
            """
        let module = try lower(schemas, request: "Sent", response: "Received")
        func linkType(_ name: String) throws -> IRValueType? {
            try object(module, name).properties.first { $0.name.original == "link" }?.type
        }
        #expect(try linkType("Sent") == .primitive(.url))
        // A response may carry a string URL rejects; a schema both reach, or none, stays text.
        #expect(try linkType("Received") == .primitive(.string))
        #expect(try linkType("Shared") == .primitive(.string))
        #expect(try linkType("Unused") == .primitive(.string))
    }

    // MARK: Aliases

    @Test func aliasChainsResolveOnceToTheirEndAndItsConstraints() throws {
        let module = try lower(
            """
                Outer: {$ref: '#/components/schemas/Middle', description: an alias of an alias}
                Middle: {$ref: '#/components/schemas/Inner'}
                Inner: {type: string, minLength: 2, maxLength: 10}
                Holder: {type: object, properties: {value: {$ref: '#/components/schemas/Outer'}}}
            """, response: "Holder")
        for name in ["Outer", "Middle"] {
            let alias = try #require(module.types.first { $0.name.swift == name })
            let resolved = try #require(module.resolvedAliases[alias.id])
            #expect(resolved.type == .primitive(.string))
            #expect(resolved.constraints.minLength == 2 && resolved.constraints.maxLength == 10)
        }
    }
}

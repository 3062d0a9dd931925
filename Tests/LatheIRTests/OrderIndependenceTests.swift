import Foundation
import LatheIR
import LatheOpenAPI
import Testing

/// Lowering decides each type from the document, not from the order its components are declared
/// in: real specs declare them alphabetically, so a property often refers to a component declared
/// after it. Every corpus spec is lowered as published and with its components reversed, and the
/// two modules must declare the same types, alike in every member.
struct OrderIndependenceTests {
    static let repository: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The corpus, the fuzzer's kept documents (whose schemas refer only to those declared before
    /// them, so reversed they refer forward), and any folder `LATHE_ORDER_SPECS` names (where
    /// `scripts/fuzz-specs.py --write` put its documents).
    static let specs: [String] = {
        let folders =
            [repository + "/../shared/corpus", repository + "/Fuzz/Specs"]
            + (ProcessInfo.processInfo.environment["LATHE_ORDER_SPECS"].map { [$0] } ?? [])
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".json") || $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                .map { folder + "/" + $0 }
        }
    }()

    @Test(arguments: specs) func aSpecLowersTheSameWithItsComponentsReversed(path: String) throws {
        let spec = String(path.split(separator: "/").last!)
        let loaded = OpenAPILoader.load(path: path, displayPath: spec)
        var document = try #require(loaded.document)
        let asPublished = Self.describe(Lowering.lower(document, specName: spec).module)
        document.components.schemas.reverse()
        let reversed = Self.describe(Lowering.lower(document, specName: spec).module)
        let onlyFirst = asPublished.subtracting(reversed).sorted()
        let onlySecond = reversed.subtracting(asPublished).sorted()
        let shown: [String] = onlyFirst.prefix(8) + ["---"] + onlySecond.prefix(8)
        let counts = "\(onlyFirst.count) lines only as published, \(onlySecond.count) only reversed"
        #expect(onlyFirst.isEmpty && onlySecond.isEmpty, "\(counts):\n\(shown.joined(separator: "\n"))")
    }

    /// One line per type: where its schema is, and everything its kind decides, with the types it
    /// refers to by where their schemas are. Not by name: a type several schemas share (an enum of
    /// an `allOf` base) is declared in the first of them lowered, and names that clash are numbered
    /// in the order they are met, so the order may move a declaration or swap two names, and that
    /// is all it may do. A union's case names follow its members' type names, so they are left out.
    static func describe(_ module: IRModule) -> Set<String> {
        func at(_ id: IRTypeID) -> String { "\(module[id].source.document)\(module[id].source)" }
        func constraints(_ constraints: IRConstraints) -> String {
            constraints.isEmpty ? "" : " c\(constraints.hashValue)"
        }
        func value(_ type: IRValueType) -> String {
            switch type {
            case .named(let id): "<\(at(id))>"
            case .primitive(let primitive): "\(primitive)"
            case .array(let element): "[\(value(element))]"
            case .dictionary(let element): "[String: \(value(element))]"
            case .nullable(let inner): "\(value(inner))?"
            }
        }
        func kind(_ id: IRTypeID) -> String {
            switch module[id].kind {
            case .object(let object):
                let properties = object.properties.map {
                    "\($0.name.swift): \(value($0.type))\($0.isRequired ? "" : " optional")"
                        + "\($0.defaultValue.map { " = \($0)" } ?? "")\(constraints($0.constraints))"
                }
                let additional: String
                switch object.additionalProperties {
                case .ignored: additional = "ignored"
                case .forbidden: additional = "forbidden"
                case .captured(let type, let limits): additional = "captured \(value(type))\(constraints(limits))"
                }
                let composed = object.composed.map { "\($0.name.swift): \(value($0.type))" }
                return "object {\(properties.joined(separator: ", "))} composed \(composed) \(additional)"
            case .enumeration(let enumeration):
                return "enum \(enumeration.rawType) \(enumeration.cases.map { "\($0.name.swift)=\($0.rawValue)" })"
            case .union(let union), .anyOf(let union):
                var cases = union.cases.map {
                    "\(value($0.type))\(constraints($0.constraints)) \($0.discriminatorValues)"
                }
                // A discriminator picks the case, so their order decides nothing (and the subtypes
                // that extend a base through `allOf` come in document order).
                if union.discriminator != nil { cases.sort() }
                return "union \(cases) \(union.discriminator ?? "")"
            case .alias(let type, let limits): return "alias \(value(type))\(constraints(limits))"
            case .tuple(let tuple):
                let positions = tuple.positions.map {
                    "\($0.name.swift): \(value($0.type))\(constraints($0.constraints))"
                }
                return "tuple \(positions) required \(tuple.requiredCount) rest \(tuple.rest.map(value) ?? "none")"
                    + "\(constraints(tuple.restConstraints))\(constraints(tuple.constraints))"
            case .pending: return "pending"
            }
        }
        return Set(module.types.indices.map { "\(at(IRTypeID($0))): \(kind(IRTypeID($0)))" })
    }
}

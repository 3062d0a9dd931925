// lathe-bench: what BENCHMARKS.md measures, one stage per run, so each process's peak memory is its own.
//
//   lathe-bench events FILE     bare libyaml event parse (the floor: no tree, no strings)
//   lathe-bench tree FILE       Lathe's reader: libyaml events into the located node tree
//   lathe-bench validate FILE   read, decode, resolve $refs, check (what `lathe validate` does)
//   lathe-bench examples FILE   not a measurement: prints a Swift program that decodes every
//                               component schema's examples with the type generated for it
//                               (scripts/decode-examples.sh builds and runs it)
//
// Each prints the wall time of the work in milliseconds (best of --repeat runs, default 5).
// scripts/benchmark.sh runs them under /usr/bin/time for peak memory and writes the table.
import CYAML
import LatheIR
import LatheOpenAPI
import LatheYAML

#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
}

func eventParse(_ bytes: [UInt8]) -> Int {
    var parser = yaml_parser_t()
    yaml_parser_initialize(&parser)
    defer { yaml_parser_delete(&parser) }
    var events = 0
    bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            events += 1
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if done { break }
        }
    }
    return events
}

/// The body of a program that decodes, with the type Lathe generates for each component schema,
/// a value of that schema: each example the spec gives it, and one made from its properties'
/// examples, defaults and first enum values (placeholders of the right type and format where the
/// spec has none), the way documentation tools make samples. It calls `check`, which
/// scripts/decode-examples.sh defines, with the type, its name, where the value comes from, and
/// its JSON. A value the generated type cannot decode, or encodes differently, is what to look at.
func exampleChecks(_ path: String) -> String {
    let loaded = OpenAPILoader.load(path: path)
    guard let document = loaded.document else { return "// \(path) could not be read" }
    let module = Lowering.lower(document, specName: path).module
    var typeByPointer: [String: String] = [:]
    for id in module.topLevel where module[id].source.document.isEmpty {
        typeByPointer[module[id].source.pointer] = module.qualifiedName(id)
    }
    var samples = Samples(document: document)
    var lines: [String] = []
    for entry in document.components.schemas {
        guard let schema = document.schema(forKey: entry.key),
            let type = typeByPointer["/components/schemas/" + JSONPointer.escape(entry.name)]
        else { continue }
        func add(_ value: SpecValue, _ location: String) {
            let json = JSONText.compact(value)
            lines.append("check(\(type).self, \"\(type)\", at: \(rawLiteral(location)), \(rawLiteral(json)))")
        }
        for example in schema.examples { add(SpecValue(example), example.location.description) }
        if let made = samples.value(of: schema, depth: 0) {
            add(made, "sample of \(schema.origin.location.description)")
        }
    }
    return lines.joined(separator: "\n")
}

/// Values made from schemas: examples first, then defaults, constants and enums, then a
/// placeholder of the type (and format). nil where no value can be made (a `not`, `false`).
struct Samples {
    let document: OpenAPIDocument
    var making: Set<String> = []

    mutating func value(of schema: Schema, depth: Int) -> SpecValue? {
        if schema.isFalse || depth > 6 { return nil }
        if let ref = schema.ref, let key = ref.targetKey {
            guard !making.contains(key), let target = document.schema(forKey: key) else { return nil }
            // A polymorphic base is made as one of its subtypes, which refer back to it.
            let guarded = target.discriminator == nil || !target.oneOf.isEmpty || !target.anyOf.isEmpty
            if guarded { making.insert(key) }
            defer { making.remove(key) }
            // Depth counts nesting in the value; a reference `making` guards adds none (a chain of
            // four `allOf` bases left Modrinth's `slug` out), nor does an `allOf` part.
            guard let referenced = value(of: target, depth: guarded ? depth : depth + 1) else { return nil }
            // A 3.1 `$ref` with properties beside it is both, as lowering reads it (Clair's
            // `Vulnerability` adds `id` to the core it refers to).
            guard !schema.isPureReference, case .object(let base) = referenced else { return referenced }
            var rest = schema
            rest.ref = nil
            guard case .object(let own)? = value(of: rest, depth: depth) else { return referenced }
            return .object(base.filter { member in !own.contains { $0.key == member.key } } + own)
        }
        // The spec's own example, unless it is of another type than the schema's (a number
        // written as text): that is the spec's mistake, not a value the API sends.
        // On a composite schema, untyped, such an example cannot be told from a wrong one: made from the parts.
        let isComposite = !schema.allOf.isEmpty || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty
        if !isComposite, let example = schema.examples.first.map(SpecValue.init), fits(example, schema.types) {
            return example
        }
        if let constant = schema.constValue { return constant }
        if let values = schema.enumValues { return values.first { $0 != .null } ?? values.first }
        if !isComposite, let defaultValue = schema.defaultValue, defaultValue != .null, fits(defaultValue, schema.types)
        {
            return defaultValue
        }
        if !schema.allOf.isEmpty {
            // A later part's member wins, in the first one's place, as lowering merges them (a
            // property restated to narrow it: Formbricks' `details` requiring `blockers`).
            var members: [SpecValue.Member] = []
            func merge(_ more: [SpecValue.Member]) {
                for member in more {
                    if let index = members.firstIndex(where: { $0.key == member.key }) {
                        members[index] = member
                    } else {
                        members.append(member)
                    }
                }
            }
            for part in schema.allOf {
                guard let made = value(of: part, depth: depth) else { return nil }
                // A part that is not an object (an allOf wrapping one $ref) is the value.
                guard case .object(let more) = made else { return made }
                merge(more)
            }
            if case .object(let own)? = object(schema, depth: depth) { merge(own) }
            return .object(members)
        }
        for alternatives in [schema.oneOf, schema.anyOf] where !alternatives.isEmpty {
            for alternative in alternatives where alternative.types != .null {
                guard var made = value(of: alternative, depth: depth + 1) else { continue }
                // Properties beside the alternatives hold too (Clair's `VulnerabilityCore`
                // requires `name` beside `anyOf` lists of what else it requires).
                if case .object(let chosen) = made, !schema.properties.isEmpty,
                    case .object(var own)? = object(schema, depth: depth)
                {
                    own.removeAll { member in chosen.contains { $0.key == member.key } }
                    made = .object(own + chosen)
                }
                // The discriminator's value that selects this alternative, when the mapping names one
                // (an alternative's own `enum` for the property says the rest).
                if let key = alternative.ref?.targetKey, let discriminator = schema.discriminator,
                    let selecting = discriminator.mapping.first(where: { $0.reference.targetKey == key })?.value
                {
                    made = settingDiscriminator(made, discriminator.propertyName, to: selecting)
                }
                return made
            }
            return nil
        }
        // A polymorphic base (a discriminator and no alternatives) is one of the schemas its
        // mapping names, which the discriminator's value selects: the base alone decodes as none.
        if let discriminator = schema.discriminator, let (selecting, reference) = discriminator.mapping.first,
            let key = reference.targetKey, !making.contains(key), let target = document.schema(forKey: key)
        {
            making.insert(key)
            defer { making.remove(key) }
            if let made = value(of: target, depth: depth + 1) {
                return settingDiscriminator(made, discriminator.propertyName, to: selecting)
            }
        }
        let types = (schema.types ?? []).subtracting(.null)
        if types.contains(.object) || (!schema.properties.isEmpty && schema.types == nil) {
            return object(schema, depth: depth)
        }
        // As lowering infers: `items` without a `type` is an array (Overseerr's `flatrate`).
        if types.contains(.array) || ((schema.items != nil || schema.prefixItems != nil) && schema.types == nil) {
            // A tuple: a value a position, while each can be made.
            if let prefix = schema.prefixItems, !prefix.isEmpty {
                var positions: [SpecValue] = []
                for position in prefix {
                    guard let made = value(of: position, depth: depth + 1) else { break }
                    positions.append(made)
                }
                return .array(positions)
            }
            guard let items = schema.items?.value else { return .array([]) }
            return value(of: items, depth: depth + 1).map { .array([$0]) } ?? .array([])
        }
        if types.contains(.string) { return .string(text(format: schema.format)) }
        if types.contains(.integer) { return .number(JSONNumber(schema.constraints.minimum.map(\.text) ?? "1")) }
        if types.contains(.number) { return .number(JSONNumber(schema.constraints.minimum.map(\.text) ?? "1.5")) }
        if types.contains(.boolean) { return .bool(true) }
        // No type and nothing else: any value; an empty object also merges into an allOf.
        return schema.types == nil ? .object([]) : nil
    }

    func settingDiscriminator(_ value: SpecValue, _ property: String, to selecting: String) -> SpecValue {
        guard case .object(var members) = value else { return value }
        // A number where the subtype's property is one (ASP.NET Core's `$type: 0`).
        var selector = SpecValue.string(selecting)
        if case .number? = members.first(where: { $0.key == property })?.value, Double(selecting) != nil {
            selector = .number(JSONNumber(selecting))
        }
        members.removeAll { $0.key == property }
        return .object([.init(key: property, value: selector)] + members)
    }

    /// The properties that can be made: every required one (or nothing), and the others that can.
    mutating func object(_ schema: Schema, depth: Int) -> SpecValue? {
        var members: [SpecValue.Member] = []
        for property in schema.properties {
            let made = value(of: property.schema, depth: depth + 1)
            if let made {
                members.append(.init(key: property.name, value: made))
            } else if schema.required.contains(property.name) {
                return nil
            }
        }
        return .object(members)
    }

    func fits(_ value: SpecValue, _ types: JSONTypes?) -> Bool {
        guard let types else { return true }
        switch value {
        case .null: return types.contains(.null)
        case .bool: return types.contains(.boolean)
        case .number(let number): return types.contains(.number) || (types.contains(.integer) && number.isInteger)
        case .string: return types.contains(.string)
        case .array: return types.contains(.array)
        case .object: return types.contains(.object)
        }
    }

    func text(format: String?) -> String {
        switch format {
        case "date-time": "2024-05-06T07:08:09Z"
        case "date": "2024-05-06"
        case "uuid": "3f1c7a52-0d6e-4c7b-9f4a-2b8e5d6c1a90"
        case "uri", "url": "https://example.com/a"
        case "email": "a@example.com"
        case "byte": "aGVsbG8="
        case "int64", "int32": "12"
        case "decimal", "double", "float", "number": "1.5"
        default: "text"
        }
    }
}

/// `text` as a raw string literal with enough `#`s that nothing in it ends the literal.
func rawLiteral(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) { hashes += "#" }
    return hashes + "\"" + text + "\"" + hashes
}

var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 5
if let index = arguments.firstIndex(of: "--repeat"), index + 1 < arguments.count, let count = Int(arguments[index + 1])
{
    repeats = count
    arguments.removeSubrange(index ... index + 1)
}
guard arguments.count == 2, ["events", "tree", "validate", "examples"].contains(arguments[0]) else {
    print("usage: lathe-bench events|tree|validate|examples FILE [--repeat N]")
    exit(2)
}
if arguments[0] == "examples" {
    print(exampleChecks(arguments[1]))
    exit(0)
}
let (mode, path) = (arguments[0], arguments[1])
var best = Double.infinity
var detail = ""
for _ in 0 ..< repeats {
    let start = now()
    switch mode {
    case "events":
        let bytes = try FileBytes.read(path)
        detail = "\(eventParse(bytes)) events"
    case "tree":
        let tree = try YAMLReader().read(filePath: path)
        detail = "\(tree.nodeCount) nodes"
    default:
        let result = OpenAPILoader.load(path: path)
        detail = "\(result.diagnostics.errors.count) errors, \(result.diagnostics.warnings.count) warnings"
    }
    best = min(best, now() - start)
}
print("\(mode) \(path): \(String(Int(best * 10) / 10)).\(Int(best * 10) % 10) ms (\(detail))")

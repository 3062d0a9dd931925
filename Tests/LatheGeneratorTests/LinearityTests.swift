import Foundation
import LatheGenerator
import Testing

/// Generation stays linear in the size of the spec: four times the input takes at most eight times
/// as long (quadratic cost would take sixteen; the margin is for a noisy machine: under CI's
/// parallel tests a linear run measured 6.4× once, where alone it takes 3.6 to 4.4×). The shapes are the ones that were superlinear: chains
/// of references (each link walked the rest of the chain), wide objects and allOf extensions.
struct LinearityTests {
    /// `n` schemas: a chain of plain references, objects whose properties refer to the previous
    /// schema, and objects extending the previous object through allOf.
    static func spec(_ n: Int) -> [UInt8] {
        var lines = [
            "openapi: 3.1.0", "info: {title: T, version: '1'}", "components:", "  schemas:", "    R0: {type: string}",
            "    O0: {type: object, properties: {a: {type: string}}}",
        ]
        for i in 1 ..< n {
            lines.append("    R\(i): {$ref: '#/components/schemas/R\(i - 1)'}")
            lines.append(
                "    O\(i): {type: object, properties: {a: {$ref: '#/components/schemas/O\(i - 1)'}, b: {type: "
                    + "array, items: {$ref: '#/components/schemas/R\(i)'}}, c: {type: integer, minimum: 1}}}"
            )
            lines.append(
                "    E\(i): {allOf: [{$ref: '#/components/schemas/O\(i)'}, {type: object, properties: {e: {type: "
                    + "string, enum: [x, y]}}}]}"
            )
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The fastest of five runs: other tests share the machine, and the fastest run is the one
    /// they disturbed least.
    static func seconds(_ bytes: [UInt8]) -> Double {
        var runs: [Double] = []
        for _ in 0 ..< 5 {
            let start = ContinuousClock.now
            let result = Generator.generate(
                bytes: bytes, path: "linear.yaml", options: GeneratorOptions(modes: [.types]))
            let elapsed = ContinuousClock.now - start
            precondition(!result.files.isEmpty)
            runs.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return runs.min()!
    }

    @Test func fourTimesTheInputTakesAtMostEightTimesAsLong() {
        let small = Self.spec(600), large = Self.spec(2_400)
        _ = Self.seconds(small)  // warm up
        let ratio = Self.seconds(large) / Self.seconds(small)
        #expect(ratio <= 8, "4× the input took \(ratio)× as long")
    }
}

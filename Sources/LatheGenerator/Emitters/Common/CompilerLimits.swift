/// Sizes past which generated code is written another way, because what the Swift compiler does
/// with the plain form costs time growing faster than the code, or fails.
/// `scripts/benchmark-shapes.py --compile` times each construct at N and 4N members (BENCHMARKS.md,
/// "Compile cost by shape"). Below these sizes the plain form stays: it reads best, and costs the
/// same.
enum CompilerLimits {
    /// Definite initialization takes time growing with the cube of an initializer's stores in one
    /// basic block (Swift 6.3: 10 ms for 64 members, 1.3 s for 256, 62 s for 1,000). Past this,
    /// an optional argument is stored under `if let`, and each `if` ends a block.
    static let storesInOneBlock = 64

    /// A closure's statements, and the arguments of one call, are type-checked as one constraint
    /// system, in time growing faster than their number (a client call of 600 parameters: 13.6 s);
    /// and values decoded one after another, each by a `try`, cost the mandatory ARC pass time
    /// growing with their square (every `try` releases all the values before it when it throws).
    /// Past this many parameters, a client call's work is a local function, and a server decodes
    /// each optional parameter into its group in a statement of its own.
    static let parametersInOneExpression = 64

    /// The exhaustiveness check gives up on a `switch` over an enum of about 650 cases with
    /// payloads, and that is an error ("unable to check that this switch is exhaustive in
    /// reasonable time"). Past this, a union's code tests its cases with `if case` statements,
    /// which are not checked. (A `default` would spare the check too, but a full compile then
    /// warns that it "will never be executed".)
    static let casesInOneSwitch = 256

    /// Type declarations nested inside one another cost IRGen time that doubles with each level
    /// (20 levels of `struct`s: 5 s, 24: 99 s; the same types declared in extensions of their
    /// parents: 0.7 s). Every this many levels, a nested type is declared in an extension of its
    /// parent at file scope; the types are the same.
    static let typesNestedInOneDeclaration = 6
}

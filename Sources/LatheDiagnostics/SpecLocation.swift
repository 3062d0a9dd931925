/// A position in a spec file, 1-based as editors show it.
public struct SpecLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user should see it: the path they passed, or a referenced file's path relative to it.
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SpecLocation, rhs: SpecLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

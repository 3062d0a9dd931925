import LatheIR

/// Doc comments: the title and description, examples, notes, and for types the place in the
/// spec they came from.
enum DocComments {
    static func lines(_ docs: IRDocs, notes: [String] = [], source: IRSource? = nil) -> [String] {
        var paragraphs: [[String]] = []
        if let title = docs.title, !title.isEmpty { paragraphs.append(SwiftLiteral.docText(title)) }
        if let description = docs.description, !description.isEmpty {
            paragraphs.append(trimmedBlankLines(SwiftLiteral.docText(description)))
        }
        var tail: [String] = []
        for example in docs.examples { tail.append("- Example: `\(example)`") }
        for note in notes { tail.append("- Note: \(note)") }
        if docs.isDeprecated { tail.append("- Note: Deprecated in the spec.") }
        if let source {
            tail.append("- Source: `\(source.document)#\(source.pointer)`")
        }
        if !tail.isEmpty { paragraphs.append(tail) }
        return paragraphs.enumerated().flatMap { index, paragraph in index == 0 ? paragraph : [""] + paragraph }
    }

    private static func trimmedBlankLines(_ lines: [String]) -> [String] {
        var lines = lines
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        // Runs of blank lines become one.
        var result: [String] = []
        for line in lines where !(line.isEmpty && result.last?.isEmpty == true) {
            result.append(line)
        }
        return result
    }
}

@_spi(Generated) import LatheRuntime
import Testing

struct ValidationTests {
    /// JSON Schema's minLength and maxLength count code points. Scotland's flag is one grapheme
    /// cluster (Swift's `count` is 1) but seven code points: a black flag and six tag characters.
    @Test func lengthsCountCodePoints() {
        let flag = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"
        #expect(flag.count == 1)
        let reason = "abc" + flag  // 10 code points: Storno's minimum for a reason
        var issues: [ValidationIssue] = []
        Check.length(reason, min: 10, max: 10, at: .root, into: &issues)
        #expect(issues.isEmpty, "\(issues)")
        Check.length("e\u{301}", min: 2, max: 2, at: .root, into: &issues)
        #expect(issues.isEmpty, "\(issues)")
        Check.length(flag, min: 8, at: .root, into: &issues)
        #expect(issues.map(\.message) == ["must be at least 8 characters long, but is 7"])
    }

    /// `uniqueItems` over values that are not Hashable (`hashable: false`) compares their JSON:
    /// the repeat is found at its index, and values differing in any member are distinct.
    @Test func uniqueItemsWithoutHashable() {
        struct Tag: Encodable {
            var name: String
            var weight: Double?
        }
        var issues: [ValidationIssue] = []
        let tags = [Tag(name: "a"), Tag(name: "a", weight: 1), Tag(name: "b"), Tag(name: "a")]
        Check.unique(tags, at: .root, into: &issues)
        #expect(issues.map(\.path.description) == ["$[3]"], "\(issues)")
        issues = []
        Check.unique([1, 2, 1], at: .root, into: &issues)  // Hashable values still take the Set path
        #expect(issues.count == 1)
    }

    /// A server checks `pattern` on every request: a pattern that makes backtracking engines take
    /// exponential time is checked in linear time, and a pattern needing backtracking is skipped.
    @Test(.timeLimit(.minutes(1))) func patternsCannotStallAServer() {
        var issues: [ValidationIssue] = []
        Check.pattern(String(repeating: "a", count: 50_000) + "b", "^(a+)+$", at: .root, into: &issues)
        #expect(issues.map(\.message) == ["must match the pattern ^(a+)+$"])
        issues = []
        Check.pattern("aaaa", "^(a+)+$", at: .root, into: &issues)
        Check.pattern("abab", "^(ab)\\1$", at: .root, into: &issues)
        #expect(issues.isEmpty)
    }
}

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

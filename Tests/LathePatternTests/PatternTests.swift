import LathePattern
import Testing

struct PatternTests {
    /// (pattern, text, matches), checked against what JavaScript's `RegExp.prototype.test` answers.
    @Test(arguments: [
        ("^[a-z]+$", "abc", true), ("^[a-z]+$", "abC", false), ("abc", "xxabcxx", true), ("^abc", "xabc", false),
        ("c$", "abc", true), ("c$", "abcd", false), ("^\\d{3}-\\d{4}$", "555-1234", true),
        ("^\\d{3}-\\d{4}$", "555-12345", false),
        ("^(a|b)*c$", "ababc", true), ("^(a|b)*c$", "abx", false), ("^a{2,3}$", "aaa", true),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2,}$", "aaaaa", true), ("^a{2}$", "a", false), ("^.$", "\n", false), ("^.$", "é", true),
        ("^[^0-9]+$", "abc", true), ("^[^0-9]+$", "ab1", false), ("^\\w+@\\w+\\.com$", "ada@example.com", true),
        ("\\bcat\\b", "a cat here", true), ("\\bcat\\b", "concatenate", false), ("^\\s*$", " \t ", true),
        ("^[\\d\\s]+$", "1 2", true), ("^(?:ab)+$", "abab", true), ("^(?<year>\\d{4})$", "2026", true),
        ("^\\u00e9$", "é", true), ("^\\x41$", "A", true), ("^[a\\-z]$", "-", true), ("^[-a]$", "-", true),
        ("a{,2}", "a{,2}", true), ("^$", "", true), ("^a?$", "", true), ("x*", "", true), ("^(a*)*$", "aaaa", true),
        ("^[\\u{1F600}-\\u{1F64F}]$", "😀", true), ("^.{3}$", "👍👍👍", true), ("[]", "a", false), ("^[^]$", "\n", true),
        ("^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$", "GB82WEST12345698765432", true),
        // PayPal writes `(?i)`: letters in either case.
        ("(?i)^(all|none)$", "ALL", true), ("(?i)^(all|none)$", "None", true), ("(?i)^(all|none)$", "any", false),
        ("^(all)$", "ALL", false),
        ("(?i)^[^a]$", "A", false), ("(?i)^[^a]$", "b", true),
        // From the review: counts with leading zeros, \c and legacy octal read as ECMAScript does,
        // a surrogate pair written as two escapes is one code point, a quantified assertion group.
        ("^a{0000000001}$", "a", true), ("^a{00}$", "", true), ("^\\c1$", "\\c1", true), ("^\\cJ$", "\n", true),
        ("^\\01$", "\u{1}", true), ("^\\uD83D\\uDE00$", "😀", true), ("^(?:^)?a$", "a", true),
        ("^(?:(?:){999999999}){999999999}a$", "a", true), ("^(?:\\b){3}a", "a", true),
    ])
    func matchesLikeECMAScript(_ pattern: String, _ text: String, _ expected: Bool) throws {
        #expect(try Pattern(pattern).matches(in: text) == expected)
    }

    /// The catastrophic-backtracking classics (2^20,000 paths for a backtracking engine) finish at
    /// once: the work is linear in the text.
    /// A class of 20,000 characters is a binary search per step, not a scan.
    @Test(.timeLimit(.minutes(1))) func largeClassesStayLinear() throws {
        let members = (0 ..< 20_000).map { String(UnicodeScalar(0x20000 + $0 * 2)!) }.joined()
        let pattern = try Pattern("^[" + members + "]{200}$")
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(!pattern.matches(in: String(repeating: "\u{20000}", count: 210))) }
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    // About a second alone; the limit leaves room for a machine busy with the compile tests that
    // run beside it, while backtracking over 20,001 characters would never finish.
    @Test(.timeLimit(.minutes(5))) func nestedQuantifiersDoNotBacktrack() throws {
        let text = String(repeating: "a", count: 20_000) + "b"
        for pattern in ["^(a+)+$", "^(a|a)*$", "^(a|aa)+$", "^(.*a){20}$", "(x+x+)+y"] {
            let clock = ContinuousClock()
            let compiled = try Pattern(pattern)
            let elapsed = clock.measure { #expect(compiled.matches(in: text) == false) }
            #expect(elapsed < .seconds(10), "\(pattern) took \(elapsed)")
        }
    }

    @Test func whatNeedsBacktrackingIsRefusedAndBadPatternsAreInvalid() {
        #expect(throws: PatternError.unsupported("a back-reference")) { try Pattern("(a)\\1") }
        #expect(throws: PatternError.unsupported("lookahead")) { try Pattern("^(?=.*\\d).{8,}$") }
        #expect(throws: PatternError.unsupported("lookbehind")) { try Pattern("(?<!x)y") }
        #expect(throws: PatternError.invalid("a group is not closed")) { try Pattern("(ab") }
        #expect(throws: PatternError.invalid("nothing to repeat at character 1")) { try Pattern("*a") }
        #expect(throws: PatternError.invalid("a range in a character class runs backwards")) { try Pattern("[z-a]") }
        #expect(throws: (any Error).self) { try Pattern("(a{1000}){1000}") }
        for invalid in ["a**", "a{2}{3}", "{2}", "(?<>a)", "\\u{110000}", "a+*"] {
            #expect(throws: (any Error).self, "\(invalid)") { try Pattern(invalid) }
        }
        // Nesting past 256 groups is refused, not a stack overflow.
        #expect(throws: PatternError.unsupported("groups nested deeper than 256")) {
            try Pattern(String(repeating: "(", count: 20_000) + String(repeating: ")", count: 20_000))
        }
    }
}

import LathePattern
import Testing

struct PatternTests {
    /// (pattern, text, matches), checked against what JavaScript's `RegExp.prototype.test` answers.
    @Test(arguments: [
        ("^[a-z]+$", "abc", true), ("^[a-z]+$", "abC", false), ("abc", "xxabcxx", true), ("^abc", "xabc", false),
        ("c$", "abc", true), ("c$", "abcd", false), ("^\\d{3}-\\d{4}$", "555-1234", true), ("^\\d{3}-\\d{4}$", "555-12345", false),
        ("^(a|b)*c$", "ababc", true), ("^(a|b)*c$", "abx", false), ("^a{2,3}$", "aaa", true), ("^a{2,3}$", "aaaa", false),
        ("^a{2,}$", "aaaaa", true), ("^a{2}$", "a", false), ("^.$", "\n", false), ("^.$", "é", true),
        ("^[^0-9]+$", "abc", true), ("^[^0-9]+$", "ab1", false), ("^\\w+@\\w+\\.com$", "ada@example.com", true),
        ("\\bcat\\b", "a cat here", true), ("\\bcat\\b", "concatenate", false), ("^\\s*$", " \t ", true),
        ("^[\\d\\s]+$", "1 2", true), ("^(?:ab)+$", "abab", true), ("^(?<year>\\d{4})$", "2026", true),
        ("^\\u00e9$", "é", true), ("^\\x41$", "A", true), ("^[a\\-z]$", "-", true), ("^[-a]$", "-", true),
        ("a{,2}", "a{,2}", true), ("^$", "", true), ("^a?$", "", true), ("x*", "", true), ("^(a*)*$", "aaaa", true),
        ("^[\\u{1F600}-\\u{1F64F}]$", "😀", true), ("^.{3}$", "👍👍👍", true), ("[]", "a", false), ("^[^]$", "\n", true),
        ("^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$", "GB82WEST12345698765432", true),
        // PayPal writes `(?i)`: letters in either case.
        ("(?i)^(all|none)$", "ALL", true), ("(?i)^(all|none)$", "None", true), ("(?i)^(all|none)$", "any", false), ("^(all)$", "ALL", false),
    ])
    func matchesLikeECMAScript(_ pattern: String, _ text: String, _ expected: Bool) throws {
        #expect(try Pattern(pattern).matches(in: text) == expected)
    }

    /// The catastrophic-backtracking classics finish at once: the work is linear in the text.
    @Test(.timeLimit(.minutes(1))) func nestedQuantifiersDoNotBacktrack() throws {
        let text = String(repeating: "a", count: 100_000) + "b"
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
    }
}

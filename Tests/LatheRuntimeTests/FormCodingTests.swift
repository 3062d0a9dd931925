import Foundation
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime
import Testing

/// `application/x-www-form-urlencoded` bodies as OpenAPI 3.1.1 and 3.2 define them: a member with
/// no Encoding object by its content type (text, a pair per list item, an object as JSON text),
/// one whose Encoding object gives a style as a query parameter of that style; and read back by a
/// server from what a client writes.
struct FormCodingTests {
    struct Address: Codable, Equatable {
        var line1: String
        var city: String?
        var zip: String?
    }

    struct Line: Codable, Equatable {
        var price: String
        var quantity: Int
    }

    struct Customer: Codable, Equatable {
        var name: String
        var code: String?
        var count: Int?
        var active: Bool?
        var tags: [String]?
        var address: Address?
        var lines: [Line]?
        var metadata: [String: String]?
    }

    func body(_ value: Customer, _ styles: [String: FormStyle] = [:]) async throws -> String {
        try await String(collecting: BodyCoding.form(value, styles: styles), upTo: .max)
    }

    func read(_ text: String, _ styles: [String: FormStyle] = [:]) async throws -> Customer {
        try await BodyCoding.decodeForm(Customer.self, from: HTTPBody(text), styles: styles)
    }

    let full = Customer(
        name: "Ada Lovelace", code: "007", count: 3, active: true, tags: ["a b"],
        address: Address(line1: "1 Main", city: "X"),
        lines: [Line(price: "p_1", quantity: 2), Line(price: "p_2", quantity: 1)], metadata: ["order": "42"])

    /// No Encoding object: each member by its content type. A list of one is still a list, an object
    /// (and a list's object items) JSON text, and text that spells a number stays text where the
    /// member is text.
    @Test func membersByContentTypeRoundTrip() async throws {
        let text = try await body(full)
        #expect(
            text
                == "active=true&address=%7B%22city%22%3A%22X%22%2C%22line1%22%3A%221%20Main%22%7D&code=007&count=3"
                + "&lines=%7B%22price%22%3A%22p_1%22%2C%22quantity%22%3A2%7D"
                + "&lines=%7B%22price%22%3A%22p_2%22%2C%22quantity%22%3A1%7D&metadata=%7B%22order%22%3A%2242%22%7D"
                + "&name=Ada%20Lovelace&tags=a%20b")
        #expect(try await read(text) == full)
        // As a browser writes it: `+` for a space.
        #expect(try await read("name=Ada+Lovelace&tags=x").tags == ["x"])
        let one = Customer(name: "n", lines: [Line(price: "p", quantity: 1)])
        #expect(try await read(await body(one)) == one)
    }

    /// Stripe's style: `deepObject` for objects, maps and lists, nested as `qs` writes them.
    @Test func deepObjectMembersNest() async throws {
        let deep = FormStyle(.deepObject, explode: true, shape: .object)
        let styles = [
            "address": deep, "lines": FormStyle(.deepObject, explode: true, shape: .array), "metadata": deep,
            "tags": FormStyle(.deepObject, explode: true, shape: .array),
        ]
        let text = try await body(full, styles)
        #expect(
            text
                == "active=true&address%5Bcity%5D=X&address%5Bline1%5D=1%20Main&code=007&count=3"
                + "&lines%5B0%5D%5Bprice%5D=p_1&lines%5B0%5D%5Bquantity%5D=2"
                + "&lines%5B1%5D%5Bprice%5D=p_2&lines%5B1%5D%5Bquantity%5D=1&metadata%5Border%5D=42"
                + "&name=Ada%20Lovelace&tags%5B0%5D=a%20b")
        #expect(try await read(text, styles) == full)
        // A map whose keys are numbers is still a map; brackets as written, not encoded.
        let numbered = try await read("name=n&metadata[0]=a&metadata[1]=b", styles)
        #expect(numbered.metadata == ["0": "a", "1": "b"])
        // A list as `qs`, PHP and Rails write it, of one or of many.
        #expect(try await read("name=n&tags[]=a&tags[]=b", styles).tags == ["a", "b"])
        #expect(try await read("name=n&tags%5B%5D=7", styles).tags == ["7"])
        // A value and members for one place is neither.
        await #expect(throws: RequestError.self) { try await read("name=n&address=x&address[line1]=l", styles) }
        await #expect(throws: RequestError.self) {
            try await read("name=n&lines[0][price]=p&lines[0][price][a]=q", styles)
        }
    }

    /// The other styles, as query parameters write them.
    @Test func styledMembersAreWrittenAsQueryParameters() async throws {
        let styles = [
            "address": FormStyle(.form, explode: false, shape: .object),
            "tags": FormStyle(.pipeDelimited, explode: false, shape: .array),
            "code": FormStyle(.form, explode: true, shape: .primitive),
        ]
        let value = Customer(name: "n", code: "a/b", tags: ["x", "y"], address: Address(line1: "l", zip: "0123"))
        let text = try await body(value, styles)
        // With `allowReserved` in the spec or not (alone, it makes a member styled `form`), a form's
        // reserved characters are percent-encoded.
        #expect(text == "address=line1,l,zip,0123&code=a%2Fb&name=n&tags=x%7Cy")
        #expect(try await read(text, styles) == value)
        // An exploded object spreads its members over the form.
        let spread = ["address": FormStyle(.form, explode: true, shape: .object)]
        let spreadText = try await body(Customer(name: "n", address: Address(line1: "l")), spread)
        #expect(spreadText == "line1=l&name=n")
        #expect(try await read(spreadText, spread).address == Address(line1: "l"))
    }

    /// What does not decode names its member.
    @Test func aWrongMemberIsNamed() async throws {
        let error = try await #require(throws: RequestError.self) { try await read("name=n&count=many") }
        #expect(error.issues.map(\.description) == ["$.body.count: must be an integer"])
        let deep = try await #require(throws: RequestError.self) {
            try await read(
                "name=n&lines[0][price]=p&lines[0][quantity]=x",
                ["lines": FormStyle(.deepObject, explode: true, shape: .array)])
        }
        #expect(deep.issues.map(\.description) == ["$.body.lines[0].quantity: must be an integer"])
    }

    struct Wide: Codable, Equatable {
        var grid: [[Int]]?
        var counts: [String: String]?
        var kind: String?
        var note: String?
        var fields: [String: String]?
        var amount: NumberOrString?
        var tags: [String]?
    }

    func readWide(_ text: String, _ styles: [String: FormStyle] = [:]) async throws -> Wide {
        try await BodyCoding.decodeForm(Wide.self, from: HTTPBody(text), styles: styles)
    }

    /// What the first review of this reading found: numbers as a map's keys and values, a plain
    /// value under `deepObject`, lists of lists, numbered members in any order, `&` and `+` in a
    /// value that allows reserved characters, an exploded object that is absent.
    @Test func edgesOfTheReading() async throws {
        let deep = [
            "counts": FormStyle(.deepObject, explode: true, shape: .object),
            "kind": FormStyle(.deepObject, explode: true, shape: .primitive),
        ]
        let wide = Wide(grid: [[1, 2], [3]], counts: ["1": "42", "2": "007"], kind: "a")
        let text = try await String(collecting: BodyCoding.form(wide, styles: deep), upTo: .max)
        #expect(text == "counts%5B1%5D=42&counts%5B2%5D=007&grid=%5B1%2C2%5D&grid=%5B3%5D&kind=a")
        #expect(try await readWide(text, deep) == wide)
        #expect(try await readWide("counts[1]=b&counts[0]=a", deep).counts == ["0": "a", "1": "b"])
        let lines = ["lines": FormStyle(.deepObject, explode: true, shape: .array)]
        let sparse = Customer(name: "n", lines: [Line(price: "b", quantity: 2), Line(price: "a", quantity: 1)])
        #expect(
            try await read(
                "name=n&lines[1][price]=a&lines[1][quantity]=1&lines[0][price]=b&lines[0][quantity]=2", lines)
                == sparse)
        let reserved = ["code": FormStyle(.form, explode: true, shape: .primitive)]
        let tricky = Customer(name: "n", code: "1+1&x=y/z")
        #expect(try await read(body(tricky, reserved), reserved) == tricky)
        let spread = ["address": FormStyle(.form, explode: true, shape: .object, keys: ["line1", "city", "zip"])]
        #expect(try await read("name=n", spread) == Customer(name: "n"))
        #expect(try await read("name=n&line1=l", spread) == Customer(name: "n", address: Address(line1: "l")))
    }

    /// What a hostile form costs stays in line with its size: a name given many times, many keys
    /// under one member, many text fields that spell numbers; a `deepObject` deeper than a JSON
    /// body may be is refused.
    @Test func hostileFormsAreReadInLinearTimeOrRefused() async throws {
        let many = Array(repeating: "note=1", count: 20_000).joined(separator: "&")
        await #expect(throws: RequestError.self) { try await readWide(many) }
        let fields = ["fields": FormStyle(.deepObject, explode: true, shape: .object)]
        let keys = (0 ..< 10_000).map { "fields[k\($0)]=\($0)" }.joined(separator: "&")
        #expect(try await readWide(keys, fields).fields?.count == 10_000)
        let texts = (0 ..< 300).map { "fields[k\($0)]=\($0)" }.joined(separator: "&")
        #expect(try await readWide(texts, fields).fields?["k299"] == "299")
        let nested = "fields" + String(repeating: "[a]", count: 200) + "=1"
        let error = try await #require(throws: RequestError.self) { try await readWide(nested, fields) }
        #expect(error.issues.map(\.description) == ["$.body: nests deeper than 128 levels"])
    }

    /// What the second review found: text that looks like JSON in a map's values or a list of one
    /// stays text, a map's values are read as text in one retry however many keys (no retry per
    /// key), a number beside a top-level member read as text stays a number, and an exploded map
    /// takes only the pairs no other member has, none when there are none.
    @Test func textThatLooksLikeJSONAndSpreadMaps() async throws {
        let fields = ["fields": FormStyle(.deepObject, explode: true, shape: .object)]
        let looks = try await readWide("fields[a]=[]&fields[b]={}&fields[c]=7", fields)
        #expect(looks.fields == ["a": "[]", "b": "{}", "c": "7"])
        #expect(try await readWide("tags=%5B%5D").tags == ["[]"])
        #expect(try await readWide("tags=[1]&tags=x").tags == ["[1]", "x"])
        let keys = (0 ..< 5_000).map { "fields[k\($0)]=[]" }.joined(separator: "&")
        #expect(try await readWide(keys, fields).fields?.count == 5_000)
        #expect(try await readWide("note=7&amount=5").amount == .number(5))
        let spread = [
            "fields": FormStyle(
                .form, explode: true, shape: .object, others: ["grid", "counts", "kind", "note", "amount", "tags"])
        ]
        #expect(try await readWide("note=x", spread) == Wide(note: "x"))
        #expect(try await readWide("note=x&a=1&counts[z]=2", spread) == Wide(note: "x", fields: ["a": "1"]))
    }
}

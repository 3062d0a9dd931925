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
    }

    /// The other styles, as query parameters write them.
    @Test func styledMembersAreWrittenAsQueryParameters() async throws {
        let styles = [
            "address": FormStyle(.form, explode: false, shape: .object),
            "tags": FormStyle(.pipeDelimited, explode: false, shape: .array),
            "code": FormStyle(.form, explode: true, allowReserved: true, shape: .primitive),
        ]
        let value = Customer(name: "n", code: "a/b", tags: ["x", "y"], address: Address(line1: "l", zip: "0123"))
        let text = try await body(value, styles)
        #expect(text == "address=line1,l,zip,0123&code=a/b&name=n&tags=x%7Cy")
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
}

import Foundation

@_spi(Generated) extension ClientSupport {
    /// Throws `OperationError.failureInBody` when the decoded body's member at `property` holds one
    /// of `values` (`x-lathe-failure-when`): APIs such as AvaTax answer 200 to a call that failed.
    /// The message is the text at `message` when there is one. Paths are member names, with array
    /// indices as decimal text.
    public static func checkFailure(
        in body: some Encodable, property: [String], equals values: [String], message: [String]?,
        operationID: String, statusCode: Int
    ) throws {
        guard let data = try? JSONCoding.encoder().encode(body),
            let json = try? JSONDecoder().decode(JSONValue.self, from: data),
            let found = json.member(at: property)?.scalarText, values.contains(found)
        else { return }
        let explanation = message.flatMap { json.member(at: $0)?.scalarText }
        let text =
            "the response says \(property.joined(separator: ".")) is \(found)" + (explanation.map { ": \($0)" } ?? "")
        throw OperationError(operationID: operationID, statusCode: statusCode, reason: .failureInBody(message: text))
    }
}

extension JSONValue {
    /// The value at a path of member names and array indices.
    func member(at path: [String]) -> JSONValue? {
        var current = self
        for step in path {
            switch current {
            case .object(let members):
                guard let next = members[step] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(step), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// A string, number or boolean as text; nil for null, arrays and objects.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let number): "\(number)"
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }
}

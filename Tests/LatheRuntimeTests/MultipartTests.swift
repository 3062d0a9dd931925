import Foundation
import HTTPTypes
@_spi(Generated) import LatheRuntime
import OpenAPIRuntime
import Testing

/// Reading `multipart/form-data` (RFC 7578, RFC 2046 §5.1.1) as other clients write it, and
/// refusing what cannot be read with a message saying why.
struct MultipartTests {
    func read(_ text: String, contentType: String = "multipart/form-data; boundary=XyZ") async throws -> MultipartForm {
        try await MultipartForm.decode(HTTPBody(text), contentType: contentType)
    }

    func message(_ text: String, contentType: String = "multipart/form-data; boundary=XyZ") async -> String? {
        do {
            _ = try await read(text, contentType: contentType)
            return nil
        } catch let error as RequestError {
            return error.issues.map(\.description).joined(separator: "; ")
        } catch {
            return "\(error)"
        }
    }

    @Test func aFormAsCurlWritesIt() async throws {
        let form = try await read(
            "preamble to ignore\r\n--XyZ\r\ncontent-disposition: form-data; name=\"a\"\r\n\r\none\r\n"
                + "--XyZ  \r\nContent-Disposition: form-data; name=\"f\"; "
                + "filename=\"x;y \\\"z\\\".txt\"\r\nContent-Type: text/plain\r\nX-Extra: 1\r\n\r\nline 1\r\nline 2\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n"
                + "--XyZ--\r\nepilogue",
            contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"XyZ\""
        )
        #expect(form.parts.map(\.name) == ["a", "f", "empty"])
        #expect(form.parts[0].data == Data("one".utf8))
        #expect(form.parts[1].filename == "x;y \"z\".txt")
        #expect(form.parts[1].data == Data("line 1\r\nline 2".utf8))
        #expect(form.parts[1].headerFields[.contentType] == "text/plain")
        #expect(form.parts[1].headerFields[HTTPField.Name("X-Extra")!] == "1")
        #expect(form.parts[2].data.isEmpty)
        #expect(try form.parts[0].text(as: String.self) == "one")
    }

    @Test func whatWeWriteWeRead() async throws {
        var form = MultipartForm()
        form.append(text: 42, name: "n", contentType: nil)
        form.append(file: FilePart(data: Data([0, 13, 10, 45, 45, 255])), name: "bytes", contentType: "image/png")
        try form.append(json: ["k": [1, 2]], name: "j", contentType: nil)
        let (contentType, body) = form.encoded()
        let again = try await MultipartForm.decode(body, contentType: contentType)
        #expect(again == form)
        #expect(try again.parts[0].text(as: Int.self) == 42)
        #expect(
            again.parts[1].file
                == FilePart(data: Data([0, 13, 10, 45, 45, 255]), filename: "bytes", contentType: "image/png"))
        #expect(try again.parts[2].json(as: [String: [Int]].self) == ["k": [1, 2]])
    }

    @Test func brokenBodiesSayWhatIsWrong() async throws {
        #expect(
            await message("x", contentType: "multipart/form-data")
                == "$.body: has no multipart boundary in its Content-Type")
        #expect(await message("no boundary here") == "$.body: has no multipart boundary line")
        #expect(
            await message("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\none")
                == "$.body: ends before its closing multipart boundary")
        #expect(await message("--XyZ") == "$.body: ends inside a multipart boundary line")
        #expect(
            await message("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n--XyZ--")
                == "$.body: has a multipart part without a blank line after its headers")
        #expect(
            await message("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--")
                == "$.body: has a multipart part without a Content-Disposition name")
        #expect(
            await message("--XyZ\r\nBad Header\r\n\r\nx\r\n--XyZ--")
                == "$.body: has a malformed multipart part header 'Bad Header'")
        let form = try await read("--XyZ\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\nten\r\n--XyZ--")
        #expect(throws: RequestError.self) { try form.parts[0].text(as: Int.self) }
        #expect(throws: RequestError.self) { try form.requiredPart(named: "missing") }
    }
}

/// Reading a body within a generated server's limits: only a body past the size limit is a 413; a
/// body that fails for another reason fails with its own error (it used to be reported as too large).
struct BodyReadingTests {
    struct Dropped: Error {}

    @Test func onlyTheSizeIsTooLarge() async throws {
        let limits = ServerLimits(maximumBodySize: 8)
        try await limits.apply { () async throws -> Void in
            #expect(try await BodyCoding.text(HTTPBody("12345678")) == "12345678")
            await #expect(throws: RequestTooLarge.self) { try await BodyCoding.text(HTTPBody("123456789")) }
            // A stream of unknown length that passes the limit part way.
            let chunks = AsyncThrowingStream<ArraySlice<UInt8>, any Error> { continuation in
                continuation.yield(ArraySlice("12345".utf8))
                continuation.yield(ArraySlice("67890".utf8))
                continuation.finish()
            }
            await #expect(throws: RequestTooLarge.self) {
                try await BodyCoding.text(HTTPBody(chunks, length: .unknown, iterationBehavior: .single))
            }
            let failing = AsyncThrowingStream<ArraySlice<UInt8>, any Error> { continuation in
                continuation.yield(ArraySlice("12".utf8))
                continuation.finish(throwing: Dropped())
            }
            await #expect(throws: Dropped.self) {
                try await BodyCoding.text(HTTPBody(failing, length: .unknown, iterationBehavior: .single))
            }
        }
        // Outside a server, the client's limit applies.
        #expect(try await BodyCoding.text(HTTPBody("fine")) == "fine")
    }
}

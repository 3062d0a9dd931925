import LatheOpenAPI
import Testing

/// What a misspelling is read as, in the document, not only what is said of it (BrokenSpecTests).
struct MisspellingReadingTests {
    /// An operation's responses, each written out (none a `$ref`).
    static func responses(of operation: Operation) throws -> [Response] {
        try operation.responses.map { entry in
            guard case .value(let response) = entry.response else { throw Unexpected() }
            return response
        }
    }

    /// ComfyUI's `multipart/formdata` is the form it misspells; parameters after `;` stay.
    @Test func aMisspelledMediaTypeIsTheOneItMeans() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /prompt:
                post:
                  requestBody:
                    content:
                      multipart/formdata: {schema: {type: object}}
                      application/x_www_form_urlencoded ; charset=utf-8: {schema: {type: object}}
                      application/json ; charset=utf-8: {schema: {type: object}}
                      application/json_: {schema: {type: object}}
                  responses: {'204': {description: done}}
            """)
        let operation = try #require(result.document?.paths.first?.item.operations.first)
        guard case .value(let body) = try #require(operation.requestBody) else { throw Unexpected() }
        #expect(
            body.content.map(\.contentType) == [
                "multipart/form-data", "application/x-www-form-urlencoded ; charset=utf-8",
                "application/json ; charset=utf-8", "application/json",
            ])
    }

    /// OSIS's media types holding their schema's keywords without `schema:` are that schema, and
    /// their own fields (`example`, `encoding`) stay theirs; one with only an example, or with its
    /// `schema`, is read as written. A 3.2 Media Type `$ref` is read as what it leads to.
    @Test func aMediaTypeHoldingSchemaKeywordsIsThatSchema() throws {
        let result = load(
            """
            openapi: 3.2.0
            info: {title: T, version: '1'}
            components:
              mediaTypes:
                Ids: {type: array, items: {type: string}}
              schemas:
                Pet: {type: object, properties: {name: {type: string}}}
            paths:
              /ids:
                put:
                  requestBody:
                    content:
                      application/json: {$ref: '#/components/mediaTypes/Ids'}
                      multipart/form-data:
                        type: object
                        properties: {file: {type: string, format: binary}}
                        encoding: {file: {contentType: image/png}}
                      application/x-www-form-urlencoded:
                        type: integer
                        enum: [1, 2]
                        x-enum-varnames: [First, Second]
                        examples: [1]
                      text/plain: {$ref: '#/components/schemas/Pet', description: a pet}
                  responses: {'204': {description: done}}
              /read-tokens:
                post:
                  requestBody:
                    content:
                      application/json:
                        type: array
                        items: {type: string, format: uuid}
                  responses:
                    '201':
                      description: tokens
                      content:
                        application/json:
                          additionalProperties: {type: string}
                          example: {a: b}
                        text/plain: {example: done}
                        text/csv: {schema: {type: string}, example: a}
            """)
        let put = try #require(result.document?.paths.first { $0.path == "/ids" }?.item.operations.first)
        guard case .value(let putBody) = try #require(put.requestBody) else { throw Unexpected() }
        #expect(putBody.content[0].schema?.types == .array)
        #expect(putBody.content[1].schema?.properties.map(\.name) == ["file"])
        #expect(putBody.content[1].encoding.map(\.0) == ["file"])
        // `x-` extensions are the schema's too, a list of examples the schema's alone.
        #expect(putBody.content[2].schema?.extensions["x-enum-varnames"] != nil)
        #expect(putBody.content[2].schema?.examples.count == 1 && putBody.content[2].examples.isEmpty)
        // A `$ref` to a schema (a description beside it) is that schema, not a copy of it.
        #expect(putBody.content[3].schema?.ref?.raw == "#/components/schemas/Pet")
        let operation = try #require(result.document?.paths.first { $0.path == "/read-tokens" }?.item.operations.first)
        guard case .value(let body) = try #require(operation.requestBody) else { throw Unexpected() }
        let list = try #require(body.content.first?.schema)
        #expect(list.types == .array && list.items?.value.format == "uuid")
        guard case .value(let response) = try #require(operation.responses.first?.response) else {
            throw Unexpected()
        }
        let map = try #require(response.content.first?.schema)
        #expect(map.additionalProperties != nil && map.examples.isEmpty && response.content[0].examples.count == 1)
        #expect(response.content[1].schema == nil && response.content[1].examples.count == 1)
        #expect(response.content[2].schema?.types == .string)
        #expect(
            result.diagnostics.all.map(\.asGenerationFinding.description) == [
                "spec.yaml:5:11: warning: this Media Type object has no 'schema', and holds the schema keyword "
                    + "'type' itself; a media type's schema is written under 'schema'; Lathe reads the Media Type "
                    + "object as its schema [schema-unwrapped]",
                "spec.yaml:15:13: warning: this Media Type object has no 'schema', and holds the schema keyword "
                    + "'type' itself; a media type's schema is written under 'schema'; Lathe reads the Media Type "
                    + "object as its schema [schema-unwrapped]",
                "spec.yaml:19:13: warning: this Media Type object has no 'schema', and holds the schema keyword "
                    + "'type' itself; a media type's schema is written under 'schema'; Lathe reads the Media Type "
                    + "object as its schema [schema-unwrapped]",
                "spec.yaml:23:30: warning: a Media Type object's $ref names a Media Type object; this one names a "
                    + "schema; Lathe reads it as the media type's schema [ref-not-allowed-here]",
                "spec.yaml:30:13: warning: this Media Type object has no 'schema', and holds the schema keyword "
                    + "'type' itself; a media type's schema is written under 'schema'; Lathe reads the Media Type "
                    + "object as its schema [schema-unwrapped]",
                "spec.yaml:37:15: warning: this Media Type object has no 'schema', and holds the schema keyword "
                    + "'additionalProperties' itself; a media type's schema is written under 'schema'; Lathe reads "
                    + "the Media Type object as its schema [schema-unwrapped]",
            ])
    }

    /// cdc-ti-etor's `application/json:` with no value and `schema:` beside it, one level short: the
    /// fields are the one empty media type's. Beside a media type that has a value, or two empty
    /// ones, no media type is the one, and `schema` stays an entry that is not a media type.
    @Test func mediaTypeFieldsIndentedOneLevelShortAreTheEmptyMediaTypes() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /metadata:
                post:
                  requestBody:
                    content:
                      application/json:
                      schema: {type: object, properties: {id: {type: string}}}
                      example: {id: a}
                  responses:
                    '200':
                      description: found
                      content:
                        text/plain: {schema: {type: string}}
                        application/json:
                        schema:
                          $ref: '#/components/schemas/Metadata'
                    '404':
                      description: two without values
                      content:
                        application/json:
                        application/xml:
                        schema: {type: string}
                    '409':
                      description: one with a value
                      content:
                        application/json: {schema: {type: integer}}
                        schema: {type: string}
            components:
              schemas:
                Metadata: {type: object, properties: {at: {type: string}}}
            """)
        let operation = try #require(result.document?.paths.first?.item.operations.first)
        guard case .value(let body) = try #require(operation.requestBody) else { throw Unexpected() }
        #expect(body.content.map(\.contentType) == ["application/json"])
        #expect(body.content[0].schema?.properties.map(\.name) == ["id"] && body.content[0].examples.count == 1)
        let responses = try Self.responses(of: operation)
        #expect(responses[0].content.map(\.contentType) == ["text/plain", "application/json"])
        #expect(responses[0].content[1].schema?.ref?.raw == "#/components/schemas/Metadata")
        #expect(responses[1].content.isEmpty)
        #expect(responses[2].content.map(\.contentType) == ["application/json"])
        #expect(responses[2].content[0].schema?.types == .integer)
        #expect(
            result.diagnostics.all.map(\.asGenerationFinding.description).filter { !$0.contains("400") } == [
                "spec.yaml:9:11: warning: 'schema', 'example' stand beside the media types, and 'application/json' "
                    + "has no value: they are its fields, indented one level short; Lathe reads them under "
                    + "'application/json' [media-type-fields-outside]",
                "spec.yaml:17:13: warning: 'schema' stands beside the media types, and 'application/json' has no "
                    + "value: it is its field, indented one level short; Lathe reads it under 'application/json' "
                    + "[media-type-fields-outside]",
                "spec.yaml:22:30: warning: the 'application/json' Media Type object has no value; Lathe reads it as "
                    + "if it were absent [empty-value]",
                "spec.yaml:23:29: warning: the 'application/xml' Media Type object has no value; Lathe reads it as "
                    + "if it were absent [empty-value]",
                "spec.yaml:24:13: warning: 'schema' is not a media type; expected one like application/json or "
                    + "text/plain; Lathe leaves out this entry [not-a-media-type]",
                "spec.yaml:29:13: warning: 'schema' is not a media type; expected one like application/json or "
                    + "text/plain; Lathe leaves out this entry [not-a-media-type]",
            ])
    }

    /// Trustee's `content: '*'` names one media range and says nothing of it, and crAPI's `""` key
    /// names none: each is content of any type, with the schema it has. A string that names no
    /// media type stays a wrong type.
    @Test func contentNamedByAStringOrAnEmptyKeyIsOfAnyType() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /secrets:
                post:
                  requestBody: {required: true, content: '*'}
                  responses:
                    '200':
                      description: a QR code
                      content:
                        '': {schema: {type: string, format: binary}}
                    '201': {description: made, content: 'application/jwe'}
                    '202': {description: noted, content: 'anything at all'}
            """)
        let operation = try #require(result.document?.paths.first?.item.operations.first)
        guard case .value(let body) = try #require(operation.requestBody) else { throw Unexpected() }
        #expect(body.content.map(\.contentType) == ["*/*"] && body.content[0].schema == nil)
        let responses = try Self.responses(of: operation)
        #expect(responses.map { $0.content.map(\.contentType) } == [["*/*"], ["application/jwe"], []])
        #expect(responses[0].content[0].schema?.format == "binary")
        #expect(
            result.diagnostics.all.map(\.asGenerationFinding.description).filter { !$0.contains("400") } == [
                "spec.yaml:6:46: warning: content must be a mapping of media types to Media Type objects, but this "
                    + "is the string '*'; Lathe reads it as one media type, */*, with no schema [content-as-string]",
                "spec.yaml:11:13: warning: '' is not a media type; expected one like application/json or "
                    + "text/plain; Lathe reads it as */* [not-a-media-type]",
                "spec.yaml:12:45: warning: content must be a mapping of media types to Media Type objects, but "
                    + "this is the string 'application/jwe'; Lathe reads it as one media type, application/jwe, "
                    + "with no schema [content-as-string]",
                "spec.yaml:13:46: warning: content must be a mapping of names to objects, but this is a string; "
                    + "Lathe ignores this value [wrong-type]",
            ])
    }

    /// FOLIO's `{type: array, $ref: ReadingRoom}` is a list of reading rooms, in 3.0 (which ignores
    /// the type) and 3.1 (which no value satisfies) alike; beside a `$ref` to a list, a target of
    /// no written type, or `items`, it is read as written.
    @Test func anArrayTypeBesideAReferenceToNoListIsAListOfIt() throws {
        for version in ["3.0.3", "3.1.0"] {
            let result = load(
                """
                openapi: \(version)
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Collection:
                      type: object
                      properties:
                        rooms: {type: array, description: the rooms, $ref: '#/components/schemas/Room'}
                        untyped: {type: array, $ref: '#/components/schemas/Fields'}
                        runs: {type: array, $ref: '#/components/schemas/Run'}
                        either: {type: array, $ref: '#/components/schemas/Either'}
                        deep: {type: array, $ref: '#/components/schemas/E1'}
                        lists: {type: array, $ref: '#/components/schemas/Rooms'}
                        unknown: {type: array, $ref: '#/components/schemas/Anything'}
                        itemized: {type: array, items: {type: string}, $ref: '#/components/schemas/Room'}
                    Room: {type: object, properties: {id: {type: string}}}
                    Fields: {properties: {id: {type: string}}}
                    Rooms: {type: array, items: {$ref: '#/components/schemas/Room'}}
                    Anything: {description: any value}
                    Run: {allOf: [$ref: '#/components/schemas/Fields', {properties: {at: {type: string}}}]}
                    Either: {oneOf: [$ref: '#/components/schemas/Room', $ref: '#/components/schemas/Rooms']}
                    E1: {allOf: [$ref: '#/components/schemas/E2', {properties: {a: {type: string}}}]}
                    E2: {allOf: [$ref: '#/components/schemas/E3', {properties: {b: {type: string}}}]}
                    E3: {allOf: [$ref: '#/components/schemas/E4', {properties: {c: {type: string}}}]}
                    E4: {allOf: [$ref: '#/components/schemas/E5', {properties: {d: {type: string}}}]}
                    E5: {allOf: [$ref: '#/components/schemas/E1', {type: object}]}
                """)
            let properties = try componentProperties(result, of: "Collection")
            // However deep the chain of members, and around a cycle of them.
            for (name, target) in [("rooms", "Room"), ("untyped", "Fields"), ("runs", "Run"), ("deep", "E1")] {
                let list = try #require(properties[name])
                #expect(list.ref == nil && list.types == .array, "\(version) \(name)")
                #expect(list.items?.value.ref?.raw == "#/components/schemas/" + target)
                #expect(list.items?.value.isPureReference == true)
            }
            #expect(properties["either"]?.ref?.raw == "#/components/schemas/Either")
            #expect(properties["lists"]?.ref?.raw == "#/components/schemas/Rooms")
            #expect(properties["unknown"]?.ref?.raw == "#/components/schemas/Anything")
            #expect(properties["itemized"]?.ref != nil && properties["itemized"]?.items?.value.types == .string)
            #expect(
                result.diagnostics.all.filter { $0.kind == "ref-beside-array-type" }.map(
                    \.asGenerationFinding.description)
                    == [
                        "spec.yaml:9:23: warning: 'type: array' stands beside a $ref to '#/components/schemas/Room', "
                            + "which is no list; a list of it is written with the $ref under 'items'; Lathe reads it as "
                            + "a list of what the $ref names [ref-beside-array-type]",
                        "spec.yaml:10:25: warning: 'type: array' stands beside a $ref to '#/components/schemas/Fields', "
                            + "which is no list; a list of it is written with the $ref under 'items'; Lathe reads it as "
                            + "a list of what the $ref names [ref-beside-array-type]",
                        "spec.yaml:11:22: warning: 'type: array' stands beside a $ref to '#/components/schemas/Run', "
                            + "which is no list; a list of it is written with the $ref under 'items'; Lathe reads it as "
                            + "a list of what the $ref names [ref-beside-array-type]",
                        "spec.yaml:13:22: warning: 'type: array' stands beside a $ref to '#/components/schemas/E1', "
                            + "which is no list; a list of it is written with the $ref under 'items'; Lathe reads it as "
                            + "a list of what the $ref names [ref-beside-array-type]",
                    ], "\(version)")
        }
    }

    /// DWD's `format: nullable` allows null, as `nullable: true` (3.0) or a `null` type (3.1) says,
    /// and is no format; another format beside no null stays as written.
    @Test func formatNullableAllowsNull() throws {
        for version in ["3.0.0", "3.1.0"] {
            let result = load(
                """
                openapi: \(version)
                info: {title: T, version: '1'}
                paths: {}
                components:
                  schemas:
                    Warning:
                      type: object
                      properties:
                        windSpeed: {type: string, format: nullable}
                        gustSpeed: {type: string, nullable: false, format: nullable}
                        gust: {type: string, format: int32}
                """)
            let properties = try componentProperties(result, of: "Warning")
            #expect(properties["windSpeed"]?.types == [.string, .null], "\(version)")
            #expect(properties["windSpeed"]?.format == nil)
            // Whatever `nullable` says, before or after it.
            #expect(properties["gustSpeed"]?.types == [.string, .null], "\(version)")
            #expect(properties["gust"]?.types == .string && properties["gust"]?.format == "int32")
            let said = version == "3.0.0" ? "nullable: true" : "type: [<type>, \"null\"]"
            let formatNullable =
                "warning: 'format: nullable' names no format; a value that may be null says so with \(said); Lathe "
                + "reads it as allowing null [format-nullable]"
            #expect(
                result.diagnostics.all.map(\.asGenerationFinding.description)
                    == [
                        "spec.yaml:9:43: " + formatNullable,
                        version == "3.0.0"
                            ? nil
                            : "spec.yaml:10:35: warning: 'nullable' is not part of OpenAPI 3.1; write type: [<type>, "
                                + "\"null\"] instead (Lathe honours it here) [version-feature]",
                        "spec.yaml:10:60: " + formatNullable,
                    ].compactMap { $0 })
        }
    }

    /// A schema that is only `ref: <pointer>` is that reference; one with a type beside it, or a
    /// URL, is an annotation (3.1) left as it is.
    @Test func refAloneIsTheReferenceItMisspells() throws {
        let result = load(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Shelf:
                  type: object
                  properties:
                    books: {type: array, items: {ref: '#/components/schemas/Book', description: a book}}
                    typed: {ref: '#/components/schemas/Book', type: string}
                    link: {ref: 'https://example.com/spec.json#/Book'}
                Book: {type: string}
            """)
        let properties = try componentProperties(result, of: "Shelf")
        let book = try #require(properties["books"]?.items?.value)
        #expect(book.ref != nil && book.isPureReference)
        #expect(properties["typed"]?.ref == nil && properties["typed"]?.types == .string)
        #expect(properties["link"]?.ref == nil)
    }

    /// A string format written as the type (INSEE's `type: date`, Swagger 2.0's `file`) is a string
    /// of that format; a `format` beside it stays, and a component of that name is still the reference it names.
    @Test func aFormatWrittenAsTheTypeIsAStringOfIt() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Stamp:
                  type: object
                  properties:
                    day: {type: date, example: '1950-01-01'}
                    at: {type: DateTime}
                    id: {type: uuid, format: ulid}
                    other: {type: dat}
                    maybe: {type: [date, 'null']}
                    upload: {type: file, format: file}
            """)
        let properties = try componentProperties(result, of: "Stamp")
        #expect(properties["day"]?.types == .string && properties["day"]?.format == "date")
        #expect(properties["at"]?.types == .string && properties["at"]?.format == "date-time")
        #expect(properties["id"]?.types == .string && properties["id"]?.format == "ulid")
        #expect(properties["other"]?.types == nil && properties["other"]?.format == nil)
        #expect(properties["maybe"]?.types == [.string, .null] && properties["maybe"]?.format == "date")
        // Swagger 2.0's file, as OpenAPI 3 reads it; its format only repeated the type.
        #expect(properties["upload"]?.types == .string && properties["upload"]?.format == "binary")
    }

    /// A property's schema written beside an object's keywords instead of under `properties` (Codat's
    /// `{type: object, companyName: {type: string}}`, Meilisearch's facet stats) is that property.
    /// Not beside `properties` (a component indented too deep), nor a key whose `type` is no JSON
    /// type (ajv-errors' messages), nor a misspelt keyword.
    @Test func aPropertyWrittenBesideTheKeywordsIsAProperty() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Data:
                  type: object
                  title: Data
                  companyName: {type: string, nullable: true}
                  source: {$ref: '#/components/schemas/Nested'}
                  errorMessage: {type: must be an object}
                  propertise: {a: {type: string}}
                  extends: {$ref: '#/components/schemas/Nested'}
                  messages: {properties: {name: must be a string}}
                Nested:
                  type: object
                  properties:
                    id: {type: string}
                    page: {type: integer, min: 1, max: 9, optional: true}
                  RoleEnum: {type: string, enum: [a, b]}
            """)
        #expect(try componentProperties(result, of: "Data").keys.sorted() == ["companyName", "source"])
        #expect(try componentProperties(result, of: "Nested").keys.sorted() == ["id", "page"])
        #expect(
            result.diagnostics.all.map(\.asGenerationFinding.description) == [
                "spec.yaml:11:7: warning: unknown schema keyword 'errorMessage'; it is ignored [unknown-keyword]",
                "spec.yaml:12:7: warning: unknown schema keyword 'propertise'; it is ignored (did you mean "
                    + "'properties'?) [unknown-keyword]",
                "spec.yaml:13:7: warning: unknown schema keyword 'extends'; it is ignored [unknown-keyword]",
                "spec.yaml:14:7: warning: unknown schema keyword 'messages'; it is ignored [unknown-keyword]",
                // Read after the object's own keywords.
                "spec.yaml:9:7: warning: 'companyName' is no schema keyword, and holds a schema beside this object's "
                    + "keywords; a property is written under 'properties'; Lathe reads it as a property of this "
                    + "object [property-outside-properties]",
                "spec.yaml:10:7: warning: 'source' is no schema keyword, and holds a schema beside this object's "
                    + "keywords; a property is written under 'properties'; Lathe reads it as a property of this "
                    + "object [property-outside-properties]",
                "spec.yaml:19:31: warning: unknown schema keyword 'min'; it is ignored (did you mean 'minimum'?) "
                    + "[unknown-keyword]",
                "spec.yaml:19:39: warning: unknown schema keyword 'max'; it is ignored (did you mean 'maximum'?) "
                    + "[unknown-keyword]",
                "spec.yaml:19:47: warning: unknown schema keyword 'optional'; it is ignored (a property is optional "
                    + "when its object's 'required' leaves it out) [unknown-keyword]",
                "spec.yaml:20:7: warning: unknown schema keyword 'RoleEnum'; it is ignored [unknown-keyword]",
            ])
    }

    /// A plain YAML key ending in a quote it never opened (tado's `isBalanceAcEligible":`) is the
    /// name without it; a quoted key's quote, or one beside the name without it, is the name.
    @Test func aPropertyNameEndingInAStrayQuoteIsTheNameWithoutIt() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Home:
                  type: object
                  required: ['isEligible"', twice]
                  properties:
                    isEligible": {type: boolean}
                    'inches"': {type: number}
                    both': {type: string}
                    both: {type: string}
                    twice": {type: string}
                    twice': {type: string}
            """)
        #expect(
            try componentProperties(result, of: "Home").keys.sorted() == [
                "both", "both'", "inches\"", "isEligible", "twice", "twice'",
            ])
        // `required` may name it either way.
        let document = try #require(result.document)
        let home = try #require(document.components.schemas.first { $0.name == "Home" }).key
        #expect(try #require(document.store.schemas[home]).required == ["isEligible", "twice"])
        #expect(
            result.diagnostics.all.map(\.asGenerationFinding.description) == [
                "spec.yaml:10:9: warning: property name 'isEligible\"' ends with a quote that opens nothing (a slip "
                    + "of YAML quoting); Lathe reads it as 'isEligible' [property-name-quote]",
                // The second that would be `twice` keeps its quote: no two properties share a key.
                "spec.yaml:14:9: warning: property name 'twice\"' ends with a quote that opens nothing (a slip "
                    + "of YAML quoting); Lathe reads it as 'twice' [property-name-quote]",
            ])
    }

    /// An operation's `body` (no OpenAPI field) where there is no `requestBody`: a schema is an
    /// application/json body of it (SignalK's provider POST), a Request Body object that body; any
    /// other `body`, or one beside a `requestBody`, is an unknown field.
    @Test func anOperationsBodyFieldIsItsRequestBody() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a:
                post:
                  body: {type: object, required: [id], properties: {id: {type: string}}}
                  responses: {'204': {description: done}}
                put:
                  body: {content: {text/plain: {schema: {type: string}}}}
                  responses: {'204': {description: done}}
                patch:
                  body: just text
                  responses: {'204': {description: done}}
                delete:
                  body: {type: string}
                  requestBody: {content: {application/json: {schema: {type: integer}}}}
                  responses: {'204': {description: done}}
                options:
                  parameters: [{in: body, name: b, schema: {type: integer}}]
                  body: {type: string}
                  responses: {'204': {description: done}}
            """)
        let operations = try #require(result.document?.paths.first?.item.operations)
        func body(_ method: String) throws -> RequestBody? {
            let operation = try #require(operations.first { $0.method.token == method })
            guard case .value(let body)? = operation.requestBody else { return nil }
            return body
        }
        #expect(try body("POST")?.content.map(\.contentType) == ["application/json"])
        #expect(try body("POST")?.content.first?.schema?.properties.map(\.name) == ["id"])
        #expect(try body("PUT")?.content.map(\.contentType) == ["text/plain"])
        #expect(try body("PATCH") == nil)
        #expect(try body("DELETE")?.content.first?.schema?.types == .integer)
        // Beside a Swagger 2.0 body parameter, which is the body.
        #expect(try body("OPTIONS")?.content.first?.schema?.types == .integer)
        #expect(
            result.diagnostics.all.map(\.kind).filter { $0 != "swagger2-leftover" } == [
                "body-field", "body-field", "unknown-field", "unknown-field", "parameter-location-invalid",
                "unknown-field",
            ],
            "\(result.diagnostics.all.map(\.description))")
    }

    /// A property's schema written as a list of one schema (Wellcome's `aggregations: [- $ref: …]`,
    /// a YAML `- ` too many) is that schema; a longer list, or one of something else, is not.
    @Test func aSchemaInAListOfOneIsThatSchema() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Aggregations: {type: object}
                Page:
                  type: object
                  properties:
                    aggregations:
                      - $ref: '#/components/schemas/Aggregations'
                    two: [{type: string}, {type: integer}]
                    word: [text]
            """)
        let properties = try componentProperties(result, of: "Page")
        #expect(properties["aggregations"]?.ref?.targetName == "Aggregations")
        #expect(properties["two"]?.ref == nil && properties["two"]?.types == nil)
        #expect(
            result.diagnostics.all.map(\.kind) == ["schema-in-list", "wrong-type", "wrong-type"],
            "\(result.diagnostics.all.map(\.description))")
    }

    /// A pointer into `components` whose section is misspelt by a letter case or a final `s`
    /// (Meilisearch's `#/components/schema/summarizedTask`) is read as that section's; a section
    /// no closer than that, or a name the section lacks, stays unresolved.
    @Test func aMisspeltComponentsSectionIsTheSectionItNames() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              requestBodies:
                Upload: {content: {application/json: {schema: {type: string}}}}
              schemas:
                Task: {type: object, properties: {id: {type: integer}}}
                Page:
                  type: object
                  properties:
                    task: {$ref: '#/components/schema/Task'}
                    other: {$ref: '#/components/Schemas/Task'}
                    far: {$ref: '#/components/schemata/Task'}
                    missing: {$ref: '#/components/schema/Nothing'}
            """)
        let properties = try componentProperties(result, of: "Page")
        let task = try #require(result.document?.components.schemas.first { $0.name == "Task" }).key
        #expect(properties["task"]?.ref?.targetKey == task && properties["other"]?.ref?.targetKey == task)
        #expect(properties["far"]?.ref?.targetKey == nil && properties["missing"]?.ref?.targetKey == nil)
        #expect(
            result.diagnostics.all.filter { $0.kind == "ref-unresolved" }.map(\.asGenerationFinding.description) == [
                "spec.yaml:12:22: warning: '#/components/schema/Task' points at nothing: '/components' has no "
                    + "'schema' (did you mean 'schemas'?); Lathe reads it as '#/components/schemas/Task' "
                    + "[ref-unresolved]",
                "spec.yaml:13:23: warning: '#/components/Schemas/Task' points at nothing: '/components' has no "
                    + "'Schemas' (did you mean 'schemas'?); Lathe reads it as '#/components/schemas/Task' "
                    + "[ref-unresolved]",
                "spec.yaml:14:21: warning: '#/components/schemata/Task' points at nothing: '/components' has no "
                    + "'schemata' (did you mean 'schemas'?); Lathe generates the value as any JSON value (JSONValue) "
                    + "[ref-unresolved]",
                "spec.yaml:15:25: warning: '#/components/schema/Nothing' points at nothing: '/components' has no "
                    + "'schema' (did you mean 'schemas'?); Lathe generates the value as any JSON value (JSONValue) "
                    + "[ref-unresolved]",
            ])
    }

    /// Tibber Homevolt's `ECUParameter:` beside `schemas:` in `components`: a schema indented one
    /// level short, which a `$ref` to `#/components/schemas/ECUParameter` reads. A name `schemas`
    /// has, an extension, and an entry that is no schema are left as they were.
    @Test func aSchemaBesideTheComponentsSectionsIsReadWhereReferencesPoint() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Params:
                  type: object
                  properties:
                    ecu: {$ref: '#/components/schemas/ECUParameter'}
                    deep: {$ref: '#/components/schemas/ECUParameter/properties/limit'}
                    twice: {$ref: '#/components/schemas/Twice'}
                    notes: {$ref: '#/components/schemas/Notes'}
                Twice: {type: string}
              ECUParameter:
                type: object
                properties:
                  limit: {type: integer}
              Twice: {type: integer}
              Notes: {description: no schema keyword}
              x-internal: {type: string}
            """)
        let properties = try componentProperties(result, of: "Params")
        let twice = try #require(result.document?.components.schemas.first { $0.name == "Twice" }).key
        #expect(properties["ecu"]?.ref?.targetKey?.hasSuffix("/components/ECUParameter") == true)
        #expect(properties["deep"]?.ref?.targetKey?.hasSuffix("/components/ECUParameter/properties/limit") == true)
        #expect(properties["twice"]?.ref?.targetKey == twice && properties["notes"]?.ref?.targetKey == nil)
        #expect(
            result.diagnostics.all.map(\.asGenerationFinding.description) == [
                "spec.yaml:14:3: warning: 'ECUParameter' stands in components beside its sections, and is a schema: "
                    + "indented one level short of 'schemas'; Lathe reads it where a $ref to "
                    + "'#/components/schemas/ECUParameter' points, and generates nothing for it otherwise "
                    + "[component-outside-section]",
                "spec.yaml:18:3: warning: unknown field 'Twice' in components; it is ignored "
                    + "(components has: schemas, responses, parameters, examples, requestBodies, headers, "
                    + "securitySchemes, links, callbacks, pathItems) [unknown-field]",
                "spec.yaml:19:3: warning: unknown field 'Notes' in components; it is ignored "
                    + "(components has: schemas, responses, parameters, examples, requestBodies, headers, "
                    + "securitySchemes, links, callbacks, pathItems) [unknown-field]",
                "spec.yaml:9:21: warning: '#/components/schemas/ECUParameter' points at nothing: "
                    + "'/components/schemas' has no 'ECUParameter'; Lathe reads it as '#/components/ECUParameter', "
                    + "a schema indented one level short [ref-unresolved]",
                "spec.yaml:10:22: warning: '#/components/schemas/ECUParameter/properties/limit' points at nothing: "
                    + "'/components/schemas' has no 'ECUParameter'; Lathe reads it as "
                    + "'#/components/ECUParameter/properties/limit', a schema indented one level short [ref-unresolved]",
                "spec.yaml:12:23: warning: '#/components/schemas/Notes' points at nothing: '/components/schemas' "
                    + "has no 'Notes'; Lathe generates the value as any JSON value (JSONValue) [ref-unresolved]",
            ])
    }

    /// web-lgsm's `securitySchemes:` at the document's root, where `components` has none, holds the
    /// schemes its requirements name; beside `components/securitySchemes` it is left unread.
    @Test func securitySchemesAtTheRootAreTheComponentsOnes() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            security: [cookieAuth: []]
            securitySchemes:
              cookieAuth: {type: apiKey, in: cookie, name: session}
            """
        let result = load(spec)
        let scheme = try #require(result.document?.components.securitySchemes.first)
        #expect(scheme.name == "cookieAuth")
        guard case .value(let read) = result.document?.store.securitySchemes[scheme.key],
            case .apiKey(let name, .cookie) = read.kind
        else { throw Unexpected() }
        #expect(name == "session")
        #expect(
            result.diagnostics.all.map(\.asGenerationFinding.description) == [
                "spec.yaml:5:1: warning: 'securitySchemes' stands at the document's root; it belongs under "
                    + "'components'; Lathe reads it as components/securitySchemes [section-outside-components]"
            ])
        let both = load(spec + "\ncomponents: {securitySchemes: {cookieAuth: {type: http, scheme: basic}}}")
        #expect(both.diagnostics.all.map(\.kind) == ["unknown-field"])
        guard case .value(let basic) = both.document?.store.securitySchemes.values.first, case .http = basic.kind
        else { throw Unexpected() }
    }

    /// One parameter where a list belongs is a list of it; a `$ref` to a list is that list.
    @Test func oneParameterIsAListOfIt() throws {
        let result = load(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /pets/{id}:
                parameters: {$ref: '#/components/parameters/Id'}
                get:
                  parameters: {name: q, in: query, schema: {type: string}}
                  responses: {'200': {description: ok}}
              /shelves:
                get:
                  parameters: {$ref: '#/components/x-lists/paging'}
                  responses: {'200': {description: ok}}
            components:
              parameters:
                Id: {name: id, in: path, required: true, schema: {type: integer}}
              x-lists:
                paging: [{name: page, in: query, schema: {type: integer}}]
            """)
        let document = try #require(result.document)
        let pets = try #require(document.paths.first?.item)
        #expect(pets.parameters.count == 1 && pets.parameters.first?.reference != nil)
        let names = { (operation: Operation) in
            operation.parameters.compactMap { parameter -> String? in
                if case .value(let value) = parameter { value.name } else { nil }
            }
        }
        #expect(try names(#require(pets.operations.first)) == ["q"])
        #expect(try names(#require(document.paths.last?.item.operations.first)) == ["page"])
    }

    struct Unexpected: Error {}
}

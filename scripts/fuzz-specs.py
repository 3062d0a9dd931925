#!/usr/bin/env python3
"""A generating fuzzer: random valid OpenAPI documents, generated with lathe and typechecked.

Each document is built from a seed, so a failure is reproducible from its number. With `--select`,
each is generated a second time with some of its operations selected (`--operation`). Documents whose
output does not compile (or that crash or hang lathe) are written to Fuzz/Specs/, where
LatheGeneratorTests' FuzzSpecCompileTests compiles them from then on.

    scripts/fuzz-specs.py --count 200 [--seed 1] [--select] [--order] [--lathe .build/debug/lathe]
    scripts/fuzz-specs.py --count 500 --order --write DIR   (then: LATHE_ORDER_SPECS=DIR swift test
                                                             --filter OrderIndependenceTests)

Needs the main package built (`swift build`): it typechecks against .build/debug/Modules.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

NAMES = ["id", "type", "self", "init", "Type", "default", "class", "protocol", "_", "__", "1st", "a-b",
         "a b", "a.b", "A", "a", "é", "日本", "operation", "Client", "Operations", "Error", "Swift",
         "String", "Int", "Data", "Date", "JSONValue", "value", "values", "description", "hashValue",
         "encode", "decode", "validate", "CodingKeys", "Response", "Output", "Input", "body", "headers",
         "query", "path", "cookie", "transport", "user_id", "userId", "UserID", "USER_ID", "x", "X",
         "$special", "@type", "+1", "-1", "true", "nil", "Self", "case", "enum", "struct", "in", "is",
         "where", "async", "await", "throws", "some", "any", "Protocol", "rawValue", "allCases",
         "undocumented", "additionalProperties", "unknown", "none", "null", "`", "\\", "\"q\"", "*/"]
SCHEMA_NAMES = ["String", "Int", "Date", "Data", "Client", "Operations", "Error", "Result", "Optional",
                "Array", "Dictionary", "Set", "Never", "Any", "Self", "Type", "Components", "Servers",
                "APIProtocol", "URL", "UUID", "Decimal", "JSONValue", "Nullable", "ValidationError",
                "HTTPBody", "HTTPRequest", "Sendable", "Hashable", "Codable", "Foo", "Foo_", "foo", "FOO",
                "1Foo", "Foo-Bar", "Foo.Bar", "Pet", "pet", "Pet_1", "Pet1", "Authentication", "Server",
                "Input", "Output", "Body", "Headers", "Query", "Path", "Cookie", "Ok", "Created",
                "Problem", "Bool", "Double", "Float", "Int64", "Character", "Encoder", "Decoder"]
ENUM_VALUES = ["a", "A", "a-b", "a_b", "aB", "", " ", "1", "-1", "true", "null", "case", "self", "é",
               "x y", "X_Y", "x.y", "Xy", "_", "__", "$", "none", "unknown", "undocumented", "rawValue"]
FORMATS = {"string": [None, "date", "date-time", "uuid", "uri", "email", "byte", "binary", "password"],
           "integer": [None, "int32", "int64"], "number": [None, "float", "double"]}
# Formats beside those above, for `--constraints`, some of them of another type than the schema's.
MORE_FORMATS = {"string": ["decimal", "date", "date-time", "uuid", "uri", "byte", "binary", "int64", "duration"],
                "integer": ["int32", "int64", "uint32", "int8", "decimal"],
                "number": ["float", "double", "decimal", "int32"]}
CONSTRAINTS = [("minimum", 0.01), ("maximum", 1000), ("exclusiveMinimum", 0), ("exclusiveMaximum", 5),
               ("multipleOf", 0.5), ("minLength", 1), ("maxLength", 12), ("pattern", "^[0-9a-z.:-]+$"),
               ("minimum", -3), ("maximum", 9007199254740993)]
MEDIA = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data", "text/plain",
         "application/octet-stream", "application/problem+json", "application/vnd.api+json", "*/*",
         "text/html", "application/xml"]


class Spec:
    def __init__(self, rng, version, shared_rng=None, order_rng=None, servers_rng=None, values_rng=None,
                 aliases_rng=None, constraints_rng=None, v32_rng=None, segments_rng=None):
        self.rng = rng
        # Draws for the shared responses and parameters (`--select`), apart: a seed's document
        # without them stays what it was before they were added.
        self.shared_rng = shared_rng
        # Draws for the components declared before what they refer to (`--order`), apart likewise.
        self.order_rng = order_rng
        # Draws for servers with variables (`--servers`), apart likewise.
        self.servers_rng = servers_rng
        # Draws for enums no Swift enum lists and `const` objects (`--values`), apart likewise.
        self.values_rng = values_rng
        # Draws for strings, files and any values behind a `$ref` (`--aliases`), apart likewise.
        self.aliases_rng = aliases_rng
        # Draws for constraints on values of every type and format (`--constraints`), apart likewise.
        self.constraints_rng = constraints_rng
        # Draws for OpenAPI 3.2's querystring, cookie style and defaultMapping (`--v32`), apart
        # likewise; the document is then 3.2, which reads as 3.1 does.
        self.v32_rng = v32_rng
        # Draws for path segments that hold text beside their names (`{id}.json`, `{id}:cancel`),
        # paths whose routes coincide, and path parameters the template does not name
        # (`--segments`), apart likewise.
        self.segments_rng = segments_rng
        self.v31 = version.startswith("3.1") or v32_rng is not None
        self.schemas = {}
        self.depth = 0

    def name(self, pool):
        return self.rng.choice(pool)

    def nullable(self, schema):
        if self.rng.random() < 0.15:
            if self.v31:
                if "type" in schema and isinstance(schema["type"], str):
                    schema["type"] = [schema["type"], "null"]
                else:
                    return {"anyOf": [schema, {"type": "null"}]}
            else:
                schema["nullable"] = True
        return schema

    def primitive(self):
        if self.values_rng and self.values_rng.random() < 0.25:
            return self.listed_values()
        r = self.rng
        kind = r.choice(["string", "string", "integer", "number", "boolean"])
        schema = {"type": kind}
        fmt = r.choice(FORMATS.get(kind, [None]))
        if fmt:
            schema["format"] = fmt
        if kind == "string" and fmt is None and r.random() < 0.3:
            values = list(dict.fromkeys(r.sample(ENUM_VALUES, r.randint(1, 5))))
            schema["enum"] = values
            if r.random() < 0.3:
                schema["default"] = values[0]
        elif kind == "integer" and r.random() < 0.2:
            schema["enum"] = sorted(set(r.randint(-3, 5) for _ in range(3)))
        if kind == "string" and fmt is None and "enum" not in schema and r.random() < 0.2:
            schema.update(r.choice([{"minLength": 1}, {"maxLength": 5}, {"pattern": "^[a-z]+$"}]))
        if kind in ("integer", "number") and "enum" not in schema and r.random() < 0.2:
            schema.update(r.choice([{"minimum": 0}, {"maximum": 10, "minimum": 1}, {"multipleOf": 2}]))
            if kind == "integer" and r.random() < 0.5:
                schema["default"] = 2
        if kind == "boolean" and r.random() < 0.2:
            schema["default"] = r.random() < 0.5
        if r.random() < 0.1 and self.v31 and "enum" not in schema:
            schema = {"const": r.choice(["fixed", 3, True])}
        if r.random() < 0.08 and self.v31:
            schema = {"type": r.sample(["string", "integer", "number", "boolean", "null"], r.randint(2, 3))}
        if self.constraints_rng and self.constraints_rng.random() < 0.4:
            schema = self.constrained(schema)
        return self.nullable(schema)

    def constrained(self, schema):
        """Any constraint keyword on any type and format (`--constraints`): specs put bounds on
        decimal text and lengths on numbers, and each must either be checked or left out."""
        r = self.constraints_rng
        if "type" in schema and r.random() < 0.5:
            kind = schema["type"] if isinstance(schema["type"], str) else "string"
            schema["format"] = r.choice(MORE_FORMATS.get(kind, ["decimal"]))
        for keyword, value in r.sample(CONSTRAINTS, r.randint(1, 4)):
            schema[keyword] = value
        return schema

    def ref(self):
        if self.schemas and self.rng.random() < 0.8:
            return {"$ref": "#/components/schemas/" + self.rng.choice(list(self.schemas)).replace("~", "~0").replace("/", "~1")}
        return self.primitive()

    def schema(self):
        r = self.rng
        self.depth += 1
        try:
            if self.depth > 3:
                return r.choice([self.primitive, self.ref])()
            choice = r.random()
            if choice < 0.25:
                return self.primitive()
            if choice < 0.4:
                return self.ref()
            if choice < 0.6:
                return self.object()
            if choice < 0.7:
                items = self.schema()
                schema = {"type": "array", "items": items}
                if r.random() < 0.2:
                    schema["uniqueItems"] = True
                if r.random() < 0.2:
                    schema["minItems"] = 1
                return self.nullable(schema)
            if choice < 0.78:
                return {"type": "object", "additionalProperties": self.schema()}
            if choice < 0.86:
                return {"allOf": [self.ref() if r.random() < 0.6 else self.object() for _ in range(r.randint(1, 3))]}
            if choice < 0.94:
                key = r.choice(["oneOf", "anyOf"])
                members = [self.schema() for _ in range(r.randint(1, 4))]
                return {key: members}
            return self.discriminated()
        finally:
            self.depth -= 1

    def object(self):
        r = self.rng
        props = {}
        for _ in range(r.randint(0, 6)):
            props[self.name(NAMES)] = self.schema()
        schema = {"type": "object", "properties": props}
        if props and r.random() < 0.6:
            schema["required"] = r.sample(list(props), r.randint(1, len(props)))
        if r.random() < 0.2:
            schema["additionalProperties"] = r.choice([False, True, {"type": "string"}])
        if self.constraints_rng and self.constraints_rng.random() < 0.25:
            # A key `required` lists that no property declares (or declares in another case).
            extra = self.constraints_rng.choice(NAMES + [name.upper() for name in props])
            schema["required"] = list(dict.fromkeys(schema.get("required", []) + [extra]))
        for name in props:
            if r.random() < 0.1:
                props[name] = dict(props[name], readOnly=True) if "$ref" not in props[name] else props[name]
        if r.random() < 0.2:
            schema["description"] = r.choice(["*/ /* \"\"\" #if x", "line\nbreak", "tab\there", "\u202eevil"])
        if r.random() < 0.1 and props:
            name = r.choice(list(props))
            props[name] = dict(props[name], writeOnly=True) if "$ref" not in props[name] else props[name]
        if r.random() < 0.1 and self.schemas:
            # Recursion through a component: a property, a list or a map of one.
            target = {"$ref": "#/components/schemas/" + r.choice(list(self.schemas))}
            props[self.name(NAMES) + "Next"] = r.choice([target, {"type": "array", "items": target}, {"type": "object", "additionalProperties": target}])
        if r.random() < 0.05:
            schema["default"] = {}
        if self.aliases_rng and self.aliases_rng.random() < 0.2:
            self.aliased_properties(schema, ["AliasAny", "AliasToken", "AliasSecret", "AliasText"])
        return self.nullable(schema)

    # Components a `$ref` reaches where an inline schema would do (`--aliases`): what the reference
    # names must be read as the schema itself would be (a file part, text, a value that may be null).
    ALIASES = {
        "AliasText": {"type": "string", "maxLength": 40},
        "AliasFile": {"type": "string", "format": "binary"},
        "AliasFiles": {"type": "array", "maxItems": 3, "items": {"$ref": "#/components/schemas/AliasFile"}},
        "AliasAny": {"description": "Any value."},
        "AliasToken": {"type": "string", "readOnly": True},
        "AliasSecret": {"type": "string", "writeOnly": True},
        "AliasTags": {"type": "array", "minItems": 1, "items": {"type": "string"}},
    }

    def alias(self, name):
        self.schemas[name] = self.ALIASES[name]
        if name == "AliasFiles":
            self.schemas["AliasFile"] = self.ALIASES["AliasFile"]
        return {"$ref": "#/components/schemas/" + name}

    def aliased_properties(self, schema, names):
        """Adds properties that are references to aliases, some required, some with a default."""
        r = self.aliases_rng
        props = schema.setdefault("properties", {})
        for name in r.sample(names, r.randint(1, min(3, len(names)))):
            prop = self.alias(name)
            if name == "AliasAny" and r.random() < 0.4:
                prop = dict(prop, default=r.choice([3, "x", None, [1]]))
            key = "a" + name[5:]
            props[key] = prop
            if r.random() < 0.5:
                schema["required"] = list(dict.fromkeys(schema.get("required", []) + [key]))

    def discriminated(self):
        r = self.rng
        objects = [n for n, s in self.schemas.items() if s.get("type") == "object"]
        if len(objects) < 2:
            return self.object()
        members = r.sample(objects, min(len(objects), r.randint(2, 3)))
        tag = self.name(NAMES)
        for m in members:
            self.schemas[m].setdefault("properties", {})[tag] = {"type": "string"}
            self.schemas[m].setdefault("required", [])
            if tag not in self.schemas[m]["required"]:
                self.schemas[m]["required"].append(tag)
        schema = {"oneOf": [{"$ref": "#/components/schemas/" + m} for m in members],
                  "discriminator": {"propertyName": tag}}
        if r.random() < 0.5:
            schema["discriminator"]["mapping"] = {self.name(ENUM_VALUES) + str(i): "#/components/schemas/" + m for i, m in enumerate(members)}
        if self.v32_rng and self.v32_rng.random() < 0.5:
            # Mostly one of the alternatives; sometimes another schema, which is warned about.
            default = self.v32_rng.choice(members if self.v32_rng.random() < 0.8 else objects)
            schema["discriminator"]["defaultMapping"] = default if self.v32_rng.random() < 0.5 else "#/components/schemas/" + default
        return schema

    def parameter(self, location, name):
        r = self.rng
        schema = self.primitive() if r.random() < 0.7 else {"type": "array", "items": self.primitive()}
        if location == "query" and r.random() < 0.15:
            schema = self.object()
            param = {"name": name, "in": location, "schema": schema, "style": r.choice(["form", "deepObject"])}
        else:
            param = {"name": name, "in": location, "schema": schema}
        if location == "path":
            param["required"] = True
        elif r.random() < 0.4:
            param["required"] = True
        if location == "query" and r.random() < 0.2:
            param["explode"] = r.random() < 0.5
        if location == "cookie" and self.v32_rng and self.v32_rng.random() < 0.5:
            param["style"] = "cookie"
        return param

    def querystring(self, name):
        """3.2's whole-query parameter: a form, text or JSON, of a type that fits the media or not."""
        v = self.v32_rng
        media = v.choice(["application/x-www-form-urlencoded", "text/plain", "application/json"])
        schema = v.choice([self.object(), {"type": "string"}, self.primitive(), {"type": "array", "items": self.primitive()}])
        param = {"name": name, "in": "querystring", "content": {media: {"schema": schema}}}
        if v.random() < 0.1:
            param = {"name": name, "in": "querystring", "schema": schema}
        if v.random() < 0.4:
            param["required"] = True
        return param

    def content(self):
        r = self.rng
        content = {}
        for media in r.sample(MEDIA, r.randint(1, 2)):
            if media in ("application/octet-stream", "*/*"):
                content[media] = {"schema": {"type": "string", "format": "binary"}} if r.random() < 0.7 else {}
            elif media in ("application/x-www-form-urlencoded", "multipart/form-data"):
                schema = self.object()
                if self.aliases_rng and media == "multipart/form-data" and self.aliases_rng.random() < 0.6:
                    self.aliased_properties(schema, ["AliasText", "AliasFile", "AliasFiles", "AliasTags"])
                content[media] = {"schema": schema}
            elif media in ("text/plain", "text/html", "application/xml"):
                aliased = self.aliases_rng and self.aliases_rng.random() < 0.5
                content[media] = {"schema": self.alias("AliasText") if aliased else {"type": "string"}}
            else:
                content[media] = {"schema": self.schema()}
        return content

    def operation(self, path_params, ids):
        r = self.rng
        op = {"operationId": self.unique(r.choice(NAMES + SCHEMA_NAMES), ids)}
        params = [self.parameter("path", p) for p in path_params]
        used = set(path_params)
        for _ in range(r.randint(0, 4)):
            location = r.choice(["query", "header", "cookie"])
            name = self.name(NAMES)
            if (name, location) in used or name in used:
                continue
            used.add(name)
            params.append(self.parameter(location, name))
        if self.v32_rng and self.v32_rng.random() < 0.3:
            # Beside query parameters it is left out with a warning; that is generated too.
            params.append(self.querystring(self.name(NAMES) + "Query"))
        if params:
            op["parameters"] = params
        if r.random() < 0.4:
            op["requestBody"] = {"content": self.content(), "required": r.random() < 0.5}
        responses = {}
        for status in r.sample(["200", "201", "204", "400", "404", "4XX", "5XX", "default", "302"], r.randint(1, 4)):
            response = {"description": "r"}
            if status not in ("204", "302") and r.random() < 0.8:
                response["content"] = self.content()
            if r.random() < 0.2:
                header = self.primitive() if r.random() < 0.7 else {"type": "array", "items": self.primitive()}
                response["headers"] = {self.name(NAMES): {"schema": header, "required": r.random() < 0.5}}
            responses[status] = response
        op["responses"] = responses
        if r.random() < 0.3:
            op["security"] = [{r.choice(["key", "basic", "bearer", "oauth"]): []}]
        if r.random() < 0.1:
            op["deprecated"] = True
        return op

    def unique(self, name, taken):
        candidate, n = name, 1
        while candidate in taken:
            n += 1
            candidate = f"{name}{n}"
        taken.add(candidate)
        return candidate

    def document(self):
        r = self.rng
        for _ in range(r.randint(1, 12)):
            name = self.name(SCHEMA_NAMES)
            if name in self.schemas:
                continue
            self.schemas[name] = {"type": "string"}  # placeholder so refs and recursion can reach it
            self.schemas[name] = self.schema() if r.random() < 0.5 else self.object()
        if self.order_rng:
            self.referring_forward()
        paths, ids = {}, set()
        for i in range(r.randint(1, 6)):
            params = [self.name(["id", "userId", "a-b", "type", "self", "x"]) for _ in range(r.randint(0, 2))]
            params = list(dict.fromkeys(params))
            template = f"/r{i}" + "".join("/{" + p + "}" for p in params)
            item = {}
            for method in r.sample(["get", "post", "put", "delete", "patch"], r.randint(1, 2)):
                item[method] = self.operation(params, ids)
            paths[template] = item
            s = self.segments_rng
            if s and params:
                # Variants of the last segment that a server tells apart by their text, and a
                # parameter the template does not name (sent in the query, or ignored).
                for text in s.sample(["{%s}.json", "{%s}:cancel", "{%s}:start", "x{%s}", "{%s}.{ext}", "{%s}{more}"],
                                     s.randint(1, 3)):
                    last = text % params[-1]
                    names = params + [n for n in ("ext", "more") if "{" + n + "}" in last]
                    variant = "/".join(template.split("/")[:-1] + [last])
                    item = {}
                    for method in s.sample(["get", "post"], s.randint(1, 2)):
                        item[method] = self.operation(names, ids)
                        if s.random() < 0.3:
                            item[method].setdefault("parameters", []).append(
                                {"name": "stray", "in": "path", "required": True, "schema": {"type": "string"}})
                    paths[variant] = item
        components = self.shared_components(paths) if self.shared_rng else {}
        servers = self.servers() if self.servers_rng else []
        return {
            **({"servers": servers} if servers else {}),
            "openapi": "3.2.0" if self.v32_rng else "3.1.0" if self.v31 else "3.0.3",
            "info": {"title": "fuzz", "version": "1"},
            "paths": paths,
            "components": {
                **components,
                "schemas": self.schemas,
                "securitySchemes": {
                    "key": {"type": "apiKey", "in": r.choice(["header", "query", "cookie"]), "name": "X-Key"},
                    "basic": {"type": "http", "scheme": "basic"},
                    "bearer": {"type": "http", "scheme": "bearer"},
                    "oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://x.test/t", "scopes": {}}}},
                },
            },
        }

    def referring_forward(self):
        """Objects declared before the components they refer to (`--order`): properties of
        enumerations with defaults that are or are not among their values, and `allOf`s of
        alternatives, between objects or between primitives (and `null`). What lowering decides about such a
        property or member must not depend on which the document declares first."""
        r = self.order_rng
        later = {}
        enums = []
        for _ in range(r.randint(1, 3)):
            name = self.unique(r.choice(["Status", "Kind", "Level", "Mode"]), set(self.schemas) | set(later))
            if r.random() < 0.7:
                later[name] = {"type": "string", "enum": list(dict.fromkeys(r.sample(ENUM_VALUES, r.randint(1, 4))))}
            else:
                later[name] = {"type": "integer", "enum": sorted(set(r.randint(-2, 5) for _ in range(3)))}
            enums.append(name)
        unions = []
        for _ in range(r.randint(1, 2)):
            name = self.unique(r.choice(["Maybe", "Shape", "Either"]), set(self.schemas) | set(later))
            key = r.choice(["oneOf", "anyOf"])
            if r.random() < 0.5:
                later[name] = {key: [{"type": r.choice(["string", "integer", "boolean"])}, {"type": "null"}]
                               if self.v31 else [{"type": "string", "nullable": True}, {"type": "integer"}]}
            else:
                later[name] = {key: [{"type": "object", "properties": {p: {"type": "string"}}, "required": [p]}
                                     for p in r.sample(["radius", "side", "id", "type"], 2)]}
            unions.append(name)
        holders = {}
        for _ in range(r.randint(1, 2)):
            name = self.unique(r.choice(["Holder", "Account", "Order"]), set(self.schemas) | set(later) | set(holders))
            properties = {}
            for target in r.sample(enums, r.randint(1, len(enums))):
                values = later[target]["enum"]
                default = r.choice(values) if r.random() < 0.7 else r.choice(["gone", 99])
                ref = {"$ref": "#/components/schemas/" + target}
                prop = r.choice(NAMES) + target
                if r.random() < 0.3:
                    properties[prop] = {"type": "array", "items": ref, "default": [default]}
                elif self.v31:
                    properties[prop] = {**ref, "default": default}
                else:
                    properties[prop] = {"allOf": [ref], "default": default}
            own = {"type": "object", "properties": properties}
            if r.random() < 0.3:
                own["additionalProperties"] = {"type": "integer"}
            if r.random() < 0.6:
                members = [{"$ref": "#/components/schemas/" + u} for u in r.sample(unions, r.randint(1, len(unions)))]
                holders[name] = {"allOf": members + [own]}
            else:
                holders[name] = own
        # The holders first, then what was there, then what the holders refer to.
        self.schemas = {**holders, **self.schemas, **later}

    def listed_values(self):
        """A value no Swift enum lists (`--values`): fractional numbers, values of several kinds,
        a `const` object or array, schemas with `const` written where values belong; or
        alternatives that each fix a value, which are an enum."""
        r = self.values_rng
        choice = r.randrange(8)
        if choice == 0:
            schema = {"type": "number", "enum": sorted(set(r.choice([0.25, 0.5, 1, 1.5, 7, 30]) for _ in range(3)))}
            if r.random() < 0.5:
                schema["format"] = r.choice(["float", "double"])
        elif choice == 1:
            schema = {"enum": r.sample(["auto", 1, 2.5, True, None, "", [1], {"a": 1}], r.randint(2, 4))}
        elif choice == 2:
            schema = {"type": r.choice(["integer", "string"]), "enum": [1, "x", 2]}
        elif choice == 3:
            schema = {"const": r.choice([{"a": 1}, {"b": [True, None]}, [1, 2], "x", 0.5])}
        elif choice == 4:
            schema = {"type": "array", "items": {"type": "integer"}, "const": [1, 2]}
        elif choice == 5:
            schema = {"type": "string", "enum": [{"const": v, "description": "d"} for v in r.sample(ENUM_VALUES, 2)]}
        else:
            # Alternatives that each fix a value, titled (names from the hostile list) and described.
            values = r.sample(ENUM_VALUES, 3) if choice == 6 else r.sample(range(-2, 9), 3)
            members = [{"const": v, "title": r.choice(NAMES), "description": "d"} for v in values]
            if r.random() < 0.3:
                members.append(r.choice([{"const": None}, {"type": "null"}]))
            schema = {r.choice(["oneOf", "anyOf"]): members}
            if r.random() < 0.5:
                schema["x-enum-varnames"] = [r.choice(NAMES) for _ in values]
        return schema

    def servers(self):
        """Servers whose URL templates have variables named like anything else (`--servers`): each
        variable's enum becomes a type nested in `ServerURL`, its name a parameter label."""
        r = self.servers_rng
        servers = []
        for index in range(r.randint(1, 3)):
            names = list(dict.fromkeys(r.choice(NAMES) for _ in range(r.randint(0, 3))))
            names = [n for n in names if all(c not in n for c in "{}/?#")]
            url = "https://" + ".".join("{%s}" % n for n in names) + ("." if names else "") + f"s{index}.test/v1"
            variables = {}
            for name in names:
                variable = {"default": "a"}
                if r.random() < 0.6:
                    variable["enum"] = list(dict.fromkeys(["a"] + r.sample(ENUM_VALUES, r.randint(0, 3))))
                variables[name] = variable
            if r.random() < 0.3:
                url = r.choice(["/", "../"]) + "/".join(["{%s}" % n for n in names] + ["v1"])
            server = {"url": url}
            if variables:
                server["variables"] = variables
            if r.random() < 0.5:
                server["description"] = r.choice(NAMES)
            servers.append(server)
        return servers

    def shared_components(self, paths):
        """Shared responses (some with a header) and a shared parameter, some operations referring
        to them and some not: what a selection of operations must leave out or keep."""
        main, self.rng = self.rng, self.shared_rng
        r = self.rng
        components = {}
        if r.random() < 0.5:
            responses = {}
            for _ in range(r.randint(1, 3)):
                response = {"description": "shared", "content": self.content()}
                if r.random() < 0.4:
                    response["headers"] = {self.name(NAMES): {"schema": self.primitive()}}
                responses[self.unique(r.choice(["Error", "Problem", "Limited", "NotFound"]), set(responses))] = response
            components["responses"] = responses
            for item in paths.values():
                for op in item.values():
                    if r.random() < 0.5:
                        op["responses"][r.choice(["400", "429", "default"])] = {
                            "$ref": "#/components/responses/" + r.choice(list(responses))}
        if r.random() < 0.3:
            # A name no operation's own parameter has (NAMES has no dash-and-underscore name).
            components["parameters"] = {"Shared": self.parameter("query", "shared-filter_")}
            for item in paths.values():
                for op in item.values():
                    if r.random() < 0.5:
                        op.setdefault("parameters", []).append({"$ref": "#/components/parameters/Shared"})
        self.rng = main
        return components


def document(seed, shared=False, order=False, servers=False, values=False, aliases=False, constraints=False,
             v32=False, segments=False):
    rng = random.Random(seed)
    return Spec(rng, rng.choice(["3.0.3", "3.1.0"]), random.Random(f"{seed}-shared") if shared else None,
                random.Random(f"{seed}-order") if order else None,
                random.Random(f"{seed}-servers") if servers else None,
                random.Random(f"{seed}-values") if values else None,
                random.Random(f"{seed}-aliases") if aliases else None,
                random.Random(f"{seed}-constraints") if constraints else None,
                random.Random(f"{seed}-v32") if v32 else None,
                random.Random(f"{seed}-segments") if segments else None).document()


def selection(spec, seed):
    """One to three of the document's operations, by operationId, kept in the document
    (`x-lathe-fuzz-operations`) so that FuzzSpecCompileTests replays the same selection."""
    ids = sorted(op["operationId"] for item in spec["paths"].values() for op in item.values() if "operationId" in op)
    rng = random.Random(seed)
    return rng.sample(ids, min(len(ids), rng.randint(1, 3)))


def check(label, spec, lathe, modules, workdir, timeout):
    folder = os.path.join(workdir, label)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "spec.json")
    with open(path, "w") as f:
        json.dump(spec, f, indent=1, ensure_ascii=False)
    out = os.path.join(folder, "out")
    # `--operation=ID`: an operationId may start with a dash.
    selected = ["--operation=" + op for op in spec.get("x-lathe-fuzz-operations", [])]
    try:
        gen = subprocess.run([lathe, "generate", path, "--output", out] + selected, capture_output=True, text=True,
                             timeout=timeout)
    except subprocess.TimeoutExpired:
        return path, "lathe generate hung"
    if gen.returncode != 0:
        if gen.returncode < 0 or "error:" not in gen.stderr:
            return path, f"lathe generate exited {gen.returncode}: {gen.stderr[-2000:]}"
        return None, None  # a located refusal is fine
    files = [os.path.join(out, n) for n in os.listdir(out) if n.endswith(".swift")]
    tc = subprocess.run(["swiftc", "-typecheck", "-swift-version", "6", "-I", modules, "-warnings-as-errors"] + files,
                        capture_output=True, text=True)
    if tc.returncode != 0:
        errors = [line for line in tc.stderr.splitlines() if "error:" in line]
        return path, "output does not compile:\n" + "\n".join(errors[:8])
    return None, None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lathe", default=os.path.join(ROOT, ".build/debug/lathe"))
    parser.add_argument("--modules", default=os.path.join(ROOT, ".build/debug/Modules"))
    parser.add_argument("--keep", default=os.path.join(ROOT, "Fuzz/Specs"))
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--replay", nargs="*", help="check these documents instead of new ones (Fuzz/Specs/*.json)")
    parser.add_argument("--select", action="store_true",
                        help="also generate each document with one to three of its operations selected")
    parser.add_argument("--order", action="store_true",
                        help="also declare objects before the enumerations and alternatives they refer to")
    parser.add_argument("--servers", action="store_true",
                        help="also give documents servers whose URL variables have any names")
    parser.add_argument("--values", action="store_true",
                        help="also give documents enums no Swift enum lists and const objects and arrays")
    parser.add_argument("--aliases", action="store_true",
                        help="also put strings, files, lists and any values behind a $ref in parts, text bodies "
                             "and properties")
    parser.add_argument("--constraints", action="store_true",
                        help="also put any constraint keyword on values of any type and format, and "
                             "required keys on objects that do not declare them")
    parser.add_argument("--v32", action="store_true",
                        help="also make documents OpenAPI 3.2, with querystring parameters, cookie-style "
                             "cookies and discriminators' defaultMapping")
    parser.add_argument("--segments", action="store_true",
                        help="also make path segments that hold text beside their names ({id}.json, "
                             "{id}:cancel), paths whose routes coincide, and path parameters no template names")
    parser.add_argument("--write", metavar="DIR",
                        help="only write the documents to DIR (seed-N.json), for OrderIndependenceTests "
                             "(LATHE_ORDER_SPECS=DIR)")
    args = parser.parse_args()
    if args.write:
        os.makedirs(args.write, exist_ok=True)
        for seed in range(args.seed, args.seed + args.count):
            with open(os.path.join(args.write, f"seed-{seed}.json"), "w") as f:
                json.dump(document(seed, args.select, args.order, args.servers, args.values, args.aliases,
                                          args.constraints, args.v32, args.segments), f, indent=1,
                          ensure_ascii=False)
        print(f"fuzz-specs: {args.count} documents written to {args.write}")
        return
    workdir = tempfile.mkdtemp(prefix="lathe-fuzz-specs-")
    # A copy, so rebuilding lathe during a long run neither fails nor changes what is tested.
    lathe = os.path.join(workdir, "lathe")
    shutil.copy(args.lathe, lathe)
    failures = 0
    start = time.time()
    if args.replay is not None:
        cases = [(os.path.basename(p), json.load(open(p))) for p in args.replay]
    else:
        cases = ((f"seed-{seed}", document(seed, args.select, args.order, args.servers, args.values, args.aliases,
                                          args.constraints, args.v32, args.segments))
                 for seed in range(args.seed, args.seed + args.count))
        if args.select:
            cases = (case for label, spec in cases for case in (
                (label, spec),
                (label + "-selected", {**spec, "x-lathe-fuzz-operations": selection(spec, label)})))
    count = 0
    for label, spec in cases:
        count += 1
        path, problem = check(label, spec, lathe, args.modules, workdir, args.timeout)
        if path:
            failures += 1
            if args.replay is None:
                os.makedirs(args.keep, exist_ok=True)
                shutil.copy(path, os.path.join(args.keep, f"{label}.json"))
            print(f"{label}: {problem}", flush=True)
    shutil.rmtree(workdir, ignore_errors=True)
    print(f"fuzz-specs: {count} documents, {failures} failing, {time.time() - start:.0f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

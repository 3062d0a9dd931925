#!/usr/bin/env python3
"""Writes a synthetic OpenAPI 3.0 document of about SIZE megabytes: objects with properties of
every kind, references between them, enums, and operations with parameters and bodies, in the
proportions of a large real spec (Square's). For measuring how Lathe scales.

    scripts/synthetic-spec.py MEGABYTES OUTPUT.json
"""
import json
import sys


def schema(i, count):
    other = f"#/components/schemas/Model{(i * 7 + 3) % count}"
    return {
        "type": "object",
        "description": f"Model {i}: a synthetic object with text, numbers, a date, an enum, a list and a reference.",
        "required": ["id", "name"],
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "name": {"type": "string", "minLength": 1, "maxLength": 255},
            "amount": {"type": "integer", "format": "int64", "minimum": 0},
            "ratio": {"type": "number", "format": "double"},
            "createdAt": {"type": "string", "format": "date-time"},
            "status": {"type": "string", "enum": ["active", "paused", f"state{i % 5}"]},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 20},
            "related": {"$ref": other},
            "notes": {"type": "string", "nullable": True, "description": "Free text."},
        },
    }


def operation(i, count):
    model = f"#/components/schemas/Model{i % count}"
    return {
        "operationId": f"updateModel{i}",
        "summary": f"Update model {i}",
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 100}},
        ],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": model}}}},
        "responses": {
            "200": {"description": "The model.", "content": {"application/json": {"schema": {"$ref": model}}}},
            "400": {"description": "Invalid.", "content": {"application/json": {"schema": {"type": "object", "properties": {"message": {"type": "string"}}}}}},
        },
    }


def main():
    megabytes, output = float(sys.argv[1]), sys.argv[2]
    # About 1.15 KB per schema and 0.9 KB per operation; Square has 4.4 schemas per operation.
    schemas = max(1, int(megabytes * 1_000_000 / (1150 + 900 / 4.4)))
    operations = max(1, schemas // 4)
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Synthetic", "version": "1"},
        "paths": {f"/models{i}/{{id}}": {"put": operation(i, schemas)} for i in range(operations)},
        "components": {"schemas": {f"Model{i}": schema(i, schemas) for i in range(schemas)}},
    }
    with open(output, "w") as f:
        json.dump(document, f, indent=1)


if __name__ == "__main__":
    main()

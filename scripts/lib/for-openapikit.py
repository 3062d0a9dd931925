# The corpus specs OpenAPIKit (and so apple/swift-openapi-generator) refuses as published, fixed
# the way Lathe reads them, so both generators can be measured on the same input.
#
#   python3 scripts/lib/for-openapikit.py IN OUT     prints what it fixed; copies other specs as they are
#
# - square-api.json: `info.externalDocs` (not allowed there) removed, `security: [{oauth2: null}]`
#   given empty scopes, `$ref`s to schemas that do not exist made any-value schemas (Lathe's
#   `JSONValue`), and the `vendor_id` path parameter that `PUT /v2/vendors/{vendor_id}` leaves
#   undeclared declared.
# - twilio-api-v2010.json: its JSON escapes surrogate pairs (`"\ud83d\udc4d"`, valid JSON), which
#   the YAML parser OpenAPIKit reads with refuses; the same document written with the characters.
import json, os, shutil, sys

source, target = sys.argv[1], sys.argv[2]
name = os.path.basename(source)


def square(d):
    d['info'].pop('externalDocs', None)
    for item in d['paths'].values():
        for op in item.values():
            if isinstance(op, dict):
                for req in op.get('security') or []:
                    for k, v in req.items():
                        if v is None:
                            req[k] = []
    update_vendor = d['paths']['/v2/vendors/{vendor_id}']['put']
    if not any(p.get('name') == 'vendor_id' for p in update_vendor.get('parameters', [])):
        update_vendor.setdefault('parameters', []).append(
            {'name': 'vendor_id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}})
    schemas = d['components']['schemas']

    def fix(node):
        if isinstance(node, dict):
            ref = node.get('$ref', '')
            if ref.startswith('#/components/schemas/') and ref.split('/')[-1] not in schemas:
                del node['$ref']
            for value in node.values():
                fix(value)
        elif isinstance(node, list):
            for value in node:
                fix(value)
    fix(d)
    return "info.externalDocs, null security scopes, missing $ref targets, undeclared vendor_id"


def twilio(d):
    return "surrogate-pair escapes written as characters"


fixes = {'square-api.json': square, 'twilio-api-v2010.json': twilio}
if name in fixes:
    document = json.load(open(source, encoding='utf-8'))
    print(fixes[name](document))
    json.dump(document, open(target, 'w', encoding='utf-8'), ensure_ascii=False)
else:
    shutil.copyfile(source, target)

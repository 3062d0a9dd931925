# Square's spec with the four defects OpenAPIKit (and so apple/swift-openapi-generator) refuses
# to read, fixed the way Lathe reads them, so both generators can be measured on the same input:
# `info.externalDocs` (not allowed there) removed, `security: [{oauth2: null}]` given empty scopes,
# `$ref`s to schemas that do not exist made any-value schemas (Lathe's `JSONValue`), and the
# `vendor_id` path parameter that `PUT /v2/vendors/{vendor_id}` leaves undeclared declared.
#
#   python3 scripts/lib/square-for-openapikit.py IN.json OUT.json
import json, sys
d = json.load(open(sys.argv[1]))
d['info'].pop('externalDocs', None)
for item in d['paths'].values():
    for op in item.values():
        if isinstance(op, dict):
            for req in op.get('security') or []:
                for k, v in req.items():
                    if v is None: req[k] = []
update_vendor = d['paths']['/v2/vendors/{vendor_id}']['put']
if not any(p.get('name') == 'vendor_id' for p in update_vendor.get('parameters', [])):
    update_vendor.setdefault('parameters', []).append({'name': 'vendor_id', 'in': 'path', 'required': True, 'schema': {'type': 'string'}})
schemas = d['components']['schemas']
def fix(node):
    if isinstance(node, dict):
        ref = node.get('$ref', '')
        if ref.startswith('#/components/schemas/') and ref.split('/')[-1] not in schemas:
            del node['$ref']
        for value in node.values(): fix(value)
    elif isinstance(node, list):
        for value in node: fix(value)
fix(d)
json.dump(d, open(sys.argv[2], 'w'))

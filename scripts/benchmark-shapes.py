#!/usr/bin/env python3
"""Looks for generation cost that grows faster than the spec: writes specs of one shape each
(thousands of colliding names, parameters, refs to missing schemas, one enum or object of N
members, …) at N and 4N, times
`lathe generate` on both, and prints the ratio. Linear cost gives about 4; a ratio above
`--limit` (default 6) is flagged and makes the exit status 1. It also prints the peak memory at
4N above the process baseline (`lathe --help`), as a multiple of the spec's size. BENCHMARKS.md's "Cost by shape"
holds a run.

    swift build -c release --product lathe
    scripts/benchmark-shapes.py [--lathe PATH] [--n N] [--runs R] [--limit X] [--instructions] [SHAPE ...]

With `--compile`, it compiles the output instead, as a debug build does (`swiftc -Onone -g`, both
cores, against LatheRuntime's debug modules, which it builds), on shapes that stress the compiler
(`wide-*`: one object, enum, union, operation's parameters of N members, or N operations;
`deep-inline`: objects nested N / 10 deep); default N 150. A Swift construct whose cost
grows faster than its size shows as a ratio well above 4, or as output that does not compile.

    scripts/benchmark-shapes.py --compile [--n N] [SHAPE ...]

These are benchmarks, not tests: run them on a quiet machine and read the ratios, not the times.
Times swing with the cache and the other core's load (a ratio of 4.6 one run, 7 the next);
`--instructions` counts instructions with callgrind instead (exact, about fifty times slower).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from debug_compile import debug_compile  # noqa: E402
from peak_memory import peak_kib  # noqa: E402

OK = {"200": {"description": "ok"}}


def document(schemas=None, paths=None, **components):
    return {
        "openapi": "3.0.3",
        "info": {"title": "shape", "version": "1"},
        "paths": paths or {},
        "components": {"schemas": schemas or {}, **components},
    }


def obj(**properties):
    return {"type": "object", "properties": properties}


TEXT = {"type": "string"}

# Each shape: n -> (document, {relative path: document} of further files).
SHAPES = {
    # Every operation named `list`: operation names settle by `list2`, `list3`, ….
    "duplicate-operation-ids": lambda n: document(paths={
        f"/things/{i}": {"get": {"operationId": "list", "tags": [f"t{i % 50}"], "responses": OK}}
        for i in range(n)}),
    # Names that differ only in case or punctuation (`Thing3`, `thing3`, `THING3`, `thing_3`).
    "colliding-schema-names": lambda n: document({
        f"{variant}{i}": obj(a=TEXT) for i in range(n // 4) for variant in ("Thing", "thing", "THING", "thing_")}),
    "colliding-members": lambda n: document({
        "Wide": obj(**{key: TEXT for i in range(n // 4) for key in (f"a{i}", f"A{i}", f"a_{i}", f"a-{i}")}),
        "Cases": {"type": "string", "enum": [v for i in range(n // 4) for v in (f"v{i}", f"V{i}", f"v_{i}", f"v-{i}")]}}),
    # One operation with N parameters, half of them replacing a path item's.
    "parameters": lambda n: document(paths={"/x": {
        "parameters": [{"name": f"p{i}", "in": "query", "schema": TEXT} for i in range(0, n, 2)],
        "get": {"operationId": "x", "responses": OK,
                "parameters": [{"name": f"p{i}", "in": "query", "schema": {"type": "integer"}} for i in range(n)]}}}),
    # N refs to N different missing schemas, beside N schemas ("did you mean" searches them).
    "missing-refs": lambda n: document({
        **{f"S{i}": TEXT for i in range(n)},
        **{f"User{i}": obj(a={"$ref": f"#/components/schemas/Missing{i}"}) for i in range(n)}}),
    "inline-operation-types": lambda n: document(paths={
        f"/things{i}/{{id}}": {"get": {
            "operationId": f"getThing{i}",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": TEXT}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": obj(
                item=obj(name=TEXT, tags={"type": "array", "items": obj(k=TEXT)}))}}}}}}
        for i in range(n)}),
    "inheritance": lambda n: document({
        f"S{i}": {"allOf": ([{"$ref": f"#/components/schemas/S{(i - 1) // 4}"}] if i else []) + [obj(**{f"p{i}": TEXT})]}
        for i in range(n)}),
    "discriminated-union": lambda n: document({
        **{f"A{i}": {**obj(kind={"type": "string", "enum": [f"a{i}"]}), "required": ["kind"]} for i in range(n)},
        "U": {"oneOf": [{"$ref": f"#/components/schemas/A{i}"} for i in range(n)],
              "discriminator": {"propertyName": "kind"}}}),
    "discriminated-inline": lambda n: document({
        "U": {"oneOf": [{**obj(kind={"type": "string", "enum": [f"a{i}"]}, **{f"v{i}": TEXT}), "required": ["kind"]}
                        for i in range(n)],
              "discriminator": {"propertyName": "kind"}}}),
    # Bases with a discriminator and no oneOf, each extended by ten components through allOf.
    "polymorphic-bases": lambda n: document({
        **{f"Base{b}": {**obj(kind=TEXT), "required": ["kind"], "discriminator": {"propertyName": "kind"}}
           for b in range(n // 10)},
        **{f"Sub{i}": {"allOf": [{"$ref": f"#/components/schemas/Base{i // 10}"}, obj(**{f"v{i}": TEXT})]}
           for i in range(n)}}),
    "reference-web": lambda n: document({
        f"N{i}": obj(next={"$ref": f"#/components/schemas/N{(i + 1) % n}"},
                     list={"type": "array", "items": {"$ref": f"#/components/schemas/N{(i * 13 + 5) % n}"}})
        for i in range(n)}),
    "component-parameters": lambda n: document(
        paths={f"/o{i}": {"get": {"operationId": f"o{i}", "responses": OK,
                                  "parameters": [{"$ref": f"#/components/parameters/P{(i + j) % n}"} for j in range(10)]}}
               for i in range(n)},
        parameters={f"P{i}": {"name": f"p{i}", "in": "query", "schema": TEXT} for i in range(n)}),
    "component-responses": lambda n: document(
        paths={f"/p{i}": {"post": {"operationId": f"op{i}", "responses": {
            "200": {"$ref": f"#/components/responses/R{i}"}, "default": {"$ref": "#/components/responses/R0"}}}}
               for i in range(n)},
        responses={f"R{i}": {"description": "r", "content": {"application/json": {"schema": obj(m=TEXT)}}}
                   for i in range(n)}),
    # One path of N template names, each a declared parameter.
    "path-template": lambda n: document(paths={"/" + "/".join(f"{{p{i}}}" for i in range(n)): {"get": {
        "operationId": "x", "responses": OK,
        "parameters": [{"name": f"p{i}", "in": "path", "required": True, "schema": TEXT} for i in range(n)]}}}),
    # One operation's N response headers, N request media types, N alternative security schemes.
    "response-headers": lambda n: document(paths={"/x": {"get": {"operationId": "x", "responses": {
        "200": {"description": "ok", "headers": {f"X-H{i}": {"schema": TEXT} for i in range(n)}}}}}}),
    "request-media-types": lambda n: document(paths={"/x": {"post": {
        "operationId": "x", "responses": OK,
        "requestBody": {"content": {f"application/vnd.x{i}+json": {"schema": obj(a=TEXT)} for i in range(n)}}}}}),
    "security-schemes": lambda n: document(
        paths={"/x": {"get": {"operationId": "x", "responses": OK, "security": [{f"k{i}": []} for i in range(n)]}}},
        securitySchemes={f"k{i}": {"type": "apiKey", "in": "header", "name": f"X-K{i}"} for i in range(n)}),
    "files": lambda n: (
        document({f"F{i}": {"$ref": f"parts/f{i}.json"} for i in range(0, n, 3)}),
        {f"parts/f{i}.json": obj(next={"$ref": f"f{(i + 1) % n}.json"}, v=TEXT) for i in range(n)}),
}


def wide_members(kind):
    """One union or allOf of n referenced objects, each with a property of its own."""
    def make(n):
        members = {f"A{i}": obj(**{f"x{i}": TEXT}) for i in range(n)}
        return document({**members, "U": {kind: [{"$ref": f"#/components/schemas/A{i}"} for i in range(n)]}})
    return make


def deep_inline(n):
    schema = TEXT
    for level in range(n):
        schema = obj(**{f"level{level}": schema, "v": TEXT})
    return schema


# Shapes for `--compile`: one construct of n members, where the Swift compiler's cost may grow
# faster than the code (definite initialization of a struct's properties, exhaustiveness checking,
# long expressions).
COMPILE_SHAPES = {
    "wide-object": lambda n: document({"W": {**obj(**{f"p{i}": TEXT for i in range(n)}),
                                            "required": [f"p{i}" for i in range(0, n, 2)]}}),
    "wide-enum": lambda n: document({"E": {"type": "string", "enum": [f"v{i}" for i in range(n)]}}),
    "wide-oneof": wide_members("oneOf"),
    "wide-anyof": wide_members("anyOf"),
    "wide-allof": wide_members("allOf"),
    "wide-union": lambda n: document({
        **{f"A{i}": {**obj(kind={"type": "string", "enum": [f"a{i}"]}), "required": ["kind"]} for i in range(n)},
        "U": {"oneOf": [{"$ref": f"#/components/schemas/A{i}"} for i in range(n)],
              "discriminator": {"propertyName": "kind"}}}),
    "wide-operations": lambda n: document(paths={
        f"/things{i}/{{id}}": {"get": {
            "operationId": f"getThing{i}",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": TEXT},
                           {"name": "q", "in": "query", "schema": TEXT}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": obj(a=TEXT)}}},
                          "404": {"description": "missing"}}}}
        for i in range(n)}),
    # Inline objects nested n / 10 deep (each level a type nested in the one above; the reader
    # stops at 256 levels of JSON, three a level here).
    "deep-inline": lambda n: document({"D": deep_inline(n // 10)}),
    "wide-parameters": lambda n: document(paths={"/x": {"get": {
        "operationId": "x", "responses": OK,
        "parameters": [{"name": f"p{i}", "in": "query", "schema": TEXT} for i in range(n)]}}}),
}

# Shapes whose cost grows faster than the spec by design, and why; reported, never flagged.
BY_DESIGN = {
    "missing-refs": "N^2 by design: \"did you mean\" compares each missing name with every key",
}


def write(folder, shape, n):
    made = {**SHAPES, **COMPILE_SHAPES}[shape](n)
    spec, files = made if isinstance(made, tuple) else (made, {})
    for relative, content in files.items():
        path = os.path.join(folder, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(content, f)
    path = os.path.join(folder, "spec.json")
    with open(path, "w") as f:
        json.dump(spec, f)
    return path, os.path.getsize(path) + sum(
        os.path.getsize(os.path.join(folder, r)) for r in files)


def instructions(lathe, spec, output):
    subprocess.run(["rm", "-rf", output], check=True)
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", lathe, "generate",
                           "--quiet", spec, "--output", output], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit(f"lathe failed under callgrind on {spec}:\n{done.stderr.decode()[-2000:]}")
    for line in done.stderr.decode().splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    sys.exit(f"callgrind counted nothing on {spec}:\n{done.stderr.decode()[-2000:]}")


def generate(lathe, spec, output):
    """`lathe generate` into a fresh `output`; the wall time it took. Stops the script if it fails."""
    subprocess.run(["rm", "-rf", output], check=True)
    start = time.perf_counter()
    done = subprocess.run([lathe, "generate", "--quiet", spec, "--output", output],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"lathe failed on {spec}:\n{done.stderr.decode()[:2000]}")
    return elapsed


def best_time(lathe, spec, output, runs):
    return min(generate(lathe, spec, output) for _ in range(runs))


def compile_time(lathe, spec, output, modules):
    """Generates `spec` and compiles the output as a debug build does; the wall time of the compile."""
    generate(lathe, spec, output)
    objects = os.path.join(output, "objects")
    os.makedirs(objects)
    files = sorted(os.path.join(output, f) for f in os.listdir(output) if f.endswith(".swift"))
    start = time.perf_counter()
    done = subprocess.run(debug_compile(modules) + files, cwd=objects, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        errors = [line for line in done.stderr.decode().splitlines() if "error:" in line]
        return None, errors[0] if errors else done.stderr.decode()[-500:]
    return elapsed, None


def compile_shapes(args):
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    subprocess.run(["swift", "build", "--target", "LatheRuntime"], cwd=root, check=True, stdout=subprocess.DEVNULL)
    modules = subprocess.run(["swift", "build", "--show-bin-path"], cwd=root, check=True, capture_output=True,
                             text=True).stdout.strip() + "/Modules"
    print(f"{'shape':<18} {'N':>5} {'compile':>9} {'4N':>5} {'compile':>9} {'ratio':>6}")
    failed = []
    with tempfile.TemporaryDirectory() as work:
        for shape in args.shapes:
            row = []
            for n in (args.n, 4 * args.n):
                folder = os.path.join(work, f"{shape}-{n}")
                os.makedirs(folder)
                spec, _ = write(folder, shape, n)
                row.append((n,) + compile_time(args.lathe, spec, os.path.join(folder, "out"), modules))
                subprocess.run(["rm", "-rf", os.path.join(folder, "out")], check=True)
            problem = next((error for _, _, error in row if error), None)
            if problem:
                print(f"{shape:<18} does not compile: {problem}")
                failed.append(shape)
                continue
            ratio = row[1][1] / row[0][1]
            mark = "  <- grows faster than the code" if ratio > args.limit else ""
            if mark:
                failed.append(shape)
            print(f"{shape:<18} {row[0][0]:>5} {row[0][1]:>8.1f}s {row[1][0]:>5} {row[1][1]:>8.1f}s {ratio:>6.1f}{mark}")
    if failed:
        sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--lathe", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "lathe"))
    parser.add_argument("--n", type=int, help="default 1000, or 150 with --compile")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=6.0)
    parser.add_argument("--instructions", action="store_true", help="count instructions (callgrind), not time")
    parser.add_argument("--compile", action="store_true", help="time compiling the output of the wide-* shapes")
    parser.add_argument("shapes", nargs="*")
    args = parser.parse_args()
    if args.compile:
        args.n = args.n or 150
        args.shapes = list(dict.fromkeys(args.shapes or COMPILE_SHAPES))
        unknown = [s for s in args.shapes if s not in COMPILE_SHAPES]
        if unknown:
            sys.exit(f"unknown shape {', '.join(unknown)}; with --compile: {', '.join(COMPILE_SHAPES)}")
        return compile_shapes(args)
    args.n = args.n or 1000
    # The compile shapes are generated too (one enum or object of 4N members is a shape a spec may
    # be mostly made of), but for `deep-inline`, whose depth the reader caps below 4N / 10.
    generated = {**SHAPES, **{name: make for name, make in COMPILE_SHAPES.items() if name != "deep-inline"}}
    args.shapes = args.shapes or list(generated)
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("needs GNU time at /usr/bin/time (Debian: apt-get install time)")
    args.shapes = list(dict.fromkeys(args.shapes))
    unknown = [s for s in args.shapes if s not in generated]
    if unknown:
        sys.exit(f"unknown shape {', '.join(unknown)}; shapes: {', '.join(generated)}")
    baseline = peak_kib([args.lathe, "--help"])
    print(f"{'shape':<24} {'N':>6} {'bytes':>10} {'time':>8} {'4N':>6} {'bytes':>10} {'time':>8} {'ratio':>6}"
          f" {'peak':>9} {'÷ size':>6}")
    flagged = []
    # In memory where there is a tmpfs: the disk writing out one run's output slows the next.
    with tempfile.TemporaryDirectory(dir="/dev/shm" if os.path.isdir("/dev/shm") else None) as work:
        for shape in args.shapes:
            row = []
            for n in (args.n, 4 * args.n):
                folder = os.path.join(work, f"{shape}-{n}")
                os.makedirs(folder)
                spec, size = write(folder, shape, n)
                output = os.path.join(folder, "out")
                cost = (instructions(args.lathe, spec, output) if args.instructions
                        else best_time(args.lathe, spec, output, args.runs))
                row.append((n, size, cost))
            ratio = row[1][2] / row[0][2]
            large = os.path.join(work, f"{shape}-{4 * args.n}")
            subprocess.run(["rm", "-rf", os.path.join(large, "out")], check=True)
            peak = peak_kib([args.lathe, "generate", "--quiet", os.path.join(large, "spec.json"),
                             "--output", os.path.join(large, "out")])
            above = (peak - baseline) * 1024 / row[1][1]
            for n in (args.n, 4 * args.n):  # generated Swift is tens of times the spec: free the tmpfs
                subprocess.run(["rm", "-rf", os.path.join(work, f"{shape}-{n}", "out")], check=True)
            mark = ""
            if shape in BY_DESIGN:
                mark = f"  ({BY_DESIGN[shape]})"
            elif ratio > args.limit:
                mark = "  <- grows faster than the spec"
                flagged.append(shape)
            def shown(cost):
                return f"{cost / 1e6:>6.0f}M" if args.instructions else f"{cost * 1000:>6.0f}ms"
            print(f"{shape:<24} {row[0][0]:>6} {row[0][1]:>10} {shown(row[0][2])} "
                  f"{row[1][0]:>6} {row[1][1]:>10} {shown(row[1][2])} {ratio:>6.1f}"
                  f" {peak / 1024:>6.1f}MiB {above:>5.1f}x{mark}")
    if flagged:
        sys.exit(1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""What each part of Lathe's output costs to compile: what scripts/build-ablation.sh runs.

Generates a spec's output several ways (all modes; types only; types and client; types without
Hashable), and, from the types-only output, copies with one kind of generated function body
replaced by `fatalError()`: what remains when that body costs nothing. Each is compiled the way a
debug SwiftPM build does (-Onone -g, batch mode, both cores), one after another, and the CPU time
of the compiler processes is reported beside wall time. The differences say where a debug build of
generated code goes, and so how much any change to one construct can gain at most.

    build_ablation.py LATHE SPEC MODULES_FOLDER
"""
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

from debug_compile import debug_compile

lathe, spec, modules = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
work = tempfile.mkdtemp(prefix="lathe-ablation-")

# Function bodies by their first line in generated types (TypeEmitter): each is replaced whole.
BODIES = {
    "init(from:)": re.compile(r"^\s*public init\(from decoder: any Swift\.Decoder\) throws \{$"),
    "encode(to:)": re.compile(r"^\s*public func encode\(to encoder: any Swift\.Encoder\) throws \{$"),
    "validation": re.compile(r"^\s*@_spi\(Generated\) public func collectValidationIssues\(.*\{$"),
    "memberwise init": re.compile(r"^\s*(public init\(.*\) \{|\) \{)$"),
}


def generate(name, *flags):
    out = os.path.join(work, name)
    subprocess.run([lathe, "generate", "--quiet", spec, "--output", out, *flags], check=True)
    return out


def stripped(source, kinds):
    """A copy of `source` with the bodies of `kinds` replaced by `fatalError()`."""
    out = source + "-without-" + "-".join(re.sub(r"\W", "", k) for k in kinds)
    os.makedirs(out)
    patterns = [BODIES[k] for k in kinds]
    for name in os.listdir(source):
        lines = open(os.path.join(source, name)).read().split("\n")
        kept, skipping = [], None
        for line in lines:
            if skipping is not None:
                if line == skipping:
                    kept.append(line)
                    skipping = None
                continue
            kept.append(line)
            if any(p.match(line) for p in patterns) and line.endswith("{"):
                # The body ends at the closing brace at the opening line's indentation (or, for a
                # wrapped initializer's `) {`, at its `public init(` line's).
                indent = len(line) - len(line.lstrip())
                kept.append(" " * (indent + 4) + "fatalError()")
                skipping = " " * indent + "}"
        open(os.path.join(out, name), "w").write("\n".join(kept))
    return out


def compile_folder(folder):
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".swift"))
    objects = tempfile.mkdtemp(dir=work)
    command = debug_compile(modules) + files
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=objects, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(objects)
    if result.returncode != 0:
        sys.exit(f"{folder} does not compile:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = sum(1 for f in files for _ in open(f))
    return wall, cpu, lines


try:
    everything = generate("all")
    types = generate("types", "--mode", "types")
    variants = [
        ("all modes (types, client, server)", everything),
        ("types and client", generate("types-client", "--mode", "types", "--mode", "client")),
        ("types only", types),
        ("types only, --no-hashable", generate("types-nohash", "--mode", "types", "--no-hashable")),
        ("types only, no init(from:) bodies", stripped(types, ["init(from:)"])),
        ("types only, no encode(to:) bodies", stripped(types, ["encode(to:)"])),
        ("types only, no validation bodies", stripped(types, ["validation"])),
        ("types only, no memberwise init bodies", stripped(types, ["memberwise init"])),
        ("types only, none of those four bodies", stripped(types, list(BODIES))),
    ]
    print(f"{os.path.basename(spec)}: `swiftc -c -Onone -g -j2`, one after another\n")
    print("| output | lines | wall s | CPU s | CPU vs types only |")
    print("| --- | --- | --- | --- | --- |")
    rows = [(label, *compile_folder(folder)) for label, folder in variants]
    base = next(cpu for label, _, cpu, _ in rows if label == "types only")
    for label, wall, cpu, lines in rows:
        print(f"| {label} | {lines:,} | {wall:.1f} | {cpu:.1f} | {cpu / base * 100:.0f}% |")
finally:
    shutil.rmtree(work)

#!/usr/bin/env python3
"""Where the compiler spends its time on generated code: what scripts/profile-build.sh runs.

Compiles the Swift files in FOLDER the way a debug SwiftPM build does (-Onone, batch mode, both
cores) with the frontend's timers on, then reports the time per compiler phase (from
-stats-output-dir), the type-checking time per kind of generated function (from
-debug-time-function-bodies, grouped by what the function is: `init(from:)`, `encode(to:)`, …),
and every expression that took more than 20 ms to type-check (-warn-long-expression-type-checking;
Swift 6.3 no longer prints -debug-time-expression-type-checking).

    profile_build.py FOLDER MODULES_FOLDER
"""
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from debug_compile import debug_compile

folder, modules = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
files = sorted(glob.glob(os.path.join(folder, "*.swift")))
work = tempfile.mkdtemp(prefix="lathe-profile-")
stats = os.path.join(work, "stats")
os.makedirs(stats)
command = debug_compile(modules) + [
    "-stats-output-dir", stats,
    "-Xfrontend", "-debug-time-function-bodies", "-Xfrontend", "-warn-long-expression-type-checking=20"] + files
start = time.perf_counter()
result = subprocess.run(command, cwd=work, capture_output=True, text=True)
wall = time.perf_counter() - start
if result.returncode != 0:
    shutil.rmtree(work)
    sys.exit(result.stderr[-4000:])

# Swift's phase timers nest (type-checking holds typecheck-expr), so shares are of the frontend
# jobs' whole time, which also holds what no phase timer covers: LLVM emitting the object code.
phases = collections.Counter()
frontend = 0.0
for path in glob.glob(os.path.join(stats, "*.json")):
    for key, value in json.load(open(path)).items():
        if key.startswith("time.swift.") and key.endswith(".wall"):
            phases[key[len("time.swift."):-len(".wall")]] += value
        elif key.startswith("time.swift-frontend.") and key.endswith(".wall"):
            frontend += value
shutil.rmtree(work)

functions = collections.Counter()
function_counts = collections.Counter()
expressions = []
for line in result.stderr.splitlines() + result.stdout.splitlines():
    slow = re.match(r"^(\S+):(\d+):\d+: warning: expression took (\d+)ms to type-check", line)
    if slow:
        expressions.append((float(slow.group(3)), f"{slow.group(1)}:{slow.group(2)}"))
        continue
    match = re.match(r"^\s*([0-9.]+)ms\s+(\S+)\s*(.*)$", line)
    if not match:
        continue
    ms, what = float(match.group(1)), match.group(3).strip()
    if what:  # a function body: "initializer Generated.Money.init(from:)@file:line:column"
        kind, _, qualified = what.partition(" Generated.")
        name = qualified.split("@")[0].rsplit(".", 1)[-1]
        if kind in ("getter", "setter", "_modify accessor"):
            name = kind
        elif name.startswith("init(") and name not in ("init(from:)", "init(rawValue:)"):
            name = "init(…) (memberwise and others)"
        functions[name] += ms
        function_counts[name] += 1

print(f"{len(files)} files, {sum(1 for f in files for _ in open(f))} lines; `swiftc -c -Onone -j2`: {wall:.1f} s wall\n")
print(f"| compiler phase (summed over frontend jobs; phases nest) | seconds | share of the jobs' {frontend:.0f} s |")
print("| --- | --- | --- |")
top = [(k, v) for k, v in phases.most_common() if "/" not in k][:12]
for key, value in top:
    print(f"| {key} | {value:.1f} | {value / frontend * 100:.0f}% |")
print("\n| function bodies (type-checking) | count | ms | ms each |")
print("| --- | --- | --- | --- |")
for name, ms in functions.most_common(15):
    print(f"| `{name}` | {function_counts[name]} | {ms:.0f} | {ms / function_counts[name]:.2f} |")
print(f"\nAll function bodies: {sum(functions.values()) / 1000:.1f} s; expressions over 20 ms: {len(expressions)}, "
      f"{sum(ms for ms, _ in expressions) / 1000:.1f} s.")
print("\n| slowest expressions | ms |")
print("| --- | --- |")
for ms, location in sorted(expressions, reverse=True)[:8]:
    print(f"| {os.path.basename(location)} | {ms:.1f} |")

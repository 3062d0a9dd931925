#!/usr/bin/env python3
"""Lathe next to apple/swift-openapi-generator, in one run on one machine: what
scripts/benchmark-compare.sh runs once both generators are built (release). Prints Markdown tables
for BENCHMARKS.md and writes every figure as JSON.

Generation: each corpus spec, both generators alternating, each run writing all three modes into a
fresh output folder; the whole process is timed. Medians of --runs. Where the other generator
refuses a spec as published, both read a copy with those defects fixed (for-openapikit.py) and the
table says so. Beside them: a bare libyaml event parse of the same file (lathe-bench, in process,
so it leaves out the ~5 ms a process takes to start), Lathe's peak memory above its process
baseline, and callgrind instruction counts, which do not depend on what else the machine does.

Scaling: synthetic specs of 1x, 4x and 16x Square's size (synthetic-spec.py).

Builds (--builds): Square's output from both generators, each in a package of its own as a user
would have it: a clean debug build with the runtime and its dependencies, the generated target
alone built clean (its dependencies already built; for Lathe also with and without --no-hashable,
alternated), two one-line spec changes regenerated and rebuilt incrementally, a rebuild with
nothing changed, and a clean release build. Time and the largest process's memory.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def run(command, cwd=None, log=None):
    """(seconds, peak KiB of the process and all its descendants, exit code). The peak comes from
    /usr/bin/time: a child forked from this Python process would count Python's own memory too."""
    output = open(log, "w") if log else subprocess.DEVNULL
    with tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        code = subprocess.call(["/usr/bin/time", "-q", "-f", "%M", "-o", peak.name] + command, cwd=cwd,
                               stdout=output, stderr=subprocess.STDOUT)
        elapsed = time.perf_counter() - start
        kib = int(peak.read().strip().splitlines()[-1])
    if log:
        output.close()
    return elapsed, kib, code


def swift_files(folder):
    files = sorted(f for f in os.listdir(folder) if f.endswith(".swift"))
    lines = sum(sum(1 for _ in open(os.path.join(folder, f), encoding="utf-8")) for f in files)
    return len(files), lines


def instructions(command):
    """Instructions callgrind counts for the command, or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + command,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    match = re.search(r"Collected : (\d+)", result.stderr)
    return int(match.group(1)) if match else None


class Generators:
    def __init__(self, args, work):
        self.lathe, self.bench, self.other, self.work = args.lathe, args.bench, args.other, work

    def lathe_command(self, spec, out):
        return [self.lathe, "generate", "--quiet", spec, "--output", out]

    def other_command(self, spec, out):
        return [self.other, "generate", "--mode", "types", "--mode", "client", "--mode", "server",
                "--access-modifier", "public", "--output-directory", out, spec]

    def fresh(self, name):
        folder = os.path.join(self.work, name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        return folder

    def parse_ms(self, spec):
        """One in-process bare libyaml event parse of the file, in ms."""
        output = subprocess.run([self.bench, "events", spec, "--repeat", "1"], capture_output=True, text=True)
        return float(re.search(r": ([0-9.]+) ms", output.stdout).group(1))


def prepare(spec, work):
    """The copy both generators read, and what was fixed in it ('' when nothing)."""
    copy = os.path.join(work, "input-" + os.path.basename(spec))
    fixed = subprocess.run([sys.executable, os.path.join(HERE, "for-openapikit.py"), spec, copy],
                           capture_output=True, text=True, check=True).stdout.strip()
    return copy, fixed


def generation(g, spec, runs, counting):
    copy, fixed = prepare(spec, g.work)
    row = {"spec": os.path.basename(spec), "bytes": os.path.getsize(spec), "fixed": fixed}
    if fixed:  # does the other generator refuse the spec as published?
        out = g.fresh("other-original")
        _, _, code = run(g.other_command(spec, out), log=os.path.join(g.work, "other-original.log"))
        row["other_refuses_original"] = code != 0 or not os.listdir(out)
    lathe_s, lathe_kib, other_s, other_kib, parse_ms = [], [], [], [], []
    other_ok = True
    for _ in range(runs):  # alternating, so drift in the machine's load falls on both
        seconds, kib, code = run(g.lathe_command(copy, g.fresh("lathe")))
        if code != 0:
            raise SystemExit(f"lathe failed on {spec}")
        lathe_s.append(seconds)
        lathe_kib.append(kib)
        if other_ok:
            out = g.fresh("other")
            seconds, kib, code = run(g.other_command(copy, out), log=os.path.join(g.work, "other.log"))
            other_ok = code == 0 and bool(os.listdir(out))
            other_s.append(seconds)
            other_kib.append(kib)
        parse_ms.append(g.parse_ms(copy))
    row["lathe_files"], row["lathe_lines"] = swift_files(os.path.join(g.work, "lathe"))
    row["lathe_s"] = statistics.median(lathe_s)
    row["lathe_kib"] = statistics.median(lathe_kib)
    row["parse_s"] = statistics.median(parse_ms) / 1000
    if other_ok:
        row["other_files"], row["other_lines"] = swift_files(os.path.join(g.work, "other"))
        row["other_s"] = statistics.median(other_s)
        row["other_kib"] = statistics.median(other_kib)
    if counting:
        row["lathe_instructions"] = instructions(g.lathe_command(copy, g.fresh("lathe-counted")))
        row["parse_instructions"] = instructions([g.bench, "events", copy, "--repeat", "1"])
    return row


def scaling(g, square, runs, baseline_kib):
    rows = []
    megabytes = os.path.getsize(square) / 1e6
    for factor in (1, 4, 16):
        spec = os.path.join(g.work, f"synthetic-{factor}x.json")
        subprocess.run([sys.executable, os.path.join(REPO, "scripts", "synthetic-spec.py"),
                        str(megabytes * factor), spec], check=True, stdout=subprocess.DEVNULL)
        times, peaks = [], []
        for _ in range(runs):
            seconds, kib, code = run(g.lathe_command(spec, g.fresh("lathe-synthetic")))
            if code != 0:
                raise SystemExit(f"lathe failed on {spec}")
            times.append(seconds)
            peaks.append(kib)
        size = os.path.getsize(spec)
        rows.append({"factor": factor, "bytes": size, "lathe_s": statistics.median(times),
                     "lathe_kib": statistics.median(peaks),
                     "above_baseline_per_byte": (statistics.median(peaks) - baseline_kib) * 1024 / size,
                     "lines": swift_files(os.path.join(g.work, "lathe-synthetic"))[1]})
        os.remove(spec)
    return rows


# The two one-line changes of the incremental builds: a schema's description, and one new optional
# property on one schema. Applied in turn, each on top of the one before.
EDITS = [
    ("a schema's description (Payment)",
     lambda d: d["components"]["schemas"]["Payment"].update(
         description=d["components"]["schemas"]["Payment"].get("description", "") + " Edited.")),
    ("a new optional property (Payment.benchmark_note)",
     lambda d: d["components"]["schemas"]["Payment"]["properties"].update(
         benchmark_note={"type": "string", "description": "Added by the benchmark."})),
]


def package(folder, generator):
    os.makedirs(os.path.join(folder, "Sources", "Generated"), exist_ok=True)
    if generator == "lathe":
        manifest = f"""// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "GeneratedBenchmark",
    dependencies: [.package(name: "Lathe", path: "{REPO}")],
    targets: [.target(name: "Generated", dependencies: [.product(name: "LatheRuntime", package: "Lathe")])]
)
"""
    else:
        manifest = """// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "GeneratedBenchmark",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.7.0"),
    ],
    targets: [.target(name: "Generated", dependencies: [
        .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
    ])]
)
"""
    open(os.path.join(folder, "Package.swift"), "w").write(manifest)
    subprocess.run(["swift", "package", "resolve"], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


HASHABLE_ROUNDS = 2


def remove_target_products(folder):
    """Removes what compiling the generated target made (objects, the driver's records, the module),
    and nothing of its dependencies': the next build compiles the target clean, every file through
    LLVM. Touching the sources is not the same: the compiler then skips LLVM for each file whose
    code comes out as before. SwiftPM's plan of the build (the output file map, the list of
    sources) stays, since it is not made again while the package is unchanged."""
    built = os.path.join(folder, ".build", "debug")
    target = os.path.join(built, "Generated.build")
    modules = os.path.join(built, "Modules")
    if not (os.path.isdir(target) and os.path.isdir(modules)):
        raise SystemExit(f"no {target} or {modules}: SwiftPM's layout is not the one this script knows")
    removed = [os.path.join(target, name) for name in os.listdir(target)
               if name.endswith((".o", ".d", ".dia", ".swiftdeps", ".priors"))]
    removed += [os.path.join(modules, name) for name in os.listdir(modules) if name.startswith("Generated.")]
    if not any(path.endswith(".o") for path in removed):
        raise SystemExit(f"no object files in {target}: the target alone would not be built clean")
    for path in removed:
        os.remove(path)


def snapshot(folder):
    return {f: (os.stat(os.path.join(folder, f)).st_mtime_ns, open(os.path.join(folder, f), "rb").read())
            for f in os.listdir(folder)}


def builds(g, square, generator):
    """The build figures of one generator's output for Square."""
    copy, _ = prepare(square, g.work)
    folder = os.path.join(g.work, "build-" + generator)
    shutil.rmtree(folder, ignore_errors=True)
    package(folder, generator)
    sources = os.path.join(folder, "Sources", "Generated")
    generate = g.lathe_command if generator == "lathe" else g.other_command
    log = os.path.join(g.work, f"build-{generator}.log")

    def build(*options):
        seconds, kib, code = run(["swift", "build"] + list(options), cwd=folder, log=log)
        if code != 0:
            raise SystemExit(f"the build of {generator}'s output failed; see {log}:\n" + open(log).read()[-3000:])
        return {"s": seconds, "kib": kib}

    def regenerate(spec, *options):
        _, _, code = run(generate(spec, sources) + list(options))
        if code != 0:
            raise SystemExit(f"{' '.join([generator, *options])} failed on {spec}")

    regenerate(copy)
    result = {"files": swift_files(sources)}
    result["clean_debug"] = build()
    # The first rebuild after a clean build does work of its own: with Lathe's package in the
    # graph, SwiftPM compiles swift-argument-parser's command plugins then and runs every module's
    # driver again. The second is what a user's later rebuilds with nothing changed cost.
    result["nothing_changed_first"] = build()
    result["nothing_changed"] = build()
    remove_target_products(folder)
    result["target_alone_debug"] = build()
    original = open(copy, encoding="utf-8").read()
    document = json.loads(original)
    result["edits"] = []
    for label, edit in EDITS:
        # Written over the same file: Lathe's marker names the spec, and a file it generated from
        # another spec is one it refuses to overwrite.
        edit(document)
        with open(copy, "w", encoding="utf-8") as edited:
            json.dump(document, edited, ensure_ascii=False)
        before = snapshot(sources)
        time.sleep(0.01)
        regenerate(copy)
        after = snapshot(sources)
        changed = sum(1 for f in after if before.get(f, (0, b""))[1] != after[f][1])
        written = sum(1 for f in after if before.get(f, (0, b""))[0] != after[f][0])
        result["edits"].append({"edit": label, "files_changed": changed, "files_written": written, **build()})
    with open(copy, "w", encoding="utf-8") as restored:
        restored.write(original)
    if generator == "lathe":
        # The target with and without --no-hashable, each built clean, alternated: one build of
        # each swings by a fifth on this machine, more than the difference.
        result["hashable_rounds"] = {"with": [], "without": []}
        for _ in range(HASHABLE_ROUNDS):
            for variant, options in (("with", []), ("without", ["--no-hashable"])):
                regenerate(copy, *options)
                remove_target_products(folder)
                result["hashable_rounds"][variant].append(build())
    regenerate(copy)
    shutil.rmtree(os.path.join(folder, ".build"))
    result["clean_release"] = build("-c", "release")
    return result


def table(rows):
    return "\n".join("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)


def ratio(a, b):
    return f"{a / b:.1f}×" if a and b else "—"


def report(results):
    print(f"Date {results['date']}; {results['machine']}; {results['swift']}; "
          f"swift-openapi-generator {results['other_version']}; medians of {results['runs']} runs, alternating; "
          f"both built in release, {'with --static-swift-stdlib' if results.get('linking') == '--static-swift-stdlib' else 'linked dynamically'}.")
    print(f"Lathe's process baseline (`lathe --help`): {results['baseline_kib'] / 1024:.1f} MiB.\n")
    print("### Generation (types, client and server; whole process, fresh output folder)\n")
    rows = [["spec", "size", "Lathe", "swift-openapi-generator", "ratio", "libyaml parse", "Lathe ÷ parse",
             "Lathe peak above baseline ÷ size", "instructions: Lathe ÷ parse"]]
    rows.append(["---"] * len(rows[0]))
    for row in results["generation"]:
        spec = row["spec"] + (" (fixed copy)" if row["fixed"] else "")
        other = f"{row['other_s'] * 1000:.0f} ms" if "other_s" in row else "refuses"
        above = (row["lathe_kib"] - results["baseline_kib"]) * 1024 / row["bytes"]
        counted = ratio(row.get("lathe_instructions"), row.get("parse_instructions"))
        if row.get("lathe_instructions"):
            counted += f" ({row['lathe_instructions'] / 1e6:,.0f} M)"
        rows.append([spec, f"{row['bytes'] / 1e6:.2f} MB", f"{row['lathe_s'] * 1000:.0f} ms", other,
                     ratio(row.get("other_s"), row["lathe_s"]), f"{row['parse_s'] * 1000:.1f} ms",
                     ratio(row["lathe_s"], row["parse_s"]), f"{above:.1f}×", counted])
    print(table(rows))
    fixed = [r for r in results["generation"] if r["fixed"]]
    for row in fixed:
        refused = "refuses" if row.get("other_refuses_original") else "reads"
        print(f"\n{row['spec']}: swift-openapi-generator {refused} it as published; both read a copy with "
              f"{row['fixed']} fixed.")
    print("\n### Code generated\n")
    rows = [["spec", "Lathe files", "Lathe lines", "swift-openapi-generator files", "lines"], ["---"] * 5]
    for row in results["generation"]:
        rows.append([row["spec"], row["lathe_files"], f"{row['lathe_lines']:,}", row.get("other_files", "—"),
                     f"{row['other_lines']:,}" if "other_lines" in row else "—"])
    print(table(rows))
    if results.get("scaling"):
        print("\n### Scaling (synthetic specs, Lathe)\n")
        rows = [["size", "time", "ms per MB", "peak above baseline ÷ size", "lines"], ["---"] * 5]
        for row in results["scaling"]:
            rows.append([f"{row['factor']}× ({row['bytes'] / 1e6:.1f} MB)", f"{row['lathe_s'] * 1000:.0f} ms",
                         f"{row['lathe_s'] * 1000 / (row['bytes'] / 1e6):.1f}",
                         f"{row['above_baseline_per_byte']:.1f}×", f"{row['lines']:,}"])
        print(table(rows))
    if results.get("builds_failed"):
        print(f"\nThe builds failed: {results['builds_failed']}")
    if results.get("builds"):
        lathe, other = results["builds"]["lathe"], results["builds"]["other"]
        print("\n### Building Square's output (2 cores)\n")
        rows = [["build", "Lathe", "swift-openapi-generator", "ratio (time)", "largest process", "ratio (memory)"],
                ["---"] * 6]

        def line(label, a, b):
            rows.append([label, f"{a['s']:.1f} s", f"{b['s']:.1f} s", ratio(b["s"], a["s"]),
                         f"{a['kib'] / 1024:.0f} / {b['kib'] / 1024:.0f} MiB", ratio(b["kib"], a["kib"])])
        line("clean debug, with the runtime and its dependencies", lathe["clean_debug"], other["clean_debug"])
        line("the generated target alone, clean, debug", lathe["target_alone_debug"], other["target_alone_debug"])
        line("clean release, with dependencies", lathe["clean_release"], other["clean_release"])
        if "nothing_changed_first" in lathe:
            line("first rebuild after the clean build, nothing changed", lathe["nothing_changed_first"],
                 other["nothing_changed_first"])
        line("rebuild, nothing changed", lathe["nothing_changed"], other["nothing_changed"])
        for a, b in zip(lathe["edits"], other["edits"]):
            line(f"after {a['edit']}: files rewritten {a['files_written']} / {b['files_written']}", a, b)
        print(table(rows))
        if "hashable_rounds" in lathe:
            rounds = lathe["hashable_rounds"]

            def seconds(variant):
                return ", ".join(f"{b['s']:.1f}" for b in rounds[variant])

            def median(variant, key):
                return statistics.median(b[key] for b in rounds[variant])
            print(f"\nLathe's target alone, built clean, alternated: with `--no-hashable` {seconds('without')} s, "
                  f"with `Hashable` {seconds('with')} s (medians {median('without', 's') / median('with', 's'):.2f}×); "
                  f"largest process {median('without', 'kib') / 1024:.0f} against {median('with', 'kib') / 1024:.0f} MiB.")
        for name, figures in (("Lathe", lathe), ("swift-openapi-generator", other)):
            clean = figures["clean_debug"]["s"]
            shares = ", ".join(f"{e['s'] / clean * 100:.0f}%" for e in figures["edits"])
            print(f"\n{name}: {figures['files'][0]} files, {figures['files'][1]:,} lines; the incremental "
                  f"rebuilds take {shares} of a clean debug build.")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lathe", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--other", required=True)
    parser.add_argument("--other-version", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--builds", action="store_true")
    parser.add_argument("--no-scaling", action="store_true")
    parser.add_argument("--static", action="store_true", help="both were built with --static-swift-stdlib")
    parser.add_argument("--json", default=None)
    parser.add_argument("specs", nargs="+")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="lathe-compare-")
    try:
        g = Generators(args, work)
        baseline = statistics.median(run([args.lathe, "--help"])[1] for _ in range(3))
        results = {
            "date": datetime.date.today().isoformat(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores",
            "swift": subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0],
            "other_version": args.other_version, "runs": args.runs, "baseline_kib": baseline,
            "linking": "--static-swift-stdlib" if args.static else "dynamic",
            "generation": [],
        }
        for spec in args.specs:
            print(f"generating {os.path.basename(spec)}", file=sys.stderr)
            results["generation"].append(generation(g, spec, args.runs, counting=True))
        square = next((s for s in args.specs if os.path.basename(s) == "square-api.json"), None)
        if square and not args.no_scaling:
            print("scaling", file=sys.stderr)
            results["scaling"] = scaling(g, square, args.runs, baseline)
        if square and args.builds:
            results["builds"] = {}
            try:
                for generator in ("lathe", "other"):
                    print(f"building {generator}'s output", file=sys.stderr)
                    results["builds"][generator] = builds(g, square, generator)
            except SystemExit as failure:  # the generation figures are still worth printing
                print(f"builds: {failure}", file=sys.stderr)
                del results["builds"]
                results["builds_failed"] = str(failure)
        if args.json:
            json.dump(results, open(args.json, "w"), indent=1)
        report(results)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

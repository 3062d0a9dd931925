#!/usr/bin/env python3
"""Peak memory of `lathe generate` against issue 13's target: for specs over 1 MB, the peak resident
set above the process's baseline (`lathe --help`) under 10x the file's size. Each spec is measured
as published and minified (the same JSON without whitespace: more nodes a byte, the harder case).
With several binaries (`--lathe A --lathe B`, say a build of an earlier commit), they run
alternately, and the table compares them within one run. Figures are medians of `--runs` runs of
`/usr/bin/time -f %M`; BENCHMARKS.md holds a run.

    swift build -c release --product lathe
    scripts/benchmark-memory.py [--lathe PATH ...] [--runs N] [SPEC ...]

SPEC defaults to the corpus specs over 1 MB (../shared/corpus); YAML specs are measured as
published only.
"""
import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")

sys.path.insert(0, os.path.join(ROOT, "scripts", "lib"))
from peak_memory import peak_kib  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lathe", action="append", help="a lathe binary (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("specs", nargs="*")
    args = parser.parse_args()
    binaries = args.lathe or [os.path.join(ROOT, ".build", "release", "lathe")]
    specs = args.specs or sorted(
        os.path.join(CORPUS, name) for name in os.listdir(CORPUS)
        if name.endswith(".json") and os.path.getsize(os.path.join(CORPUS, name)) > 1_000_000)
    scratch = tempfile.mkdtemp(prefix="lathe-memory-")
    try:
        inputs = []
        for spec in specs:
            inputs.append((os.path.basename(spec), spec))
            if spec.endswith(".json"):
                minified = os.path.join(scratch, "minified-" + os.path.basename(spec))
                with open(spec) as source, open(minified, "w") as target:
                    json.dump(json.load(source), target, separators=(",", ":"), ensure_ascii=False)
                inputs.append((os.path.basename(spec) + ", minified", minified))
        output = os.path.join(scratch, "out")
        baselines = {b: [] for b in binaries}
        peaks = {(b, name): [] for b in binaries for name, _ in inputs}
        for _ in range(args.runs):
            for binary in binaries:
                baselines[binary].append(peak_kib([binary, "--help"]))
            for name, path in inputs:
                for binary in binaries:
                    shutil.rmtree(output, ignore_errors=True)
                    peaks[(binary, name)].append(
                        peak_kib([binary, "generate", "--quiet", path, "--output", output]))
        header = "| spec | size |" + "".join(f" {b}: peak | above baseline ÷ size |" for b in binaries)
        print(header)
        print("|" + " --- |" * (2 + 2 * len(binaries)))
        for name, path in inputs:
            size = os.path.getsize(path)
            row = f"| {name} | {size / 1e6:.2f} MB |"
            for binary in binaries:
                peak = statistics.median(peaks[(binary, name)])
                above = (peak - statistics.median(baselines[binary])) * 1024 / size
                row += f" {peak / 1024:.1f} MiB | {above:.2f}× |"
            print(row)
        print()
        for binary in binaries:
            print(f"{binary}: baseline (lathe --help) {statistics.median(baselines[binary]) / 1024:.1f} MiB")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()

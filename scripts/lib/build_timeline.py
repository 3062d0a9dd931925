#!/usr/bin/env python3
"""What a SwiftPM debug build of the target `Generated` does with both cores: what scripts/build-timeline.sh
runs after building the target with `-stats-output-dir`.

Each frontend job (the separate emit-module job, then one per batch of files) leaves a statistics
file whose name carries its start time in microseconds and whose contents carry its wall and user
time and its phase timers. This prints the jobs in the order they started, the time Swift's own
phases took in each (the rest is LLVM emitting object code and debug information), and how long a
core stood idle while the build ran.

    build_timeline.py STATS_FOLDER BUILD_WALL_SECONDS
"""
import glob
import json
import os
import re
import sys

folder, build_wall = sys.argv[1], float(sys.argv[2])
PHASES = ("Type checking and Semantic analysis", "SILGen", "SIL optimization", "IRGen")
jobs = []
for path in glob.glob(os.path.join(folder, "*.json")):
    name = os.path.basename(path)
    if "-swift-frontend-Generated-" not in name:  # another target's job
        continue
    start = int(re.match(r"stats-(\d+)-", name).group(1)) / 1e6
    stats = json.load(open(path))
    total = next(k for k in stats if k.startswith("time.swift-frontend.") and k.endswith(".wall"))
    wall, user = stats[total], stats[total[:-len(".wall")] + ".user"]
    swift = sum(stats.get(f"time.swift.{phase}.wall", 0.0) for phase in PHASES)
    what = "emit-module" if "-swiftmodule-" in total else "compile, from " + total.split("-")[2].split(".swift")[0]
    jobs.append((start, wall, user, swift, what))
if not jobs:
    sys.exit(f"no statistics in {folder}")
jobs.sort()
origin = jobs[0][0]
print("| job | starts | ends | wall | CPU | Swift's phases | the rest (compiling: LLVM) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for start, wall, user, swift, what in jobs:
    print(f"| {what} | {start - origin:.1f} s | {start - origin + wall:.1f} s | {wall:.1f} s | {user:.1f} s "
          f"| {swift:.1f} s ({swift / wall * 100:.0f}%) | {wall - swift:.1f} s ({(wall - swift) / wall * 100:.0f}%) |")
busy = sum(wall for _, wall, _, _, _ in jobs)
end = max(start - origin + wall for start, wall, _, _, _ in jobs)
cores = os.cpu_count() or 1
print(f"\nThe jobs ran from 0 to {end:.1f} s and took {busy:.1f} s of wall time together: on {cores} cores, "
      f"{max(0.0, cores * end - busy):.1f} core-seconds idle while they ran. `swift build` took {build_wall:.1f} s in all.")

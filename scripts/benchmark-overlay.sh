#!/usr/bin/env bash
# What applying an overlay costs: `lathe validate` on Square (3.1 MB) with and without
# scripts/lib/square.overlay.yaml, median of 15 runs each, release build.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product lathe >/dev/null
lathe=.build/release/lathe
square=../shared/corpus/square-api.json
python3 - "$lathe" "$square" <<'PY'
import subprocess, sys, time, statistics, resource
lathe, square = sys.argv[1], sys.argv[2]
def measure(extra):
    times, peaks = [], []
    for _ in range(15):
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", lathe, "validate", square, "--quiet", *extra], capture_output=True, text=True)
        times.append(time.perf_counter() - start)
    result = subprocess.run(["/usr/bin/time", "-f", "%M", lathe, "validate", square, "--quiet", *extra], capture_output=True, text=True)
    return statistics.median(times) * 1000, int(result.stderr.strip().splitlines()[-1]) / 1024
plain = measure([])
overlaid = measure(["--overlay", "scripts/lib/square.overlay.yaml"])
print(f"without overlay: {plain[0]:.0f} ms, {plain[1]:.1f} MiB peak")
print(f"with overlay:    {overlaid[0]:.0f} ms, {overlaid[1]:.1f} MiB peak")
PY

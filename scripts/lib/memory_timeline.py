#!/usr/bin/env python3
"""Resident memory of a command over time, sampled from /proc every 3 ms (Linux).

    python3 scripts/lib/memory_timeline.py [--every N] -- COMMAND...

Prints one line per N-th sample (time since start, resident MiB) and the peak. /usr/bin/time
gives only the peak; this shows which stage reaches it (for `lathe generate`: reading, lowering,
emitting), which is how BENCHMARKS.md's "Generating: instructions and memory" found that holding
the output was the peak of every corpus spec over 1 MB.
"""
import argparse
import subprocess
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--every", type=int, default=4, help="print every N-th sample")
    parser.add_argument("command", nargs="+")
    options = parser.parse_args()
    process = subprocess.Popen(options.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.time()
    samples = []
    while process.poll() is None:
        try:
            with open(f"/proc/{process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        samples.append((time.time() - start, int(line.split()[1]) / 1024))
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.003)
    for seconds, mib in samples[:: max(1, options.every)]:
        print(f"{seconds * 1000:7.0f} ms {mib:7.1f} MiB")
    if samples:
        print(f"peak {max(mib for _, mib in samples):.1f} MiB; exit {process.wait()}")


if __name__ == "__main__":
    main()

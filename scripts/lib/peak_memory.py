"""Peak resident memory of a command, as GNU time reports it; the benchmarks that hold memory
against a target share it."""
import subprocess
import sys
import tempfile


def peak_kib(command):
    """Peak resident memory of `command` in KiB (`/usr/bin/time -f %M`); stops the script if it fails."""
    with tempfile.NamedTemporaryFile(mode="r") as report:
        done = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%M"] + command,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if done.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}")
        return int(report.read().split()[-1])

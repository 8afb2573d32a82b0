#!/usr/bin/env python3
"""Whole-process speed and peak memory of `factlint check` as documents grow.

Builds plain-text documents of 1, 10 and 50 MB from the repository's own fixtures (the example
brief and the fixture briefs, repeated), plus the 50 MB single line that CI checks, runs the
release binary on each, and prints wall time (best of --runs), throughput, peak resident memory,
and what each further byte of document costs in memory (the growth in peak memory over the
growth in size, free of the run's fixed cost). The issue's targets: 10x the input costs at most 11x the time; peak memory at most 4x the
largest file plus a constant.

Usage: scripts/measure-scale.py [--bin PATH] [--runs N] [--sizes 1,10,50] [--packs] [--format json]

Needs Python 3 on Linux (peak memory is read from /proc). Wall times include the 2 ms
polling of /proc, which the fixed cost shows. Build first:
cargo build --release.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINE = "The Joint Mission Analysis Centre (JMAC) met in 2013 with 1,650 peacekeepers. "


def unit_text() -> str:
    """The repository's brief-like prose: the example brief and every fixture brief."""
    parts = [(ROOT / "fixtures/example-brief.txt").read_text(encoding="utf-8")]
    for folder in ["acronyms", "numbers", "dates", "facts", "references"]:
        for f in sorted((ROOT / "fixtures" / folder).glob("*.txt")):
            parts.append(f.read_text(encoding="utf-8"))
    return "\n\n".join(parts) + "\n\n"


def write_repeated(path: Path, unit: str, size: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < size:
            out.write(unit)
            written += len(unit.encode("utf-8"))


def high_water(pid: int) -> int:
    """The process's peak resident memory so far (VmHWM), in bytes; 0 once it has exited."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measure(cmd: list, runs: int) -> tuple:
    """Best wall time over `runs`, and the peak RSS in bytes of the command itself.

    The peak is read from /proc while the command runs (it only grows, so the last reading
    is the peak but for the last moments, when factlint is printing). getrusage will not do:
    a child started from this interpreter inherits the interpreter's own peak at exec.
    """
    best, peak = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while child.poll() is None:
            peak = max(peak, high_water(child.pid))
            time.sleep(0.002)
        wall = time.perf_counter() - start
        if child.returncode > 1 or child.returncode < 0:
            sys.exit(f"measure-scale: {' '.join(cmd)} failed with exit code {child.returncode}")
        best = min(best, wall)
    return best, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "target/release/factlint"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1,10,50", help="document sizes in MB, comma-separated")
    ap.add_argument("--packs", action="store_true", help="also run the three built-in packs")
    ap.add_argument("--format", default="json", help="the output format to time (default json: all of it is built and written)")
    args = ap.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"measure-scale: no factlint binary at {args.bin} (cargo build --release)")
    extra = ["--pack", "estimative", "--pack", "numbers-style", "--pack", "brief-hygiene"] if args.packs else []

    unit = unit_text()
    with tempfile.TemporaryDirectory(prefix="factlint-scale.") as tmp:
        tmp = Path(tmp)
        print(f"{'document':<24} {'wall':>9} {'MB/s':>7} {'peak RSS':>10} {'RSS / size':>11} {'added RSS / added size':>23}")
        docs = []
        for mb in [int(s) for s in args.sizes.split(",") if s]:
            path = tmp / f"prose-{mb}mb.txt"
            write_repeated(path, unit, mb * 1_000_000)
            docs.append((f"brief prose, {mb} MB", path))
        line = tmp / "line-50mb.txt"
        with line.open("w", encoding="utf-8") as out:
            out.write((LINE * (52_428_800 // len(LINE) + 1))[:52_428_800])
        docs.append(("one 50 MB line", line))
        previous = None
        for name, path in docs:
            size = path.stat().st_size
            wall, rss = measure([args.bin, "check", "--no-config", "--format", args.format, *extra, str(path)], args.runs)
            # What each further byte of document costs, free of the run's fixed cost.
            added = f"{(rss - previous[3]) / (size - previous[1]):.2f}x" if previous and name.startswith("brief") else ""
            print(f"{name:<24} {wall:>8.3f}s {size / 1e6 / wall:>7.1f} {rss / 2**20:>8.1f}Mi {rss / size:>10.2f}x {added:>23}")
            if previous and name.startswith("brief") and previous[0].startswith("brief"):
                growth = size / previous[1]
                print(f"{'':<24} {growth:.0f}x the input: {wall / previous[2]:.2f}x the time")
            previous = (name, size, wall, rss) if name.startswith("brief") else previous


if __name__ == "__main__":
    main()

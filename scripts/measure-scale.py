#!/usr/bin/env python3
"""Whole-process speed and peak memory of `factlint check` as documents grow.

Builds plain-text documents of 1, 10 and 50 MB from the repository's own fixtures (the example
brief and the fixture briefs, repeated), plus the 50 MB single line that CI checks, runs the
release binary on each, and prints wall time (best of --runs), throughput, peak resident memory,
and memory per byte of document once the run's fixed cost (an empty document's peak) is taken
off. The issue's targets: 10x the input costs at most 11x the time; peak memory at most 4x the
largest file plus a constant.

Usage: scripts/measure-scale.py [--bin PATH] [--runs N] [--sizes 1,10,50] [--packs]

Needs only Python 3 on Linux or macOS (peak memory comes from getrusage). Build first:
cargo build --release.
"""

import argparse
import os
import resource
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


def measure(cmd: list, runs: int) -> tuple:
    """Best wall time over `runs` and the peak RSS in bytes, each run in a child of its own."""
    probe = (
        "import resource,subprocess,sys,time\n"
        "t=time.perf_counter();r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,"
        "stderr=subprocess.DEVNULL).returncode;w=time.perf_counter()-t\n"
        "print(w,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,r)\n"
    )
    best, peak = float("inf"), 0
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True)
        wall, rss, code = out.stdout.split()
        if int(code) > 1:
            sys.exit(f"measure-scale: {' '.join(cmd)} failed with exit code {code}")
        best = min(best, float(wall))
        # ru_maxrss is in KiB on Linux, bytes on macOS.
        rss = int(rss) * (1 if sys.platform == "darwin" else 1024)
        peak = max(peak, rss)
    return best, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "target/release/factlint"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="1,10,50", help="document sizes in MB, comma-separated")
    ap.add_argument("--packs", action="store_true", help="also run the three built-in packs")
    args = ap.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"measure-scale: no factlint binary at {args.bin} (cargo build --release)")
    extra = ["--pack", "estimative", "--pack", "numbers-style", "--pack", "brief-hygiene"] if args.packs else []

    unit = unit_text()
    with tempfile.TemporaryDirectory(prefix="factlint-scale.") as tmp:
        tmp = Path(tmp)
        empty = tmp / "empty.txt"
        empty.write_text("", encoding="utf-8")
        base_wall, base_rss = measure([args.bin, "check", "--no-config", *extra, str(empty)], args.runs)
        print(f"fixed cost (empty document): {base_wall * 1000:.1f} ms, peak RSS {base_rss / 2**20:.1f} MiB")
        print(f"{'document':<24} {'wall':>9} {'MB/s':>7} {'peak RSS':>10} {'(RSS - fixed) / size':>22}")
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
            wall, rss = measure([args.bin, "check", "--no-config", "--format", "concise", *extra, str(path)], args.runs)
            ratio = (rss - base_rss) / size
            print(f"{name:<24} {wall:>8.3f}s {size / 1e6 / wall:>7.1f} {rss / 2**20:>8.1f}Mi {ratio:>21.2f}x")
            if previous and name.startswith("brief") and previous[0].startswith("brief"):
                growth = size / previous[1]
                print(f"{'':<24} {growth:.0f}x the input: {wall / previous[2]:.2f}x the time")
            previous = (name, size, wall)


if __name__ == "__main__":
    main()

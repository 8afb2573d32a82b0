#!/usr/bin/env python3
"""Adversarial inputs against an ordinary brief of the same size (issue 16).

Builds each worst case in a temporary folder, runs the release binary on it under
`/usr/bin/time -v`, runs an ordinary brief of the same byte size (fixtures/example-brief.txt
repeated) the same way, and prints a Markdown table: case, input size, seconds, max RSS, output
size, and the ratio of the case's time to the ordinary brief's. A case passes at ratio <= 10.

    cargo build --release && python3 scripts/stress.py            # all cases
    python3 scripts/stress.py --bin target/release/factlint --only acr006 dates
    FACTLINT_STRESS_SCALE=0.1 python3 scripts/stress.py           # a quick, smaller run
"""

import argparse
import itertools
import os
import re
import string
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BRIEF = os.path.join(ROOT, "fixtures", "example-brief.txt")
SCALE = float(os.environ.get("FACTLINT_STRESS_SCALE", "1"))


def n(count):
    return max(10, int(count * SCALE))


def acronyms(k):
    """`k` distinct four-letter acronyms, each with an expansion whose initials fit it."""
    letters = string.ascii_uppercase
    for combo in itertools.islice(itertools.product(letters, repeat=4), k):
        acr = "".join(combo)
        words = " ".join(c + "ord" + c.lower() + "x" for c in combo)
        yield acr, words


def case_acr006(d):
    # 100,000 distinct definitions, each never used again (ACR006 for each).
    lines = [f"The {w} ({a}) met on the day.\n" for a, w in acronyms(n(100_000))]
    return write(d, "defs.txt", "".join(lines)), [], "human"


def case_acr004(d):
    # 40,000 definitions in one sentence (no full stop anywhere).
    parts = [f"the {w} ({a})" for a, w in acronyms(n(40_000))]
    text = "Present were " + ", ".join(parts) + "\n"
    return write(d, "sentence.txt", text), [], "human"


def case_near_misses(d):
    # 8,000 near-misses of one defined acronym on one line: every one-letter variant of AFISMA
    # in turn (a single variant repeated 8,000 times is a consistent use, not a typo).
    variants = sorted(
        {a[:i] + c + a[i + 1 :] for a in ["AFISMA"] for i in range(6) for c in string.ascii_uppercase}
        - {"AFISMA"}
    )
    words = [f"the {variants[i % len(variants)]} unit" for i in range(n(8_000))]
    text = (
        "The African-led International Support Mission in Mali (AFISMA) deployed. AFISMA went.\n\n"
        + " ".join(words)
        + "\n"
    )
    return write(d, "near.txt", text), [], "human"


def case_near_repeated(d):
    # The reproducer: one near-miss repeated 8,000 times on one line.
    text = (
        "The African-led International Support Mission in Mali (AFISMA) deployed.\n\n"
        + " ".join(["ASISMA"] * n(8_000))
        + "\n"
    )
    return write(d, "near1.txt", text), [], "human"


def case_dates(d):
    # 50,000 malformed dates in one paragraph (DAT005 for each), wrapped like PDF text.
    dates = [f"on October, {1 + i % 28}, 2012" for i in range(n(50_000))]
    lines = [", ".join(dates[i : i + 6]) for i in range(0, len(dates), 6)]
    text = "Meetings took place " + ",\n".join(lines) + ".\n"
    return write(d, "dates.txt", text), [], "human"


def facts_case(count):
    def build(d):
        doc = write(d, "brief.txt", open(BRIEF, encoding="utf-8").read())
        facts = ['[document]\nas_of = "2024-01-01"\n']
        for i in range(n(count)):
            facts.append(
                f'[[fact]]\nid = "f{i}"\nabout = ["Term{i}x", "Other{i}y"]\nvalue = {i}\n'
            )
        path = write(d, "brief.facts.toml", "\n".join(facts))
        return doc, ["--facts", path], "human", os.path.getsize(path)

    return build


def case_concise_line(d):
    # 100,000 findings of a custom rule on one line, concise output (positions from a line
    # index, not a count from the line start), with non-ASCII text so columns count chars.
    rules = write(
        d,
        "r.toml",
        '[[rule]]\nid = "house.zq"\nseverity = "warning"\nmessage = "zq"\npattern = \'zq\'\n',
    )
    text = " ".join(["é zq"] * n(100_000)) + "\n"
    return write(d, "line.txt", text), ["--rules", rules], "concise"


CASES = {
    "acr006": ("100k distinct acronym definitions", case_acr006),
    "acr004": ("40k definitions in one sentence", case_acr004),
    "near": ("8k near-misses of one acronym, one line", case_near_misses),
    "near1": ("one near-miss 8k times, one line", case_near_repeated),
    "dates": ("50k dates in one paragraph", case_dates),
    "facts50k": ("facts file, 50k facts", facts_case(50_000)),
    "facts100k": ("facts file, 100k facts", facts_case(100_000)),
    "facts200k": ("facts file, 200k facts", facts_case(200_000)),
    "concise": ("100k findings on one line, concise", case_concise_line),
}


def write(d, name, text):
    path = os.path.join(d, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def ordinary(d, size):
    brief = open(BRIEF, encoding="utf-8").read()
    text = brief * (size // len(brief.encode()) + 1)
    text = text.encode()[:size].decode("utf-8", "ignore")
    return write(d, "ordinary.txt", text)


def measure(binary, args, out_path, timeout):
    cmd = ["/usr/bin/time", "-v", binary, "check", "--no-config", "--no-cache", *args]
    with open(out_path, "wb") as out:
        try:
            p = subprocess.run(
                cmd, stdout=out, stderr=subprocess.PIPE, timeout=timeout, cwd=ROOT
            )
        except subprocess.TimeoutExpired:
            return None
    err = p.stderr.decode(errors="replace")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", err)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    status = re.search(r"Exit status: (\d+)", err)
    code = int(status.group(1)) if status else -1
    if code not in (0, 1):
        sys.stderr.write(f"exit {code}: {' '.join(cmd)}\n{err[-2000:]}\n")
    return seconds, int(rss.group(1)) // 1024, os.path.getsize(out_path), code


def human_size(b):
    for unit in ["B", "KB", "MB", "GB"]:
        if b < 1024 or unit == "GB":
            return f"{b:.0f} {unit}" if unit == "B" else f"{b:.1f} {unit}"
        b /= 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "factlint"))
    ap.add_argument("--only", nargs="*", choices=sorted(CASES))
    ap.add_argument("--timeout", type=float, default=120)
    a = ap.parse_args()
    print("| case | input | seconds | max RSS | output | ordinary brief: s / RSS | ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key in a.only or CASES:
        title, build = CASES[key]
        with tempfile.TemporaryDirectory() as d:
            built = build(d)
            doc, extra, fmt = built[:3]
            size = built[3] if len(built) > 3 else os.path.getsize(doc)
            args = [doc, *extra, "--format", fmt]
            got = measure(a.bin, args, os.path.join(d, "out"), a.timeout)
            base = measure(
                a.bin, [ordinary(d, size), "--format", fmt], os.path.join(d, "out0"), a.timeout
            )
        if got is None:
            print(f"| {title} | {human_size(size)} | > {a.timeout:.0f} (timeout) | | | | |")
            continue
        s, rss, out, _ = got
        s0, rss0, _, _ = base
        ratio = s / max(s0, 0.01)
        print(
            f"| {title} | {human_size(size)} | {s:.2f} | {rss} MB | {human_size(out)} "
            f"| {s0:.2f} / {rss0} MB | {ratio:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()

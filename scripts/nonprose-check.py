#!/usr/bin/env python3
"""Findings that sit inside text that is not prose.

  nonprose-check.py [--bin PATH] [--samples N] DIR [DIR ...]

Runs `factlint check --no-config --no-cache --format json` on each DIR (from a temporary
working folder, so no cache is written anywhere) and, with a detector of its own (regular
expressions, independent of factlint's parsers), finds the constructs that are not prose:
front matter, fenced and indented code, inline code, HTML tags and comments, link
destinations and link-reference definitions, bare URLs, Hugo shortcodes and their raw bodies,
Liquid and Go template tags and raw bodies, GitHub alert markers, math, MDX comments, ESM and
expressions, emoji shortcodes, kramdown attribute lists, and reStructuredText / AsciiDoc
literal blocks, comments, roles and attributes. Every finding whose span starts inside one is
reported: counts per construct, then samples. Exit status 1 when there is any, 0 otherwise.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

MD = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx")
S = re.S
M = re.M


def spans(pattern, text, name, flags=0, group=0):
    return [(m.start(group), m.end(group), name) for m in re.finditer(pattern, text, flags)]


def fences(text):
    """Fenced code blocks, by lines: an opening run of 3+ backticks or tildes closes at a run of
    the same character at least as long (or the end)."""
    out, pos, open_at, fence = [], 0, None, None
    for line in text.splitlines(keepends=True):
        m = re.match(r"[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})", line)
        if fence is None and m:
            open_at, fence = pos, m.group(1)
        elif fence is not None and m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) \
                and line.strip().strip(fence[0]) == "":
            out.append((open_at, pos + len(line), "fenced code"))
            fence = None
        pos += len(line)
    if fence is not None:
        out.append((open_at, pos, "fenced code"))
    return out


def indented_code(text):
    """Indented code: lines indented by 4+ after a blank line, when the paragraph before the
    blank line is not indented and is not a list item (whose continuation is indented too)."""
    out, pos, prev_blank, last_text = [], 0, True, ""
    start = None
    for line in text.splitlines(keepends=True):
        blank = not line.strip()
        if start is not None and not blank and not line.startswith(("    ", "\t")):
            out.append((start, pos, "indented code"))
            start = None
        if start is None and not blank and prev_blank and line.startswith(("    ", "\t")):
            ok = not last_text.startswith((" ", "\t")) and not re.match(r"\s*([-*+]|\d+[.)])\s", last_text)
            if ok and last_text:
                start = pos
        if not blank and start is None:
            last_text = line
        prev_blank = blank
        pos += len(line)
    if start is not None:
        out.append((start, pos, "indented code"))
    return out


def shortcode_bodies(text):
    """Raw bodies of Hugo `{{< name >}} … {{< /name >}}`, less the `{{% %}}` bodies in them."""
    out = []
    for m in re.finditer(r"\{\{<\s*([\w./-]+)([^\n]*?)>\}\}", text):
        name = m.group(1)
        if m.group(2).rstrip().endswith("/"):
            continue  # self-closing: no body
        close = re.compile(r"\{\{<\s*/\s*" + re.escape(name) + r"\s*>\}\}")
        c = close.search(text, m.end())
        if not c:
            continue
        body_start, body_end = m.end(), c.start()
        cut = []
        for p in re.finditer(r"\{\{%\s*([\w./-]+)[^\n]*?%\}\}", text[body_start:body_end]):
            pc = re.search(r"\{\{%\s*/\s*" + re.escape(p.group(1)) + r"\s*%\}\}", text[body_start + p.end():body_end])
            if pc:
                cut.append((body_start + p.end(), body_start + p.end() + pc.start()))
        s = body_start
        for a, b in cut:
            if a > s:
                out.append((s, a, "shortcode raw body"))
            s = max(s, b)
        if body_end > s:
            out.append((s, body_end, "shortcode raw body"))
    return out


def markdown(text, mdx):
    out = []
    out += spans(r"\A(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(\n|\Z)", text, "front matter", S)
    out += fences(text)
    out += indented_code(text)
    out += spans(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", text, "inline code", S)
    out += spans(r"<!--.*?-->", text, "HTML comment", S)
    out += spans(r"</?[A-Za-z][\w.:-]*(?:\s[^<>]*)?/?>", text, "HTML/JSX tag")
    out += spans(r"\]\((?:<[^>\n]*>|[^)\s]*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)", text, "link destination")
    out += spans(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*$", text, "link-reference definition", M)
    out += spans(r"\b(?:https?|ftp)://[^\s<>\"]+", text, "URL")
    out += spans(r"\{\{[<%].*?[>%]\}\}", text, "shortcode tag", S)
    out += shortcode_bodies(text)
    out += spans(r"\{%-?\s*(comment|raw|highlight|codeblock)\b.*?%\}.*?\{%-?\s*end\1\s*-?%\}", text, "Liquid raw body", S)
    out += spans(r"\{%.*?%\}", text, "Liquid tag", S)
    out += spans(r"\{\{(?![<%]).*?\}\}", text, "template tag", S)
    out += spans(r"^[ \t]*>[ \t]*\[![A-Za-z]+\]", text, "alert marker", M)
    out += spans(r"\$\$.+?\$\$", text, "math", S)
    out += spans(r"\\\[.+?\\\]|\\\(.+?\\\)", text, "math", S)
    out += spans(r"(?<![\\$\w])\$(?=[^\s$])[^$\n]*?(?<=[^\s$\\])\$(?![\d$])", text, "math")
    out += spans(r"\{/\*.*?\*/\}", text, "MDX comment", S)
    out += spans(r"(?<![\w:]):(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]+:(?![\w:])|(?<![\w:]):[+-]1:(?![\w:])", text, "emoji shortcode")
    out += spans(r"\{:[^}\n]*\}|(?:^|[ \t])\{[#.][\w-][^}\n]*\}[ \t]*$", text, "kramdown attribute list", M)
    if mdx:
        out += spans(r"^(?:import|export)\b[^\n]*(?:\n(?!\s*\n)[^\n]*)*", text, "MDX ESM", M)
        out += spans(r"\{[^{}\n]*\}", text, "MDX expression")
    return out


def rst_literal_blocks(text):
    """The block indented past the text of the paragraph that ends with '::'."""
    out, lines, pos = [], text.splitlines(keepends=True), []
    p = 0
    for line in lines:
        pos.append(p)
        p += len(line)
    pos.append(p)
    para_start = 0
    for i, line in enumerate(lines):
        if not line.strip():
            para_start = i + 1
            continue
        if line.lstrip().startswith(".."):
            continue  # a directive: not a literal block's paragraph
        if line.rstrip().endswith("::") and (i + 1 == len(lines) or not lines[i + 1].strip()):
            first = lines[para_start]
            m = re.match(r"\s*(?:[-*+]|\d+[.)]|#\.)\s+", first)
            indent = len(m.group(0)) if m else len(first) - len(first.lstrip())
            j, end = i + 1, i + 1
            while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
                j += 1
                if lines[j - 1].strip():
                    end = j
            if end > i + 1:
                out.append((pos[i + 1], pos[end], "rst literal block"))
    return out


def rst(text):
    out = []
    out += rst_literal_blocks(text)
    # Admonitions and Sphinx object descriptions (any domain) have prose bodies.
    prose = ("note|warning|tip|hint|important|caution|danger|attention|error|admonition|seealso|topic|sidebar"
             "|versionadded|versionchanged|deprecated|rubric|glossary|container|only|figure|table|list-table"
             "|(?:auto)?(?:function|class|method|attribute|data|exception|module|decorator|property)"
             "|staticmethod|classmethod|type|member|macro|struct|envvar|option|describe|object|confval")
    out += spans(r"^\.\. (?![\w-]*:?(?:" + prose + r")::)[\w:-]+::.*\n(?:(?:[ \t]+.*)?\n)*", text, "rst directive", M)
    out += spans(r"^\.\.(?: (?![\w:-]+::|\[|_|\|).*)?\n(?:[ \t]+.*\n)*", text, "rst comment", M)
    out += spans(r"``[^`\n]+(?:\n[^`\n]+)*?``", text, "rst literal")
    out += spans(r":[\w:.+-]+:`[^`]+`", text, "rst role")
    out += spans(r"\|[^|\s][^|\n]*\|", text, "rst substitution")
    out += spans(r"\b(?:https?|ftp)://[^\s<>\"]+", text, "URL")
    return out


def adoc(text):
    out = []
    for delim, name in ((r"-{4,}", "adoc listing"), (r"\.{4,}", "adoc literal"), (r"/{4,}", "adoc comment"), (r"\+{4,}", "adoc passthrough")):
        out += spans(r"^(" + delim + r")[ \t]*\n.*?^\1[ \t]*$", text, name, S | M)
    out += spans(r"^//(?!//).*$", text, "adoc comment", M)
    out += spans(r"^:[\w!-]+:.*$", text, "adoc attribute entry", M)
    out += spans(r"^\[[^\]\n]*\][ \t]*$", text, "adoc block attributes", M)
    out += spans(r"^[a-z]+::\S*\[.*\][ \t]*$", text, "adoc block macro", M)
    out += spans(r"`[^`\n]+`", text, "adoc monospace")
    out += spans(r"(?<![\w+])\+[^+\s][^+\n]*?(?<=\S)\+(?![\w+])", text, "adoc passthrough")
    out += spans(r"\{[\w-]+\}", text, "adoc attribute reference")
    out += spans(r"\b(?:https?|ftp)://[^\s<>\"\[]+", text, "URL")
    return out


def constructs(path, text):
    low = path.lower()
    if low.endswith(MD):
        return markdown(text, low.endswith(".mdx"))
    if low.endswith((".rst", ".rest")):
        return rst(text)
    if low.endswith((".adoc", ".asciidoc", ".asc")):
        return adoc(text)
    return []


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="factlint")
    ap.add_argument("--samples", type=int, default=15)
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin) if os.sep in args.bin else args.bin
    total = 0
    for d in args.dirs:
        d = os.path.abspath(d)
        with tempfile.TemporaryDirectory() as cwd:
            p = subprocess.run([binary, "check", "--no-config", "--no-cache", "--format", "json", d],
                               cwd=cwd, capture_output=True, text=True, timeout=1800)
        try:
            diags = json.loads(p.stdout)["diagnostics"]
        except (ValueError, KeyError):
            sys.exit(f"factlint gave no JSON for {d}: {p.stderr.strip()[:500]}")
        by_path = collections.defaultdict(list)
        for x in diags:
            if x["rule"] not in ("io", "config"):
                by_path[x["path"]].append(x)
        hits, counts = [], collections.Counter()
        for path, found in sorted(by_path.items()):
            raw = open(path, "rb").read()
            bom = raw.startswith(b"\xef\xbb\xbf")
            data = raw[3:] if bom else raw
            text = data.decode("utf-8", errors="replace")
            # The detector works on characters; findings give byte offsets.
            char_at = {}
            b = 0
            for i, ch in enumerate(text):
                char_at[b] = i
                b += len(ch.encode("utf-8"))
            char_at[b] = len(text)
            regions = constructs(path, text)
            for x in found:
                # Offsets count the file's bytes, a byte-order mark included.
                c = char_at.get(x["start"] - (3 if bom else 0))
                if c is None:
                    continue
                inside = [name for (a, z, name) in regions if a <= c < z]
                if inside:
                    name = sorted(inside)[0]
                    counts[name] += 1
                    line_text = text[max(0, c - 40):c + 60].replace("\n", " ")
                    hits.append((name, f"{os.path.relpath(path, os.path.dirname(d))}:{x['line']} {x['rule']} {x['message']}\n      …{line_text}…"))
        total += len(hits)
        print(f"== {os.path.basename(d)}: {len(diags)} findings, {len(hits)} inside text that is not prose")
        for name, n in counts.most_common():
            print(f"   {name}: {n}")
        for name, h in hits[: args.samples]:
            print(f"   - [{name}] {h}")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()

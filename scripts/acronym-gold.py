#!/usr/bin/env python3
"""Precision and recall of `factlint acronyms --format json` on the MED1250 gold standard (Ab3P).

  scripts/acronym-gold.py CORPUS_DIR [--bin target/release/factlint] [--verbose] [--reachable]

CORPUS_DIR holds MED1250_unlabeled and MED1250_gold_pairs.tsv (the Ab3P "MED1250" set). The
records are read with their line endings as written: some titles end in a bare carriage return,
and reading them with universal newlines splits the title from its abstract, losing the abstract
(and 463 of the 1,199 gold pairs with it). --reachable scores only gold pairs whose short and long
forms both occur in the text. Last line: 'precision P% recall R% (tp, predicted, gold)'.
"""
import json, os, re, subprocess, sys, tempfile


def norm(s):
    return re.sub(r"\s+", " ", s.strip().lower())


def load(d):
    raw = open(os.path.join(d, "MED1250_unlabeled"), encoding="latin-1", newline="").read()
    text = re.sub(r"\r[ \t]*\n|\r", "\n", raw.replace("\r\n", "\n"))
    # A bare carriage return ends a title line; the abstract follows on the next line.
    docs = {}
    for rec in re.split(r"\n[ \t]*\n(?=\d+\n)", text):
        lines = rec.strip("\n").split("\n")
        if lines and lines[0].strip().isdigit():
            docs.setdefault(lines[0].strip(), "\n".join(l for l in lines[1:] if l.strip()))
    gold = set()
    rows = open(os.path.join(d, "MED1250_gold_pairs.tsv"), encoding="utf-8").read().splitlines()[1:]
    for row in rows:
        pmid, sf, lf = row.split("\t")[:3]
        gold.add((pmid, norm(sf), norm(lf)))
    return docs, gold


def main():
    d = sys.argv[1]
    binary = sys.argv[sys.argv.index("--bin") + 1] if "--bin" in sys.argv else "target/release/factlint"
    docs, gold = load(d)
    if "--reachable" in sys.argv:
        gold = {g for g in gold if g[0] in docs and g[1] in docs[g[0]].lower()
                and g[2] in norm(docs[g[0]])}
    tmp = tempfile.mkdtemp()
    for k, t in docs.items():
        with open(os.path.join(tmp, k + ".txt"), "w", encoding="utf-8") as f:
            f.write(t)
    p = subprocess.run([binary, "acronyms", "--format", "json", tmp], capture_output=True, text=True)
    found = json.loads(p.stdout)["acronyms"]
    pred = {(os.path.basename(a["path"]).rsplit(".", 1)[0], norm(a["short"]), norm(a["long"])) for a in found}
    pred = {x for x in pred if x[0] in docs}
    tp = len(pred & gold)
    if "--verbose" in sys.argv:
        for x in sorted(pred - gold):
            print("FP", x)
        for x in sorted(gold - pred):
            print("FN", x)
    P = 100 * tp / len(pred) if pred else 0.0
    R = 100 * tp / len(gold) if gold else 0.0
    print(f"precision {P:.1f}% recall {R:.1f}% (tp {tp}, predicted {len(pred)}, gold {len(gold)})")


if __name__ == "__main__":
    main()

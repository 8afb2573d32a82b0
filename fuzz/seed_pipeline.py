#!/usr/bin/env python3
"""Seeds for the `pipeline` fuzz target: fixtures with rule, facts and config files, in its
input layout (see fuzz_targets/pipeline.rs). Run from the repository root:

    python3 fuzz/seed_pipeline.py    # writes fuzz/corpus/pipeline/
"""
import glob
import os
import struct

CONFIG = b'''select = ["ACR", "DAT", "NUM", "FCT", "REF", "house"]
ignore = ["ACR006"]
fail-on = "warning"
packs = ["brief-hygiene"]
[severity]
ACR001 = "error"
[acronyms]
exempt = ["PLA"]
[[overrides]]
files = ["doc.md"]
ignore = ["REF003"]
'''
RULES = open("fixtures/rules/house.toml", "rb").read()
out = "fuzz/corpus/pipeline"
os.makedirs(out, exist_ok=True)
docs = sorted(glob.glob("fixtures/*/*.md") + glob.glob("fixtures/*/*.txt"))
docs.append("fixtures/example-brief.txt")
n = 0
for i, doc in enumerate(docs):
    text = open(doc, "rb").read()
    facts_path = os.path.splitext(doc)[0] + ".facts.toml"
    facts = open(facts_path, "rb").read() if os.path.exists(facts_path) else b""
    rules = RULES if i % 2 == 0 else b""
    config = CONFIG if i % 3 == 0 else b""
    flags = (1 if doc.endswith(".md") else 0) | ((i % 3) << 1) | (8 if i % 5 == 0 else 0)
    head = bytes([flags]) + struct.pack("<HHH", len(rules), len(facts), len(config))
    with open(os.path.join(out, f"seed-{n:03}"), "wb") as f:
        f.write(head + rules + facts + config + text)
    n += 1
print(f"{n} seeds in {out}")

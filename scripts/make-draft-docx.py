#!/usr/bin/env python3
"""Writes fixtures/docx/draft.docx, a small Word draft made on python-docx's default template
(a package Word itself wrote: styles, settings, theme, fonts, core properties), for
tests/word_and_html.rs. Needs python-docx (pip install python-docx, 1.2 or newer for comments).

  scripts/make-draft-docx.py [OUT]

What the draft holds and what the test expects of it:
- a Heading 1, "Naval Operations in the Gulf of Guinea" (a heading, not a sentence);
- a paragraph defining EUNAVFOR, with a soft line break (Shift+Enter) inside it;
- a paragraph with the misspelling EUNAFVOR (ACR003, paragraph 3);
- a comment on that paragraph whose text misspells it again, ASISMA-style: comments are not
  read, so it must not fire;
- a two-by-two table whose cells are paragraphs 4 to 7: "Thursday" and "March 8, 2024" stand
  in two cells, not one weekday-dated date (no DAT003).
"""
import sys

import docx

out = sys.argv[1] if len(sys.argv) > 1 else "fixtures/docx/draft.docx"
d = docx.Document()
d.core_properties.author = "factlint"
d.add_heading("Naval Operations in the Gulf of Guinea", level=1)
p = d.add_paragraph("The European Union Naval Force (EUNAVFOR) has escorted food aid ")
p.add_run().add_break()
p.add_run("shipments off Somalia since 2008.")
typo = d.add_paragraph("A new mission now sails alongside EUNAFVOR in the Gulf of Guinea.")
if hasattr(d, "add_comment"):
    d.add_comment(typo.runs, text="Check EUNAFVR with the ASISMA desk.", author="Reviewer")
table = d.add_table(rows=2, cols=2)
for r, row in enumerate([("Sails", "Ends"), ("Thursday", "March 8, 2024")]):
    for c, text in enumerate(row):
        table.cell(r, c).text = text
d.save(out)
print(out)

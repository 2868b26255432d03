"""A layout built on two paper sizes makes two pieces: each edition may carry its own material id, footer
line and margins (`page.editions`), read back from each PDF's footer text with PDFium."""

from __future__ import annotations

import pypdfium2 as pdfium

from tagprint.commands.cli import main

LAYOUT = """\
document:
  title: Editions
  lang: en-US
  material_id: US-TEST-0008
  date: 11/2026
  created: 2026-11-01
  footer: For US healthcare professionals only
theme: kineret
page:
  size: [letter, a4]
  margins: [15mm, 15mm, 20mm, 15mm]
  editions:
    a4:
      material_id: INT-TEST-0008
      footer: For healthcare professionals only
      margins: [15mm, 15mm, 30mm, 15mm]
templates:
  plain:
    regions:
      body: {columns: 1-12}
      foot: {columns: 1-12, bottom: 0}
pages:
  - template: plain
    regions:
      body: [body]
      foot: [foot]
"""
CONTENT = """\
body:
  - {type: heading, level: 1, text: Editions}
  - {type: paragraph, text: The same words on both papers.}
  - {type: material_id}
foot:
  - {type: paragraph, text: FOOTNOTE stands on the bottom margin.}
"""
MM = 72 / 25.4


def page_text(data: bytes) -> tuple[str, float, float]:
    page = pdfium.PdfDocument(data)[0]
    text = page.get_textpage()
    everything = text.get_text_range()
    found = everything.find("FOOTNOTE")
    return everything, page.get_height() - text.get_charbox(found)[1], page.get_height()


def test_each_edition_carries_its_own_material_id_footer_and_margins(project, capsys):
    project.layout(LAYOUT)
    project.content(CONTENT)
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    letter, letter_foot, _ = page_text((project.root / "output" / "test-letter.pdf").read_bytes())
    a4, a4_foot, a4_height = page_text((project.root / "output" / "test-a4.pdf").read_bytes())
    assert "US-TEST-0008" in letter and "For US healthcare professionals only" in letter
    assert "INT-TEST-0008" in a4 and "For healthcare professionals only" in a4
    assert "US-TEST-0008" not in a4 and "For US" not in a4
    assert letter_foot > 792 - 20 * MM - 20 and letter_foot <= 792 - 20 * MM  # on the letter margin
    assert a4_height - 30 * MM - 20 < a4_foot <= a4_height - 30 * MM  # on the A4 edition's deeper margin


def test_an_edition_for_a_paper_the_layout_does_not_build(project, capsys):
    project.layout(LAYOUT.replace("size: [letter, a4]", "size: letter"))
    project.content(CONTENT)
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "an edition for a4, a paper size this layout does not build" in err and "layouts/test.yaml:" in err


def test_an_edition_sets_its_own_content_in_place_of_the_layouts(project, capsys):
    project.layout(LAYOUT.replace("      margins: [15mm, 15mm, 30mm, 15mm]\n",
                                  "      margins: [15mm, 15mm, 30mm, 15mm]\n      content: {foot: foot-int}\n"))
    project.content(CONTENT + "foot-int:\n  - {type: paragraph, text: FOOTNOTE for every market but the US.}\n")
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    letter, _, _ = page_text((project.root / "output" / "test-letter.pdf").read_bytes())
    a4, _, _ = page_text((project.root / "output" / "test-a4.pdf").read_bytes())
    assert "FOOTNOTE stands on the bottom margin" in letter and "every market" not in letter
    assert "FOOTNOTE for every market but the US" in a4 and "stands on the bottom margin" not in a4


def test_an_edition_swapping_content_that_is_not_there(project, capsys):
    project.layout(LAYOUT.replace("      margins: [15mm, 15mm, 30mm, 15mm]\n",
                                  "      margins: [15mm, 15mm, 30mm, 15mm]\n"
                                  "      content: {fot: foot-int, foot: foot-intl}\n"))
    project.content(CONTENT + "foot-int:\n  - {type: paragraph, text: FOOTNOTE for every market but the US.}\n")
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "the a4 edition swaps content id 'fot', which no page places" in err
    assert "the a4 edition's content id 'foot-intl' is in no content file" in err
    assert err.count("layouts/test.yaml:") >= 2


def _swap(content: str) -> str:
    return LAYOUT.replace("      margins: [15mm, 15mm, 30mm, 15mm]\n",
                          f"      margins: [15mm, 15mm, 30mm, 15mm]\n      content: {content}\n")


def test_content_swapped_in_stands_under_the_id_it_replaces(project, capsys):
    """A link to the layout's id lands on what the edition swapped in (its Sect carries that id)."""
    import pikepdf

    project.layout(_swap("{foot: foot-int}"))
    project.content(CONTENT.replace("text: The same words on both papers.", "text: 'See [the foot](#foot \"Go to the foot\").'")
                    + "foot-int:\n  - {type: paragraph, text: FOOTNOTE for every market but the US.}\n")
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    with pikepdf.open(project.root / "output" / "test-a4.pdf") as pdf:
        (annot,) = [a for a in pdf.pages[0].Annots if a.Subtype == "/Link"]
        assert "/Dest" in annot
        assert [str(k.ID) for k in pdf.Root.StructTreeRoot.K[0].K if "/ID" in k] == ["section-foot"]


def test_an_edition_is_judged_as_a_whole_document(project, capsys):
    """What an edition swaps in is checked like the rest: a note marker without its note is a problem at its
    line, not a crash; content a page already places, or a swap of a swapped-in id, are problems too."""
    project.layout(_swap("{foot: foot-int, foot-int: body}"))
    project.content(CONTENT + "foot-int:\n  - {type: paragraph, text: \"FOOTNOTE{note}`*` abroad.\"}\n")
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err
    assert "the a4 edition swaps content id 'foot-int', which no page places" in err
    assert "the a4 edition swaps in content id 'body', which a page already places" in err
    assert "content/test.yaml:8:23: footnote marker '*' has no note" in err  # the marker without a note, at its line in the swapped-in content


def test_the_edition_of_a_layout_built_on_one_paper_applies(project, capsys):
    project.layout(_swap("{foot: foot-int}").replace("size: [letter, a4]", "size: a4"))
    project.content(CONTENT + "foot-int:\n  - {type: paragraph, text: FOOTNOTE for every market but the US.}\n")
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    a4, _, _ = page_text((project.root / "output" / "test.pdf").read_bytes())
    assert "INT-TEST-0008" in a4 and "FOOTNOTE for every market but the US" in a4


def test_an_edition_composes_its_own_pages(project, capsys):
    """The A4 edition's own pages: its footnote set under the body instead of on the bottom margin; the
    letter piece keeps the layout's pages."""
    pages = ("      pages:\n        - template: plain\n          regions:\n            body: [body, foot]\n")
    project.layout(LAYOUT.replace("      margins: [15mm, 15mm, 30mm, 15mm]\n",
                                  "      margins: [15mm, 15mm, 30mm, 15mm]\n" + pages))
    project.content(CONTENT)
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    _, letter_foot, _ = page_text((project.root / "output" / "test-letter.pdf").read_bytes())
    _, a4_foot, a4_height = page_text((project.root / "output" / "test-a4.pdf").read_bytes())
    assert letter_foot > 792 - 20 * MM - 20          # on the letter margin, as the layout places it
    assert a4_foot < a4_height / 3                   # under the body, near the top, as the edition composes it


def test_an_editions_pages_report_problems_at_their_own_lines(project, capsys):
    pages = ("      pages:\n        - template: plain\n          regions:\n            bdy: [body, foot]\n")
    project.layout(LAYOUT.replace("      margins: [15mm, 15mm, 30mm, 15mm]\n",
                                  "      margins: [15mm, 15mm, 30mm, 15mm]\n" + pages))
    project.content(CONTENT)
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "layouts/test.yaml:20:13: template 'plain' has no region 'bdy' [page.editions.a4.pages[0].regions.bdy]" in err, err

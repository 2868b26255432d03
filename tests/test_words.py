"""The words tagprint writes itself, in the document's language (catalogue, overrides, fallback)."""

from __future__ import annotations

import subprocess

import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.commands.cli import main
from tagprint.words import CATALOGUE, placeholders, words_for

GERMAN = MINIMAL_LAYOUT.replace("lang: en-US", "lang: de-DE").replace(
    "pages:\n  - template: plain\n    regions:\n      main: [body]\n", "pages:\n  - template: plain\n    flow: [body]\n")
# two pages: a table and a safety block cut across the page break, a reference list with its default title
CONTENT = """\
body:
  - type: heading
    level: 1
    text: Ein Merkblatt
  - type: paragraph
    text: Ein Absatz mit einer Literaturangabe{cite}`1` und einer Fußnote{note}`*`.
  - type: notes
    notes:
      - {marker: '*', text: Die Fußnote.}
  - type: table
    caption: Dosierung
    rows:
""" + "".join(f"      - [Woche {i}, Dosis {i}]\n" for i in range(44)) + """\
  - type: safety
    blocks:
""" + "".join(f"      - type: paragraph\n        text: Sicherheitsabsatz {i} über Risiken und Nebenwirkungen.\n"
              for i in range(12)) + """\
  - type: references
    entries: [Eine Quelle.]
  - type: material_id
"""
ENGLISH = ("Page ", " of ", "(continued)", "Important Safety Information", "References")


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_every_word_has_english_and_the_same_placeholders_in_every_language():
    for key, entry in CATALOGUE.items():
        assert {"en", "de", "fr", "es", "it"} <= set(entry), key
        assert all(placeholders(text) == placeholders(entry["en"]) for text in entry.values()), key


def test_words_by_language_tag_with_overrides():
    assert words_for("de-DE").get("page_of", n=1, m=2) == "Seite 1 von 2"
    assert words_for("fr-CA").get("page_of", n=3, m=4) == "Page 3 sur 4"
    assert words_for("es").get("continued") == "(continuación)"
    assert words_for("it-IT").get("safety_title") == "Informazioni importanti sulla sicurezza"
    assert words_for("de", {"continued": "(Forts.)"}).get("continued") == "(Forts.)"
    assert words_for("nl-NL").get("page_of", n=1, m=2) == "Page 1 of 2"     # no Dutch: English
    assert words_for("nl-NL").missing() == list(CATALOGUE)
    assert words_for("de").join(["1", "2", "3"]) == "1, 2 und 3"
    assert words_for("de-CH").number(2.5) == "2,5" and words_for("en-GB").number(2.5) == "2.5"


def test_a_german_document_has_no_english_generated_words(project, capsys):
    """pdftotext reads "Seite 1 von 2", the tables' and the safety block's "(Fortsetzung)", and the
    default titles in German; none of the English words."""
    project.layout(GERMAN)
    project.content(CONTENT)
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    text = _text(project.root / "output" / "test.pdf")
    pages = text.split("\f")
    assert "Seite 1 von 2" in pages[0] and "Seite 2 von 2" in pages[1], text
    assert "Dosierung (Fortsetzung)" in pages[1] or "Wichtige Sicherheitsinformationen (Fortsetzung)" in pages[1], text
    assert "Wichtige Sicherheitsinformationen" in text and "Literatur" in text
    assert [word for word in ENGLISH if word in text] == []
    assert "have no translation" not in capsys.readouterr().err


def test_the_layout_overrides_a_word(project, capsys):
    project.layout(GERMAN + 'words: {page_of: "S. {n}/{m}", continued: "(Forts.)"}\n')
    project.content(CONTENT)
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    text = _text(project.root / "output" / "test.pdf")
    assert "S. 1/2" in text and "S. 2/2" in text and "(Forts.)" in text and "Seite" not in text


def test_a_missing_translation_is_a_warning_and_falls_back_to_english(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("lang: en-US", "lang: nl-NL"))
    project.content("body:\n  - type: heading\n    level: 1\n    text: Titel\n  - type: material_id\n")
    assert main(["--root", str(project.root)]) == 0
    err = capsys.readouterr().err
    assert "warning: layouts/test.yaml:3:3: the generated words page_of," in err and "for 'nl-NL'" in err, err
    assert "words: {page_of:" in err
    assert "Page 1 of 1" in _text(project.root / "output" / "test.pdf")


@pytest.mark.parametrize("words, message", [
    ("{pages_of: x}", "no generated word 'pages_of' [words.pages_of] — did you mean 'page_of'?"),
    ('{page_of: "Seite {n}"}', "the word 'page_of' is 'Seite {n}'; it needs {m}, {n} [words.page_of]"),
])
def test_a_bad_override_is_a_problem_at_its_line(project, capsys, words, message):
    project.layout(MINIMAL_LAYOUT + f"words: {words}\n")
    project.content("body:\n  - type: heading\n    level: 1\n    text: Title\n")
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert f"layouts/test.yaml:16:" in err and message in err, err


@pytest.mark.parametrize("illustration, german", [
    ("spectrum", "Eine waagerechte Zylinderform stellt ein Spektrum dar."),
    ("hexagons", "Eine auf der Spitze stehende Dreiecksform aus Reihen von Sechsecken."),
    ("helix", "Eine Doppelhelix mit 2,5 Windungen und 14 Sprossen"),
    ("dots", "Eine Gruppe von 60 zufällig verstreuten Punkten"),
    ("arrows", "Drei Pfeile winden sich umeinander und zeigen nach oben"),
])
def test_generated_alt_texts_are_in_the_documents_language(project, illustration, german):
    """The Figure's /Alt, read back through the tags, in German for a de-DE document."""
    from readers import structure

    project.layout(GERMAN)
    project.content(f"body:\n  - type: heading\n    level: 1\n    text: Titel\n  - type: figure\n"
                    f"    illustration: {illustration}\n    height: 120\n  - type: material_id\n")
    (alt,) = [node.attrs["Alt"] for node in structure(project.build().data).walk() if node.role == "Figure"]
    assert alt.startswith(german), alt


def test_numbers_with_decimals_are_grouped_and_marked_the_languages_way():
    assert words_for("en-US").number(12500.5, 1) == "12,500.5" and words_for("en").number(0.62, 2) == "0.62"
    assert words_for("de-DE").number(12500.5, 1) == "12.500,5" and words_for("de").number(0.62, 2) == "0,62"
    assert words_for("fr-FR").number(12500.5, 1) == "12\u00a0500,5"
    assert words_for("es").number(0.8, 2) == "0,80" and words_for("it").number(71, 0) == "71"


# a bar chart with its data table, a forest plot (favours, a log scale) with its data table, a QR code
CHARTS = """\
body:
  - type: heading
    level: 1
    text: Wirksamkeit
  - type: chart
    kind: bar
    title: ACR20 in Woche 24
    categories: [Woche 12, Woche 24]
    unit: " %"
    value_title: Ansprechrate
    data_table: true
    series:
      - {name: Wirkstoff, values: [58.5, 71.25]}
      - {name: Scheinmedikament, values: [30.5, 36]}
  - type: chart
    kind: forest
    title: Ansprechen nach Untergruppe
    value_title: Odds Ratio
    scale: log
    favours: [Scheinmedikament, Wirkstoff]
    data_table: true
    height: 170
    categories: [Alle, Unter 65 Jahre, Ab 65 Jahre]
    series:
      - {name: Odds Ratio, values: [0.62, 0.55, 0.71], low: [0.48, 0.4, 0.5], high: [0.8, 0.76, 1.01]}
  - type: qr
    href: https://www.example.com/fachinformation
    caption: www.example.com/fachinformation
  - type: material_id
"""
# every English word the chart and QR blocks generate (the catalogue's English of their keys)
CHART_KEYS = ("bar_chart", "stacked_bar_chart", "line_chart", "forest_plot", "qr_code", "chart_interval",
              "chart_confidence", "chart_reference", "chart_favours", "chart_favours_left", "chart_favours_right",
              "chart_total", "chart_total_header", "chart_category_header", "chart_subgroup_header",
              "chart_interval_header", "chart_table_caption")


def _english_pieces() -> set[str]:
    """The English words of the chart keys between their placeholders ("Favours", "the numbers of the
    chart above", "to", "QR code: opens"), those German does not write the same way."""
    import re

    def pieces(text: str) -> set[str]:
        return {piece.strip(" :,") for piece in re.split(r"\{[a-z_]+\}|[\u2190\u2192]", text)} - {""}
    return {piece for key in CHART_KEYS for piece in pieces(CATALOGUE[key]["en"]) - pieces(CATALOGUE[key]["de"])}


def test_a_german_documents_charts_and_qr_code_have_german_words_and_decimals(project, capsys):
    """pdftotext reads the drawn words and the data tables, pikepdf the Figures' /Alt through the structure
    tree: German words, decimal commas ("0,62 (0,48 bis 0,80)", "71,25 %"), none of the English ones."""
    import re

    import pikepdf

    project.layout(GERMAN)
    project.content(CHARTS)
    assert main(["--root", str(project.root)]) == 0, capsys.readouterr().err
    assert "have no translation" not in capsys.readouterr().err
    pdf_path = project.root / "output" / "test.pdf"
    text = _text(pdf_path)
    with pikepdf.open(pdf_path) as pdf:
        alts, todo = [], [pdf.Root.StructTreeRoot]
        while todo:
            node = todo.pop()
            if isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure":
                    alts.append(str(node.Alt))
                kids = node.get("/K")
                todo += list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    (bar,) = [a for a in alts if a.startswith("Balkendiagramm, ACR20 in Woche 24 (Ansprechrate)")]
    assert "Woche 12: Wirkstoff 58,50\u00a0%, Scheinmedikament 30,50\u00a0%" in bar, bar
    assert "Woche 24: Wirkstoff 71,25\u00a0%, Scheinmedikament 36,00\u00a0%" in bar, bar
    (forest,) = [a for a in alts if a.startswith("Forest-Plot, Ansprechen nach Untergruppe")]
    assert "Alle 0,62 (Konfidenzintervall 0,48 bis 0,80)" in forest, forest
    assert "Referenzlinie bei 1,00" in forest and "Vorteil für Scheinmedikament" in forest, forest
    (qr,) = [a for a in alts if a.startswith("QR-Code: öffnet https://www.example.com/fachinformation")]
    # drawn: value labels, ticks (0,5 on the log axis), the forest plot's intervals and favours labels
    flat = " ".join(text.split())
    for drawn in ("71,25 %", "58,50 %", "0,5", "0,62 (0,48 bis 0,80)", "Vorteil Scheinmedikament",
                  "Vorteil Wirkstoff", "Subgruppe"):
        assert drawn in flat, (drawn, text)
    # the data tables: their captions, headers and cells
    for table_word in ("ACR20 in Woche 24: die Zahlen des Diagramms oben (Ansprechrate)", "Kategorie",
                       "Konfidenzintervall", "0,71", "0,50 bis 1,01"):
        assert table_word in flat, (table_word, text)
    english = sorted(piece for piece in _english_pieces() for said in [flat, *alts]
                     if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", said))
    assert english == [], english
    decimal_points = [said for said in [flat, *alts] if re.search(r"\d\.\d", said.replace("www.example.com", ""))]
    assert decimal_points == [], decimal_points


def test_the_layout_overrides_a_chart_word(project):
    """A layout's words: reach the charts' alt texts and the forest plot's drawn labels."""
    from readers import structure

    project.layout(GERMAN + 'words: {forest_plot: "Wald-Diagramm", chart_favours_left: "\u2190 besser mit {name}"}\n')
    project.content(CHARTS)
    result = project.build()
    alts = [node.attrs["Alt"] for node in structure(result.data).walk() if node.role == "Figure"]
    assert any(alt.startswith("Wald-Diagramm, Ansprechen nach Untergruppe") for alt in alts), alts
    with open(project.root / "drawn.pdf", "wb") as f:
        f.write(result.data)
    assert "besser mit Scheinmedikament" in _text(project.root / "drawn.pdf")  # its arrow drawn: the font has none


def test_a_per_cent_sign_follows_the_languages_spacing_whatever_space_the_unit_was_given_with():
    """38% in English, 38 % (a no-break space) in German and French; other units as given."""
    from tagprint.model.charts import Axis

    for unit in ("%", " %"):
        assert Axis(0, 100, 20, unit, words=words_for("en-US")).text(38) == "38%"
        assert Axis(0, 100, 20, unit, words=words_for("de-DE")).text(38) == "38\u00a0%"
        assert Axis(0, 1, 0.5, unit, 1, tick_decimals=1, words=words_for("fr-FR")).tick_text(0.5) == "0,5\u00a0%"
    assert Axis(0, 10, 2, " mg", words=words_for("de-DE")).text(4) == "4 mg"

"""The words tagprint writes itself, in the document's language (catalogue, overrides, fallback)."""

from __future__ import annotations

import subprocess

import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.cli import main
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
    ("spectrum", "Eine waagerechte Zylinderform stellt das Spektrum der rheumatoiden Arthritis dar."),
    ("hexagons", "Eine auf der Spitze stehende Dreiecksform aus Reihen von Sechsecken."),
    ("helix", "Eine Doppelhelix"),
    ("dots", "Eine Gruppe von zufällig verstreuten Punkten"),
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

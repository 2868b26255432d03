"""What a screen reader will announce for a small built document, line by line."""

from __future__ import annotations

import pikepdf
import pytest
from pikepdf import Name, String

from pdf_surgery import edited, element, elements, sample, sample_bytes  # noqa: F401 - fixtures

from tagprint.preflight import read_file
from tagprint.preflight.reader import SpeechUnavailable, speak

EXPECTED = [
    "heading level 1: Preflight sample",
    "See the [link: full information] or say (in French) bonjour (in English) to us.",
    "heading level 2: Two things",
    "list of 2 items",
    "list item: • First thing",
    "list item: • Second thing",
    "figure: A group of scattered dots",
]


def test_reads_the_sample_in_order(sample):
    assert read_file(sample) == EXPECTED


def test_a_paragraph_in_another_language_is_announced(sample_bytes, tmp_path):
    def french_heading(pdf):
        element(pdf, "H2").Lang = String("fr-FR")
    lines = read_file(edited(sample_bytes, tmp_path / "fr.pdf", french_heading))
    assert lines[2] == "(in French) heading level 2: Two things"


def test_alt_text_replaces_an_elements_own_text(sample_bytes, tmp_path):
    def reference(pdf):
        link = element(pdf, "Link")
        link.S = Name.Reference  # a Reference (with its /Alt) instead of a Link
    lines = read_file(edited(sample_bytes, tmp_path / "ref.pdf", reference))
    assert lines[1] == ("See the [reference: full information (example.com)] or say (in French) bonjour "
                        "(in English) to us.")


def test_untagged_file_reads_as_nothing(tmp_path):
    path = tmp_path / "plain.pdf"
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(path)
    assert read_file(path) == []


def test_speak_needs_espeak(monkeypatch, tmp_path):
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(SpeechUnavailable, match="espeak-ng is not installed"):
        speak(["hello"], tmp_path / "out.wav")


def test_speak_runs_espeak_with_the_lines(monkeypatch, tmp_path):
    fake = tmp_path / "espeak-ng"
    log = tmp_path / "args.txt"
    fake.write_text(f'#!/bin/sh\necho "$@" > {log}\nwhile [ "$1" != "-f" ]; do shift; done\ncat "$2" >> {log}\n')
    fake.chmod(0o755)
    monkeypatch.setattr("shutil.which", lambda name: str(fake) if name == "espeak-ng" else None)
    wav = tmp_path / "out.wav"
    assert speak(["heading level 1: Hi", "Hello."], wav) == wav
    recorded = log.read_text()
    assert f"-w {wav}" in recorded
    assert "heading level 1: Hi\nHello.\n" in recorded


# ---- links, and files from other generators ---------------------------------------------------------


def test_a_link_is_read_by_its_visible_text_not_its_alt(sample_bytes, tmp_path):
    def alt(pdf):
        element(pdf, "Link").Alt = String("something else entirely")
    lines = read_file(edited(sample_bytes, tmp_path / "alt.pdf", alt))
    assert lines[1] == "See the [link: full information] or say (in French) bonjour (in English) to us."


def test_a_link_with_no_visible_text_reads_its_alt_then_its_contents(tmp_path):
    from other_generators import struct_elements, variant

    def no_text(pdf, alt=None):
        link = struct_elements(pdf, "Link")[0]
        link.K = pikepdf.Array([k for k in link.K if isinstance(k, pikepdf.Dictionary)])  # only the OBJR
        if alt:
            link.Alt = String(alt)
    lines = read_file(variant("typst-article.pdf", tmp_path / "contents.pdf", no_text))
    assert "It has a link to [link: https://example.com/info]" in lines[1]
    lines = read_file(variant("typst-article.pdf", tmp_path / "alt.pdf", lambda pdf: no_text(pdf, "Full info")))
    assert "It has a link to [link: Full info]" in lines[1]


def test_the_annotation_reference_before_the_text_does_not_garble_the_link():
    from other_generators import fixture, struct_elements
    with pikepdf.open(fixture("weasyprint-article.pdf")) as pdf:
        link = struct_elements(pdf, "Link")[0]
        assert link.K[0].Type == Name.OBJR  # WeasyPrint puts the OBJR first
    assert read_file(fixture("weasyprint-article.pdf"))[1] == (
        "This file was written by WeasyPrint as PDF/UA-1. It has a link to [link: the full information], a list, "
        "a table and a figure.")


def test_lines_broken_without_a_space_still_read_as_words():
    from other_generators import fixture
    lines = read_file(fixture("weasyprint-columns.pdf"))  # WeasyPrint writes no space at a line break
    assert lines[1] == ("The first column starts the page. It holds two paragraphs that a reader takes in before "
                        "moving over to the second column on the right.")
    assert lines[0] == "heading level 1: Two columns"


def test_no_link_is_announced_in_a_file_without_link_annotations(seed_profiles):
    printed = read_file(seed_profiles["print"])
    with pikepdf.open(seed_profiles["print"]) as pdf:
        assert not any("/Annots" in page.obj for page in pdf.pages)
    assert not [line for line in printed if "[link" in line]
    assert any("[link:" in line for line in read_file(seed_profiles["screen"]))


def test_for_speech_a_language_change_is_marked_on_every_line_it_covers(sample_bytes, tmp_path):
    from tagprint.preflight.document import Doc
    from tagprint.preflight.reader import LANG_CLOSE, LANG_OPEN, read_doc

    def german_list(pdf):
        element(pdf, "L").Lang = String("de-DE")
    path = edited(sample_bytes, tmp_path / "de.pdf", german_list)
    assert read_file(path)[3:6] == ["(in German) list of 2 items", "list item: • First thing",
                                    "list item: • Second thing"]
    with Doc.open(path) as doc:
        marked = read_doc(doc, marks=True)
    de, fr, en = (f"{LANG_OPEN}{tag}{LANG_CLOSE}" for tag in ("de-DE", "fr", "en-US"))
    assert marked[1] == f"See the [link: full information] or say {fr}bonjour{en} to us."
    assert marked[3:6] == [f"{de}list of 2 items", f"{de}list item: • First thing", f"{de}list item: • Second thing"]

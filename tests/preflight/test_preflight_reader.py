"""What a screen reader will announce for a small built document, line by line."""

from __future__ import annotations

import pikepdf
import pytest
from pikepdf import Name, String

from pdf_surgery import edited, element, sample, sample_bytes  # noqa: F401 - fixtures

from tagprint.preflight import read_file
from tagprint.preflight.reader import SpeechUnavailable, speak

EXPECTED = [
    "heading level 1: Preflight sample",
    "See the [link: full information (example.com)] or say (in French) bonjour (in English) to us.",
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
    assert marked[1] == f"See the [link: full information (example.com)] or say {fr}bonjour{en} to us."
    assert marked[3:6] == [f"{de}list of 2 items", f"{de}list item: • First thing", f"{de}list item: • Second thing"]

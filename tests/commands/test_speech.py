"""Spoken proof: espeak-ng speaks the announcements, each language in its voice, with pauses."""

from __future__ import annotations

import shutil
import subprocess
import sys
import wave

import pytest

from conftest import MINIMAL_LAYOUT, REPO
from tagprint.preflight.reader import LANG_CLOSE, LANG_OPEN
from tagprint.commands.speech import (PAUSES, Segment, _synthesize, available_voices, document_speech, segments,
                             synthesize, voice_for)

SAMPLE = """\
body:
  - type: heading
    level: 1
    text: Speech sample
  - type: paragraph
    text: Please say [bonjour]{lang=fr} to us.
  - type: list
    items: [First thing, Second thing]
"""
VOICES = ("af", "de", "en-gb", "en-us", "es", "fr-be", "fr-fr", "pt-br", "pt")


@pytest.fixture(scope="module")
def espeak() -> str:
    exe = shutil.which("espeak-ng")
    assert exe, "espeak-ng is missing: `make setup` installs it (apt-get install espeak-ng)"
    return exe


def seconds(path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def frames(path) -> bytes:
    with wave.open(str(path)) as w:
        return w.readframes(w.getnframes())


def test_lines_become_segments_with_their_language_and_pause():
    fr = f"{LANG_OPEN}fr{LANG_CLOSE}"
    en = f"{LANG_OPEN}en-US{LANG_CLOSE}"
    lines = ["heading level 1: Hello", f"Say {fr}bonjour{en} to us.", "list item: • First", f"{fr}heading level 2: Deux"]
    assert segments(lines, "en-US") == [
        Segment("heading level 1: Hello", "en-US", PAUSES["heading"]),
        Segment("Say", "en-US", 0.25), Segment("bonjour", "fr", 0.0), Segment("to us.", "en-US", 0.0),
        Segment("list item: • First", "en-US", PAUSES["list item"]),
        Segment("heading level 2: Deux", "fr", PAUSES["heading"]),
    ]


def test_voice_for_a_language_tag():
    assert voice_for("en-US", VOICES) == "en-us"
    assert voice_for("fr", VOICES) == "fr-fr"        # the language's own region first
    assert voice_for("de-AT", VOICES) == "de"
    assert voice_for("pt-PT", VOICES) == "pt"
    assert voice_for("xx-YY", VOICES) is None


def test_espeak_has_the_voices_we_rely_on(espeak):
    voices = available_voices(espeak)
    assert voice_for("en-US", voices) == "en-us" and voice_for("fr-FR", voices) == "fr-fr"


def test_the_wav_grows_with_the_text(espeak, tmp_path):
    short, long = tmp_path / "short.wav", tmp_path / "long.wav"
    synthesize([Segment("Hello.", "en", 0.0, "en-us")], short)
    synthesize([Segment("Hello. This sentence is a good deal longer than the first one.", "en", 0.0, "en-us")],
               long)
    assert 0.3 < seconds(short) < seconds(long) - 1.0


def test_a_heading_is_preceded_by_its_pause(espeak, tmp_path):
    out = tmp_path / "heading.wav"
    synthesize([Segment("heading level 1: Hello", "en", PAUSES["heading"], "en-us")], out)
    with wave.open(str(out)) as w:
        lead = int(PAUSES["heading"] * w.getframerate()) * w.getsampwidth()
        audio = w.readframes(w.getnframes())
    assert audio[:lead] == b"\0" * lead and audio[lead:lead + 4000] != b"\0" * 4000
    plain = tmp_path / "plain.wav"
    synthesize([Segment("heading level 1: Hello", "en", 0.0, "en-us")], plain)
    assert seconds(out) == pytest.approx(seconds(plain) + PAUSES["heading"], abs=0.01)


def test_a_lang_span_is_spoken_in_its_own_voice(espeak, project, tmp_path):
    """The sample says "[bonjour]{lang=fr}": that word is spoken by the French voice, the rest in English."""
    project.layout(MINIMAL_LAYOUT)
    project.content(SAMPLE)
    sample = tmp_path / "sample.pdf"
    sample.write_bytes(project.build().data)
    parts, base = document_speech(sample)
    assert [p.text for p in parts] == ["heading level 1: Speech sample", "Please say", "bonjour", "to us.",
                                       "list of 2 items", "list item: • First thing", "list item: • Second thing"]
    assert base == "en-US"
    assert [(p.text, p.voice) for p in parts if p.lang.startswith("fr")] == [("bonjour", "fr-fr")]
    assert {p.voice for p in parts if not p.lang.startswith("fr")} == {"en-us"}
    out = tmp_path / "sample.wav"
    synthesize(parts, out)
    _, french = _synthesize(espeak, "bonjour", "fr-fr")
    _, english = _synthesize(espeak, "bonjour", "en-us")
    assert french != english                        # the voices really differ
    audio = frames(out)
    assert french in audio and english not in audio  # and the French one is what was spoken


def test_read_speak_on_the_command_line(espeak, seed_pdf, tmp_path):
    out = tmp_path / "speech.wav"
    run = subprocess.run([sys.executable, str(REPO / "render.py"), "read", str(seed_pdf), "--speak", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert f"spoken to {out} (voices: en-us)" in run.stderr
    assert seconds(out) > 60                        # two pages of a leave-behind, read aloud


def test_text_starting_with_a_dash_is_spoken_not_read_as_an_option(espeak, tmp_path):
    _, dose = _synthesize(espeak, "-5 mg daily", "en-us")
    _, plain = _synthesize(espeak, "minus 5 mg daily", "en-us")
    assert len(dose) > 0.3 * 22050 * 2 and dose == plain   # "-5" is read as "minus 5"
    target = tmp_path / "x.wav"
    out = tmp_path / "said.wav"
    synthesize([Segment(f"-w{target}", "en", 0.0, "en-us")], out)   # once an option: write to that file
    assert not target.exists() and seconds(out) > 0.5


def test_read_speak_says_a_paragraph_that_starts_with_a_dash(espeak, project, tmp_path, capsys):
    from tagprint.commands.cli import main

    project.layout(MINIMAL_LAYOUT)
    project.content(f'body:\n  - type: paragraph\n    text: "-w{tmp_path / "x.wav"}"\n'
                    '  - type: paragraph\n    text: "-5 mg daily"\n')
    pdf, out = tmp_path / "dash.pdf", tmp_path / "dash.wav"
    pdf.write_bytes(project.build().data)
    assert main(["read", str(pdf), "--speak", str(out)]) == 0, capsys.readouterr().err
    assert not (tmp_path / "x.wav").exists() and seconds(out) > 1.5


def test_no_audio_from_espeak_is_speech_unavailable(tmp_path):
    from tagprint.errors import Where
    from tagprint.preflight.reader import SpeechUnavailable
    from tagprint.commands.speech import SpeechFailed

    silent = tmp_path / "espeak-ng"
    silent.write_text("#!/bin/sh\ncat > /dev/null\nexit 0\n")
    silent.chmod(0o755)
    with pytest.raises(SpeechUnavailable, match="espeak-ng gave no audio for “Hello.” \\(voice en-us\\)") as caught:
        _synthesize(str(silent), "Hello.", "en-us", Where("output/a.pdf"))
    assert isinstance(caught.value, SpeechFailed) and caught.value.problem.where.file == "output/a.pdf"
    assert "espeak-ng -v en-us hello" in caught.value.problem.fix

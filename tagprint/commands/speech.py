"""Spoken proof: what a screen reader announces, as a WAV, in the document's language(s).

The announcements come from the preflight reader (the structure tree, read with PDFium), with changes of
language marked instead of said. Each stretch of one language is spoken by espeak-ng in that language's
voice; a Lang span switches the voice and switches it back. Stretches are joined with Python's `wave`,
with a longer pause before headings and list items, so a listener hears the structure.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import wave
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import Problem, Where
from ..preflight.reader import LANG_CLOSE, LANG_OPEN, SpeechUnavailable

PAUSES = {"heading": 0.7, "list item": 0.4, "list of": 0.4}   # seconds of silence before such a line
LINE_PAUSE = 0.25                                              # before any other line
MARK = re.compile(f"{LANG_OPEN}([^{LANG_CLOSE}]*){LANG_CLOSE}")
INSTALL = ("espeak-ng is not installed, so nothing can be spoken (make setup installs it on Debian/Ubuntu, "
           "or: sudo apt-get install espeak-ng); the text lines are still printed without --speak")


class SpeechFailed(SpeechUnavailable):
    """espeak-ng could not speak a stretch of the document: where (the PDF), what went wrong, and the fix."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Segment:
    """A stretch of text in one language, with the silence before it."""

    text: str
    lang: str
    pause: float = 0.0
    voice: str | None = None


def segments(lines: list[str], base_lang: str) -> list[Segment]:
    """Splits marked lines into stretches of one language; each line starts in the document's language."""
    out: list[Segment] = []
    for line in lines:
        plain = MARK.sub("", line).strip()
        pause = next((p for start, p in PAUSES.items() if plain.startswith(start)), LINE_PAUSE)
        lang, position = base_lang, 0
        for match in [*MARK.finditer(line), None]:
            end = match.start() if match else len(line)
            text = " ".join(line[position:end].split())
            if text:
                out.append(Segment(text, lang, pause))
                pause = 0.0
            if match:
                lang, position = match.group(1) or base_lang, match.end()
    return out


def _espeak() -> str:
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise SpeechUnavailable(INSTALL)
    return exe


@lru_cache(maxsize=4)
def available_voices(exe: str) -> tuple[str, ...]:
    """The language names espeak-ng has voices for (en-us, fr-fr, de, …), lower case."""
    run = subprocess.run([exe, "--voices"], capture_output=True, text=True, timeout=60)
    names = [line.split()[1].lower() for line in run.stdout.splitlines()[1:] if len(line.split()) > 1]
    return tuple(names)


def voice_for(tag: str, voices: tuple[str, ...] | list[str]) -> str | None:
    """The espeak-ng voice for a BCP-47 tag: the tag itself (en-us), its language (de), or the language's
    main region (fr → fr-fr); None when espeak-ng has no voice for the language."""
    tag = tag.lower().replace("_", "-")
    primary = tag.split("-")[0]
    for candidate in (tag, primary, f"{primary}-{primary}"):
        if candidate in voices:
            return candidate
    regional = sorted(v for v in voices if v.startswith(primary + "-"))
    return regional[0] if regional else None


def choose_voices(parts: list[Segment], voices: tuple[str, ...], base_lang: str) -> list[Segment]:
    """Each segment with its voice; a language without a voice is spoken in the document's voice."""
    fallback = voice_for(base_lang, voices) or "en"
    return [Segment(s.text, s.lang, s.pause, voice_for(s.lang, voices) or fallback) for s in parts]


def _synthesize(exe: str, text: str, voice: str, where: Where = Where("espeak-ng")) -> tuple[wave._wave_params, bytes]:
    """The audio of one stretch. The text goes in on stdin, never as an argument: a paragraph that starts
    with "-" ("-5 mg daily") is text to speak, not an option."""
    run = subprocess.run([exe, "-v", voice, "--stdout", "--stdin"], input=text.encode(), capture_output=True,
                         timeout=300)
    said = f"“{text if len(text) <= 60 else text[:57] + '…'}” (voice {voice})"
    if run.returncode != 0:
        raise SpeechFailed(Problem(where, f"espeak-ng failed ({run.returncode}) on {said}: "
                                          f"{run.stderr.decode(errors='replace').strip()}",
                                   f"check that espeak-ng speaks with: espeak-ng -v {voice} hello"))
    try:
        with wave.open(io.BytesIO(run.stdout)) as w:
            params, frames = w.getparams(), w.readframes(w.getnframes())
    except (wave.Error, EOFError):
        params, frames = None, b""
    if params is None or not frames:
        raise SpeechFailed(Problem(where, f"espeak-ng gave no audio for {said}",
                                   f"check that espeak-ng speaks with: espeak-ng -v {voice} hello"))
    return params, frames


def synthesize(parts: list[Segment], wav_path: Path | str, source: Where = Where("espeak-ng")) -> Path:
    """Speaks each segment in its voice and joins them, with its pause of silence before each (`source`:
    the file the segments come from, named when a segment cannot be spoken)."""
    exe = _espeak()
    params, frames = None, []
    for part in parts:
        got, audio = _synthesize(exe, part.text, part.voice or "en", source)
        if params is None:
            params = got
        elif (got.nchannels, got.sampwidth, got.framerate) != (params.nchannels, params.sampwidth, params.framerate):
            raise SpeechFailed(Problem(source, f"espeak-ng's voice {part.voice} speaks at {got.framerate} Hz, not "
                                               f"{params.framerate} Hz like the voice before it",
                                       "install espeak-ng's voices from one release (apt-get install espeak-ng)"))
        silence = int(part.pause * params.framerate) * params.sampwidth * params.nchannels
        frames += [b"\0" * silence, audio]
    wav = Path(wav_path)
    with wave.open(str(wav), "wb") as out:
        if params is None:   # nothing to say: a valid, empty WAV
            out.setparams((1, 2, 22050, 0, "NONE", "not compressed"))
        else:
            out.setparams(params)
            out.writeframes(b"".join(frames))
    return wav


def document_speech(pdf_path: Path | str) -> tuple[list[Segment], str]:
    """The segments of a PDF's announcements (with voices) and its language."""
    from ..preflight.document import Doc, text
    from ..preflight.reader import read_doc

    exe = _espeak()
    with Doc.open(Path(pdf_path)) as doc:
        base = text(doc.root.get("/Lang")) or "en"
        lines = read_doc(doc, marks=True)
    return choose_voices(segments(lines, base), available_voices(exe), base), base


def speak_pdf(pdf_path: Path | str, wav_path: Path | str) -> list[Segment]:
    """Writes what a screen reader announces for the PDF as speech; returns the segments spoken."""
    parts, _ = document_speech(pdf_path)
    synthesize(parts, wav_path, Where(Path(pdf_path).as_posix()))
    return parts

"""Shaping with HarfBuzz, measured from the PDF: kerning moves glyphs, features change them, hyphenated
lines keep whole words in the structure text."""

from __future__ import annotations

import ctypes
import re
import subprocess

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from conftest import MINIMAL_LAYOUT

from tagprint.commands.cli import main
from tagprint.fonts import FontStack, face
from tagprint.layout.text import TextStyle, break_lines, plain_pieces
from tagprint.model import TypeStyle

SIZE = 24.0


def _origins(path, text: str) -> list[float]:
    """PDFium's x origin of each character of the first occurrence of `text` on page 1."""
    page = pdfium.PdfDocument(path)[0]
    textpage = page.get_textpage()
    full = textpage.get_text_range()
    start = full.index(text)
    out = []
    for i in range(start, start + len(text)):
        x, y = ctypes.c_double(), ctypes.c_double()
        assert raw.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
        out.append(x.value)
    return out


def test_avatar_wave_is_as_wide_in_the_pdf_as_harfbuzz_says(project):
    theme = (project.root / "layouts" / "themes" / "kineret.yaml")
    theme.write_text(theme.read_text().replace("h1:       {size: 24,", f"h1:       {{size: {SIZE},"))
    project.layout()
    project.content("body:\n  - type: heading\n    level: 1\n    text: AVATAR WAVE\n")
    path = project.root / "k.pdf"
    path.write_bytes(project.build().data)
    origins = _origins(path, "AVATAR WAVE")
    bold = face("Atkinson Hyperlegible", bold=True)
    shaped = [g.advance * SIZE / 1000 for g in bold.shape("AVATAR WAVE")]
    unkerned = [bold.widths[g.gid] * SIZE / 1000 for g in bold.shape("AVATAR WAVE")]
    # from the first letter's origin to the last's: the shaped advances of the letters before it
    measured = origins[-1] - origins[0]
    assert measured == pytest.approx(sum(shaped[:-1]), abs=0.05)
    assert sum(unkerned[:-1]) - measured > 0.04 * sum(unkerned[:-1])  # kerning takes off more than 4 %


def test_features_of_a_style_change_the_glyphs():
    plain = FontStack(("Atkinson Hyperlegible",))  # proportional figures unless told
    tabular = FontStack(("Atkinson Hyperlegible",), features=("tnum",))
    assert plain.width("1111", 10, False, False) < plain.width("0000", 10, False, False)
    assert tabular.width("1111", 10, False, False) == pytest.approx(tabular.width("0000", 10, False, False))
    no_liga = face("Source Sans 3").shape("office", ("-liga",))
    assert len(no_liga) == 6 and len(face("Source Sans 3").shape("office")) < 6  # the ffi ligature


GERMAN = ("Die Behandlung der rheumatoiden Arthritis verlangt regelmäßige Kontrolluntersuchungen, eine "
          "sorgfältige Dokumentation der Krankheitsaktivität und eine rechtzeitige Therapieanpassung.")


def _style(**kw) -> TextStyle:
    return TextStyle(TypeStyle(size=10, leading=13, **kw), (0, 0, 0), (0, 0, 1),
                     FontStack(("TeX Gyre Heros", "DejaVu Sans")), "de-DE")


def test_hyphenation_breaks_words_by_the_language_at_most_twice_in_a_row():
    from tagprint.fonts import resolve
    from conftest import REPO
    resolve("TeX Gyre Heros", REPO)
    ts = _style(hyphenate=True, align="justify")
    lines, too_wide = break_lines(plain_pieces(GERMAN, None, ts), 120, ts)
    assert not too_wide
    ends = [line.fragments[-1].hyphen is not None for line in lines]
    assert any(ends)
    assert not any(ends[i] and ends[i + 1] and ends[i + 2] for i in range(len(ends) - 2))
    # the text of the lines, hyphens aside, is the paragraph
    text = "".join(s.text for line in lines for f in line.fragments for s in f.segments)
    assert " ".join(text.split()) == GERMAN
    for line in lines[:-1]:  # justified: every line but the last fills the measure
        assert sum(f.width + f.hyphen_width for f in line.fragments) == pytest.approx(120, abs=0.05)
    plain, _ = break_lines(plain_pieces(GERMAN, None, _style()), 120, _style())
    assert not any(f.hyphen for line in plain for f in line.fragments)


def test_soft_hyphens_are_break_points_and_no_break_spaces_hold():
    ts = _style(hyphenate=True)
    lines, _ = break_lines(plain_pieces("Wir sprechen über Kontroll\u00aduntersuchungen 100\u00a0mg", None, ts),
                           125, ts)
    heads = ["".join(s.text for s in line.fragments[-1].segments) for line in lines if line.fragments[-1].hyphen]
    assert any(h.endswith("Kontroll") for h in heads)
    assert any("100\u00a0mg" in "".join(s.text for f in line.fragments for s in f.segments) for line in lines)


def test_the_structure_text_of_a_hyphenated_paragraph_holds_whole_words(project, capsys):
    theme = project.root / "layouts" / "themes" / "kineret.yaml"
    theme.write_text(theme.read_text().replace("body:     {size: 9.75, leading: 13.6, color: text, space_after: 7}",
                                               "body: {size: 9.75, leading: 13.6, color: text, hyphenate: true, "
                                               "align: justify}"))
    project.layout(MINIMAL_LAYOUT.replace("lang: en-US", "lang: de-DE").replace("532, 700", "150, 700"))
    project.content(f"body:\n  - type: paragraph\n    text: {GERMAN}\n")
    path = project.root / "h.pdf"
    path.write_bytes(project.build().data)
    drawn = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert any(line.rstrip().endswith("-") and line.rstrip()[-2].isalpha() for line in drawn.splitlines())
    struct = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True).stdout
    paragraph = struct[struct.index("P (block)"):]
    assert " ".join("".join(re.findall(r'"(.*)"', paragraph)).split()) == GERMAN
    assert main(["read", str(path)]) == 0
    assert GERMAN in capsys.readouterr().out
    assert main(["check", str(path)]) == 0





def _text(lines) -> str:
    return "".join(s.text for line in lines for f in line.fragments for s in f.segments)


def _hyphenated(lines) -> list[tuple[str, str]]:
    """(the line's text before its last word, the head of the word hyphenated there) of each hyphenated line."""
    found = []
    for line in lines:
        if line.fragments[-1].hyphen is not None:
            text = "".join(s.text for f in line.fragments for s in f.segments)
            before, _, head = text.rpartition(" ")
            found.append((before, head))
    return found


def test_ragged_text_is_hyphenated_only_where_the_line_would_end_in_the_hyphenation_zone():
    """Ragged text: a word is cut only when the line without it would leave more than the hyphenation
    zone of the measure empty; every head keeps at least three letters; justified text is cut more often."""
    from tagprint.layout.hyphenation import MIN_LEFT
    from tagprint.layout.text import HYPHENATION_ZONE

    ragged, justified = _style(hyphenate=True), _style(hyphenate=True, align="justify")

    def wide(words: str) -> float:
        found, _ = break_lines(plain_pieces(words, None, ragged), 1e9, ragged)
        return sum(f.width for f in found[0].fragments) if words else 0.0

    cuts = {"ragged": 0, "justified": 0}
    for width in range(100, 260, 7):
        lines, _ = break_lines(plain_pieces(GERMAN, None, ragged), width, ragged)
        assert " ".join(_text(lines).split()) == GERMAN
        for before, head in _hyphenated(lines):
            assert len(head) >= MIN_LEFT, (width, head)
            assert width - wide(before) > HYPHENATION_ZONE * width, (width, before, head)
            cuts["ragged"] += 1
        lines, _ = break_lines(plain_pieces(GERMAN, None, justified), width, justified)
        cuts["justified"] += len(_hyphenated(lines))
    assert 0 < cuts["ragged"] < cuts["justified"], cuts


def test_words_in_capitals_and_brand_names_are_never_hyphenated():
    """"NORVALIN" and "Hyperlegible®" stay whole at every width where the dictionary would cut them; a
    German noun beside them (one capital) is still cut."""
    for text in ("Unter NORVALIN erreichten deutlich mehr Patientinnen eine Remission",
                 "Unter Behandlungsbeginn® erreichten deutlich mehr Patientinnen eine Remission"):
        brand = text.split()[1]
        ts = _style(hyphenate=True, align="justify")
        for width in range(70, 200, 3):
            lines, _ = break_lines(plain_pieces(text, None, ts), width, ts)
            assert " ".join(_text(lines).split()) == text
            assert any(brand in t.split() for t in _line_texts(lines)), (width, _line_texts(lines))
    ts = _style(hyphenate=True, align="justify")
    lines, _ = break_lines(plain_pieces("Unter Behandlungsbeginn erreichten", None, ts), 90, ts)
    assert _hyphenated(lines)


def _line_texts(lines) -> list[str]:
    return [" ".join("".join(s.text for f in line.fragments for s in f.segments).split()) for line in lines]


def test_no_break_after_a_relation_sign_or_before_a_per_cent_sign():
    """"≥ 3" and "≤ 1 %" stay together: at every width that would break there, the sign goes down with
    its number (or the number comes up)."""
    ts = _style()
    text = "Patients with a score ≥ 3 and elevations of ≤ 1 % or 2 × the upper limit ± 5 were included."
    for width in range(60, 260, 3):
        lines, _ = break_lines(plain_pieces(text, None, ts), width, ts)
        texts = _line_texts(lines)
        assert " ".join(texts) == text
        for line in texts:
            assert not line.endswith(("≥", "≤", "×", "±")) and not line.startswith("%"), (width, texts)


def test_a_paragraph_does_not_end_on_one_short_word():
    """A last line of one short word ("RA.") takes the word before it down, unless that would leave the
    line above under half the measure."""
    ts = _style()

    def wide(words: str) -> float:
        found, _ = break_lines(plain_pieces(words, None, ts), 1e9, ts)
        return sum(f.width for f in found[0].fragments)

    text = "a blocking of an underlying cause of inflammation in difficult-to-treat RA."
    ends = []
    for width in range(150, 330, 2):
        lines, _ = break_lines(plain_pieces(text, None, ts), width, ts)
        texts = _line_texts(lines)
        assert " ".join(texts) == text
        if len(texts) > 1:
            ends.append(texts[-1])
            if texts[-1] == "RA.":
                assert wide(texts[-2].rsplit(" ", 1)[0]) < width / 2, (width, texts)
    assert ends.count("difficult-to-treat RA.") > len(ends) / 2, ends

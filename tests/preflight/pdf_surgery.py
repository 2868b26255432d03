"""Helpers for the preflight tests: one good PDF from our pipeline (built once per session), and small
pikepdf operations that break exactly one thing in a copy of it."""

from __future__ import annotations

import functools
import io
import tempfile
from pathlib import Path
from typing import Callable

import pikepdf
import pytest
from pikepdf import Array, Dictionary, Name, String

from conftest import MINIMAL_LAYOUT, Project

SAMPLE_CONTENT = """\
body:
  - type: heading
    level: 1
    text: Preflight sample
  - type: paragraph
    text: See the [full information](https://example.com/info) or say [bonjour]{lang=fr} to us.
  - type: heading
    level: 2
    text: Two things
  - type: list
    items:
      - First thing
      - Second thing
  - type: figure
    illustration: dots
    height: 60
    alt: A group of scattered dots
"""


@functools.lru_cache(maxsize=1)
def _build_sample() -> bytes:
    # built once per test session, however many test modules import the fixture below
    with tempfile.TemporaryDirectory(prefix="preflight-") as tmp:
        project = Project(Path(tmp) / "project")
        project.layout(MINIMAL_LAYOUT)
        project.content(SAMPLE_CONTENT)
        return project.build().data


@pytest.fixture(scope="session")
def sample_bytes() -> bytes:
    """A one-page document through our real pipeline: headings, a link, a French phrase, a list, a figure."""
    return _build_sample()


@pytest.fixture
def sample(tmp_path: Path, sample_bytes: bytes) -> Path:
    path = tmp_path / "sample.pdf"
    path.write_bytes(sample_bytes)
    return path


def edited(source: bytes, target: Path, change: Callable[[pikepdf.Pdf], None]) -> Path:
    """A copy of `source` with `change` applied, saved to `target`."""
    with pikepdf.open(io.BytesIO(source)) as pdf:
        change(pdf)
        pdf.save(target)
    return target


# ---- finding things in our output -----------------------------------------------------------------


def elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element, depth first."""
    out = []

    def visit(node):
        kids = node.get("/K")
        for kid in (kids if isinstance(kids, Array) else [kids] if kids is not None else []):
            if isinstance(kid, Dictionary) and "/S" in kid:
                out.append(kid)
                visit(kid)

    visit(pdf.Root.StructTreeRoot)
    return out


def element(pdf: pikepdf.Pdf, role: str, index: int = 0) -> pikepdf.Dictionary:
    return [e for e in elements(pdf) if e.S == Name("/" + role)][index]


def page_mcids(pdf: pikepdf.Pdf, page_index: int = 0) -> pikepdf.Array:
    """The ParentTree array of a page (our files write a flat /Nums)."""
    key = int(pdf.pages[page_index].obj.StructParents)
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for i in range(0, len(nums), 2):
        if int(nums[i]) == key:
            return nums[i + 1]
    raise KeyError(key)


def font_named(pdf: pikepdf.Pdf, fragment: str, page_index: int = 0) -> str:
    """The resource name of the page's font whose BaseFont contains `fragment`."""
    fonts = pdf.pages[page_index].Resources.Font
    return next(name for name, font in fonts.items() if fragment in str(font.BaseFont))


def append_content(pdf: pikepdf.Pdf, operators: bytes, page_index: int = 0) -> None:
    page = pdf.pages[page_index]
    page.contents_add(pdf.make_stream(b"\n" + operators + b"\n"), prepend=False)


def codes_of(font: pikepdf.Dictionary, text: str) -> list[int]:
    """The codes a Type0 (Identity-H) font shows `text` with, read back from its ToUnicode map (a subset
    has only the glyphs its document shows: a character it lacks is shown with the first glyph it has)."""
    import re

    cmap = bytes(font.ToUnicode.read_bytes()).decode("latin-1")
    back = {bytes.fromhex(uni).decode("utf-16-be"): int(code, 16)
            for code, uni in re.findall(r"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>", cmap)}
    return [back.get(c, min(back.values())) for c in text]


def shown(pdf: pikepdf.Pdf, font: str, text: bytes, page_index: int = 0) -> bytes:
    """`text` as a string operand for `font`: literal for a simple font, glyph codes for a Type0 font."""
    obj = pdf.pages[page_index].Resources.Font[font if font.startswith("/") else "/" + font]
    if obj.get("/Subtype") == Name.Type0:
        return b"<" + "".join(f"{c:04X}" for c in codes_of(obj, text.decode())).encode() + b">"
    return b"(" + text + b")"


def add_tagged_text(pdf: pikepdf.Pdf, font: str, text: bytes, colour: bytes = b"0 g", size: float = 12,
                    at: tuple[float, float] = (72, 100), page_index: int = 0) -> pikepdf.Dictionary:
    """Appends text in its own marked-content sequence, claimed by a new P element under Document and
    mapped in the ParentTree — correctly tagged, so only the text itself can be wrong."""
    owners = page_mcids(pdf, page_index)
    mcid = len(owners)
    page = pdf.pages[page_index]
    append_content(pdf, b"/P <</MCID %d>> BDC BT /%s %g Tf %s %g %g Td %s Tj ET EMC"
                   % (mcid, font.lstrip("/").encode(), size, colour, at[0], at[1],
                      shown(pdf, font.lstrip("/"), text, page_index)), page_index)
    document = element(pdf, "Document")
    p = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.P, P=document, Pg=page.obj, K=mcid))
    kids = document.K
    document.K = Array(list(kids) + [p]) if isinstance(kids, Array) else Array([kids, p])
    owners.append(p)
    return p


def add_helvetica(pdf: pikepdf.Pdf, page_index: int = 0) -> str:
    """A standard-14 Helvetica (no font program) in the page's resources; returns its resource name."""
    fonts = pdf.pages[page_index].Resources.Font
    fonts.FHelv = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                             Encoding=Name.WinAnsiEncoding)
    return "FHelv"


def drop_glyph_from_font(pdf: pikepdf.Pdf, fragment: str, char: str, page_index: int = 0) -> None:
    """Removes `char` from the embedded TrueType program's cmap: the text still says it, the font no
    longer has a glyph for it (what happens when a font lacks a character)."""
    from fontTools.ttLib import TTFont

    font = pdf.pages[page_index].Resources.Font[font_named(pdf, fragment, page_index)]
    if font.get("/Subtype") == Name.Type0:  # glyphs by CID: the CID's glyph is gone from the CIDToGIDMap
        (gid,) = codes_of(font, char)
        table = bytearray(b"".join(n.to_bytes(2, "big") for n in range(65536)))
        table[2 * gid : 2 * gid + 2] = b"\0\0"
        font.DescendantFonts[0].CIDToGIDMap = pdf.make_stream(bytes(table))
        return
    stream = font.FontDescriptor.FontFile2
    tt = TTFont(io.BytesIO(stream.read_bytes()))
    for table in tt["cmap"].tables:
        table.cmap.pop(ord(char), None)
    out = io.BytesIO()
    tt.save(out)
    stream.write(out.getvalue())


def set_string(obj: pikepdf.Dictionary, key: str, value: str) -> None:
    obj[key] = String(value)

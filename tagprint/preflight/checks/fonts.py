"""Fonts that show text: embedded, mapped to Unicode, and never showing .notdef."""

from __future__ import annotations

import pikepdf

from ..document import Doc
from ..findings import ERROR, WARNING, Finding
from ..font_cmaps import code_splitter, read_cmap
from ..font_encodings import HAVE_FONTTOOLS, PREDEFINED_SIMPLE, glyph_unicode, is_symbolic, simple_encoding
from ..font_glyphs import GlyphMap, UnreadableFont, font_file
from ..text_usage import FontUse
from .registry import CheckSkipped, register

EMBED, UNICODE, NOTDEF = "FONT-EMBED", "FONT-UNICODE", "FONT-NOTDEF"
SHOWN_LIMIT = 8  # codes quoted in a message


def _codes(use: FontUse) -> list[bytes] | None:
    split = code_splitter(use.font)
    if split is None:
        return None
    codes: set[bytes] = set()
    for s in use.strings:
        codes.update(split(s))
    return sorted(codes)


def _hex(codes: list[bytes]) -> str:
    shown = " ".join(f"<{c.hex().upper()}>" for c in codes[:SHOWN_LIMIT])
    return shown + (f" and {len(codes) - SHOWN_LIMIT} more" if len(codes) > SHOWN_LIMIT else "")


@register(EMBED, "Every font that shows text is embedded",
          standard="PDF/UA-1 7.21.4.1; PDF/A-2 6.2.11.4.1; Matterhorn checkpoint 31",
          help="A font used to show visible text needs its program in the file (FontFile, FontFile2 or FontFile3 "
               "in the font descriptor; for Type0 fonts, the descendant font's). The standard 14 fonts are not "
               "embedded: ReportLab's default Helvetica fails this — register a TTFont and use it instead.")
def embedded(doc: Doc) -> list[Finding]:
    usage = doc.text_usage
    out = [Finding(EMBED, ERROR, f"text is shown with font {m.name}, which is not in the resources ({m.where})",
                   page=m.page, object=m.name, fix="add the font to the resources, or show the text with another font")
           for m in usage.missing]
    for use in usage.fonts:
        if not use.visible or use.font.get("/Subtype") == pikepdf.Name.Type3:
            continue
        if font_file(use.font) is None:
            out.append(Finding(EMBED, ERROR, f"font {use.label} shows text but is not embedded", page=use.first_page,
                               object=use.ref or use.name,
                               fix="embed the font program (ReportLab: a registered TTFont, never a standard-14 font)"))
    return out


def _standard_unicode(font: pikepdf.Dictionary) -> bool:
    """ISO 32000-1 9.10.2 without ToUnicode: a simple font with a predefined encoding (and Differences
    using only glyph names with a known Unicode value), or a Type0 font with a predefined CMap other
    than Identity."""
    subtype = font.get("/Subtype")
    if subtype == pikepdf.Name.Type0:
        enc = font.get("/Encoding")
        return isinstance(enc, pikepdf.Name) and str(enc)[1:] not in ("Identity-H", "Identity-V")
    simple = simple_encoding(font)
    if simple is None:  # the font program's built-in encoding: StandardEncoding for Latin text fonts
        return not is_symbolic(font)
    if simple.base is not None and simple.base not in PREDEFINED_SIMPLE:
        return False
    if simple.base is None and not simple.differences:
        return False
    return all(glyph_unicode(name) for name in simple.differences.values())


@register(UNICODE, "Text can be mapped to Unicode",
          standard="PDF/UA-1 7.21.7; PDF/A-2 6.2.11.7.2; Matterhorn checkpoint 31",
          help="Each font that shows text needs a /ToUnicode CMap (unless its encoding is a predefined one), and "
               "every code shown must map to real characters: otherwise copying, search and screen readers get "
               "nothing or garbage.")
def unicode(doc: Doc) -> list[Finding]:
    out = []
    for use in doc.text_usage.fonts:
        if not use.strings:
            continue
        to_unicode = use.font.get("/ToUnicode")
        if not isinstance(to_unicode, pikepdf.Stream):
            if not _standard_unicode(use.font):
                out.append(Finding(UNICODE, ERROR, f"font {use.label} shows text but has no /ToUnicode map and no "
                                   "standard encoding", page=use.first_page, object=use.ref or use.name,
                                   fix="add a /ToUnicode CMap for the codes the font shows"))
            continue
        codes = _codes(use)
        if codes is None:
            continue
        try:
            cmap = read_cmap(to_unicode, unicode=True)
        except pikepdf.PdfError as exc:
            out.append(Finding(UNICODE, ERROR, f"the /ToUnicode map of font {use.label} cannot be read: {exc}",
                               page=use.first_page, object=use.ref or use.name, fix="rewrite the ToUnicode CMap"))
            continue
        bad = [c for c in codes if not _real(cmap.map.get(c))]
        if bad:
            out.append(Finding(UNICODE, ERROR, f"font {use.label} shows {len(bad)} code(s) that /ToUnicode maps to no "
                               f"character: {_hex(bad)}", page=use.first_page, object=use.ref or use.name,
                               fix="map every shown code to its Unicode text in the ToUnicode CMap"))
    return out


def _real(value: object) -> bool:
    return isinstance(value, str) and bool(value) and not any(ch in "\x00\ufffd\ufffe\uffff" for ch in value)


@register(NOTDEF, "No text falls back to the .notdef glyph",
          standard="PDF/UA-1 7.21.8; PDF/A-2 6.2.11.8; Matterhorn checkpoint 31",
          help="Decodes every string shown with an embedded font against the font program (TrueType cmap, "
               "CIDToGIDMap, CFF charset) and reports codes that select glyph 0 (.notdef): an empty box or nothing "
               "is printed. Check the font's cmap before drawing, and fall back to another font.")
def notdef(doc: Doc) -> list[Finding]:
    if not HAVE_FONTTOOLS:
        raise CheckSkipped("the Python package fontTools, which reads the embedded font programs, is not installed "
                           "(pip install fonttools)")
    out = []
    for use in doc.text_usage.fonts:
        if not use.strings or use.font.get("/Subtype") == pikepdf.Name.Type3:
            continue
        try:
            glyphs = GlyphMap.for_font(use.font)
        except UnreadableFont as exc:
            out.append(Finding(NOTDEF, WARNING, f"the embedded program of font {use.label} cannot be read ({exc}); "
                               "its glyphs were not checked", page=use.first_page, object=use.ref or use.name,
                               fix="embed an intact font program"))
            continue
        codes = _codes(use)
        if glyphs is None or codes is None:
            continue  # not embedded (FONT-EMBED) or a font program we cannot decode
        bad = [c for c in codes if glyphs.is_notdef(c)]
        if not bad:
            continue
        chars = _chars(use, bad)
        out.append(Finding(NOTDEF, ERROR, f"font {use.label} shows {len(bad)} code(s) with no glyph (.notdef): "
                           f"{_hex(bad)}{chars}", page=use.first_page, object=use.ref or use.name,
                           fix="draw these characters with a font that has them (a fallback font), or fail the build"))
    return out


def _chars(use: FontUse, codes: list[bytes]) -> str:
    stream = use.font.get("/ToUnicode")
    if not isinstance(stream, pikepdf.Stream):
        return ""
    try:
        cmap = read_cmap(stream, unicode=True)
    except pikepdf.PdfError:
        return ""
    text = "".join(v for c in codes[:SHOWN_LIMIT] if isinstance(v := cmap.map.get(c), str) and _real(v))
    return f" (text {text!r})" if text else ""

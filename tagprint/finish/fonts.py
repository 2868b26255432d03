"""The document's fonts, written in the finish stage: each face the pen drew with becomes a Type0 font
(Identity-H) over a subset of its program, glyph ids kept.

- TrueType outlines: a CIDFontType2 with its subset as FontFile2 (CIDToGIDMap /Identity);
- CFF outlines: a CIDFontType0 with the subset's bare CFF table as FontFile3 /CIDFontType0C (kept CFF, not
  converted; a name-keyed CFF in a CIDFont selects glyphs by CID = glyph id);
- /W the glyphs' widths, ToUnicode each glyph's logical characters (a ligature all of them);
- the subset tag is six capital letters derived from the subset's bytes (ISO 32000-1 9.6.4): the same
  bytes the same tag, other bytes (almost surely) another.

Every page and form XObject of the document gets the same /Font dictionary (ReportLab's own font
resources are replaced: no text is set in them).
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging

import pikepdf
from fontTools.ttLib import TTFont

from ..draw.glyph_map import FontUse
from ..fonts import cache_folder, kept_on_disk

logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset": a table we drop anyway


def subset_tag(data: bytes) -> str:
    digest = int.from_bytes(hashlib.sha256(data).digest()[:8], "big")
    letters = []
    for _ in range(6):
        digest, r = divmod(digest, 26)
        letters.append(chr(65 + r))
    return "".join(letters)


@functools.lru_cache(maxsize=256)
def _subset(data: bytes, gids: tuple[int, ...], cff: bool) -> bytes:
    """The font program with only `gids` (and .notdef) drawn, glyph ids kept; for CFF the bare CFF table.
    Kept per process (the same pages use the same glyphs in every profile) and on disk beside the variable
    fonts' instances (fontTools' subsetter takes a tenth of a second a face: every build would pay it)."""
    key = hashlib.sha256(data + repr((gids, cff, SUBSET_VERSION)).encode()).hexdigest()[:32]
    return kept_on_disk(cache_folder("subsets") / f"{key}.bin", lambda: _make_subset(data, gids, cff))


SUBSET_VERSION = 2  # raise when the subsetting options change: the kept subsets are then made again


def _make_subset(data: bytes, gids: tuple[int, ...], cff: bool) -> bytes:
    from fontTools import subset as ft_subset  # here, not at import: a rebuild with nothing to do skips 0.1 s

    font = TTFont(io.BytesIO(data))
    count = font["maxp"].numGlyphs
    phantom = count in gids  # the pen's empty glyph (see Pen.show): one past the font's last
    gids = tuple(g for g in gids if g < count)
    options = ft_subset.Options()
    options.retain_gids = True
    options.notdef_outline = True
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"] if not cff else []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "DSIG", "kern", "vhea", "vmtx",
                            "STAT", "meta", "COLR", "CPAL", "SVG ", "fvar", "gvar", "avar", "HVAR", "MVAR"]
    options.desubroutinize = False
    sub = ft_subset.Subsetter(options)
    sub.populate(gids=[0, *gids])
    sub.subset(font)
    if cff:
        return font.getTableData("CFF ")
    if phantom:
        _add_empty_glyphs(font, count + 1)
    out = io.BytesIO()
    font.recalcTimestamp = False  # same input, same bytes: the head table keeps the font's own dates
    font.save(out)
    return out.getvalue()


def _add_empty_glyphs(font: TTFont, total: int) -> None:
    """Pads a TrueType subset with empty, zero-width glyphs up to `total` glyphs (glyph ids are kept, so
    the pen's empty glyph, one past the font's last, is at its id)."""
    from fontTools.ttLib.tables._g_l_y_f import Glyph as TrueTypeGlyph

    order = list(font.getGlyphOrder())
    glyf, hmtx = font["glyf"], font["hmtx"]
    while len(order) < total:
        name = f"tagprint.empty{len(order)}"
        order.append(name)
        glyf.glyphs[name] = TrueTypeGlyph()
        hmtx.metrics[name] = (0, 0)
    font.setGlyphOrder(order)
    glyf.glyphOrder = order


def _widths(use: FontUse) -> list:
    """/W: runs of consecutive glyph ids with their widths (thousandths of an em)."""
    out: list = []
    run: list = []
    start = None
    prev = None
    for gid in sorted(use.used):
        w = round(use.face.widths[gid], 3) if gid < len(use.face.widths) else 0
        if prev is not None and gid == prev + 1:
            run.append(w)
        else:
            if run:
                out += [start, run]
            start, run = gid, [w]
        prev = gid
    if run:
        out += [start, run]
    return out


def _hex16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode(use: FontUse) -> bytes:
    # a dot or mark a font draws apart from its letter stands for nothing of its own (its letter carries
    # the text): it maps to a zero width space, since every shown code needs a mapping (PDF/UA 7.21.7)
    entries = [(gid, use.texts.get(gid) or "\u200b") for gid in sorted(use.used)]
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    for i in range(0, len(entries), 100):
        chunk = entries[i : i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{gid:04X}> <{_hex16(text)}>" for gid, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


@functools.lru_cache(maxsize=256)
def _parts(use_key: tuple) -> tuple[bytes, str, bytes, bytes]:
    """The subset, its tag, /W (written out: parsed again per document, ten times faster than building the
    array from Python numbers) and ToUnicode of a face as a document uses it, made once per process."""
    use = _KEYED[use_key]
    program = _subset(use.face.data, tuple(sorted(use.used)), use.face.cff)
    return program, subset_tag(program), pikepdf.Array(_widths(use)).unparse(), to_unicode(use)


_KEYED: dict[tuple, FontUse] = {}


def font_object(pdf: pikepdf.Pdf, use: FontUse) -> pikepdf.Object:
    face = use.face
    key = (face.name, tuple(sorted(use.used)), tuple(sorted(use.texts.items())))
    _KEYED[key] = use
    try:
        program, tag, widths, cmap = _parts(key)
    finally:
        del _KEYED[key]
    base = pikepdf.Name("/" + f"{tag}+{face.ps_name}")
    descriptor = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, FontName=base, **face.metrics.descriptor())
    if face.cff:
        stream = pikepdf.Stream(pdf, program)
        stream.Subtype = pikepdf.Name.CIDFontType0C
        descriptor.FontFile3 = pdf.make_indirect(stream)
    else:
        stream = pikepdf.Stream(pdf, program)
        stream.Length1 = len(program)
        descriptor.FontFile2 = pdf.make_indirect(stream)
    cid = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType0 if face.cff else pikepdf.Name.CIDFontType2,
        BaseFont=base, CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
        FontDescriptor=pdf.make_indirect(descriptor), DW=1000, W=pikepdf.Object.parse(widths),
    )
    if not face.cff:
        cid.CIDToGIDMap = pikepdf.Name.Identity
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=base, Encoding=pikepdf.Name("/Identity-H"),
        DescendantFonts=[pdf.make_indirect(cid)], ToUnicode=pdf.make_indirect(pikepdf.Stream(pdf, cmap)),
    )
    return pdf.make_indirect(font)


def write_fonts(pdf: pikepdf.Pdf, uses: dict[str, FontUse]) -> None:
    """Writes the fonts and gives every page and form the one /Font dictionary. ReportLab's initial font
    (Helvetica, never shown: the pen selects no ReportLab font) goes; any other font already there stays."""
    fonts = pikepdf.Dictionary()
    for use in uses.values():
        fonts[pikepdf.Name("/" + use.resource)] = font_object(pdf, use)
    shared = pdf.make_indirect(fonts)
    seen: set = set()
    merged: dict = {}
    for page in pdf.pages:
        resources = page.obj.get("/Resources")
        if resources is None:
            page.obj.Resources = resources = pikepdf.Dictionary()
        _give(pdf, resources, shared, seen, merged)


def _fonts_for(pdf: pikepdf.Pdf, existing: object, shared: pikepdf.Object, merged: dict) -> pikepdf.Object | None:
    if not isinstance(existing, pikepdf.Dictionary):
        return shared if len(shared.keys()) else None
    key = existing.objgen if existing.is_indirect else id(existing)
    if key not in merged:
        kept = {k: v for k, v in existing.items() if v.get("/BaseFont") != pikepdf.Name.Helvetica}
        if not kept:
            merged[key] = shared if len(shared.keys()) else None
        else:
            combined = pikepdf.Dictionary(kept)
            for k, v in shared.items():
                combined[k] = v
            merged[key] = pdf.make_indirect(combined)
    return merged[key]


def _give(pdf: pikepdf.Pdf, resources: pikepdf.Object, shared: pikepdf.Object, seen: set, merged: dict) -> None:
    fonts = _fonts_for(pdf, resources.get("/Font"), shared, merged)
    if fonts is not None:
        resources.Font = fonts
    elif "/Font" in resources:
        del resources["/Font"]
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return
    for xobject in xobjects.values():
        if xobject.get("/Subtype") != pikepdf.Name.Form or xobject.objgen in seen:
            continue
        seen.add(xobject.objgen)
        inner = xobject.get("/Resources")
        if inner is None:
            xobject.Resources = inner = pikepdf.Dictionary()
        _give(pdf, inner, shared, seen, merged)

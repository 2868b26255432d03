"""CMaps (tagprint/preflight/font_cmaps.py): ToUnicode and CID CMaps read as code -> value, shown strings
cut into codes by a code space, and how a font's /Encoding says to cut them."""

from __future__ import annotations

import pikepdf
from pikepdf import Dictionary, Name

from tagprint.preflight.font_cmaps import cid_of, code_splitter, read_cmap, split_with_codespace


def test_tounicode_ranges_and_arrays():
    pdf = pikepdf.new()
    stream = pdf.make_stream(b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0001> <0041> <0002> <D83DDE00> endbfchar
2 beginbfrange <0010> <0012> <0061> <0020> <0021> [<0066006C> <2192>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end""")
    cmap = read_cmap(stream, unicode=True)
    assert cmap.map[b"\x00\x01"] == "A"
    assert cmap.map[b"\x00\x02"] == "\U0001F600"
    assert [cmap.map[bytes([0, c])] for c in (0x10, 0x11, 0x12)] == ["a", "b", "c"]
    assert cmap.map[b"\x00\x20"] == "fl" and cmap.map[b"\x00\x21"] == "\u2192"
    assert cmap.split(b"\x00\x01\x00\x02") == [b"\x00\x01", b"\x00\x02"]


def test_codes_of_mixed_lengths():
    ranges = [(b"\x00", b"\x80"), (b"\x81\x40", b"\xfe\xfe")]
    assert split_with_codespace(b"A\x81\x41B", ranges) == [b"A", b"\x81\x41", b"B"]


def test_a_cid_cmap_with_ranges_and_a_glyph_name_in_a_tounicode():
    pdf = pikepdf.new()
    cids = pdf.make_stream(b"""begincmap 1 begincodespacerange <00> <FF> endcodespacerange
1 begincidrange <20> <22> 100 endcidrange 1 begincidchar <41> 7 endcidchar endcmap""")
    cmap = read_cmap(cids, unicode=False)
    assert [cmap.map[bytes([c])] for c in (0x20, 0x21, 0x22, 0x41)] == [100, 101, 102, 7]
    names = pdf.make_stream(b"1 beginbfchar <03> /eacute endbfchar 1 beginbfrange <05> <06> <00FF> endbfrange")
    got = read_cmap(names, unicode=True)
    assert (got.map[b"\x03"], got.map[b"\x05"], got.map[b"\x06"]) == ("\u00e9", "\u00ff", "\u0100")


def test_how_a_font_says_to_cut_its_strings():
    pdf = pikepdf.new()
    simple = Dictionary(Subtype=Name.TrueType)
    assert code_splitter(simple)(b"AB") == [b"A", b"B"]
    identity = Dictionary(Subtype=Name.Type0, Encoding=Name("/Identity-H"))
    assert code_splitter(identity)(b"\x00\x41\x01\x02") == [b"\x00\x41", b"\x01\x02"]
    assert cid_of(identity)(b"\x01\x02") == 0x102
    embedded = pdf.make_stream(b"1 begincodespacerange <00> <7F> endcodespacerange 1 begincidchar <41> 9 endcidchar")
    font = Dictionary(Subtype=Name.Type0, Encoding=embedded)
    assert code_splitter(font)(b"AB") == [b"A", b"B"] and (cid_of(font)(b"A"), cid_of(font)(b"B")) == (9, None)
    assert code_splitter(Dictionary(Subtype=Name.Type0, Encoding=Name("/90ms-RKSJ-H"))) is None

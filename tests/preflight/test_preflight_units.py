"""The small readers the checks stand on: XMP, language tags, role maps (CMaps: test_font_cmaps.py)."""

from __future__ import annotations

import pikepdf
import pytest

from tagprint.preflight.checks.catalog import valid_language
from tagprint.preflight.structure_tree import resolve_role
from tagprint.preflight.xmp import parse_xmp

RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'


def xmp(description: str) -> bytes:
    return f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF {RDF}>{description}</rdf:RDF></x:xmpmeta>'.encode()


def test_xmp_properties_as_elements_and_attributes():
    got = parse_xmp(xmp(
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" '
        'pdfaid:part="3" pdfaid:conformance="A">'
        '<dc:title><rdf:Alt><rdf:li xml:lang="fr">Titre</rdf:li><rdf:li xml:lang="x-default">Title</rdf:li></rdf:Alt>'
        '</dc:title><pdfuaid:part>1</pdfuaid:part></rdf:Description>'))
    assert (got.title, got.pdfua_part, got.pdfa_part, got.pdfa_conformance) == ("Title", "1", "3", "A")


def test_xmp_pdfuaid_in_the_wrong_namespace_is_noticed():
    got = parse_xmp(xmp('<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id">'
                        '<pdfuaid:part>1</pdfuaid:part></rdf:Description>'))
    assert got.pdfua_part is None
    assert got.misplaced == ["'part' in namespace http://www.aiim.org/pdfua/ns/id"]


def test_xmp_that_is_not_xml():
    assert "not well-formed" in (parse_xmp(b"<x:xmpmeta><oops").error or "")


@pytest.mark.parametrize("tag, ok", [("en-US", True), ("fr", True), ("de-CH-1996", True), ("zh-Hant-TW", True),
                                     ("x-klingon", True), ("", False), ("en_US", False), ("English", False),
                                     ("zz", False), ("en-", False)])
def test_language_tags(tag, ok):
    assert valid_language(tag) is ok


def test_role_map_chains_end_at_a_standard_type():
    role_map = {"Title": "Heading", "Heading": "H1", "Loop": "Loop2", "Loop2": "Loop"}
    assert resolve_role("P", role_map) == "P"
    assert resolve_role("Title", role_map) == "H1"
    assert resolve_role("Loop", role_map) is None
    assert resolve_role("Unknown", role_map) is None

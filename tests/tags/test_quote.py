"""The quote block read back from the PDF (pypdf + PDFium): a BlockQuote holding the quoted paragraph and
the attribution's paragraph, its link live on screen and a Span with the address in print."""

from __future__ import annotations

from readers import Node, reading_text, structure, tree_text


def _quotes(node: Node) -> list[Node]:
    found = [node] if node.role == "BlockQuote" else []
    return found + [q for kid in node.kids if isinstance(kid, Node) for q in _quotes(kid)]


def test_the_quote_is_a_blockquote_with_its_attribution_inside(block_examples_profiles):
    (quote,) = _quotes(structure(block_examples_profiles["screen"]))
    said, by = [kid for kid in quote.kids if isinstance(kid, Node)]
    assert (said.role, by.role) == ("P", "P")
    assert " ".join(reading_text(said).split()).startswith("A quote sets someone's words apart beside a bar,")
    assert " ".join(reading_text(by).split()) == "\u2014 A. Example, nurse specialist, an interview"
    assert "Link" in tree_text(by)


def test_in_print_the_attribution_link_is_a_span_with_its_address(block_examples_profiles):
    (quote,) = _quotes(structure(block_examples_profiles["print"]))
    by = [kid for kid in quote.kids if isinstance(kid, Node)][1]
    assert "Link" not in tree_text(by) and "(example.com/interview)" in reading_text(by)

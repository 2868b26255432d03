"""Safety information, callouts and lists flow over pages like paragraphs: the safety title keeps with
its first lines, the next page repeats it "(continued)" as an artifact (read back with PDFium)."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from readers import artifact_texts, claimed_mcids, mcid_texts, painted_mcids

FLOW_LAYOUT = (MINIMAL_LAYOUT.split("templates:")[0]
               + "templates:\n  text: {}\npages:\n  - template: text\n    flow: [body]\n")

CLAIM = ("Claims about the product are set in the body style, and this sentence is long enough to wrap over "
         "a few lines of the page so that the page fills up with text. ")


def _content(blocks: str) -> str:
    intro = "".join(f"  - type: paragraph\n    text: {CLAIM * 3}\n" for _ in range(7))
    return "body:\n  - type: heading\n    level: 1\n    text: Title\n" + intro + blocks + "  - type: material_id\n"


def _safety(paragraphs: int) -> str:
    body = "".join(f"      - type: paragraph\n        style: safety\n        text: '**Risk {i}:** {CLAIM * 2}'\n"
                   for i in range(1, paragraphs + 1))
    return "  - type: safety\n    blocks:\n" + body


def _texts(data: bytes, page: int) -> str:
    return " ".join(t for (p, _), t in sorted(mcid_texts(data).items()) if p == page)


def test_safety_longer_than_the_room_left_flows_onto_the_next_page(project):
    project.layout(FLOW_LAYOUT)
    project.content(_content(_safety(9)))
    built = project.build()
    assert built.pages == 2
    first, second = _texts(built.data, 0), _texts(built.data, 1)
    # it starts on the first page (it used to jump whole to the next one, leaving half a page empty)
    assert "Important Safety Information" in first and "Risk 1:" in first
    assert "Risk 9:" in second and "Risk 1:" not in second
    assert "Important Safety Information" not in second  # the title is tagged once …
    assert "Important Safety Information (continued)" in artifact_texts(built.data, 1)  # … and repeated as artifact
    assert painted_mcids(built.data) == claimed_mcids(built.data)


def test_a_long_list_and_a_long_callout_cross_pages(project):
    items = "".join(f"      - Item {i} of a long list that runs over the page\n" for i in range(1, 40))
    callout = "".join(f"      - type: paragraph\n        text: Callout {i}. {CLAIM}\n" for i in range(1, 12))
    project.layout(FLOW_LAYOUT)
    project.content(_content("  - type: list\n    items:\n" + items + "  - type: callout\n    blocks:\n" + callout))
    built = project.build()
    assert built.pages == 3
    pages = [_texts(built.data, i) for i in range(built.pages)]
    assert [i for i, text in enumerate(pages) if "of a long list" in text] == [0, 1]
    assert [i for i, text in enumerate(pages) if "Callout " in text] == [1, 2]
    assert "Item 39" in " ".join(pages) and "Callout 11." in " ".join(pages)
    assert painted_mcids(built.data) == claimed_mcids(built.data)

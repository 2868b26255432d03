"""A table that crosses a page: rows on both pages, one Table element, the header repeated as an
artifact (read back with pikepdf and PDFium, not with our own code)."""

from __future__ import annotations

from conftest import two_column_layout

import pikepdf

from readers import artifact_texts


def _pages_of(elem, page_numbers, inherited=None) -> set[int]:
    """Pages on which an element's marked content lies (its /Pg, or an MCR's /Pg)."""
    page = page_numbers.get(elem.Pg.objgen) if "/Pg" in elem else inherited
    kids = elem.get("/K")
    if kids is None:
        return set()
    kids = kids if isinstance(kids, pikepdf.Array) else [kids]
    found: set[int] = set()
    for kid in kids:
        if isinstance(kid, int):
            found.add(page)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            found.add(page_numbers[kid.Pg.objgen] if "/Pg" in kid else page)
        elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found |= _pages_of(kid, page_numbers, page)
    return found


def _elements(elem, role):
    if elem.get("/S") == role:
        yield elem
    kids = elem.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]) if kids is not None else []:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield from _elements(kid, role)


LAYOUT = two_column_layout("A long schedule", "TEST-0031", "schedule")


def _schedule(rows: int) -> str:
    """A table with a two-level header (a spanned upper cell) long enough to run through four columns."""
    body = "".join(f"      - [Week {4 * r}, 1 pen, 2 pens, Maintenance dose and a check of the skin]\n"
                   for r in range(rows))
    return ("schedule:\n  - type: table\n    caption: Dosing schedule\n    header_rows: 2\n"
            "    row_headers: true\n    widths: [1.3, 1.2, 1.2, 2.6]\n    rows:\n"
            "      - [{text: Visit, rowspan: 2}, {text: Dose, colspan: 2}, {text: What happens, rowspan: 2}]\n"
            "      - [Weight ≤ 100 kg, Weight > 100 kg]\n" + body)


def test_table_rows_on_two_pages_header_repeated_as_artifact(project, tmp_path):
    project.layout(LAYOUT)
    project.content(_schedule(70))
    path = tmp_path / "schedule.pdf"
    path.write_bytes(project.build().data)
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == 2
        numbers = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        root = pdf.Root.StructTreeRoot.K
        root = root[0] if isinstance(root, pikepdf.Array) else root
        table = next(_elements(root, "/Table"))
        body = next(_elements(table, "/TBody"))
        head = next(_elements(table, "/THead"))
        row_pages = [_pages_of(tr, numbers) for tr in _elements(body, "/TR")]
        assert {0} in row_pages and {1} in row_pages  # one Table, its rows on pages 1 and 2
        assert _pages_of(head, numbers) == {0}         # the header is tagged once, where it first stands
    repeated = " ".join(" ".join(artifact_texts(path, 1)).split())  # a header cell may wrap
    assert "Visit" in repeated and "Weight ≤ 100 kg" in repeated and "(continued)" in repeated
    # page 1 sets the table in two columns: the header stands tagged in the first, repeated once in the second
    assert " ".join(" ".join(artifact_texts(path, 0)).split()).count("(continued)") == 1

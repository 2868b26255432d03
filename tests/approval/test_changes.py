"""The pieces of a diff on their own: word changes in reading order, differing pixel areas."""

from __future__ import annotations

from PIL import Image, ImageDraw

from tagprint.approval.changes import Unit, text_changes
from tagprint.approval.pixels import CELL, SCALE, areas


def _units(*texts: str) -> list[Unit]:
    return [Unit(f"body[{i}]", "paragraph", text, (1 + i // 2,)) for i, text in enumerate(texts)]


def test_word_changes_in_reading_order_with_block_and_page():
    old = _units("One two three four.", "Five six.", "Seven eight nine.")
    new = _units("One two 3 four.", "Five six.", "Seven nine. Ten.")
    changes = text_changes(old, new)
    assert [c.describe() for c in changes] == [
        "page 1, the paragraph: deleted “three” and inserted “3” after “…One two”",
        "page 2, the paragraph: deleted “eight” after “…Seven”",
        "page 2, the paragraph: inserted “Ten.” after “…Seven nine.”",
    ]
    assert text_changes(old, old) == []


def test_a_whole_new_block_is_an_insertion():
    (change,) = text_changes(_units("A b."), _units("A b.", "New words here."))
    assert (change.block, change.deleted, change.inserted, change.before) == ("body[1]", "", "New words here.", "")
    assert change.describe() == "page 1, the paragraph: inserted “New words here.” at the start"


def test_differing_areas_are_found_apart_and_in_reading_order():
    old = Image.new("RGB", (400, 500), "white")
    new = old.copy()
    draw = ImageDraw.Draw(new)
    draw.rectangle([300, 40, 340, 60], fill="black")    # top right
    draw.rectangle([20, 400, 60, 420], fill="black")    # bottom left
    found = areas(old, new)
    assert len(found) == 2
    top, bottom = found
    k = CELL / SCALE
    assert abs(top.x - 300 / SCALE) <= k and abs(top.y - 40 / SCALE) <= k
    assert abs(bottom.x - 20 / SCALE) <= k and abs(bottom.y - 400 / SCALE) <= k
    page = (400 / SCALE, 500 / SCALE)
    assert top.where(page) == "the top right" and bottom.where(page) == "the bottom left"
    assert areas(old, old.copy()) == []


DOSING = """\
body:
  - type: heading
    level: 1
    text: VELARIS dosing
  - type: paragraph
    text: Two loading doses, then one dose every 12 weeks.{note}`*`
  - type: table
    caption: Dosing schedule in the first year{note}`†`
    header_rows: 1
    row_headers: true
    rows:
      - [Visit, Weight ≤ 100 kg, Weight > 100 kg]
      - [Week 0, 1 pen, "2 pens{note}`‡`"]
      - [Week 4, 1 pen, 2 pens]
    notes:
      - {marker: "†", text: "Based on the dosing in VOYAGE-P1 and -P2."}
      - {marker: "‡", text: "The 200 mg dose for weight > 100 kg is from a subgroup analysis."}
  - type: notes
    notes:
      - {marker: "*", text: "Every 12 weeks after week 16."}
"""


def _dosing_units(project, content: str):
    from tagprint.approval.changes import units
    from tagprint.pipeline import prepare

    project.content(content)
    return units(prepare(project.root, project.root / "layouts" / "test.yaml").document, {})


def test_a_changed_table_cell_and_footnote_are_exactly_the_text_changes(project):
    project.layout()
    old = _dosing_units(project, DOSING)
    new = _dosing_units(project, DOSING.replace("[Week 4, 1 pen, 2 pens]", "[Week 4, 1 pen, 3 pens]")
                        .replace("from a subgroup analysis", "from a pooled analysis"))
    assert [c.describe() for c in text_changes(old, new)] == [
        "table “Dosing schedule in the first year†”, row “Week 4”, column “Weight > 100 kg”: "
        "deleted “2” and inserted “3” at the start",
        "note ‡ of table “Dosing schedule in the first year†”: deleted “subgroup” and inserted "
        "“pooled” after “…kg is from a”",
    ]
    assert {u.kind for u in new} == {"heading", "paragraph", "table", "footnote"}

"""The 2-up handout's slots read as one structure, whether or not the slide has speaker notes: read back
from the PDF (labels and their boxes by PDFium, ruled lines from the content stream by pikepdf), never
from the writer's own idea of the page."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from handout_marks import label_boxes, rules

REPO = Path(__file__).resolve().parents[2]
WITH_NOTES = {1, 2, 3, 4, 5}  # the seed deck's slides with speaker notes (6, safety, and 7, references, have none)
LEAD = 10.0  # pt: a slot starts no more than this above its "Slide N of 7" (the number beside the frame's top)


@pytest.fixture(scope="module")
def two_up(tmp_path_factory) -> Path:
    from tagprint.commands.cli import main
    out = tmp_path_factory.mktemp("deck")
    assert main(["--root", str(REPO), "--output", str(out), "--force", "build", "kineret-dtt-ra-deck"]) == 0
    return out / "kineret-dtt-ra-deck-handout-2up.pdf"


class Slot:
    """One slide's slot on a page: its number, its labels (words, left, top, bottom) and its ruled lines
    (y, x0, x1), the positions relative to the top-left of its "Slide N of 7"."""

    def __init__(self, page: int, number: int, labels: list, lines: list, anchor: tuple[float, float]):
        self.page, self.number = page, number
        ax, ay = anchor
        self.anchor_x = ax
        self.labels = [(w, round(x - ax, 2), round(top - ay, 2), round(bottom - ay, 2)) for w, x, top, bottom in labels]
        self.lines = [(round(y - ay, 2), round(x0, 2), round(x1, 2)) for y, x0, x1 in lines]

    def words(self) -> Counter:
        return Counter(w if not w.startswith("Slide ") else "Slide N of 7" for w, *_ in self.labels)

    def at(self, words: str) -> tuple[float, float]:
        return next((x, top) for w, x, top, _ in self.labels if w == words)


def slots(path: Path) -> list[Slot]:
    """Every slide's slot on every page, top to bottom: from LEAD over its number to LEAD over the next
    slot's number, or to the "More notes" area of a part-filled page (the last to the page's foot)."""
    out = []
    for page, (found, lines) in enumerate(zip(label_boxes(path), rules(path))):
        numbers = [f for f in found if f[0].startswith("Slide ")]
        more = [top - LEAD for w, _, top, _ in found if w == "More notes"]
        starts = [top - LEAD for _, _, top, _ in numbers] + [min(more, default=float("inf"))]
        for (words, x, top, _), start, end in zip(numbers, starts, starts[1:]):
            inside = [f for f in found if start <= f[2] < end]
            mine = [(y, x0, x1) for y, x0, x1, *_ in lines if start <= y < end]
            out.append(Slot(page + 1, int(words.split()[1]), inside, mine, (x, top)))
    return out


def test_every_two_up_slot_has_the_same_labels_in_the_same_places(two_up):
    """Each slot: its "Slide N of 7" once, "Your notes" once, "Speaker notes" once when the slide has
    speaker notes and not at all when it has none, nothing else (no second "Your notes"); "Your notes"
    beside the slide under the number, "Speaker notes" under the slide at the page's left margin, each at
    the same place relative to the number in every slot."""
    found = slots(two_up)
    assert [s.number for s in found] == list(range(1, 8))
    for slot in found:
        expected = Counter({"Slide N of 7": 1, "Your notes": 1})
        if slot.number in WITH_NOTES:
            expected["Speaker notes"] = 1
        assert slot.words() == expected, (slot.number, slot.labels)
    for words in ("Your notes", "Speaker notes"):
        places = {s.at(words) for s in found if words in s.words()}
        assert len(places) == 1, (words, places)
    (own_x, own_top), = {s.at("Your notes") for s in found}
    (spoken_x, spoken_top), = {s.at("Speaker notes") for s in found if s.number in WITH_NOTES}
    assert abs(own_x) < 1 and 0 < own_top < 30  # "Your notes" beside the slide, under the number
    assert spoken_x < -300 and spoken_top > 200  # "Speaker notes" under the slide, at the page's left margin


def test_speaker_notes_run_under_the_slide_at_a_reading_measure(two_up):
    """The speaker notes under each slide are set at the slide's width: every line of them but its last
    holds 45 to 80 characters (PDFium's text lines after "Speaker notes", down to the line with the notes'
    last word, the notes read from the deck's layout file)."""
    import re

    import pypdfium2 as pdfium
    import yaml
    spec = yaml.safe_load((REPO / "layouts" / "kineret-dtt-ra-deck.yaml").read_text(encoding="utf-8"))
    last_words = [re.sub(r"\{cite\}`[^`]*`", "", s["notes"]).split()[-1] for s in spec["slides"] if s.get("notes")]
    pdf = pdfium.PdfDocument(two_up)
    parts = [part for i in range(len(pdf)) for part in pdf[i].get_textpage().get_text_range().split("Speaker notes")[1:]]
    assert len(parts) == len(last_words) == len(WITH_NOTES)
    measured = 0
    for part, last in zip(parts, last_words):
        lines = [line.strip() for line in part.splitlines() if line.strip()]
        end = next(k for k, line in enumerate(lines) if last in line)
        assert all(45 <= len(line) <= 80 for line in lines[:end]), [len(line) for line in lines[:end + 1]]
        measured += end
    assert measured >= 4


def test_one_ruled_column_per_slot_run_on_under_a_slide_without_notes(two_up):
    """Each slot has one notes system: its ruled lines all lie under its "Your notes", at one pitch, five
    or more beside the frame, across the column from the label's left edge to the right margin; on a full
    page they run on down to within a pitch of the slot's foot (the next slot's top, or the grid's foot),
    and every such slot has its lines at exactly the same heights (slide 5 with speaker notes and slide 6
    without share a page and a grid). Beside a slide's speaker notes the lines stay in the column (nothing
    ruled under the notes); under a slide without speaker notes (6) the same lines, from a writing line
    (PITCH - 2 pt or more) under its frame's foot, run on from the page's left margin, so no cell is left
    blank. None runs through a letter. Slide 7,
    alone on its page and without speaker notes, has the same lines beside it down to its frame's foot:
    the rest of that page is one "More notes" area, its label about a pitch under the slide's foot, its
    lines across the page down to within a pitch of the grid's foot (the footer's 56 pt above the page's
    foot)."""
    import pypdfium2 as pdfium

    from tagprint.decks.handouts import PITCH, SLOT_GAP, TWO_UP_WIDTH
    found = slots(two_up)
    full = [s for s in found if sum(t.page == s.page for t in found) == 2]
    alone = [s for s in found if s not in full]
    assert {s.number for s in alone} == {7} and {5, 6} <= {s.number for s in full}
    frame = TWO_UP_WIDTH * 540 / 960  # the 2-up frame's height: its top is level with its number's capitals
    slot_h = (792 - 46.0 - 56.0 - SLOT_GAP) / 2  # two slots share the page's depth under its top margin
    pdf = pdfium.PdfDocument(two_up)
    for slot in found:
        own_bottom = next(b for w, *_, b in slot.labels if w == "Your notes")
        assert all(y > own_bottom for y, *_ in slot.lines) and slot.lines[0][0] - own_bottom <= PITCH, slot.number
        assert {x1 for *_, x1 in slot.lines} == {612 - 40.0}
        column = min(x0 for _, x0, _ in slot.lines[:5])
        assert column > 300 and abs(column - (slot.at("Your notes")[0] + slot.anchor_x)) < 1, (slot.number, column)
        run_on = slot in full and slot.number not in WITH_NOTES  # the lines under the slide start at the margin
        for y, x0, _ in slot.lines:
            under = y >= frame + PITCH - 2 - 0.05
            assert x0 == (40.0 if run_on and under else column), (slot.number, y, x0)
        if run_on:
            assert any(y - frame < PITCH + 2 for y, *_ in slot.lines if y >= frame), (slot.number, frame)
        gaps = [b[0] - a[0] for a, b in zip(slot.lines, slot.lines[1:])]
        assert all(abs(g - PITCH) < 0.05 for g in gaps), (slot.number, gaps)
        assert sum(y <= frame + 0.5 for y, *_ in slot.lines) >= 5, slot.number
        if slot in full:
            assert slot_h - PITCH - 1 < slot.lines[-1][0] <= slot_h + 1, (slot.number, slot.lines[-1], slot_h)
        tp, height = pdf[slot.page - 1].get_textpage(), pdf[slot.page - 1].get_size()[1]
        boxes = [tp.get_charbox(k) for k in range(tp.count_chars()) if tp.get_text_range(k, 1).strip()]
        top = _anchor_top(slot, two_up)
        for y, x0, _ in slot.lines:  # on the page: through no letter (the speaker notes' included)
            assert not any(height - b[3] < y + top < height - b[1] and b[2] > x0 for b in boxes), (slot.number, y)
    standard = [y for y, *_ in full[0].lines]
    assert all([y for y, *_ in s.lines] == standard for s in full)
    assert any(s.number not in WITH_NOTES for s in full)  # slide 6: the run-on lines were measured
    mine = [y for y, *_ in alone[0].lines]
    assert mine == standard[:len(mine)] and frame - PITCH < mine[-1] <= frame + 0.5, (mine, frame)
    page = alone[0].page - 1
    more = [top for w, _, top, _ in label_boxes(two_up)[page] if w == "More notes"]
    frame_foot = 46.0 + frame  # the page's top margin and the 2-up frame's height
    assert len(more) == 1 and PITCH <= more[0] - frame_foot <= PITCH + 8, (more, frame_foot)
    lines = [(y, x0, x1) for y, x0, x1, *_ in rules(two_up)[page] if y > more[0]]
    assert lines and {(x0, x1) for _, x0, x1 in lines} == {(40.0, 572.0)}, lines
    foot = 792 - 56.0
    assert foot - PITCH < lines[-1][0] <= foot + 0.05, (lines[-1], foot)


def _anchor_top(slot: Slot, path: Path) -> float:
    """The page height of the top of the slot's "Slide N of 7" (what its positions are relative to)."""
    page = label_boxes(path)[slot.page - 1]
    return next(top for w, _, top, _ in page if w == f"Slide {slot.number} of 7")

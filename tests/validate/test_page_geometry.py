"""Boxes on the page (validate/page_geometry.py): a box must lie on its page, and a box drawn for one paper
size is carried over to another keeping the margins."""

from __future__ import annotations

from tagprint.errors import Problem, Where
from tagprint.validate.page_geometry import PAGE_SIZES, adapted, checked_box

LETTER, A4 = PAGE_SIZES["letter"], PAGE_SIZES["a4"]
MARGINS = (40.0, 40.0, 48.0, 40.0)  # top, right, bottom, left


def test_a_bleed_stays_a_bleed_and_reaches_the_new_page_edge():
    # a band across the top of a letter page, from edge to edge, inside the top margin
    assert adapted([0, 0, 612, 20], LETTER, A4, MARGINS) == [0, 0, 595, 20]


def test_what_lies_between_the_margins_is_stretched_to_the_new_text_area():
    # the middle of letter's text area (40 + 532 / 2 = 306) lands in the middle of A4's (40 + 515 / 2)
    x, _y, w, _h = adapted([306, 100, 0, 0], LETTER, A4, MARGINS)
    assert x == 40 + 515 / 2 and w == 0
    # a box from margin to margin fills A4's text area
    assert adapted([40, 40, 532, 704], LETTER, A4, MARGINS) == [40, 40, 515, 754]


def test_a_box_off_the_page_is_a_problem_at_its_place():
    problems: list[Problem] = []
    where = Where("layouts/x.yaml", 7, 5, "templates.t.regions.r.box")
    box = checked_box([500, 10, 200, 50], LETTER, where, problems, "region 'r'")
    assert (box.x, box.width) == (500, 200)
    (problem,) = problems
    assert problem.where == where and "does not lie on the 612 × 792 pt page" in problem.message
    checked_box([10, 10, 200, 50], LETTER, where, problems, "region 'r'")
    assert len(problems) == 1

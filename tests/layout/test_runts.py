"""A typesetting rule: a paragraph does not end on a line of one short word (a runt). The word before it
comes down too, or the paragraph is set again a little narrower; where neither helps the runt stays (and a
review copy flags a heading reflowed into one, see tests/approval/test_diff.py)."""

from __future__ import annotations

import pytest

from tagprint.fonts import FontStack
from tagprint.layout.text import TextStyle, break_lines, plain_pieces
from tagprint.model import TypeStyle

TS = TextStyle(TypeStyle(size=10, leading=14), (0, 0, 0), (0, 0, 1), FontStack(("DejaVu Sans",)))


def words_per_line(text: str, width: float) -> list[list[str]]:
    lines, too_wide = break_lines(plain_pieces(text, None, TS), width, TS)
    assert not too_wide
    out = []
    for line in lines:
        assert max(f.x + f.width for f in line.fragments) <= width + 0.01  # never wider than the measure
        out.append("".join(f.actual or "".join(s.text for s in f.segments) for f in line.fragments).split())
    return out


def set_without_rule(text: str, width: float) -> list[list[str]]:
    """The greedy lines, as a plain first-fit would set them (the rule's starting point)."""
    from tagprint.layout import text as module
    atoms = module._atoms(plain_pieces(text, None, TS), TS)
    lines, _ = module._greedy(atoms, width, TS, False)
    return ["".join(a.text for a in line).split() for line in lines]


@pytest.mark.parametrize("text, width", [
    # a long paragraph whose last word fell alone: the word before it comes down
    ("Do not start the treatment in patients with a history of serious hypersensitivity to the drug or to "
     "any of its excipients.", 270),
    # two lines whose second holds one very short word (under a quarter of the measure)
    ("Signs of inflammation in the small joints of hands and feet", 272),
    # the word before does not fit beside it and keep half the line above: set a little narrower
    ("Most common adverse reactions were upper respiratory infections, headache, fatigue and "
     "injection-site hypersensitivities seen.", 174),
])
def test_no_paragraph_ends_on_a_line_of_one_short_word(text, width):
    greedy = set_without_rule(text, width)
    assert len(greedy[-1]) == 1, greedy  # the case is a runt without the rule
    lines = words_per_line(text, width)
    assert len(lines) == len(greedy)  # never a line more
    assert len(lines[-1]) >= 2, lines
    assert [w for line in lines for w in line] == text.split()  # the same words in the same order


def test_two_lines_keep_a_last_word_of_a_quarter_measure_or_more_rather_than_part_a_pair():
    for text, width in (("KINERET is an IL-1 receptor antagonist", 140), ("The signaling of inflammatory pathways", 152)):
        greedy = set_without_rule(text, width)
        assert len(greedy) == 2 and len(greedy[-1]) == 1  # one word on the second line
        assert words_per_line(text, width) == greedy  # left there: not "IL-1 / receptor antagonist"


def test_a_long_last_word_is_not_a_runt_and_a_runt_that_cannot_be_mended_stays():
    # more than half the measure: no runt, nothing moves
    long_last = "Pharmacokinetics and immunopharmacological"
    assert words_per_line(long_last, 260) == set_without_rule(long_last, 260)
    # "The" alone above would be worse, and narrower it takes three lines: the runt stays
    lines = words_per_line("The immunopathological phenotypes", 150)
    assert lines == [["The", "immunopathological"], ["phenotypes"]]


def test_a_slightly_narrower_setting_comes_before_pulling_a_word_down():
    """Setting the paragraph 3 or 6 % narrower spreads the change over every line's rag; pulling the word
    before the runt down would leave one line visibly short (a torn right edge). The first is tried first."""
    from tagprint.layout import text as module

    text = ("Evaluate patients for tuberculosis (TB) infection before starting treatment. Do not give VELARIS to "
            "patients with active TB. Start treatment of latent TB before giving VELARIS, and monitor patients "
            "for signs and symptoms of active TB during and after treatment.")
    width = 270.0
    greedy = set_without_rule(text, width)
    assert len(greedy[-1]) == 1, greedy  # a runt without the rule
    pulled = [list(line) for line in module._greedy(module._atoms(plain_pieces(text, None, TS), TS), width, TS,
                                                     False)[0]]
    module._no_runt(pulled, width, TS)
    assert not module._is_runt(pulled, width)  # pulling the word down would mend it too ...
    pulled_shortest = min(sum(a.width for a in line) for line in pulled[:-1])
    lines, _ = break_lines(plain_pieces(text, None, TS), width, TS)
    widths = [max(f.x + f.width for f in line.fragments) for line in lines]
    assert len(lines) == len(greedy) and len(words_per_line(text, width)[-1]) >= 2
    assert min(widths[:-1]) > pulled_shortest + 30  # ... but leave a line 30 pt shorter than any set now
    assert max(widths) <= width * 0.94 + 0.01  # set 3 or 6 % narrower

"""Text contrast against its background (WCAG 2.2 SC 1.4.3); the measuring is in `..text_contrast`."""

from __future__ import annotations

import math

import pikepdf

from ...contrast import LARGE_TEXT, TEXT, ratio, to_hex
from ..document import Doc, number
from ..findings import ERROR, WARNING, Finding
from ..text_contrast import TextRun, text_runs
from .registry import register

ID = "CONTRAST"
QUOTE = 60  # characters of the text quoted in a message


@register(ID, "Text has enough contrast with what is behind it",
          standard="WCAG 2.2 SC 1.4.3 (AA); ACCESSIBILITY.md",
          help="For each run of visible text: its colour against the background rendered without text, at least "
               "4.5:1, or 3:1 for large text (≥ 18 pt, or ≥ 14 pt bold). Artifact text (decoration) is reported as "
               "a warning: WCAG exempts text that is pure decoration, a person should decide.",
          in_build=False)  # a build checks contrast from the layout, which knows what lies behind each text
def contrast(doc: Doc) -> list[Finding]:
    failing: list[tuple[TextRun, float, float]] = []
    for run in text_runs(doc):
        minimum = LARGE_TEXT if run.large else TEXT
        r = ratio(_unit(run.fg), _unit(run.bg))
        if r < minimum:
            failing.append((run, r, minimum))
    # consecutive failing runs of one page with the same colours make one finding (a paragraph's lines)
    groups: list[list[tuple[TextRun, float, float]]] = []
    for item in failing:
        run, _, minimum = item
        last = groups[-1][-1] if groups else None
        if last and last[0].page == run.page and last[0].fg == run.fg and last[0].bg == run.bg \
                and last[2] == minimum and last[0].artifact == run.artifact:
            groups[-1].append(item)
        else:
            groups.append([item])
    out = []
    for group in groups:
        run, r, minimum = group[0]
        text = " ".join(g[0].text for g in group)
        quoted = text if len(text) <= QUOTE else text[:QUOTE - 1] + "…"
        size = f"{run.size:.3g} pt {'bold' if run.bold else 'regular'}"
        kind = "large text" if run.large else "text"
        shown = math.floor(r * 100) / 100
        out.append(Finding(
            ID, WARNING if run.artifact else ERROR,
            f"{quoted!r}: {to_hex(_unit(run.fg))} on {to_hex(_unit(run.bg))} has contrast {shown:.2f}:1, below the "
            f"{minimum:g}:1 needed for {kind} ({size}){' — an artifact' if run.artifact else ''}",
            page=run.page, path=_path(doc, run), object=f"MCID {run.mcid}" if run.mcid >= 0 else None,
            fix=f"darken the text or lighten the background (or the reverse) to reach {minimum:g}:1"))
    return out


def _unit(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    return (rgb[0] / 255, rgb[1] / 255, rgb[2] / 255)


def _path(doc: Doc, run: TextRun) -> str | None:
    """The structure element that owns the text, through the page's ParentTree entry."""
    tree = doc.tree
    if tree is None or run.mcid < 0:
        return None
    key = number(doc.pages[run.page - 1].obj.get("/StructParents"))
    entry = tree.parent_tree.get(key) if key is not None else None
    if not isinstance(entry, pikepdf.Array) or run.mcid >= len(entry):
        return None
    element = tree.element_for(entry[run.mcid])
    return element.path if element else None

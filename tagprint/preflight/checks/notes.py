"""Note elements carry unique /IDs (footnotes and endnotes can then be referenced)."""

from __future__ import annotations

from collections import defaultdict

from ..document import Doc
from ..findings import ERROR, Finding
from .registry import register

ID = "NOTE-ID"


@register(ID, "Note elements have a unique /ID",
          standard="PDF/UA-1 7.9; Matterhorn checkpoint 19",
          help="Every Note needs an /ID, and no other element may use the same /ID.")
def note_ids(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    out = []
    by_id = defaultdict(list)
    for e in tree.walk():
        value = e.get_text("/ID")
        if value is not None:
            by_id[value].append(e)
    for e in tree.walk():
        if e.std != "Note":
            continue
        value = e.get_text("/ID")
        if not value:
            out.append(Finding(ID, ERROR, "Note has no /ID" if value is None else "Note has an empty /ID",
                               page=e.page, object=e.ref, path=e.path, fix="give every Note a unique /ID string"))
        elif len(by_id[value]) > 1:
            others = ", ".join(o.path for o in by_id[value] if o is not e)
            out.append(Finding(ID, ERROR, f"Note /ID {value!r} is also used by {others}", page=e.page,
                               object=e.ref, path=e.path, fix="make the /ID unique"))
    return out

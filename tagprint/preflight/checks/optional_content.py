"""Optional content (layers): every configuration is named, and none switches layers by usage (/AS)."""

from __future__ import annotations

import pikepdf

from ..document import Doc, ref, text
from ..findings import ERROR, Finding
from .registry import register

ID = "OC-CONFIG"


@register(ID, "Each optional content configuration has a /Name and no /AS",
          standard="PDF/UA-1 7.10; Matterhorn checkpoints 20-001, 20-002, 20-003",
          help="When the catalog has /OCProperties, its default configuration /D and every dictionary in "
               "/Configs need a non-empty /Name (what a reader lists to the user), and none may hold an /AS "
               "array (layers switched on or off automatically).")
def optional_content(doc: Doc) -> list[Finding]:
    props = doc.root.get("/OCProperties")
    if not isinstance(props, pikepdf.Dictionary):
        return []
    configs: list[tuple[str, object]] = [("the default configuration (/D)", props.get("/D"))]
    extra = props.get("/Configs")
    for i, listed in enumerate(extra if isinstance(extra, pikepdf.Array) else [], start=1):
        configs.append((f"configuration {i} of /Configs", listed))
    out = []
    for label, config in configs:
        if not isinstance(config, pikepdf.Dictionary):
            if config is not None or label.startswith("the default"):
                out.append(Finding(ID, ERROR, f"{label} is missing or not a dictionary", object="OCProperties",
                                   fix="give /OCProperties a /D dictionary with a /Name"))
            continue
        if not (text(config.get("/Name")) or "").strip():
            out.append(Finding(ID, ERROR, f"{label} has no /Name", object=ref(config) or "OCProperties",
                               fix="set /Name to what the configuration shows, e.g. (Print version)"))
        if "/AS" in config:
            out.append(Finding(ID, ERROR, f"{label} has an /AS array (automatic state changes)",
                               object=ref(config) or "OCProperties", fix="remove /AS from the configuration"))
    return out

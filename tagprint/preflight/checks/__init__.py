"""The registry of preflight checks: one module per concern, each check a function `(doc) -> list[Finding]`
registered under a stable id. The registry order is the report order and the SARIF rule order.

Adding a check: write a function in the module for its concern (or a new module, imported below), decorate
it with `@register("ID", "title", standard=..., help=...)` from checks/registry.py, and return findings made
with the same id.
"""

from __future__ import annotations

from .registry import (REGISTRY, Check, CheckFunction, CheckRun, CheckSkipped, Crashed, Skipped, build_checks,
                       build_operators, register, run_checks)

# the modules register their checks on import; this order is the report order
from . import catalog, content, structure, roles, figures, headings, lists, tables, notes  # noqa: F401
from . import reading_order  # noqa: F401
from . import links, annots, fonts, actions, optional_content, embedded_files  # noqa: F401
from . import pdfa, boxes, contrast  # noqa: F401
from . import print_pdfx, print_boxes, print_color, print_images, print_inks  # noqa: F401  (family press)
from . import damage  # noqa: F401  last: it also reports what the other checks' reading had to repair

__all__ = ["Check", "CheckRun", "CheckSkipped", "Crashed", "REGISTRY", "Skipped", "build_checks", "build_operators",
           "register", "run_checks"]

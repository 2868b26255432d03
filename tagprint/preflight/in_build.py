"""What every build runs on the PDF it has just written, before the file may go to output/: the bytes are
opened once, the content streams parsed once, and verify and the preflight's in-build checks share both."""

from __future__ import annotations

from ..verify import VerifyError, verify_walked
from .checks import build_checks, build_operators, run_checks
from .document import Doc
from .family import Family
from .findings import ERROR, WARNING, Finding

CRASH_FIX = "this is a bug in tagprint's preflight, not in your files: please report it with this layout"


def check_built(data: bytes, family: Family | None = None, ink_limit: float | None = None) -> list[Finding]:
    """Raises VerifyError when the built PDF fails verify or any in-build check of the preflight (with the
    checks of the profile's `family`, e.g. a press profile's, against the press's `ink_limit`). A check that crashes fails the
    build too. Returns the warnings, which the build shows like `render.py check` would."""
    with Doc.from_bytes(data, operators=build_operators(family)) as doc:
        verify_walked(doc.pdf, doc.walk)
        doc.ink_limit = ink_limit
        run = run_checks(doc, build_checks(), family)
    errors = [f for f in run.findings if f.severity == ERROR]
    errors += [Finding(c.check, ERROR, f"the check crashed: {c.error}", fix=CRASH_FIX) for c in run.crashed]
    if errors:
        raise VerifyError(errors)  # one finding each: check id, page, message and fix
    return [f for f in run.findings if f.severity == WARNING]  # notes (for a printer) are not shown

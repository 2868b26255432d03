"""What every build runs on the PDF it has just written, before the file may go to output/: the bytes are
opened once, the content streams parsed once, and verify and the preflight's in-build checks share both."""

from __future__ import annotations

from ..verify import VerifyError, verify_walked
from .checks import build_checks, run_checks
from .document import Doc
from .findings import ERROR


def check_built(data: bytes) -> None:
    """Raises VerifyError when the built PDF fails verify or any in-build check of the preflight."""
    with Doc.from_bytes(data) as doc:
        verify_walked(doc.pdf, doc.walk)
        findings, _ = run_checks(doc, build_checks())
    errors = [f for f in findings if f.severity == ERROR]
    if errors:
        raise VerifyError("the built PDF fails the preflight:\n" + "\n".join(map(str, errors)))

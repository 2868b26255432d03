"""Every shipped example, as `python render.py` builds it for the screen, passes the preflight a designer
runs on it (`render.py check`) with no error and no warning: the examples are what a new user copies."""

from __future__ import annotations

import pytest

from conftest import REPO

from tagprint.preflight import check_file

LAYOUTS = sorted(p.stem for p in (REPO / "layouts").glob("*.yaml"))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_shipped_example_checks_clean(layout, tmp_path):
    from tagprint.pipeline import build

    path = tmp_path / f"{layout}.pdf"
    path.write_bytes(build(REPO, REPO / "layouts" / f"{layout}.yaml").data)
    findings = [f for f in check_file(path).findings if f.severity in ("error", "warning")]
    assert findings == [], "\n".join(str(f) for f in findings)

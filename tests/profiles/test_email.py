"""The email attachment: sRGB intent, downsampled photos, accepted by every qpdf, no machine paths, a size
budget."""

from __future__ import annotations

import io

import pikepdf
import pytest

from tagprint.errors import InputError


def test_srgb_intent(seed_profiles):
    with pikepdf.open(seed_profiles["email"]) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert int(intent.DestOutputProfile.N) == 3


def test_debians_qpdf_and_pikepdfs_both_accept_it(seed_profiles):
    # linearized by pikepdf's qpdf 12, a tagged PDF failed Debian's qpdf 11 check (hint tables)
    import shutil
    import subprocess

    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is not installed: make system (apt-get install qpdf)"
    checked = subprocess.run([qpdf, "--check", str(seed_profiles["email"])], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "WARNING" not in checked.stdout + checked.stderr
    with pikepdf.open(seed_profiles["email"]) as pdf:
        assert pdf.check_pdf_syntax() == []


def test_photos_downsampled_to_150_ppi(seed_profiles):
    with pikepdf.open(seed_profiles["email"]) as pdf:
        sizes = sorted((int(o.Width), int(o.Height)) for o in pdf.objects
                       if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image")
    # couple: 190 × 178 pt box, megan: 178 × 254 pt box → about 150 ppi on the shorter scale
    for w, h in sizes:
        assert w <= 2 + 150 * 630 / 72 and h <= 2 + 150 * 560 / 72
    assert sizes and max(w for w, _ in sizes) < 1000


def test_under_the_seed_budget_and_no_machine_paths(seed_profiles):
    data = seed_profiles["email"].read_bytes()
    assert len(data) <= 300 * 1024
    for path in (b"/root", b"/home/", b"/work/", b"/tmp/"):
        assert path not in data


def test_over_budget_lists_the_largest_objects(project):
    from conftest import MINIMAL_LAYOUT
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nemail_budget_kb: 10"))
    project.content("body:\n  - type: heading\n    level: 1\n    text: T\n"
                    "  - type: figure\n    image: couple-walking.jpg\n    alt: A couple\n    height: 300\n")
    from tagprint.pipeline import build
    with pytest.raises(InputError) as caught:
        build(project.root, project.root / "layouts" / "test.yaml", "email")
    message = str(caught.value)
    assert "over its budget of 10,240 bytes" in message
    assert "image " in message and "embedded font" in message
    assert "email_budget_kb" in message

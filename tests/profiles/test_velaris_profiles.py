"""The second example in every profile (pdfua: test_all_profiles.py): every drawn operator tagged or an
artifact, every marked-content id painted is claimed by the structure tree (read by PDFium and pypdf)."""

from __future__ import annotations

import pikepdf
import pytest

from readers import claimed_mcids, painted_mcids
from tagprint.verify.marked_content import walk_pdf

PROFILES = ["screen", "print", "email", "archive"]


@pytest.mark.parametrize("profile", PROFILES)
def test_three_pages_everything_tagged_and_every_mcid_claimed(velaris_profiles, profile):
    path = velaris_profiles[profile]
    with pikepdf.open(path) as pdf:
        assert len(pdf.pages) == 3
        result = walk_pdf(pdf)
    assert result.findings == [] and result.painted > 100
    painted = painted_mcids(path)
    assert painted and painted == claimed_mcids(path)

"""A press profile that cannot be found or read is an exception with fields (the file, the fix), not a
message for a reader to split."""

from __future__ import annotations

import pytest

from tagprint.profiles.color import ProfileMissing, cmyk_icc_path, icc_file


def test_no_profile_in_any_known_place_says_what_installs_one(tmp_path):
    with pytest.raises(ProfileMissing) as caught:
        cmyk_icc_path((tmp_path / "a.icc", tmp_path / "b.icc"), package="icc-profiles-free")
    assert caught.value.path is None
    assert caught.value.fix == "install icc-profiles-free"
    assert str(caught.value) == "no CMYK ICC profile found — install icc-profiles-free"


def test_a_profile_that_cannot_be_read_names_its_file(tmp_path):
    gone = tmp_path / "press.icc"
    with pytest.raises(ProfileMissing) as caught:
        icc_file(gone)
    assert caught.value.path == gone
    assert caught.value.what == f"the CMYK ICC profile {gone} cannot be read"
    assert caught.value.fix == "put the press's profile there"

"""Where the press profile comes from: a real CMYK profile from a Debian package (libgs-common:
Ghostscript's SWOP-based default). Paths only, no imaging library: the build cache stats them too."""

from __future__ import annotations

from pathlib import Path

CMYK_PROFILES = (
    Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),
)
CMYK_PACKAGE = "libgs-common (Debian)"

# the registered conditions' profiles, built by scripts/make_press_profiles.py and kept in the package
PRESS_PROFILES = tuple(sorted(Path(__file__).with_name("icc").glob("*.icc")))

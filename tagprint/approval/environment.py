"""What a build depends on besides its sources: exact library versions and the hashes of fonts and ICC
profiles. Recorded with every approval, so that a rebuild years later can say why it differs."""

from __future__ import annotations

import hashlib
import platform
import re

from ..tool import libraries, tool_digest

def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fonts(families: tuple[str, ...]) -> dict[str, str]:
    """File name → SHA-256 of every font file a theme's families may set text with."""
    from ..fonts import FAMILIES

    out: dict[str, str] = {}
    for family in families:
        finder, _ = FAMILIES.get(family, (None, None))
        for style in ("Regular", "Bold", "Italic", "BoldItalic"):
            for path in (finder(style) if finder else [])[:1]:
                if path.is_file():
                    out[f"{family}/{path.name}"] = _sha(path.read_bytes())
    return dict(sorted(out.items()))


def icc_profiles() -> dict[str, str]:
    from ..profiles.color import ProfileMissing, cmyk_icc_path, srgb_icc

    out = {"sRGB (littleCMS through Pillow)": _sha(srgb_icc())}
    try:
        path = cmyk_icc_path()
        out[f"CMYK {path.name}"] = _sha(path.read_bytes())
    except ProfileMissing:
        out["CMYK"] = "not installed"
    return out


def environment(families: tuple[str, ...]) -> dict:
    """The whole record: Python, tool digest, libraries, fonts, ICC profiles (no machine paths)."""
    from PIL import features

    return {
        "python": platform.python_version(),
        "tool": tool_digest(),
        "libraries": libraries(),
        "littlecms": features.version("littlecms2") or "unknown",
        "fonts": fonts(families),
        "icc_profiles": icc_profiles(),
    }


def differences(recorded: dict, current: dict) -> list[str]:
    """What differs between two environment records, one line each ("reportlab 5.1.0 → 5.2.0")."""
    out: list[str] = []
    for key in sorted(set(recorded) | set(current)):
        old, new = recorded.get(key), current.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            for name in sorted(set(old) | set(new)):
                a, b = old.get(name, "absent"), new.get(name, "absent")
                if a != b:
                    out.append(f"{key}: {name} {_short(a)} → {_short(b)}")
        else:
            out.append(f"{key}: {_short(old)} → {_short(new)}")
    return out


def _short(value) -> str:
    text = str(value)
    return text[:12] + "…" if re.fullmatch(r"[0-9a-f]{64}", text) else text

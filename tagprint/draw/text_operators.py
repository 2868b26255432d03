"""The operators that show a run of shaped glyphs: TJ arrays of glyph ids (Identity-H) with HarfBuzz's
advances and offsets, and the right-to-left ligatures split so that viewers read their letters."""

from __future__ import annotations

import functools
from typing import Any, Sequence

from ..layout.bidi import has_rtl

LAM = "\u0644"


def number(value: float) -> str:
    """A number as content streams write it: at most three decimals, no trailing zeros."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def shown(glyphs: Sequence[Any], face: Any, size: float) -> list[str]:
    """The operators showing `glyphs` of `face` at `size` (kept per process when the glyphs are tuples)."""
    try:
        return list(_shown_kept(tuple(glyphs), face, size))
    except TypeError:  # glyphs that are not tuples: not kept
        return _shown_made(glyphs, face, size)


@functools.lru_cache(maxsize=1 << 14)
def _shown_kept(glyphs: tuple, face: Any, size: float) -> tuple[str, ...]:
    """The operators for a run, made once per process: the same lines are drawn in every profile."""
    return tuple(_shown_made(glyphs, face, size))


def _shown_made(glyphs: Sequence[Any], face: Any, size: float) -> list[str]:
    """TJ (and Ts for raised or lowered marks) showing `glyphs` with HarfBuzz's advances and offsets: after
    each glyph the pen moves by its width in the font (/W); a TJ number corrects that to the shaped advance,
    and a glyph's x offset is applied before it and taken back after."""
    ops: list[str] = []
    parts: list[str] = []  # the TJ array: numbers, and hex strings of glyphs set one after another
    codes: list[str] = []  # glyphs not yet closed into a hex string
    rise = 0.0
    pending = 0.0  # thousandths of an em to move right before the next glyph

    def close() -> None:
        if codes:
            parts.append("<" + "".join(codes) + ">")
            codes.clear()

    for g in glyphs:
        if g.dy != rise:
            close()
            if parts:
                ops.append("[" + " ".join(parts) + "] TJ")
                parts = []
            rise = g.dy
            ops.append(f"{number(rise * size / 1000)} Ts")
        move = pending + g.dx
        if abs(move) > 0.0005:
            close()
            parts.append(number(-move))
        codes.append(f"{g.gid:04X}")
        pending = (g.advance - g.dx) - face.widths[g.gid] if g.gid < len(face.widths) else g.advance - g.dx
    close()
    if abs(pending) > 0.0005:
        parts.append(number(-pending))
    if parts:
        ops.append("[" + " ".join(parts) + "] TJ")
    if rise:
        ops.append("0 Ts")
    return ops


def split_ligatures(face: Any, glyphs: tuple, texts: list[str]) -> tuple[tuple, list[str]]:
    """A ligature of right-to-left letters stands for several letters, which viewers turn round with the
    line (PDFium, poppler turn characters round, pypdf glyphs). A lam-alef in a TrueType font therefore
    stands for its alef, and an empty glyph of no width (one past the font's last; the finish stage adds it
    to the subset) right after it, at its right edge where it is read first, stands for its lam. Other
    ligatures of several right-to-left letters map to their letters turned round (right for PDFium and
    poppler)."""
    out_glyphs: list[Any] = []
    out_texts: list[str] = []
    for g, t in zip(glyphs, texts):
        if len(t) == 2 and t[0] == LAM and not face.cff:
            out_glyphs += [g, type(g)(len(face.widths), g.cluster, 0.0, 0.0, 0.0)]
            out_texts += [t[1], LAM]
            continue
        out_glyphs.append(g)
        out_texts.append(t[::-1] if len(t) > 1 and has_rtl(t) else t)
    return tuple(out_glyphs), out_texts

"""Validate stage: a QR spec becomes a QrCode (segno's modules): its address checked like a link, its colour
dark enough to scan, its modules large enough to print."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..errors import Problem
from ..load.schema_charts import QrSpec
from ..load.schema_errors import did_you_mean
from ..model import QrCode
from ..profiles import printed
from .links import check_href

if TYPE_CHECKING:
    from .model_builder import BlockBuilder


def build_qr(b: "BlockBuilder", spec: QrSpec, path: tuple) -> QrCode | None:
    import segno

    where = b.where(path)
    before = len(b.problems)
    check_href(spec.href, b.where(path + ("href",)), b.problems)
    colors = b.loaded.theme.colors
    if spec.color not in colors:
        b.problems.append(Problem(b.where(path + ("color",)), f"no colour '{spec.color}' in the theme",
                                  did_you_mean(spec.color, colors)))
    else:
        from ..contrast import ratio, to_rgb
        try:
            dark = ratio(to_rgb(colors[spec.color]), (1.0, 1.0, 1.0))
        except ValueError:
            dark = 21.0  # an unsound value is reported against the theme
        if dark < 7:
            b.problems.append(Problem(b.where(path + ("color",)), f"the colour '{spec.color}' is too light for a "
                                                                  f"QR code ({dark:.1f}:1 on white)",
                                      "use a dark, near-black theme colour such as text"))
    if spec.caption:
        b._check_style(spec.caption_style, path + ("caption_style",))
    if len(b.problems) > before:
        return None
    try:
        code = segno.make(spec.href, error=spec.error_correction.lower(), micro=False)
    except segno.DataOverflowError:
        b.problems.append(Problem(b.where(path + ("href",)), f"the address is too long for a QR code "
                                                             f"({len(spec.href)} characters)",
                                  "use a shorter address, or a lower error_correction"))
        return None
    modules = tuple(tuple(bool(m) for m in row) for row in code.matrix_iter(scale=1, border=spec.quiet_zone))
    qr = QrCode(spec.href, modules, (spec.alt or b.words.get("qr_code", target=spec.href)).strip(),
                (spec.description or spec.href).strip(), spec.size, spec.color,
                b.inline(spec.caption, path + ("caption",)) if spec.caption else (),
                spec.caption_position, spec.caption_style, spec.align, spec.min_module_mm, where,
                b.where(path + ("caption",)))
    if printed(b.loaded.layout.profiles) and qr.module_mm < spec.min_module_mm - 1e-9:
        needed = math.ceil(spec.min_module_mm / 25.4 * 72 * len(modules))
        b.problems.append(Problem(b.where(path + ("size",)), f"the QR code's modules are {qr.module_mm:.2f} mm; "
                                                             f"print needs at least {spec.min_module_mm:g} mm",
                                  f"make size: at least {needed} (points), or use a lower error_correction"))
        return None
    return qr


"""Illustrations drawn once per parameter set, per process: the first drawing of a kind with given
parameters, box size and theme is recorded as the Sketch calls it makes (no PDF operators, no colour
space yet), and every later document in the process replays those calls onto its own Sketch. The
geometry is computed once; the bytes are those of drawing it anew, in any profile (CMYK is applied
when the calls reach the pen)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Hashable, NamedTuple

from ..model import Color, Theme, TypeStyle
from .sketch import Sketch

Call = tuple[str, tuple, dict]
LIMIT = 256  # recorded drawings kept per process


class Drawn(NamedTuple):
    """What a recorded drawing is made from, compared by value: the illustration's kind and parameters, the
    exact box size, and what of the theme a drawing may use (its colours, styles and fonts; the press's
    inks are applied later, at the pen)."""

    kind: str
    params: Hashable   # the kind's frozen parameters dataclass
    width: float
    height: float
    colors: tuple[tuple[str, Color], ...]
    styles: tuple[tuple[str, TypeStyle], ...]
    fonts: tuple[str, ...]

    @classmethod
    def of(cls, kind: str, params: Hashable, width: float, height: float, theme: Theme) -> "Drawn":
        return cls(kind, params, width, height, tuple(sorted(theme.colors.items())),
                   tuple(sorted(theme.styles.items())), (theme.font, *theme.fallback_fonts))


_RECORDED: OrderedDict[Drawn, list[Call]] = OrderedDict()


class Recorder:
    """Stands in for a Sketch: the same size, and every drawing call noted instead of painted."""

    def __init__(self, width: float, height: float):
        self.width, self.height = width, height
        self.calls: list[Call] = []

    def __getattr__(self, name: str) -> Callable[..., None]:
        if name.startswith("_") or not callable(getattr(Sketch, name, None)):
            raise AttributeError(name)

        def note(*args: Any, **kwargs: Any) -> None:
            self.calls.append((name, args, kwargs))
        return note


def recorded(key: Drawn, draw: Callable[[Any], None]) -> Callable[[Sketch], None]:
    """A drawing function for `Pen.drawing` that replays what `draw` did the first time under `key`."""
    width, height = key.width, key.height
    calls = _RECORDED.get(key)
    if calls is None:
        recorder = Recorder(width, height)
        draw(recorder)  # raises (too small a box …) before anything is kept
        calls = _RECORDED[key] = recorder.calls
        if len(_RECORDED) > LIMIT:
            _RECORDED.popitem(last=False)
    else:
        _RECORDED.move_to_end(key)

    def replay(sketch: Sketch) -> None:
        for name, args, kwargs in calls:
            getattr(sketch, name)(*args, **kwargs)
    return replay

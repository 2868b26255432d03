"""Illustrations drawn once per parameter set, per process: the first drawing of a kind with given
parameters, box size and theme is recorded as the Sketch calls it makes (no PDF operators, no colour
space yet), and every later document in the process replays those calls onto its own Sketch. The
geometry is computed once; the bytes are those of drawing it anew, in any profile (CMYK is applied
when the calls reach the pen)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable

from .pen import Sketch

Call = tuple[str, tuple, dict]
LIMIT = 256  # recorded drawings kept per process
_RECORDED: OrderedDict[str, list[Call]] = OrderedDict()


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


def recorded(key: str, width: float, height: float, draw: Callable[[Any], None]) -> Callable[[Sketch], None]:
    """A drawing function for `Pen.drawing` that replays what `draw` did the first time under `key`."""
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

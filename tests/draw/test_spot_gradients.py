"""A print gradient with a spot ink among its stops runs in a DeviceN of the spots and the process inks;
its tint transform (a PostScript calculator function) gives each process ink its own value plus every
spot's tint times the spot's CMYK alternate, at most 1."""

from __future__ import annotations

import pytest

from tagprint.draw.pen import _device_n



def _run(program: str, inputs: list[float]) -> list[float]:
    """A PostScript calculator of the operators the transform may use (ISO 32000-1 7.10.5)."""
    tokens = program[1:-1].replace("{pop 1} if", "CLIP").split()
    stack: list = list(inputs)
    for token in tokens:
        if token == "index":
            n = int(stack.pop())
            stack.append(stack[-1 - n])
        elif token == "mul":
            b, a = stack.pop(), stack.pop()
            stack.append(a * b)
        elif token == "add":
            b, a = stack.pop(), stack.pop()
            stack.append(a + b)
        elif token == "dup":
            stack.append(stack[-1])
        elif token == "gt":
            b, a = stack.pop(), stack.pop()
            stack.append(a > b)
        elif token == "CLIP":
            if stack.pop():
                stack[-1] = 1.0
        elif token == "roll":
            j, n = int(stack.pop()), int(stack.pop())
            part = stack[-n:]
            j %= n
            stack[-n:] = part[-j:] + part[:-j]
        elif token == "pop":
            stack.pop()
        else:
            stack.append(float(token))
    return stack


@pytest.mark.parametrize("inputs, expected", [
    ([0.5, 0.0, 0.1, 0.2, 0.3, 0.4], [0.6, 0.56, 0.3, 0.7]),
    ([0.0, 0.5, 0.1, 0.2, 0.3, 0.4], [0.5, 0.2, 0.45, 0.65]),
    ([1.0, 1.0, 0.5, 0.5, 0.5, 0.5], [1.0, 1.0, 0.8, 1.0]),
    ([0.0, 0.0, 0.25, 0.0, 1.0, 0.0], [0.25, 0.0, 1.0, 0.0]),
])
def test_the_device_n_tint_transform(inputs, expected):
    space = _device_n(["PANTONE 534 C", "PANTONE 328 C"], [(1.0, 0.72, 0.0, 0.6), (0.8, 0.0, 0.3, 0.5)])
    program = space.sequence[3].content
    assert "min" not in program  # (no such operator in a calculator function)
    assert _run(program, inputs) == pytest.approx(expected)

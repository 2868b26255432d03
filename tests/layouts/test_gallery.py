"""The illustration gallery: every illustration in variants, each caption printing the generated alt."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from readers import structure
from tagprint.pipeline import build

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def gallery():
    return build(REPO, REPO / "layouts" / "illustration-gallery.yaml").data


def test_every_illustration_in_two_or_three_variants(gallery):
    figures = [n for n in structure(gallery).walk() if n.role == "Figure"]
    assert len(figures) == 15
    kinds = [f.attrs["Alt"].split(".")[0] for f in figures]
    assert sum("cylindrical" in k for k in kinds) == 3
    assert sum("scattered dots" in k for k in kinds) == 3
    assert sum("hexagons" in k for k in kinds) == 3
    assert sum("arrows intertwine" in k for k in kinds) == 3
    assert sum("double helix" in k for k in kinds) == 3


def test_each_caption_prints_its_parameters_and_the_alt_text(gallery):
    for figure in (n for n in structure(gallery).walk() if n.role == "Figure"):
        (caption,) = [k for k in figure.kids if not isinstance(k, str) and k.role == "Caption"]
        text = " ".join(caption.text().split())
        printed = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", figure.attrs["Alt"])  # set with curly quotes
        assert "Alt text: " + printed + "." in text
        assert '"' not in text  # no straight quotes in print
        assert text.split(".")[0]  # the parameters come first, in bold


def test_alt_text_follows_the_parameters(gallery):
    alts = [n.attrs["Alt"] for n in structure(gallery).walk() if n.role == "Figure"]
    assert any("with 9 human-shaped icons" in a and "with 5 human-shaped icons" in a for a in alts)
    assert not any("rheumatoid" in a or " only " in a for a in alts)
    # the defaults say what the variants say: the dots their count, the arrows their turns
    assert "A group of 60 randomly scattered dots" in alts
    assert ("Three arrows intertwine and point upward, making three quarters of a turn around each other"
            in alts)
    assert "A group of 120 randomly scattered dots in 3 clusters" in alts
    assert any(a.startswith("Five arrows intertwine") for a in alts)


def test_the_helix_parameter_table_names_every_parameter_and_its_default():
    """The table beside the helices (gallery page 3) lists the helix's parameters, each with its real
    default: it cannot drift from the code."""
    import dataclasses

    import yaml

    from tagprint.illustrations.helix import HelixParams

    blocks = yaml.safe_load((REPO / "content" / "illustration-gallery.yaml").read_text())["gallery-helix-short"]
    (table,) = [b for b in blocks if b["type"] == "table"]
    rows = {row[0]: row[2] for row in table["rows"][1:]}
    defaults = {f.name: f.default for f in dataclasses.fields(HelixParams)}
    assert set(rows) == set(defaults)
    for name, default in defaults.items():
        said = ", ".join(default) if isinstance(default, tuple) else f"{default:g}" if isinstance(default, float) \
            else str(default)
        assert rows[name] == said, (name, rows[name], said)

"""The profile registry: each profile one typed record, the only place a profile is known by its name."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
import typing
from pathlib import Path

import pikepdf
import pytest

from conftest import REPO
from tagprint.finish import FinishContext
from tagprint.pipeline import prepare, render
from tagprint.preflight.checks import REGISTRY
from tagprint.preflight.family import Family
from tagprint.profiles import NAMES, PRINT, SCREEN, ColorModel, Profile, preflight_names, profiles
from tagprint.verify import VerifyError

SEED = REPO / "layouts" / "kineret-dtt-ra.yaml"
OUTPUT_NAMES = ("slides",)  # a deck's first output; its handouts are named from their kind and paper


def _named_strings(node: ast.AST) -> list[str]:
    """The string literals a comparison operand holds: itself, or the items of a tuple, list or set."""
    items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]


def _names_used_as_strings(source: str) -> list[tuple[int, str]]:
    names = set(NAMES) | set(OUTPUT_NAMES)
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            for operand in (node.left, *node.comparators):
                found += [(node.lineno, s) for s in _named_strings(operand) if s in names]
        elif isinstance(node, ast.Call):  # get("print"), register(..., profiles=("print",))
            if isinstance(node.func, ast.Name) and node.func.id == "get":
                found += [(node.lineno, s) for a in node.args for s in _named_strings(a) if s in set(NAMES)]
            found += [(node.lineno, s) for k in node.keywords if k.arg in ("profile", "profiles")
                      for s in _named_strings(k.value) if s in set(NAMES)]
    return found


def test_no_profile_name_is_compared_outside_the_registry():
    files = [REPO / "render.py", *sorted((REPO / "tagprint").rglob("*.py"))]
    outside = [f for f in files if "profiles" not in f.relative_to(REPO).parts[:2]]
    assert len(outside) > 100  # the whole package but tagprint/profiles/
    found = [f"{f.relative_to(REPO)}:{line}: {name!r}" for f in outside
             for line, name in _names_used_as_strings(f.read_text(encoding="utf-8"))]
    assert found == []


def test_the_name_test_finds_what_it_looks_for():
    source = ('if "print" in document.profiles: pass\nif profile.name == "screen": pass\n'
              'register("X", profiles=("print",))\nget("archive")\nif kind != "slides": pass\n'
              'if style == "body": pass\n')
    assert _names_used_as_strings(source) == [(1, "print"), (2, "screen"), (3, "print"), (4, "archive"),
                                             (5, "slides")]


def test_every_profile_is_a_complete_record():
    assert tuple(profiles()) == NAMES == ("screen", "print", "email", "archive")
    for name, profile in profiles().items():
        assert isinstance(profile, Profile) and profile.name == name and profile.description
        assert isinstance(profile.color, ColorModel)
        assert profile.preflight is None or isinstance(profile.preflight, Family)
        for finisher in profile.finishers:  # imported functions, typed: (pdf, ctx: FinishContext) -> None
            hints = typing.get_type_hints(finisher, {**vars(inspect.getmodule(finisher)), "FinishContext": FinishContext})
            assert list(inspect.signature(finisher).parameters) == ["pdf", "ctx"]
            assert hints["pdf"] is pikepdf.Pdf and hints["ctx"] is FinishContext, finisher
        for check in profile.checks:
            assert list(inspect.signature(check).parameters) == ["data", "prepared"]


def test_output_paths_come_from_suffix_and_folder(tmp_path):
    paths = {name: p.output_path(tmp_path, "leaflet", "KIN-001", "v2").relative_to(tmp_path).as_posix()
             for name, p in profiles().items()}
    assert paths == {"screen": "leaflet.pdf", "print": "leaflet-print.pdf", "email": "leaflet-email.pdf",
                     "archive": "archive/KIN-001/v2/leaflet.pdf"}
    with pytest.raises(ValueError, match="leaves"):
        profiles()["archive"].output_path(tmp_path, "leaflet", "..", "..")


def test_every_family_of_checks_has_checks_and_profiles():
    for family in Family:
        assert [c for c in REGISTRY.values() if c.family is family], family
        assert [p for p in profiles().values() if p.preflight is family], family
    assert preflight_names() == ("print",)  # render.py check --profile print


def test_the_schema_lists_the_registry_profiles():
    schema = json.loads((REPO / "schemas" / "layout.json").read_text(encoding="utf-8"))
    text = json.dumps(schema)
    assert f'"enum": {json.dumps(list(NAMES))}' in text


def test_a_new_press_profile_gets_every_press_check_by_its_family(tmp_path):
    """A print-like profile under another name is checked as a press profile: left without its finisher
    (no PDF/X id, no OutputIntent, no boxes), its build fails on the PDF/X checks."""
    prepared = prepare(REPO, SEED)
    proof = dataclasses.replace(PRINT, name="proof", suffix="-proof", finishers=())
    with pytest.raises(VerifyError) as raised:
        render(prepared, proof)
    assert "PRINT-PDFX-ID" in str(raised.value) and "PRINT-OUTPUT-INTENT" in str(raised.value)
    unchecked = dataclasses.replace(proof, preflight=None)  # the same file, not a press profile: not checked
    assert render(prepared, unchecked).data.startswith(b"%PDF-")
    assert render(prepare(REPO, SEED), SCREEN).data.startswith(b"%PDF-")

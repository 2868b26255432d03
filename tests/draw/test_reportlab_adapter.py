"""The ReportLab adapter: the version its internals were read from, each of its functions against what
ReportLab's own calls write (or what a reader finds in the result), and no other module of tagprint reaching
into ReportLab's private names. An upgrade that renames an internal fails a test named for the function."""

from __future__ import annotations

import ast
import io
import re
import tomllib
from collections import OrderedDict
from pathlib import Path

import pikepdf
import pytest
import reportlab
from canvas_pages import page_bytes, painted
from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.colors import Color as RLColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from tagprint.draw import reportlab_adapter as rl

REPO = Path(__file__).resolve().parents[2]
JPEG = REPO / "images" / "couple-walking.jpg"
ADAPTER = REPO / "tagprint" / "draw" / "reportlab_adapter.py"


# ---- the version ---------------------------------------------------------------------------------------

def _pinned() -> str:
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = [re.fullmatch(r"reportlab==([\w.]+)", d.split(";")[0].strip()) for d in dependencies]
    found = [m.group(1) for m in pins if m]
    assert len(found) == 1, "pyproject.toml must pin reportlab exactly (reportlab==X.Y.Z)"
    return found[0]


def test_reportlab_is_the_version_the_adapter_was_written_against():
    """The adapter reads ReportLab's internals as this version has them: another version is a new reading
    (check each function below), then a new pin here and in the adapter's docstring."""
    assert reportlab.Version == _pinned()
    assert f"ReportLab {_pinned()}" in ADAPTER.read_text()


INTERNALS = [  # (what, private name) the adapter uses: each must still be there
    ("canvas", "_preamble"), ("canvas", "_code"), ("canvas", "_doc"), ("canvas", "_formsinuse"),
    ("canvas", "_setXObjects"), ("canvas", "_currentPageHasImages"), ("canvas", "_extgstate"),
    ("canvas", "_shadingUsed"), ("canvas", "_colorsUsed"),
    ("document", "getXObjectName"), ("document", "idToObject"), ("document", "Reference"),
    ("document", "addForm"), ("document", "xobjDict"), ("document", "addColor"),
    ("reportlab.lib.utils", "_digester"), ("reportlab.pdfgen.canvas", "_normalizeColors"),
    ("reportlab.pdfgen.canvas", "_buildColorFunction"), ("reportlab.pdfgen.canvas", "_gradientExtendStr"),
]


@pytest.mark.parametrize("what, name", INTERNALS, ids=[f"{w}.{n}" for w, n in INTERNALS])
def test_each_internal_the_adapter_uses_is_there(what, name):
    import importlib

    canvas = Canvas(io.BytesIO())
    holder = {"canvas": canvas, "document": canvas._doc}.get(what) or importlib.import_module(what)
    assert hasattr(holder, name)


# ---- no other module reaches in ------------------------------------------------------------------------

def _private_names(root: Path, skip: Path | None = None, members_only: bool = False) -> set[str]:
    """The private names (one leading underscore) a package defines: functions, classes, attributes; with
    `members_only`, only what an object can carry (attributes set, and what a class body defines)."""
    names: set[str] = set()
    for path in root.rglob("*.py"):
        if path == skip:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.ClassDef):
                names.update(_defined(node.body))
            elif not members_only and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif not members_only and isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def _defined(body: list[ast.stmt]) -> set[str]:
    out: set[str] = set()
    for stmt in body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(stmt.name)
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            out.add(stmt.target.id)
        elif isinstance(stmt, ast.Assign):
            out.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    return out


def _reaches(path: Path, reportlab_private: set[str], module_level: set[str] = frozenset()) -> list[str]:
    """Where a module imports a private ReportLab name, or reads one off an object that is not its own
    (`self`/`cls`, or one of tagprint's modules it imported), or names one to getattr/setattr."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {(a.asname or a.name).split(".")[0] for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom))
                and not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportlab"))
                for a in node.names}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("reportlab"):
            out += [f"{path.name}:{node.lineno} imports {a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.Attribute) and node.attr in reportlab_private:
            own = isinstance(node.value, ast.Name) and (node.value.id in ("self", "cls") or (
                node.value.id in imported and node.attr in module_level))
            if not own:
                out.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) > 1
              and isinstance(node.args[1], ast.Constant) and node.args[1].value in reportlab_private):
            out.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    return out


def test_no_module_but_the_adapter_touches_a_private_reportlab_name():
    """A name ReportLab defines privately, read off an object that is not tagprint's own, is ReportLab's
    internal: only the adapter may. (A private name tagprint's own classes carry too is theirs.)"""
    package = REPO / "tagprint"
    members = _private_names(package, skip=ADAPTER, members_only=True)
    module_level = _private_names(package, skip=ADAPTER) - members
    theirs = _private_names(Path(reportlab.__file__).parent) - members
    assert {"_code", "_doc", "_preamble", "_formsinuse", "_digester", "_extgstate"} <= theirs
    assert len(_reaches(ADAPTER, theirs, module_level)) >= 15  # the check finds what the adapter does
    found = [hit for path in sorted(package.rglob("*.py")) if path != ADAPTER
             for hit in _reaches(path, theirs, module_level)]
    assert found == []


# ---- the canvas ----------------------------------------------------------------------------------------

def _first_page_content(pdf_bytes: bytes) -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        return pdf.pages[0].Contents.read_bytes()


def test_new_canvas_selects_no_reportlab_font_and_writes_binary_invariant_streams():
    def build() -> bytes:
        out = io.BytesIO()
        canvas = rl.new_canvas(out, (200, 100), "de-DE", "Titel")
        canvas.rect(10, 10, 50, 50, fill=1)
        canvas.showPage()
        canvas.save()
        return out.getvalue()

    data = build()
    assert b"Tf" not in _first_page_content(data)
    assert b"Tf" in _first_page_content(page_bytes(lambda c: c.rect(10, 10, 50, 50, fill=1)))  # ReportLab's own
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert str(pdf.Root.Lang) == "de-DE" and str(pdf.docinfo.Title) == "Titel"
        assert [float(v) for v in pdf.pages[0].MediaBox] == [0, 0, 200, 100]
    assert data == build()  # invariant: no date, no random id


# ---- photos --------------------------------------------------------------------------------------------

def test_photo_name_is_reportlabs_name_and_decodes_once(monkeypatch):
    jpeg = JPEG.read_bytes()
    monkeypatch.setattr(rl, "PHOTO_NAMES", OrderedDict())
    decoded = []
    real = ImageReader.getRGBData
    monkeypatch.setattr(ImageReader, "getRGBData", lambda self: decoded.append(1) or real(self))
    name = rl.photo_name(jpeg, ImageReader(io.BytesIO(jpeg)))
    assert rl.photo_name(jpeg, ImageReader(io.BytesIO(jpeg))) == name and len(decoded) == 1
    monkeypatch.setattr(ImageReader, "getRGBData", real)
    theirs = page_bytes(lambda c: c.drawImage(ImageReader(io.BytesIO(jpeg)), 10, 20, 100, 75))
    assert f"/{name}".encode() in theirs or name.encode() in theirs


def test_draw_jpeg_writes_what_drawimage_writes():
    jpeg = JPEG.read_bytes()

    def twice(c: Canvas) -> None:  # the second time, the name is known and the image object already there
        for x in (10, 120):
            rl.draw_jpeg(c, jpeg, x, 20, 100, 75)

    ours = page_bytes(twice)
    theirs = page_bytes(lambda c: [c.drawImage(ImageReader(io.BytesIO(jpeg)), x, 20, 100, 75) for x in (10, 120)])
    assert ours == theirs and ours.count(b"/Subtype /Image") == 1


def test_draw_jpeg_with_a_mask_gives_the_image_a_greyscale_soft_mask():
    from PIL import Image

    jpeg = JPEG.read_bytes()
    width, height = Image.open(JPEG).size
    png = io.BytesIO()
    Image.new("L", (width, height), 128).save(png, "PNG")
    data = page_bytes(lambda c: rl.draw_jpeg(c, jpeg, 10, 20, 100, 75, mask=png.getvalue()))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        (image,) = [x for x in pdf.pages[0].Resources.XObject.values() if x.Subtype == "/Image"]
        assert list(image.Filter) == ["/DCTDecode"] and image.read_raw_bytes() == jpeg
        smask = image.SMask
        assert smask.ColorSpace == "/DeviceGray" and (int(smask.Width), int(smask.Height)) == (width, height)
        assert set(smask.read_bytes()) == {128}


# ---- forms and colours ---------------------------------------------------------------------------------

def _form_drawing(c: Canvas, resources: bool) -> None:
    c.beginForm("F", 0, 0, 100, 100)
    c.setFillAlpha(0.5)
    c.setFillColor(CMYKColorSep(0.1, 0.2, 0.3, 0.4, spotName="Brand"))
    c.rect(0, 0, 10, 10, fill=1, stroke=0)
    space, values = rl.normalized_colors([RLColor(1, 0, 0), RLColor(0, 0, 1)])
    rl.shade_axial(c, 0, 0, 100, 0, space, values, None, ink_space=False)
    c.endForm(**({"Resources": rl.form_resources(c)} if resources else {}))
    c.doForm("F")


def _form_resource_keys(data: bytes) -> set[str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        (form,) = pdf.pages[0].Resources.XObject.values()
        return set(form.Resources.keys())


def test_form_resources_list_the_shadings_states_and_colour_spaces_drawn_in_the_form():
    ours = _form_resource_keys(page_bytes(lambda c: _form_drawing(c, True)))
    assert {"/Shading", "/ExtGState", "/ColorSpace"} <= ours
    assert not {"/Shading", "/ExtGState"} <= _form_resource_keys(page_bytes(lambda c: _form_drawing(c, False)))


def test_add_separation_registers_the_name_the_flat_areas_use():
    names = []

    def draw(c: Canvas) -> None:
        ink = CMYKColorSep(0.0, 0.5, 1.0, 0.0, spotName="Orange")
        names.extend([rl.add_separation(c, ink), rl.add_separation(c, ink)])
        c.setFillColor(ink)
        c.rect(0, 0, 10, 10, fill=1)

    with pikepdf.open(io.BytesIO(page_bytes(draw))) as pdf:
        spaces = pdf.pages[0].Resources.ColorSpace
        assert names == ["Orange", "Orange"] and list(spaces.keys()) == ["/Orange"]
        assert list(spaces.Orange)[:3] == ["/Separation", "/Orange", "/DeviceCMYK"]
    assert b"/Orange cs" in _first_page_content(page_bytes(draw))


def test_a_shading_in_a_separation_refers_to_its_colour_space_object():
    def draw(c: Canvas) -> None:
        name = rl.add_separation(c, CMYKColorSep(0.0, 0.5, 1.0, 0.0, spotName="Orange"))
        rl.shade_axial(c, 0, 0, 100, 0, rl.separation_reference(name), [(0.0,), (1.0,)], None, ink_space=True)

    with pikepdf.open(io.BytesIO(page_bytes(draw))) as pdf:
        (shading,) = pdf.pages[0].Resources.Shading.values()
        assert shading.ColorSpace.is_indirect and shading.ColorSpace[0] == "/Separation"
        assert list(shading.Function.C0) == [0.0] and list(shading.Function.C1) == [1.0]


def test_normalized_colors_put_the_stops_in_one_colour_space():
    assert rl.normalized_colors([RLColor(1, 0, 0), RLColor(0, 0, 1)]) == ("DeviceRGB", [(1, 0, 0), (0, 0, 1)])
    space, values = rl.normalized_colors([CMYKColor(0, 0, 0, 1), CMYKColor(1, 0, 0, 0)])
    assert space == "DeviceCMYK" and values == [(0, 0, 0, 1), (1, 0, 0, 0)]


@pytest.mark.parametrize("stops", [None, [0.0, 0.3, 1.0]])
def test_shade_axial_paints_what_linear_gradient_paints_with_its_functions_inside(stops):
    colors = [RLColor(0.1, 0.2, 0.3), RLColor(0.9, 0.5, 0.1), RLColor(0.2, 0.7, 0.4)][: 3 if stops else 2]

    def ours(c: Canvas) -> None:
        for _ in range(2):  # the second time the functions' text is the kept one
            space, values = rl.normalized_colors(colors)
            rl.shade_axial(c, 0, 0, 100, 50, space, values, stops, ink_space=False)

    def theirs(c: Canvas) -> None:
        for _ in range(2):
            c.linearGradient(0, 0, 100, 50, colors, stops, extend=True)

    mine, reportlabs = painted(page_bytes(ours)), painted(page_bytes(theirs))
    assert len(mine[1]) == 2 and mine == reportlabs  # the same content, shadings, colours, stops and extents
    with pikepdf.open(io.BytesIO(page_bytes(ours))) as pdf:
        for shading in pdf.pages[0].Resources.Shading.values():
            function = shading.Function
            assert not function.is_indirect  # written inside the shading: no object of its own
            assert all(not f.is_indirect for f in function.get("/Functions", []))
    # and the kept text is the text: a document whose first gradient is made, then kept, writes the same
    # bytes as one whose every gradient is kept (no side effect of the first formatting)
    rl._KeptStitching._formatted.clear()
    rl._KeptFunction._formatted.clear()
    first = page_bytes(ours)
    assert page_bytes(ours) == first


# ---- paths and the renderer's empty text objects ------------------------------------------------------

def test_path_object_writes_what_a_path_built_by_hand_writes():
    commands = [("M", 0, 0), ("L", 100.5, 0), ("C", 110, 10, 120, 20.25, 100, 50), ("Z",), ("R", 1, 2, 3, 4)]
    p = Canvas(io.BytesIO()).beginPath()
    p.moveTo(0, 0)
    p.lineTo(100.5, 0)
    p.curveTo(110, 10, 120, 20.25, 100, 50)
    p.close()
    p.rect(1, 2, 3, 4)
    assert rl.path_object(commands).getCode() == p.getCode()
    assert rl.path_object(commands).getCode() == p.getCode()  # kept
    assert rl.path_object([list(c) for c in commands]).getCode() == p.getCode()  # a list inside: not kept


def test_drop_empty_text_objects_removes_only_font_selections():
    def draw(c: Canvas) -> None:
        c.rect(0, 0, 5, 5)
        start = rl.code_length(c)
        c.addLiteral("BT /F1 12 Tf 14.4 TL ET")
        c.rect(1, 1, 5, 5, fill=1)
        c.addLiteral(" BT /F2 9 Tf 10.8 TL ET ")
        assert rl.code_length(c) == start + 3
        rl.drop_empty_text_objects(c, start)
        assert rl.code_length(c) == start + 1

    content = _first_page_content(page_bytes(draw))
    assert b"Tf" not in content.split(b"re", 1)[1] and content.count(b" re") == 2


def test_set_initial_colours_are_the_colours_the_renderer_starts_with():
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing, Rect

    def draw(initial: bool) -> bytes:
        def paint(c: Canvas) -> None:
            art = Drawing(50, 50)
            art.add(Rect(0, 0, 10, 10, fillColor=None, strokeColor=None))
            if initial:
                ink = CMYKColor(0, 0, 0, 1)
                rl.set_initial_colours(art, ink, ink)
            renderPDF.draw(art, c, 0, 0, showBoundary=0)
        return _first_page_content(page_bytes(paint))

    assert b"rg" not in draw(True) and b"0 0 0 1 k" in draw(True)
    assert b"0 0 0 rg" in draw(False)  # ReportLab's own start: RGB black


# ---- the DeviceN of spot gradients ---------------------------------------------------------------------

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
    space = rl.device_n(["PANTONE 534 C", "PANTONE 328 C"], [(1.0, 0.72, 0.0, 0.6), (0.8, 0.0, 0.3, 0.5)],
                        ["CS1", "CS2"])
    program = space.sequence[3].content
    # each spot's Separation under /Colorants (poppler: "DeviceN has no suitable colorant" without it)
    colorants = space.sequence[4].dict["Colorants"].dict
    assert {k: v.name for k, v in colorants.items()} == {"PANTONE 534 C": "CS1", "PANTONE 328 C": "CS2"}
    assert "min" not in program  # (no such operator in a calculator function)
    assert _run(program, inputs) == pytest.approx(expected)

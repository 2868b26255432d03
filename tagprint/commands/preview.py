"""Page previews: output/preview/NAME/page-N.png (PDFium) and a contact sheet, re-rendering only what changed.

NAME is the PDF's path inside output/ without `.pdf` (`kineret-dtt-ra`, `kineret-dtt-ra-print`,
`archive/US-KIN-0001/1/kineret-dtt-ra`). Each page gets a hash of what paints it: its boxes, its content
streams and its whole /Resources tree (pictures and forms with their own resources, colour spaces, graphics
states, shadings, patterns), read without object numbers, so only what the objects hold counts. A page whose
hash is the one recorded in `pages.json` and whose PNG is still there is not rendered again. Of a font only
its resource name and /BaseFont count: ReportLab numbers glyphs in the order they are first used, so an
unchanged page keeps its codes while later pages add glyphs to the same subset (its program, widths and
ToUnicode change with them).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

SCALE = 1.5              # 108 pixels per inch
THUMB_WIDTH = 220        # a contact sheet's page width in pixels
SHEET_COLUMNS = 4
SHEET_GAP = 16
STATE = "pages.json"


@dataclass
class Preview:
    name: str
    folder: Path
    pages: int
    rendered: list[int]   # page numbers (1-based) rendered this time

    def line(self, shown_folder: str) -> str:
        again = f"{len(self.rendered)} rendered" if self.rendered else "unchanged"
        return f"preview  {self.name}: {self.pages} page{'s' if self.pages != 1 else ''} ({again}) → {shown_folder}/"


def preview_folder(output: Path, pdf: Path) -> Path:
    return output / "preview" / pdf.relative_to(output).with_suffix("")


def page_hashes(pdf_path: Path) -> list[str]:
    """One hash per page of what paints it (see the module's docstring)."""
    import pikepdf

    def scalar(obj) -> bytes:
        try:
            return obj.unparse()
        except AttributeError:  # pikepdf gives numbers and booleans as Python values
            return repr(obj).encode()

    def visit(h, obj, seen: dict) -> None:
        """Hashes an object with everything it refers to; an object met again by its first-visit order."""
        if isinstance(obj, pikepdf.Object) and obj.is_indirect:
            if obj.objgen in seen:
                h.update(b"again%d" % seen[obj.objgen])
                return
            seen[obj.objgen] = len(seen)
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            h.update(b"<<")
            for key in sorted(obj.keys()):
                h.update(key.encode())
                if key == "/Font" and isinstance(obj[key], pikepdf.Dictionary):
                    fonts(h, obj[key])
                else:
                    visit(h, obj[key], seen)
            h.update(b">>")
            if isinstance(obj, pikepdf.Stream):
                try:
                    h.update(b"stream" + obj.read_raw_bytes())
                except pikepdf.PdfError:
                    h.update(b"unreadable")
        elif isinstance(obj, pikepdf.Array):
            h.update(b"[")
            for item in obj:
                visit(h, item, seen)
            h.update(b"]")
        else:
            h.update(scalar(obj) + b" ")

    def fonts(h, font_resources) -> None:
        for key in sorted(font_resources.keys()):
            # without the subset tag: it follows the glyphs of the whole document, and a glyph id draws
            # the same glyph in every subset of a face (ids are kept)
            base = str(font_resources[key].get("/BaseFont", ""))
            h.update(key.encode() + (base[8:] if base[7:8] == "+" else base).encode())

    out = []
    with pikepdf.open(pdf_path) as pdf:
        for page in pdf.pages:
            h = hashlib.sha256()
            for box in ("/MediaBox", "/CropBox", "/Rotate"):
                if box in page.obj:
                    h.update(box.encode() + repr(page.obj[box]).encode())
            contents = page.obj.get("/Contents")
            for stream in (contents if isinstance(contents, pikepdf.Array) else [contents]):
                if isinstance(stream, pikepdf.Stream):
                    h.update(stream.read_raw_bytes())
            resources = page.obj.get("/Resources")
            if resources is not None:
                visit(h, resources, {})
            out.append(h.hexdigest())
    return out


def _read_state(folder: Path) -> list[str]:
    try:
        state = json.loads((folder / STATE).read_text())
        return list(state["pages"]) if state.get("scale") == SCALE else []
    except (OSError, ValueError, KeyError, TypeError):
        return []


def render_preview(pdf_path: Path, folder: Path, name: str = "") -> Preview:
    """Brings folder/page-N.png and folder/contact.png up to date with the PDF."""
    import pypdfium2 as pdfium

    hashes = page_hashes(pdf_path)
    before = _read_state(folder)
    folder.mkdir(parents=True, exist_ok=True)
    todo = [i for i, digest in enumerate(hashes)
            if i >= len(before) or before[i] != digest or not (folder / f"page-{i + 1}.png").is_file()]
    if todo:
        document = pdfium.PdfDocument(pdf_path)
        try:
            for i in todo:
                image = document[i].render(scale=SCALE).to_pil().convert("RGB")
                _save(image, folder / f"page-{i + 1}.png")
        finally:
            document.close()
    for stale in folder.glob("page-*.png"):  # pages the document no longer has
        number = stale.stem.removeprefix("page-")
        if not number.isdigit() or int(number) > len(hashes):
            stale.unlink()
    if todo or before != hashes or not (folder / "contact.png").is_file():
        contact_sheet([folder / f"page-{i + 1}.png" for i in range(len(hashes))], folder / "contact.png")
    (folder / STATE).write_text(json.dumps({"scale": SCALE, "pages": hashes}, indent=1) + "\n")
    return Preview(name or pdf_path.stem, folder, len(hashes), [i + 1 for i in todo])


def _save(image, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    image.save(tmp, format="PNG")
    tmp.replace(path)   # a viewer never sees half a PNG


def contact_sheet(pages: list[Path], out: Path) -> None:
    """The pages side by side, SHEET_COLUMNS a row, on a grey ground, numbered by their order."""
    from PIL import Image

    thumbs = []
    for path in pages:
        with Image.open(path) as page:
            height = round(page.height * THUMB_WIDTH / page.width)
            thumbs.append(page.convert("RGB").resize((THUMB_WIDTH, height), Image.Resampling.LANCZOS))
    if not thumbs:
        return
    columns = min(SHEET_COLUMNS, len(thumbs))
    rows = [thumbs[i:i + columns] for i in range(0, len(thumbs), columns)]
    row_heights = [max(t.height for t in row) for row in rows]
    sheet = Image.new("RGB", (columns * (THUMB_WIDTH + SHEET_GAP) + SHEET_GAP,
                              sum(row_heights) + SHEET_GAP * (len(rows) + 1)), (200, 200, 200))
    y = SHEET_GAP
    for row, row_height in zip(rows, row_heights):
        for column, thumb in enumerate(row):
            sheet.paste(thumb, (SHEET_GAP + column * (THUMB_WIDTH + SHEET_GAP), y))
        y += row_height + SHEET_GAP
    _save(sheet, out)


def preview_outcomes(outcomes: Iterable, output: Path) -> str:
    """Previews of every PDF a build wrote or found up to date; one line each."""
    from ..errors import relative

    lines = []
    for outcome in outcomes:
        if outcome.status == "failed" or not outcome.target:
            continue
        pdf = output / outcome.target
        if not pdf.is_file():
            continue
        folder = preview_folder(output, pdf)
        result = render_preview(pdf, folder, str(Path(outcome.target).with_suffix("")))
        lines.append(result.line(relative(folder, Path.cwd())))
    return "\n".join(lines)

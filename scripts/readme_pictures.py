#!/usr/bin/env python3
"""Renders page 1 of every example document (each layout in layouts/) for the top of the README.

Writes docs/pictures/NAME.png (PDFium), docs/pictures/pictures.json (the SHA-256 of the PDF each picture
was rendered from, and of the picture's pixels) and the picture block at the top of README.md.
tests/docs/test_readme_pictures.py fails when any of them is stale: run `python scripts/readme_pictures.py`.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PICTURES = Path("docs") / "pictures"
MANIFEST = PICTURES / "pictures.json"
WIDTH = 480                      # pixels rendered; shown 220 wide, side by side, sharp when opened
BEGIN = "<!-- pictures: written by `python scripts/readme_pictures.py`; do not edit by hand -->"
END = "<!-- /pictures -->"


def example_pdfs(root: Path = REPO) -> dict[str, bytes]:
    """Each layout's screen PDF (a deck's slides), built in memory."""
    from tagprint.pipeline import build

    return {layout.stem: build(root, layout).data for layout in sorted((root / "layouts").glob("*.yaml"))}


def pixels_digest(image) -> str:
    return hashlib.sha256(f"{image.mode}{image.size}".encode() + image.tobytes()).hexdigest()


def render_page1(data: bytes):
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        page = document[0]
        return page.render(scale=WIDTH / page.get_width()).to_pil().convert("RGB")
    finally:
        document.close()


def titles(root: Path = REPO) -> dict[str, str]:
    from tagprint.load.yaml_source import load_yaml

    out = {}
    for layout in sorted((root / "layouts").glob("*.yaml")):
        data = load_yaml(layout, layout.name).data
        out[layout.stem] = str(data.get("document", {}).get("title", layout.stem))
    return out


def readme_block(names: list[str], title_of: dict[str, str]) -> str:
    images = "\n".join(f'<img src="{(PICTURES / f"{name}.png").as_posix()}" width="220" '
                       f'alt="Page 1 of {title_of[name]}">' for name in names)
    listing = " · ".join(f"`layouts/{name}.yaml`" for name in names)
    return (f"{BEGIN}\n<p>\n{images}\n</p>\n\n"
            f"Page 1 of each example, rendered by PDFium: {listing}.\n{END}")


def with_block(readme: str, block: str) -> str:
    if BEGIN in readme and END in readme:
        head, rest = readme.split(BEGIN, 1)
        return head + block + rest.split(END, 1)[1]
    title, rest = readme.split("\n", 1)   # first time: right under the title
    return f"{title}\n\n{block}\n{rest}"


def main() -> int:
    pdfs = example_pdfs()
    (REPO / PICTURES).mkdir(parents=True, exist_ok=True)
    manifest = {}
    for name, data in pdfs.items():
        image = render_page1(data)
        image.save(REPO / PICTURES / f"{name}.png", optimize=True)
        manifest[name] = {"pdf_sha256": hashlib.sha256(data).hexdigest(), "pixels_sha256": pixels_digest(image)}
        print(f"{PICTURES / name}.png {image.size[0]}×{image.size[1]}")
    for stale in (REPO / PICTURES).glob("*.png"):
        if stale.stem not in pdfs:
            stale.unlink()
    (REPO / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    readme = REPO / "README.md"
    readme.write_text(with_block(readme.read_text(encoding="utf-8"), readme_block(list(pdfs), titles())),
                      encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

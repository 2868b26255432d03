"""The README opens with page 1 of every example document, and those pictures are current.

The pictures record the SHA-256 of the PDF they were rendered from; each example is built again here and
must give the same bytes (builds are deterministic), so any change to a layout, its content, its theme or
the tool that changes an example's PDF makes this test fail until the pictures are made again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json

from PIL import Image

from conftest import REPO

FIX = "run `python scripts/readme_pictures.py` and commit what it writes"


def _script():
    spec = importlib.util.spec_from_file_location("readme_pictures", REPO / "scripts" / "readme_pictures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _script()


def test_every_example_has_a_current_picture():
    manifest = json.loads((REPO / script.MANIFEST).read_text())
    pdfs = script.example_pdfs(REPO)
    assert sorted(manifest) == sorted(pdfs), f"the examples are {sorted(pdfs)}: {FIX}"
    for name, data in pdfs.items():
        assert manifest[name]["pdf_sha256"] == hashlib.sha256(data).hexdigest(), \
            f"{name}: its PDF changed since its picture was made: {FIX}"
        with Image.open(REPO / script.PICTURES / f"{name}.png") as image:
            assert image.width == script.WIDTH
            assert script.pixels_digest(image.convert("RGB")) == manifest[name]["pixels_sha256"], \
                f"{name}.png is not the picture recorded for it: {FIX}"


def test_the_readme_opens_with_the_pictures():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = [p.stem for p in sorted((REPO / "layouts").glob("*.yaml"))]
    block = script.readme_block(names, script.titles(REPO))
    assert readme.split("\n", 2)[2].startswith(block), f"README.md's picture block is stale: {FIX}"
    for name in names:
        assert (REPO / script.PICTURES / f"{name}.png").is_file()


def test_the_picture_is_page_one_of_its_pdf():
    data = script.example_pdfs(REPO)["kineret-dtt-ra"]
    fresh = script.render_page1(data)
    with Image.open(REPO / script.PICTURES / "kineret-dtt-ra.png") as stored:
        stored = stored.convert("RGB")
        assert stored.size == fresh.size
        # PDFium versions may antialias differently; the page itself must be the same picture
        grey_a, grey_b = fresh.convert("L").resize((60, 78)), stored.convert("L").resize((60, 78))
        difference = sum(abs(a - b) for a, b in zip(grey_a.tobytes(), grey_b.tobytes())) / (60 * 78)
        assert difference < 4, f"the stored picture is not page 1 of the seed ({difference:.1f}): {FIX}"


def test_with_block_replaces_only_the_block():
    readme = "# T\n\n" + script.BEGIN + "\nold\n" + script.END + "\n\nText.\n"
    assert script.with_block(readme, "NEW") == "# T\n\nNEW\n\nText.\n"
    assert script.with_block("# T\nText.\n", "NEW") == "# T\n\nNEW\nText.\n"

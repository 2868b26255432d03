"""Page previews: a PNG per page and a contact sheet, only changed pages rendered again."""

from __future__ import annotations

from PIL import Image

from conftest import MINIMAL_LAYOUT
from tagprint.commands.cli import main
from tagprint.commands.preview import SCALE, page_hashes, preview_folder, render_preview

TWO_PAGES = MINIMAL_LAYOUT.replace("    regions:\n      main: [body]\n", "    flow: [one, two]\n")


def content(first: str, second: str | None) -> str:
    text = f"one:\n  - type: heading\n    level: 1\n    text: {first}\n"
    if second is not None:
        text += f"two:\n  - type: page_break\n  - type: paragraph\n    text: {second}\n"
    else:
        text += "two:\n  - type: paragraph\n    text: Still on page one.\n"
    return text


def build(project, first: str, second: str | None):
    project.content(content(first, second))
    pdf = project.root / "output" / "test.pdf"
    pdf.parent.mkdir(exist_ok=True)
    pdf.write_bytes(project.build().data)
    return pdf


def dark_pixels(path) -> int:
    with Image.open(path) as image:
        return sum(image.convert("L").histogram()[:100])


def test_each_page_becomes_a_png_and_the_document_a_contact_sheet(project):
    project.layout(TWO_PAGES)
    pdf = build(project, "Page one", "Page two.")
    folder = preview_folder(project.root / "output", pdf)
    assert folder == project.root / "output" / "preview" / "test"
    result = render_preview(pdf, folder)
    assert (result.pages, result.rendered) == (2, [1, 2])
    for n in (1, 2):
        with Image.open(folder / f"page-{n}.png") as image:
            assert image.size == (round(612 * SCALE), round(792 * SCALE))
        assert dark_pixels(folder / f"page-{n}.png") > 50    # the text is there
    with Image.open(folder / "contact.png") as sheet:
        assert sheet.width > sheet.height > 0                # two pages side by side


def test_only_the_changed_page_is_rendered_again(project):
    project.layout(TWO_PAGES)
    pdf = build(project, "Page one", "Page two.")
    folder = preview_folder(project.root / "output", pdf)
    render_preview(pdf, folder)
    first, second = (folder / "page-1.png").read_bytes(), (folder / "page-2.png").read_bytes()
    sheet = (folder / "contact.png").read_bytes()
    assert render_preview(pdf, folder).rendered == []        # nothing changed, nothing rendered

    build(project, "Page one", "Page two, changed and longer than it was.")
    result = render_preview(pdf, folder)
    assert result.rendered == [2]
    assert (folder / "page-1.png").read_bytes() == first
    assert (folder / "page-2.png").read_bytes() != second
    assert (folder / "contact.png").read_bytes() != sheet

    (folder / "page-1.png").unlink()                         # a deleted PNG comes back
    assert render_preview(pdf, folder).rendered == [1]


def test_a_page_that_is_gone_loses_its_png(project):
    project.layout(TWO_PAGES)
    pdf = build(project, "Page one", "Page two.")
    folder = preview_folder(project.root / "output", pdf)
    render_preview(pdf, folder)
    build(project, "Page one", None)
    result = render_preview(pdf, folder)
    assert result.pages == 1 and not (folder / "page-2.png").exists()


def test_page_hashes_tell_pages_apart_and_are_stable(project):
    project.layout(TWO_PAGES)
    pdf = build(project, "Page one", "Page two.")
    hashes = page_hashes(pdf)
    assert len(hashes) == 2 and hashes[0] != hashes[1]
    build(project, "Page one", "Page two.")
    assert page_hashes(pdf) == hashes
    build(project, "Page uno", "Page two.")
    changed = page_hashes(pdf)
    assert changed[0] != hashes[0] and changed[1] == hashes[1]


def test_build_with_preview_writes_previews(project, capsys):
    project.layout(TWO_PAGES)
    project.content(content("Page one", "Page two."))
    assert main(["--root", str(project.root), "--jobs", "1", "--preview", "build", "test"]) == 0
    assert "preview  test: 2 pages (2 rendered)" in capsys.readouterr().out
    folder = project.root / "output" / "preview" / "test"
    assert sorted(p.name for p in folder.glob("*.png")) == ["contact.png", "page-1.png", "page-2.png"]


def spot_pdf(path, alternate: list[float], padding: int = 0):
    """A one-page PDF filled with a spot colour (Separation) whose alternate is the given CMYK; `padding`
    unrelated objects come first, so the same resources get other object numbers."""
    import pikepdf

    pdf = pikepdf.new()
    for i in range(padding):
        pdf.make_indirect(pikepdf.Dictionary(Unused=i))
    tint = pdf.make_indirect(pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=alternate, N=1))
    spot = pdf.make_indirect(pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name("/PANTONE 286 C"),
                                            pikepdf.Name.DeviceCMYK, tint]))
    pdf.add_blank_page(page_size=(100, 100))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(ColorSpace=pikepdf.Dictionary(CS0=spot))
    page.obj.Contents = pdf.make_stream(b"/CS0 cs 1 scn 10 10 80 80 re f")
    pdf.save(path)
    return path


def test_a_changed_spot_colour_alternate_changes_the_page_hash_and_renders_again(tmp_path):
    blue = spot_pdf(tmp_path / "blue.pdf", [1, 0.6, 0, 0.1])
    red = spot_pdf(tmp_path / "red.pdf", [0, 1, 1, 0])
    moved = spot_pdf(tmp_path / "moved.pdf", [1, 0.6, 0, 0.1], padding=5)
    assert page_hashes(blue) != page_hashes(red)
    assert page_hashes(blue) == page_hashes(moved)   # object numbers are not what paints the page
    pdf = tmp_path / "out" / "spot.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(blue.read_bytes())
    folder = tmp_path / "preview"
    assert render_preview(pdf, folder).rendered == [1]
    pdf.write_bytes(red.read_bytes())
    assert render_preview(pdf, folder).rendered == [1]   # the print recipe changed: the preview is redone
    with Image.open(folder / "page-1.png") as image:
        r, g, b = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
    assert r > 150 and g < 100

"""`diff`: the approved 1.0 against a draft with one changed sentence and one changed illustration
parameter reports exactly those, and its review PDF is tagged PDF/UA-1 as independent readers see it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from conftest import SEED_ACCEPT
from approval_project import ARCHIVED, approve, archivable, run
from readers import reading_text, structure
from tagprint.approval.review_pages import (BANDS, BOTTOM, EDGE, GUTTER, MARGIN, NOTE_SIZE, TOP, TOP_BAND,
                                           TOP_GAP, fitted)
from tagprint.commands.cli import main
from tagprint.verify.marked_content import walk_pdf

REPO = Path(__file__).resolve().parents[2]
SENTENCE = ("Some patients have RA that is closer to the autoinflammatory end",
            "Some patients have rheumatoid arthritis that is closer to the autoinflammatory end")


def _seed_copy(root: Path) -> None:
    """The repository's layouts, content and images copied into a fresh project at `root`."""
    for folder in ("layouts", "content", "images"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("*.py"))


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> tuple[Path, int, str, str]:
    """A copy of the seed project: 1.0 approved, then one sentence and one parameter changed; diffed."""
    root = tmp_path_factory.mktemp("seed") / "project"
    _seed_copy(root)
    assert main(["--root", str(root), "approve", "kineret-dtt-ra", "--version", "1.0", "--by", "Dr Quinn",
                 "--role", "medical", *SEED_ACCEPT]) == 0
    content = root / "content" / "kineret-dtt-ra.yaml"
    text = content.read_text(encoding="utf-8")
    assert text.count("left_count: 13") == 1
    text = text.replace("left_count: 13", "left_count: 10")
    before, after = SENTENCE
    assert " ".join(text.split()).count(before) == 1  # the sentence wraps in the YAML: change one word
    text = text.replace("Some patients have RA that", "Some patients have rheumatoid arthritis that")
    assert " ".join(text.split()).count(after) == 1
    content.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(root), "diff", "kineret-dtt-ra"],
                          capture_output=True, text=True)
    return root, done.returncode, done.stdout, done.stderr


def _section(out: str, heading: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    body = []
    for line in lines[start + 1:]:
        if not line.startswith("  "):
            break
        body.append(line.strip())
    return body


def test_the_summary_reports_exactly_the_two_changes(reviewed):
    root, code, out, err = reviewed
    assert code == 0, err
    assert out.splitlines()[0] == ("Review copy: KINERET for difficult-to-treat RA: approved 1.0 compared with the "
                                   "current draft")
    assert _section(out, "Text changes (1)") == [
        "page 1, the paragraph “Though RA is primarily defined as…”: deleted “RA” and inserted "
        "“rheumatoid arthritis” after “…spectrum.[1,2] Some patients have”"]
    assert _section(out, "Figures and alt texts (1)") == [
        "page 1, the figure under “RA exists along a spectrum” (illustration spectrum): parameter left_count 13 → 10; "
        "warning: its alt text "
        "“A horizontal cylindrical shape represents the spectrum of rheumatoid arthritis.…” stayed the same "
        "although the figure changed — check that it still describes the figure"]
    assert _section(out, "References (0)") == ["no changes"]
    # a plain list: an entry per area, its page, where on it and what it holds, no percentages
    assert _section(out, "Pages that differ (1 page, 2 areas)") == [
        "page 1, middle right: the figure under “RA exists along a spectrum”",
        "page 1, middle: the paragraph “Though RA is primarily defined as…”"]
    assert out.strip().endswith("review copy: output/review/kineret-dtt-ra-1.0-vs-draft.pdf")


def test_the_review_pdf_passes_pdfua_and_reads_back(reviewed):
    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    check = subprocess.run([sys.executable, "-m", "pdfua", "check", str(pdf_path)], capture_output=True, text=True)
    assert check.returncode == 0 and "PASS (no findings)" in check.stdout, check.stdout
    with pikepdf.open(pdf_path) as pdf:
        assert walk_pdf(pdf).findings == []
        assert str(pdf.Root.Lang) == "en" and pdf.Root.MarkInfo.Marked
    tree = structure(pdf_path)
    roles = [n.role for n in tree.walk()]
    # 3 parts with changes, 2 page labels, the record and the fingerprints (the empty references part is not
    # set: the summary's first sentence says "no reference changes")
    # each placed page twice: small beside the lists (read after them), then whole on its own page
    assert roles.count("H1") == 1 and roles.count("H2") == 7 and roles.count("Figure") == 4
    small_approved, small_draft, approved, draft = [n for n in tree.walk() if n.role == "Figure"]
    assert small_approved.attrs["Alt"] == ("Page 1 of approved 1.0, small, the 2 areas that differ outlined in red: "
                                           "middle right, middle.")
    assert small_draft.attrs["Alt"].startswith("Page 1 of the current draft, small, the 2 areas that differ outlined "
                                               "in blue")
    lists = [i for i, r in enumerate(roles) if r == "L"]   # the summary's lists, then the record's checks
    assert roles.index("Figure") > lists[-2] and lists[-1] > max(i for i, r in enumerate(roles) if r == "Figure")
    assert approved.attrs["Alt"].startswith("Page 1 of approved 1.0, the whole page. Deleted words, struck through in "
                                            "red: “RA”. Areas that differ: middle right: the figure")
    assert draft.attrs["Alt"].startswith("Page 1 of the current draft, the whole page. Inserted words, underlined in "
                                         "blue: “rheumatoid arthritis”.")
    assert roles.count("Annot") == 3  # a comment per change: the deletion, the insertion, the figure
    spoken = " ".join(reading_text(tree).split())
    assert "page 1, the figure under “RA exists along a spectrum” (illustration spectrum): parameter left_count 13 → 10" \
        in spoken
    doc = pdfium.PdfDocument(pdf_path)
    text = " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert "deleted “RA” and inserted “rheumatoid arthritis”" in " ".join(text.split())


def test_the_same_inputs_give_the_same_review_copy(reviewed):
    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    first = pdf_path.read_bytes()
    import os

    at = {**os.environ, "SOURCE_DATE_EPOCH": "1800000000"}  # the copy says when it was made: fix that time
    runs = []
    for _ in range(2):
        again = subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(root), "diff",
                                "kineret-dtt-ra"], capture_output=True, text=True, env=at)
        assert again.returncode == 0 and again.stdout == out
        runs.append(pdf_path.read_bytes())
    assert runs[0] == runs[1] and runs[0] != first


def test_each_changed_page_is_placed_whole_on_a_page_of_the_documents_size_as_vectors_with_only_the_changed_words_marked(reviewed):
    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    archived = root / "output" / ARCHIVED_SEED
    with pikepdf.open(pdf_path) as pdf, pikepdf.open(archived) as original:
        # the lists (one page, in their ~80-character measure), then page 1 as approved and as drafted, each named
        assert len(pdf.pages) == 4   # the lists, the placed pages, then the fingerprints
        assert [str(page.label) for page in pdf.pages] == ["1", "Approved 1.0, page 1",
                                                           "Draft (not yet approved), page 1", "4"]
        with pdf.open_outline() as outline:  # the bookmarks: the cover's title, its parts, then each page's label
            (title,) = outline.root
            assert [item.title for item in title.children][-4:-2] == ["Approved 1.0, page 1",
                                                                   "Draft (not yet approved), page 1"]
            for item, page in zip(title.children[-4:-2], pdf.pages[1:3]):
                assert item.destination[0].objgen == page.obj.objgen and item.destination[3] == page.mediabox[3]
        for page in pdf.pages[1:3]:
            # every page the document's own size (so it prints at one scale), the page scaled down to fit inside
            # the copy's margins: hung under the label band, above the foot margin, from the left margin, its
            # comments' column beside it, never nearer the sheet's edge than EDGE
            assert [float(v) for v in page.mediabox] == [float(v) for v in original.pages[0].mediabox]
            assert [float(v) for v in page.mediabox] == [float(v) for v in pdf.pages[0].mediabox]
            fit = fitted(tuple(float(v) for v in original.pages[0].mediabox[2:]), (612.0, 792.0))
            assert fit.y >= BOTTOM
            assert (792 - TOP - TOP_BAND) - (fit.y + fit.height) == pytest.approx(TOP_GAP)   # white under the band
            assert fit.x == MARGIN and fit.x + fit.width + GUTTER + NOTE_SIZE <= 612 - EDGE
            # the label band hung on the margins, as wide as the summary's text: one left and one right edge
            drawn = page.Contents.read_bytes().decode("latin-1")
            assert f"{MARGIN:g} {792 - TOP - TOP_BAND:g} {612 - 2 * MARGIN:g} {TOP_BAND:g} re f" in drawn
            assert 0.84 < fit.scale < 1   # 9.5 pt body copy is read at 8 pt (at ~83 % it was 7.9 pt)
            assert f"q {fit.scale:.2f}".rstrip("0").encode() in page.Contents.read_bytes()
            assert b"/Placed Do" in page.Contents.read_bytes()
            (placed,) = page.Resources.XObject.values()
            assert placed.Subtype == "/Form" and b"Do" in page.Contents.read_bytes()  # vectors, no picture
            assert not [x for x in placed.Resources.get("/XObject", {}).values()
                        if x.get("/Subtype") == "/Image" and int(x.Width) > 2000]
        # the comments: Text annotations with /Contents, each inside an Annot element of the structure tree
        tree = pdf.Root.StructTreeRoot
        nums = list(tree.ParentTree.Nums)
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        comments = []
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                if annot.Subtype == "/Text":
                    element = parents[int(annot.StructParent)]
                    assert element.S == "/Annot" and element.K.Obj.objgen == annot.objgen
                    comments.append(str(annot.Contents))
    assert comments == [
        "Deleted “RA”, in the paragraph “Though RA is primarily defined as…” (page 1 of approved 1.0)",
        "Inserted “rheumatoid arthritis”, in the paragraph “Though RA is primarily defined as…” (page 1 of the "
        "current draft)",
        "Figure changed: the figure under “RA exists along a spectrum” (illustration spectrum): "
        "parameter left_count 13 → 10; warning: its alt text “A horizontal cylindrical shape represents the spectrum "
        "of rheumatoid arthritis.…” stayed the same although the figure changed — check that it still describes "
        "the figure"]
    # only the changed words are marked: the red and the blue strokes lie on the words PDFium finds there
    from tagprint.approval.words import words

    review = pdfium.PdfDocument(pdf_path)
    found = words(pdf_path.read_bytes())
    s = SCALE  # fine enough that a 1.3 pt strike covers whole rows of pixels wherever its line falls
    plain = pdfium.PdfDocument(archived)[0].render(scale=s, draw_annots=False).to_pil().convert("RGB")
    for index, changed, colour in ((1, ["RA"], _red), (2, ["rheumatoid", "arthritis"], _blue)):
        image = review[index].render(scale=s, draw_annots=False).to_pil().convert("RGB")
        marked = _pixels(image, colour)
        assert len(marked) > 30 and not _pixels(plain, colour)
        boxes = [w.box for w in found if w.page == index + 1 and w.text in changed
                 and _near(w.box, marked, image.height)]
        assert len(boxes) == len(changed)
        x0, x1 = min(b[0] for b in boxes), max(b[2] for b in boxes)
        y0, y1 = min(b[1] for b in boxes), max(b[3] for b in boxes)
        for x, y in marked:  # nothing spills beyond the changed words
            assert s * (x0 - 2) <= x <= s * (x1 + 2) and image.height - s * (y1 + 3) <= y <= image.height - s * (y0 - 4)
        tint = (255, 214, 214) if colour is _red else (199, 224, 255)   # the box behind the words, on white
        near = lambda r, g, b: all(abs(a - t) <= 3 for a, t in zip((r, g, b), tint))  # noqa: E731
        # the tint's colour where the page itself has it (a pale sky in a photograph), found in the page rendered
        # at the placed scale and position, give or take a pixel, is not a mark
        fit = fitted((plain.width / s, plain.height / s), (image.width / s, image.height / s))
        scaled = pdfium.PdfDocument(archived)[0].render(scale=s * fit.scale, draw_annots=False).to_pil().convert("RGB")
        ox, oy = round(s * fit.x), round(image.height - s * (fit.y + fit.height))
        reach = range(-2, 3)
        own = {(x + ox + dx, y + oy + dy) for x, y in _pixels(scaled, near) for dx in reach for dy in reach}
        found_near = set(_pixels(image, near))   # a mark's tint is flat: its neighbours have it too (not a photo's)
        tinted = [(x, y) for x, y in found_near if (x, y) not in own
                  and all((x + dx, y + dy) in found_near for dx in (-1, 0, 1) for dy in (-1, 0, 1))]
        assert len(tinted) > 100 and not _pixels(plain, lambda r, g, b: (r, g, b) == tint)
        for x, y in tinted:
            assert s * (x0 - 3) <= x <= s * (x1 + 3) and image.height - s * (y1 + 5) <= y <= image.height - s * (y0 - 5)


ARCHIVED_SEED = "archive/US-KIN-0001/1.0/kineret-dtt-ra.pdf"


def _red(r: int, g: int, b: int) -> bool:
    return r > 180 and g < 50 and b < 50


def _blue(r: int, g: int, b: int) -> bool:
    return r < 40 and 70 < g < 120 and b > 160


def _pixels(image, test) -> list[tuple[int, int]]:
    data = image.tobytes()
    width = image.width
    return [((i // 3) % width, (i // 3) // width) for i in range(0, len(data), 3)
            if test(data[i], data[i + 1], data[i + 2])]


SCALE = 4  # pixels a point in the rendered review pages


def _near(box, marked, height) -> bool:
    x0, y0, x1, y1 = box
    s = SCALE
    return any(s * (x0 - 2) <= x <= s * (x1 + 2) and height - s * (y1 + 3) <= y <= height - s * (y0 - 3)
               for x, y in marked)


def test_diff_between_two_approved_versions_and_its_refusals(project, capsys):
    archivable(project)
    code, out, err = run(project, "diff", "test", capsys=capsys)
    assert code == 2 and "test has no approved version" in err
    assert approve(project, capsys)[0] == 0
    project.layout(project.root.joinpath("layouts/test.yaml").read_text().replace('"1.0"', '"1.1"'))
    project.content(project.root.joinpath("content/test.yaml").read_text().replace(
        "The second sentence will change in the draft.", "The second sentence changed."))
    assert approve(project, capsys, version="1.1")[0] == 0
    code, out, err = run(project, "diff", "test", "--from", "1.0", "--to", "1.1", capsys=capsys)
    assert code == 0, err
    assert _section(out, "Text changes (1)") == [
        "page 1, the paragraph “The first sentence stays. The second…”: deleted “will change in the draft.” and inserted "
        "“changed.” after “…stays. The second sentence”"]
    assert (project.root / "output/review/test-1.0-vs-1.1.pdf").is_file()
    (project.root / ARCHIVED).unlink()
    code, out, err = run(project, "diff", "test", "--from", "1.0", capsys=capsys)
    assert code == 3 and "TAMPERING" in err and "has been deleted" in err


def test_refusals_name_the_file_what_is_wrong_and_the_fix(project, capsys):
    from approval_project import edit_ledger

    archivable(project)
    code, out, err = run(project, "diff", "test", "--from", "9", capsys=capsys)
    assert (code, err) == (2, "error: layouts/test.yaml: version 9 of test was never approved — approved versions: "
                              "none (approve with render.py approve test --version V --by NAME)\n")
    assert approve(project, capsys)[0] == 0
    (project.root / ARCHIVED).chmod(0o644)
    (project.root / ARCHIVED).write_bytes(b"%PDF-1.7 not the approved file")
    code, out, err = run(project, "diff", "test", capsys=capsys)
    assert code == 3 and re.fullmatch(
        r"error: output/archive/TEST-0001/1\.0/test\.pdf: TAMPERING: approved by Dr Quinn on \S+ \(ledger entry 1\), "
        r"and has been replaced: its SHA-256 is not the approved [0-9a-f]{16}… — the review needs the approved "
        r"file: restore it from a backup\n", err), err
    edit_ledger(project, "UPDATE approvals SET approver = 'Someone Else'")
    code, out, err = run(project, "diff", "test", capsys=capsys)
    assert (code, err) == (3, "error: output/archive/ledger.sqlite: TAMPERING: the approval ledger was altered: "
                              "entry 1 (TEST-0001/1.0/test.pdf) was edited after it was written: its contents do not "
                              "match its hash — restore the ledger from a backup (render.py verify --all lists every "
                              "break)\n")


def test_diff_on_the_command_line_reports_a_table_cell_and_a_footnote(project, capsys):
    archivable(project)
    dosing = """\
body:
  - type: heading
    level: 1
    text: Dosing
  - type: table
    caption: Dosing schedule{note}`†`
    header_rows: 1
    rows:
      - [Visit, Weight > 100 kg]
      - [Week 0, "2 pens"]
      - [Week 4, 2 pens]
    notes:
      - {marker: "†", text: "Based on the dosing in VOYAGE-P1 and -P2."}
"""
    project.content(dosing)
    assert approve(project, capsys)[0] == 0
    project.content(dosing.replace("[Week 4, 2 pens]", "[Week 4, 3 pens]").replace("VOYAGE-P1", "VOYAGE-P3"))
    code, out, err = run(project, "diff", "test", capsys=capsys)
    assert code == 0, err
    assert _section(out, "Text changes (2)") == [
        "page 1, table “Dosing schedule†”, row “Week 4”, column “Weight > 100 kg”: deleted "
        "“2” and inserted “3” at the start",
        "page 1, note † of table “Dosing schedule†”: deleted “VOYAGE-P1” and inserted "
        "“VOYAGE-P3” after “…on the dosing in”"]
    assert (project.root / "output/review/test-1.0-vs-draft.pdf").is_file()


MOVED = (  # each grows its paragraph or entry by a line, moving what follows: bullets, a button, reference numbers
    ("extraarticular signs of inflammation, including:",
     "extraarticular signs of inflammation, and any other signs you may have noticed in the clinic over the years "
     "or heard about from the patient’s family, including:"),
    ("underlying cause of inflammation in difficult-to-treat RA.{cite}`7`",
     "underlying cause of inflammation in difficult-to-treat RA, as several studies have shown in patients whose "
     "disease did not respond.{cite}`7`"),
    ("      - Placeholder for an approved citation\n",  # the first of the seven stand-ins
     "      - Reference 1, a much longer reference text that now wraps onto a second line in the list at the end\n"),
)


def test_diff_survives_a_change_that_moves_bullets_a_button_and_reference_numbers(tmp_path):
    """Bullets, a button's label and reference numbers are lines that belong to no block of their own; a
    changed area touching them once crashed `diff` (AttributeError on the line's missing block)."""
    root = tmp_path / "project"
    _seed_copy(root)
    assert main(["--root", str(root), "approve", "kineret-dtt-ra", "--version", "1.0", "--by", "Dr Quinn",
                 *SEED_ACCEPT]) == 0
    content = root / "content" / "kineret-dtt-ra.yaml"
    text = content.read_text(encoding="utf-8")
    for before, after in MOVED:
        assert before in text
        text = text.replace(before, after, 1)
    content.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(root), "diff", "kineret-dtt-ra"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "internal error" not in done.stderr
    areas = _section(done.stdout, "Pages that differ (2 pages, ")
    pages = [" ".join(a for a in areas if a.startswith(f"page {n}, ")) for n in (1, 2)]  # an entry per area
    assert "list item 1 “Fever[3,4]” under “Where does your patient’s RA fall?”" in pages[0]  # moved bullets
    # the references stand at the page's foot and grow upward: the title and reference 1 (its number with it)
    # move up, and the safety panel beside them, as tall as they are, grows with them
    assert "the paragraph “RA that is primarily autoinflammatory may…”" in pages[1] and "reference 1" in pages[1]
    assert "the safety information under" in pages[1]
    assert _section(done.stdout, "References (1)")[0].startswith("page 2, reference 1 changed")
    review = root / "output/review/kineret-dtt-ra-1.0-vs-draft.pdf"
    check = subprocess.run([sys.executable, "-m", "pdfua", "check", str(review)], capture_output=True, text=True)
    assert check.returncode == 0 and "PASS (no findings)" in check.stdout, check.stdout
    with pikepdf.open(review) as pdf:  # both pages of the seed, as approved and as drafted; comments where
        # words changed: none on page 1 as approved (only insertions there), the rest each have some
        annotated = [any(a.Subtype == "/Text" for a in page.get("/Annots", [])) for page in pdf.pages]
        # the lists and the fingerprints: none
        assert annotated[-5:-1] == [False, True, True, True] and not any(annotated[:-5]) and not annotated[-1]


def _page_words(pdf_path: Path) -> dict[int, list]:
    from tagprint.approval.words import words

    out: dict[int, list] = {}
    for word in words(pdf_path.read_bytes()):  # read back by PDFium
        out.setdefault(word.page, []).append(word)
    return out


def _find(found: list, phrase: str) -> list:
    """The words of `phrase`, in a row, among a page's words (empty if it is not there)."""
    wanted = phrase.split()
    texts = [w.text for w in found]
    for i in range(len(texts) - len(wanted) + 1):
        if texts[i:i + len(wanted)] == wanted:
            return found[i:i + len(wanted)]
    return []


def test_one_running_footer_numbers_every_page_of_the_review_copy(reviewed):
    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    pages = _page_words(pdf_path)
    assert sorted(pages) == [1, 2, 3, 4]
    at = set()
    for number, found in pages.items():
        footer = _find(found, f"Review copy · page {number} of 4")
        assert footer, number
        foot = [w for w in found if w.box[3] < 48]
        # at the foot of the page, in its bottom margin (48), and in one place on every page, the summary's and
        # the placed pages' alike
        assert max(w.box[3] for w in footer) < 48
        at.add((round(min(w.box[0] for w in foot), 1), round(min(w.box[1] for w in foot), 1),
                round(footer[-1].box[2], 1)))
        others = [w for w in found if w.text.startswith("Review") and w not in footer and w.box[3] < 48]
        assert not others  # one footer per page
    assert len(at) == 1 and abs(next(iter(at))[0] - MARGIN) < 1, at   # (PDFium: the glyph's ink)
    assert not _find(pages[1], "Page 1 of 1")
    doc = pdfium.PdfDocument(pdf_path)
    for index in (1, 2):  # on a placed page the copy's footer is on white, as on the summary, under the page
        image = doc[index].render(scale=1).to_pil().convert("RGB")
        assert image.getpixel((int(MARGIN) + 2, image.height - int(BOTTOM) + 4)) == (255, 255, 255)
        assert image.getpixel((6, image.height - 6)) == (255, 255, 255)   # and nothing in the sheet's margin


def test_each_compared_page_is_labelled_with_its_version_in_a_tagged_heading(reviewed):
    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    pages = _page_words(pdf_path)
    with pikepdf.open(pdf_path) as pdf:
        heights = [float(page.mediabox[3]) for page in pdf.pages]
    for number, label in ((2, "Approved 1.0, page 1"), (3, "Draft (not yet approved), page 1")):
        found = _find(pages[number], label)
        assert found, label
        assert min(w.box[1] for w in found) > heights[number - 1] - TOP - TOP_BAND  # in the band above the page
    tree = structure(pdf_path)
    flat = [(n.role, n) for n in tree.walk()]
    roles = [r for r, _ in flat]
    figures = [i for i, (r, n) in enumerate(flat) if r == "Figure" and "the whole page" in n.attrs["Alt"]]
    assert len(figures) == 2
    for at in figures:  # each placed page directly follows its label heading in reading order
        assert roles[at - 1] == "H2"
    spoken = " ".join(reading_text(tree).split())
    small = spoken.index("Page 1 of the current draft, small")   # the pages shown small, read after the lists
    first = spoken.index("Approved 1.0, page 1", small)
    second = spoken.index("Draft (not yet approved), page 1", first)
    assert first < spoken.index("Page 1 of approved 1.0, the whole page") < second
    assert second < spoken.index("Page 1 of the current draft, the whole page")


def test_the_cover_names_the_draft_and_people_plainly(reviewed):
    import getpass
    import socket

    import yaml

    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    doc = pdfium.PdfDocument(pdf_path)
    text = " ".join(" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc)))
    cover = " ".join(doc[0].get_textpage().get_text_range().split())
    assert "compared with the current draft (not yet approved)" in cover
    assert "draft (version" not in cover                 # the draft is not called by the approved version
    assert "(s)" not in text and "1 text change," in cover and "1 page differs" in cover
    assert "approved by Dr Quinn as medical reviewer on " in cover
    assert "Made on " in cover and f" on {socket.gethostname()}" not in cover
    # no tool words on the summary (they are in the record at the end, before the fingerprints)
    assert not [w for w in ("render.py", "ledger", "--review") if w in cover], cover
    last = " ".join(doc[len(doc) - 1].get_textpage().get_text_range().split())
    assert "Made with render.py diff on " in last and "ledger entry 1." in last and "render.py verify checks" in last
    account = getpass.getuser()  # a system account (root here) must not reach a reviewer
    assert "the user" not in text and account not in cover.split() and "root" not in text.split()
    content = yaml.safe_load((root / "content" / "kineret-dtt-ra.yaml").read_text(encoding="utf-8"))
    assert [key for key in content if f"{key}[" in text] == []   # no YAML ids such as spectrum[1]
    first = _page_words(pdf_path)[1]
    title = first[:next(i for i, w in enumerate(first) if w.text == "Approved")]  # PDFium splits at hyphens too
    assert "".join(w.text for w in title) == "Reviewcopy:KINERETfordifficult-to-treatRA"
    assert max(w.box[1] for w in title) - min(w.box[1] for w in title) < 6  # the title on one line
    assert "→" not in cover.split("Approved 1.0 of")[0]



def test_the_lists_beside_the_small_pages_are_set_in_about_60_characters_the_record_in_80(reviewed):
    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    doc = pdfium.PdfDocument(pdf_path)
    for index, low, high in ((0, 55, 76), (len(doc) - 1, 70, 86)):  # the summary; the record and fingerprints
        lines = [line.strip() for line in doc[index].get_textpage().get_text_range().splitlines()]
        body = [line for line in lines if line and not re.search(r"[0-9a-f]{64}", line)  # a hash: smaller type
                and not line.startswith("US-KIN-0001-REVIEW")                            # the running footer
                and not line.startswith("Review copy:")]                                 # the title, across
        assert low < max(map(len, body)) <= high, max(body, key=len)


def test_comments_sit_inside_the_page_margin_beside_the_placed_page_and_apart(reviewed):
    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    with pikepdf.open(pdf_path) as pdf:
        pages = [(page, [a for a in page.get("/Annots", []) if a.Subtype == "/Text"]) for page in pdf.pages]
        assert sum(len(annots) for _, annots in pages) == 3
        for page, annots in pages:
            _, _, width, height = (float(v) for v in page.mediabox)
            # the placed page's box, as its Figure's layout attributes say
            figures = [k for k in _elements(pdf) if k.get("/S") == "/Figure" and k.Pg.objgen == page.obj.objgen]
            rects = [[float(v) for v in annot.Rect] for annot in annots]
            assert len(figures) == 1 or not annots
            for x0, y0, x1, y1 in rects:
                assert EDGE <= x0 and x1 <= width - EDGE and EDGE <= y0 and y1 <= height - EDGE  # in the margin
                for figure in figures:  # clear of the placed page and its words, beside it
                    fx0, fy0, fx1, fy1 = (float(v) for v in figure.A.BBox)
                    assert x0 >= fx1 + GUTTER - 0.01 and fy0 <= y0 and y1 <= fy1   # in a clear gutter
            for a, b in zip(sorted(rects, key=lambda r: r[1]), sorted(rects, key=lambda r: r[1])[1:]):
                assert b[1] >= a[3] + 2  # two comments never touch
            for annot, (x0, y0, x1, y1) in zip(annots, rects):  # drawn by their own appearance, in their box
                box = [float(v) for v in annot.AP.N.BBox]
                assert box == [0, 0, x1 - x0, y1 - y0]
    doc = pdfium.PdfDocument(pdf_path)
    for index in (1, 2):  # PDFium draws each icon inside its box: nothing drawn by the annotations elsewhere
        with_annots = doc[index].render(scale=1, draw_annots=True).to_pil().convert("RGB")
        without = doc[index].render(scale=1, draw_annots=False).to_pil().convert("RGB")
        from PIL import ImageChops

        changed = ImageChops.difference(with_annots, without).getbbox()
        assert changed is not None
        x0, top, x1, bottom = changed
        fit = fitted((612.0, 792.0), (with_annots.width, with_annots.height))
        assert x0 >= fit.x + fit.width + GUTTER - 1 and x1 <= with_annots.width - EDGE + 1


def _elements(pdf: pikepdf.Pdf) -> list:
    out, todo = [], [pdf.Root.StructTreeRoot]
    while todo:
        node = todo.pop()
        kids = node.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR" and "/S" in kid:
                out.append(kid)
                todo.append(kid)
    return out


def _text_objects(path: Path, index: int) -> list[tuple[str, float, str, tuple[int, int, int]]]:
    """(text, size on the page, font's base name, fill colour) of each text object PDFium finds on a page."""
    import ctypes
    import math

    import pypdfium2.raw as raw

    page = pdfium.PdfDocument(path)[index]
    textpage = page.get_textpage()
    out = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT]):
        size, m = ctypes.c_float(), raw.FS_MATRIX()
        raw.FPDFTextObj_GetFontSize(obj.raw, ctypes.byref(size))
        raw.FPDFPageObj_GetMatrix(obj.raw, m)
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
        font = raw.FPDFTextObj_GetFont(obj.raw)
        length = raw.FPDFFont_GetBaseFontName(font, None, 0)
        name = ctypes.create_string_buffer(length)
        raw.FPDFFont_GetBaseFontName(font, name, length)
        length = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
        text = ctypes.create_string_buffer(2 * length)
        raw.FPDFTextObj_GetText(obj.raw, textpage.raw, ctypes.cast(text, ctypes.POINTER(ctypes.c_ushort)), length)
        out.append((text.raw.decode("utf-16-le").rstrip("\x00"), size.value * math.hypot(m.c, m.d),
                    name.value.decode(), (r.value, g.value, b.value)))
    return out


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = map(channel, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_summary_is_one_page_and_the_hashes_one_block_on_a_last_page_of_their_own_in_a_monospaced_face(reviewed):
    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    with pikepdf.open(pdf_path) as pdf:   # the summary, the two placed pages, then the fingerprints
        assert [str(page.label) for page in pdf.pages] == ["1", "Approved 1.0, page 1",
                                                           "Draft (not yet approved), page 1", "4"]
    assert not [t for t in _text_objects(pdf_path, 0) if re.fullmatch(r"[0-9a-f]{64}", t[0].strip())]
    found = _text_objects(pdf_path, 3)
    hashes = [(i, t) for i, t in enumerate(found) if re.fullmatch(r"[0-9a-f]{64}", t[0].strip())]
    # the approved file, the ledger entry, and each source of the draft (kineret-dtt-ra's layout, content,
    # theme and two photographs)
    assert len(hashes) == 2 + 5
    for _, (text, size, font, colour) in hashes:
        assert "DejaVuSansMono" in font and 8 <= round(size, 2) <= 9, (font, size)  # its small x-height: reads as 7+
        assert (1.05 / (_luminance(colour) + 0.05)) >= 4.5, colour   # WCAG AA on the white page
    assert not [t for t in found if "Mono" in t[2] and not re.fullmatch(r"[0-9a-f]{64}", t[0].strip())]
    first, last = hashes[0][0], hashes[-1][0]
    between = [t[0] for t in found[first:last] if not re.fullmatch(r"[0-9a-f]{64}", t[0].strip())]
    # in one block: only each hash's label between them (no list, heading or body text), and nothing after
    assert len(between) == len(hashes) - 1 and all(t.startswith(("Ledger entry", "Draft source: ")) for t in between)
    texts = [t[0] for t in found]
    assert texts[first - 1].startswith("Approved file: ")
    # under the title, one sentence says what they are for; then the block
    (title,) = [i for i, t in enumerate(texts) if t.startswith("Fingerprints (SHA-256)")]
    assert 1 <= first - 1 - title - 1 <= 3 and "each file this copy was made from" in " ".join(texts[title + 1:first - 1])
    (record,) = [i for i, t in enumerate(texts) if t.startswith("How this copy was made")]   # the record before
    assert record < title and "render.py verify checks" in " ".join(texts[record + 1:title])
    assert all(t.startswith("US-KIN-0001-REVIEW") or t.startswith("Review copy") for t in texts[last + 1:])


def test_a_heading_reflowed_into_a_runt_is_flagged_in_the_report_and_on_the_page(project, capsys):
    from approval_project import CONTENT, LAYOUT

    project.layout(LAYOUT.replace("[40, 40, 532, 700]", "[40, 40, 260, 700]"))  # a column as narrow as the seed's
    spectrum = "  - {type: heading, level: 2, text: %s}\n  - {type: paragraph, text: Words under it.}\n"
    project.content(CONTENT + spectrum % "RA exists along a spectrum")
    assert approve(project, capsys)[0] == 0
    code, out, err = run(project, "diff", "test", capsys=capsys)  # nothing changed yet: nothing to flag
    assert code == 0 and "Layout effects to check" not in out
    # a runt the line breaker cannot mend: the word before it does not fit beside it without leaving "The"
    # alone above, and a narrower measure takes three lines
    project.content(CONTENT + spectrum % "The immunopathological phenotypes")
    code, out, err = run(project, "diff", "test", capsys=capsys)
    assert code == 0, err
    assert _section(out, "Layout effects to check (1)") == [
        "page 1, the heading “The immunopathological phenotypes” now leaves “phenotypes” alone on its last line "
        "(it took 1 line before): reword it or break the line by hand"]
    review = project.root / "output/review/test-1.0-vs-draft.pdf"
    words = _page_words(review)
    draft = words[max(words) - 1]  # the last page but the fingerprints: the draft's
    (runt,) = [w for w in draft if w.text == "phenotypes"]  # alone on the heading's 2nd line
    assert not [w for w in draft if w is not runt and abs(w.box[1] - runt.box[1]) < 2]
    with pikepdf.open(review) as pdf:
        notes = [(str(a.Contents), float(a.Rect[1]), float(a.Rect[3])) for a in pdf.pages[-2].get("/Annots", [])]
    (flag,) = [n for n in notes if n[0].startswith("Layout effect to check: the heading")]
    assert flag[1] - 20 <= runt.box[1] <= flag[2] + 20  # level with the runt's line


def test_a_changed_slide_is_placed_on_the_same_paper_turned_landscape(tmp_path):
    """A deck's slides (960 × 540) are wide: each is placed on a landscape letter page (the summary stays
    portrait: the same paper turned, so the copy still prints at one scale), its comments beside it."""
    root = tmp_path / "project"
    _seed_copy(root)
    deck = root / "layouts" / "kineret-dtt-ra-deck.yaml"
    text = deck.read_text(encoding="utf-8")
    assert text.count("\nprofiles: [screen]\n") == 1
    deck.write_text(text.replace("\nprofiles: [screen]\n", "\nprofiles: [screen, archive]\n"), encoding="utf-8")
    assert main(["--root", str(root), "approve", "kineret-dtt-ra-deck", "--version", "1.0", "--by", "Dr Quinn",
                 "--accept", "placeholder:safety[0].blocks[0]", "--accept", "placeholder:references[0]"]) == 0
    text = deck.read_text(encoding="utf-8")
    assert text.count("  - title: How KINERET works") == 1
    deck.write_text(text.replace("  - title: How KINERET works", "  - title: How KINERET really works"),
                    encoding="utf-8")
    assert main(["--root", str(root), "diff", "kineret-dtt-ra-deck"]) == 0
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-deck-1.0-vs-draft.pdf"
    with pikepdf.open(pdf_path) as pdf:
        sizes = [[float(v) for v in page.mediabox] for page in pdf.pages]
        assert sizes == [[0, 0, 612, 792], [0, 0, 792, 612], [0, 0, 792, 612], [0, 0, 612, 792]]
        (annot,) = [a for a in pdf.pages[2].get("/Annots", []) if a.Subtype == "/Text"]
        x0, y0, x1, y1 = (float(v) for v in annot.Rect)
        assert x1 <= 792 - EDGE and EDGE <= y0 and y1 <= 612 - EDGE - TOP_BAND
    doc = pdfium.PdfDocument(pdf_path)
    for index, label in ((1, "Approved 1.0, page 5"), (2, "Draft (not yet approved), page 5")):
        page = doc[index]
        assert page.get_size() == (792, 612)
        text = page.get_textpage().get_text_range()
        assert label in text and f"Review copy · page {index + 1} of 4" in text
    check = subprocess.run([sys.executable, "-m", "pdfua", "check", str(pdf_path)], capture_output=True, text=True)
    assert check.returncode == 0 and "PASS (no findings)" in check.stdout, check.stdout


def _diff_in_copy(root: Path, tmp_path: Path, epoch: str | None) -> tuple[Path, str]:
    """`diff` run on a copy of a reviewed project (its ledger and archive too), with or without SOURCE_DATE_EPOCH."""
    import os

    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    done = subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(copy), "diff", "kineret-dtt-ra"],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return copy / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf", done.stdout


def _dates(pdf_path: Path) -> tuple[str, str, str]:
    """The review copy's made time (its stamp), its PDF creation date (info) and its XMP creation date."""
    from tagprint.approval.review_document import read_review_stamp

    with pikepdf.open(pdf_path) as pdf:
        info = str(pdf.docinfo.CreationDate)
        with pdf.open_metadata() as meta:
            xmp = str(meta["xmp:CreateDate"])
    return read_review_stamp(pdf_path)["made"], info, xmp


def _spoken(text: str, after: str):
    """The first “6 December 2026 at 13:23 UTC” after `after` in a text, as a datetime."""
    from datetime import datetime, timezone

    found = re.search(re.escape(after) + r".*?(\d{1,2} \w+ \d{4} at \d\d:\d\d) UTC", text)
    assert found, after
    return datetime.strptime(found[1], "%d %B %Y at %H:%M").replace(tzinfo=timezone.utc)


@pytest.mark.parametrize("epoch", [None, "1000000000"])
def test_the_copy_is_dated_when_it_was_made_and_never_before_the_approval_it_compares(reviewed, tmp_path, epoch):
    """Without SOURCE_DATE_EPOCH the copy says when it was made; with an epoch before the approval (2001 here),
    it says the approval's time: its cover, footer and PDF dates never put it before what it compares."""
    from datetime import datetime, timezone

    from tagprint.approval.ledger import Ledger

    root, code, out, err = reviewed
    start = datetime.now(timezone.utc).replace(microsecond=0)
    pdf_path, _ = _diff_in_copy(root, tmp_path, epoch)
    end = datetime.now(timezone.utc)
    (approval,) = [e for e in Ledger(pdf_path.parents[1] / "archive").entries() if e.is_approval]
    approved = datetime.fromisoformat(approval.time)
    made, info, xmp = _dates(pdf_path)
    when = datetime.fromisoformat(made)
    if epoch is None:
        assert start <= when <= end          # the real time it was made
    else:
        assert when == approved              # the epoch predates the approval: the approval's time
    assert when >= approved
    assert info == f"D:{when:%Y%m%d%H%M%S}Z" and xmp.startswith(f"{when:%Y-%m-%dT%H:%M:%S}")
    doc = pdfium.PdfDocument(pdf_path)
    cover = " ".join(doc[0].get_textpage().get_text_range().split())
    said_made, said_approved = _spoken(cover, "Made on"), _spoken(cover, "approved by")
    assert said_made >= said_approved and said_made == when.replace(second=0)
    footer = f"US-KIN-0001-REVIEW · {when.day} {when:%B %Y}"   # the copy's own date, not the material's 11/2026
    for index in range(len(doc)):
        text = " ".join(doc[index].get_textpage().get_text_range().split())
        assert footer in text and "US-KIN-0001-REVIEW · 11/2026" not in text


def test_each_change_links_to_its_placed_page_and_the_copy_has_bookmarks(reviewed):
    root, code, out, err = reviewed
    pdf_path = root / "output" / "review" / "kineret-dtt-ra-1.0-vs-draft.pdf"
    words = _page_words(pdf_path)[1]
    with pikepdf.open(pdf_path) as pdf:
        placed = {pdf.pages[i].obj.objgen: str(pdf.pages[i].label) for i in (1, 2)}
        parents = _parents_of(pdf)
        every = [a for a in pdf.pages[0].get("/Annots", []) if a.Subtype == "/Link"]
        half = float(pdf.pages[0].mediabox[2]) / 2
        links = [a for a in every if float(a.Rect[2]) < half]   # the lists, in the left two thirds
        # an entry with a page each: the text change, the figure change, the two areas that differ
        assert len(links) == 4
        # and each placed page shown small in the right column, its caption a link to it, in their order
        captions = [a for a in every if float(a.Rect[0]) > half]
        assert len(captions) == 2 and [str(placed[a.Dest[0].objgen]) for a in captions] == [
            "Approved 1.0, page 1", "Draft (not yet approved), page 1"]
        assert all(parents[int(a.StructParent)].S == "/Link" for a in captions)
        leads = [w for w in words if w.text == "page"]
        for annot in links:
            assert "/A" not in annot and annot.Dest[0].objgen in placed   # a destination in the file
            assert str(annot.Contents) == f"Go to {placed[annot.Dest[0].objgen]}"
            assert str(annot.Contents) == "Go to Draft (not yet approved), page 1"   # each change is a draft's
            element = parents[int(annot.StructParent)]                              # a tagged Link with its OBJR
            assert element.S == "/Link"
            kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
            assert [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                    and k.Obj.objgen == annot.objgen]
            x0, y0, x1, y1 = (float(v) for v in annot.Rect)   # over the entry's "page 1", as PDFium reads it
            assert [w for w in leads if x0 - 1 <= w.box[0] and w.box[2] <= x1 + 1 and y0 - 1 <= w.box[1] <= y1]
        with pdf.open_outline() as outline:   # bookmarks: the summary's parts, the fingerprints, each placed page
            (title,) = outline.root
            assert [item.title for item in title.children] == [
                "Text changes (1), in reading order", "Figures and alt texts (1)", "Pages that differ (1 page, 2 areas)",
                "Approved 1.0, page 1", "Draft (not yet approved), page 1", "How this copy was made",
                "Fingerprints (SHA-256)"]
            pages = [pdf.pages[0].obj.objgen] * 3 + [pdf.pages[i].obj.objgen for i in (1, 2, 3, 3)]
            assert [item.destination[0].objgen for item in title.children] == pages
    check = subprocess.run([sys.executable, "-m", "pdfua", "check", str(pdf_path)], capture_output=True, text=True)
    assert check.returncode == 0 and "PASS (no findings)" in check.stdout, check.stdout
    done = subprocess.run([sys.executable, str(REPO / "render.py"), "check", str(pdf_path)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def _parents_of(pdf: pikepdf.Pdf) -> dict:
    nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def test_a_short_word_alone_on_any_heading_line_is_a_layout_effect():
    from tagprint.approval.changes import lone_words

    assert lone_words(["KINERET for adults", "with", "difficult-to-treat RA"]) == [(1, "with")]  # a middle line
    assert lone_words(["The immunopathological", "phenotypes"]) == [(1, "phenotypes")]          # any last word
    assert lone_words(["KINERET for", "immunopathological", "phenotypes of RA"]) == []          # long: it fills
    assert lone_words(["with"]) == [] and lone_words(["KINERET for difficult-to-treat RA"]) == []


def test_the_masthead_reflowed_with_a_word_alone_on_its_middle_line_is_flagged_beside_that_line(tmp_path):
    """The draft inserts “adults with” in a masthead title set narrower (267 pt, a column and a half): three
    lines, “with” alone on the second. The summary says so, and a comment sits level with that line."""
    root = tmp_path / "project"
    _seed_copy(root)
    layout = root / "layouts" / "kineret-dtt-ra.yaml"
    wide = "masthead: {box: [40, 0, 349, 263.5]"
    assert layout.read_text(encoding="utf-8").count(wide) == 1
    layout.write_text(layout.read_text(encoding="utf-8").replace(wide, "masthead: {box: [40, 0, 267, 263.5]"),
                      encoding="utf-8")
    assert main(["--root", str(root), "approve", "kineret-dtt-ra", "--version", "1.0", "--by", "Dr Quinn",
                 *SEED_ACCEPT]) == 0
    content = root / "content" / "kineret-dtt-ra.yaml"
    text = content.read_text(encoding="utf-8")
    assert text.count("    text: KINERET for difficult-to-treat RA\n") == 1
    content.write_text(text.replace("    text: KINERET for difficult-to-treat RA\n",
                                    "    text: KINERET for adults with difficult-to-treat RA\n"), encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(root), "diff", "kineret-dtt-ra"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _section(done.stdout, "Layout effects to check (1)") == [
        "page 1, the heading “KINERET for adults with difficult-to-treat RA” now leaves “with” alone on line 2 of 3 "
        "(it took 2 lines before): reword it or break the line by hand"]
    review = root / "output/review/kineret-dtt-ra-1.0-vs-draft.pdf"
    words = _page_words(review)
    draft = words[max(words) - 1]   # the draft's page, before the fingerprints
    # "with" alone on its line of the title's column (the photograph is beside it): one such word on the page
    (alone,) = [w for w in draft if w.text == "with" and not [o for o in draft if o is not w and o.box[0] < 300
                                                              and abs(o.box[1] - w.box[1]) < 2]]
    with pikepdf.open(review) as pdf:
        notes = [(str(a.Contents), float(a.Rect[1]), float(a.Rect[3])) for a in pdf.pages[-2].get("/Annots", [])]
    (flag,) = [n for n in notes if n[0].startswith("Layout effect to check: the heading")]
    assert flag[1] - 20 <= alone.box[1] <= flag[2] + 20   # level with the line "with" is alone on
    first = " ".join(pdfium.PdfDocument(review)[0].get_textpage().get_text_range().split())
    assert "Layout effects to check (1)" in first
    # the one list asking for a fix comes first, before the text changes and the pages that differ
    assert first.index("Layout effects to check (1)") < first.index("Text changes (") < first.index("Pages that differ")


def test_an_entry_links_to_its_sides_placed_page_or_the_other_sides_when_its_own_has_none():
    from tagprint.approval.review import _linked
    from tagprint.approval.review_pages import ReviewPage

    shown = [ReviewPage("old", 1, ""), ReviewPage("new", 1, ""), ReviewPage("new", 2, "")]
    deletion = _linked("page 1, the paragraph “Though…”: deleted “various”", "old", shown)
    assert (deletion.lead, deletion.rest, deletion.target) == ("page 1", ", the paragraph “Though…”: deleted “various”", 0)
    assert _linked("page 1, 2, the list: inserted “x”", "new", shown).target == 1   # its first page
    assert _linked("page 2, reference 1 changed", "old", shown).target == 2         # only the draft has page 2
    unlinked = _linked("reference 3 removed", "new", shown)
    assert unlinked.target is None and str(unlinked) == "reference 3 removed"


EDITS = (("    text: KINERET for difficult-to-treat RA\n", "    text: KINERET for adults with difficult-to-treat RA\n"),
         ("Because there are various interactions", "Because there are interactions"),
         ("but there are key clues to watch for.", "but there are several clues worth watching for."))


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    """The seed approved, then the reviewers' edits: a word inserted in the masthead title, one deleted in a
    paragraph, and two changes in one line of another ("key … to watch" → "several … worth watching")."""
    root = tmp_path_factory.mktemp("edited") / "project"
    _seed_copy(root)
    assert main(["--root", str(root), "approve", "kineret-dtt-ra", "--version", "1.0", "--by", "Dr Quinn",
                 *SEED_ACCEPT]) == 0
    content = root / "content" / "kineret-dtt-ra.yaml"
    text = content.read_text(encoding="utf-8")
    for before, after in EDITS:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    content.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO / "render.py"), "--root", str(root), "diff", "kineret-dtt-ra"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root / "output/review/kineret-dtt-ra-1.0-vs-draft.pdf"


def test_each_comment_sits_level_with_its_changed_line_and_close_ones_stack_tightly(edited):
    """A reviewer reads a comment as belonging to the line beside it: each comment's box lies within 20 pt of
    its change's line (read back by PDFium), and comments stacked for lines close together are 16-20 pt apart."""
    pages = _page_words(edited)
    checked = 0
    with pikepdf.open(edited) as pdf:
        for index, page in enumerate(pdf.pages):
            annots = [a for a in page.get("/Annots", []) if a.Subtype == "/Text"]
            tops = sorted((float(a.Rect[1]) for a in annots), reverse=True)
            for upper, lower in zip(tops, tops[1:]):
                assert upper - lower >= NOTE_SIZE + 1   # never overlapping
            for annot in annots:
                said = str(annot.Contents)
                if not said.startswith(("Inserted", "Deleted")):
                    continue
                phrase = said.split("“", 1)[1].split("”", 1)[0]
                found = pages[index + 1]
                wanted = phrase.split()
                runs = [found[i:i + len(wanted)] for i in range(len(found) - len(wanted) + 1)
                        if [w.text for w in found[i:i + len(wanted)]] == wanted]
                assert runs, phrase
                y0, y1 = float(annot.Rect[1]), float(annot.Rect[3])
                distance = min(max(0.0, y0 - run[0].box[3], run[0].box[1] - y1) for run in runs)
                assert distance <= 20, (phrase, distance)
                checked += 1
    assert checked == 6   # three deletions on the approved page, three insertions on the draft's
    with pikepdf.open(edited) as pdf:   # two changes on one line: stacked from that line, 16-20 pt apart
        for page, first, second in ((-3, "Deleted “key”", "Deleted “to watch”"),
                                    (-2, "Inserted “several”", "Inserted “worth watching”")):
            tops = {str(a.Contents).split(",")[0]: float(a.Rect[1]) for a in pdf.pages[page].get("/Annots", [])
                    if a.Subtype == "/Text"}
            assert 16 <= tops[first] - tops[second] <= 20, tops


def test_nothing_on_a_placed_pages_sheet_comes_within_24_pt_of_its_edge(edited):
    """Office printers clip the outer 12-18 pt: on the sheets holding a compared page, no word, comment, tint or
    mark lies in the outer 24 pt; the copy's running footer stands where it does on every page of the copy (the
    house footer, as every document has it), its descenders 20 pt or more from the edge."""
    doc = pdfium.PdfDocument(edited)
    placed = []
    with pikepdf.open(edited) as pdf:
        for index, page in enumerate(pdf.pages):
            if "/Placed" not in page.Resources.get("/XObject", {}):
                continue
            placed.append(index + 1)
            width, height = (float(v) for v in page.mediabox[2:])
            for annot in page.get("/Annots", []):
                x0, y0, x1, y1 = (float(v) for v in annot.Rect)
                assert EDGE <= x0 and x1 <= width - EDGE and EDGE <= y0 and y1 <= height - EDGE
            image = doc[index].render(scale=1, draw_annots=True).to_pil().convert("L")
            w, h = image.size
            edge = int(EDGE) - 1
            for box in ((0, 0, w, edge), (0, h - 20, w, h), (0, 0, edge, h), (w - edge, 0, w, h)):
                assert image.crop(box).getextrema() == (255, 255), (index + 1, box)
            inner = image.crop((edge + 2, edge + 2, w - edge - 2, h - edge - 2))
            assert inner.getextrema()[0] < 128   # (something is drawn inside)
    assert len(placed) == 2
    for number, found in _page_words(edited).items():
        for word in (found if number in placed else []):
            x0, y0, x1, y1 = word.box
            foot = 20 if y1 < BOTTOM else EDGE   # the running footer, in the foot margin
            assert EDGE <= x0 and x1 <= width - EDGE and foot <= y0 and y1 <= height - EDGE, (number, word.text)

"""Link addresses are parsed (scheme, host; an address for mailto), never checked by prefix."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_LAYOUT
from tagprint.errors import InputError
from tagprint.validate.links import href_problem

HEADING = "body:\n  - type: heading\n    level: 1\n    text: T\n"


@pytest.mark.parametrize("href, reason", [
    ("https:javascript:alert(1)", "starts with https://"),
    ("mailto:", "needs an address"),
    ("https:///", "has no host"),
    ("https://a", "has no domain"),
    ("http://localhost:8000/", "has no domain"),
    ("mailto:someone", "is not an e-mail address"),
    ("mailto:a@b", "has no domain"),
    ("javascript:alert(1)", "scheme 'javascript'"),
    ("ftp://example.org/file", "scheme 'ftp'"),
    ("www.example.com", "has no scheme"),
    ("https://user:secret@example.com/", "user name or password"),
    ("https://example.com:99999/", "cannot be parsed"),
    ("https://exa mple.com/", "spaces"),
    ("https://-bad-.example.com/", "not a valid host name"),
    ("tel:555-0100", "+ and the international number"),
    ("tel:+0049301234567", "starts with its country code, never 0"),
    ("tel:+1 800 555 0100", "spaces"),
    ("tel:+1-800-CALL-NOW", "+ and the international number"),
    ("tel:+12345", "7 to 15 digits; this one has 5"),
    ("tel:+1234567890123456", "7 to 15 digits; this one has 16"),
])
def test_addresses_that_are_refused(href, reason):
    problem = href_problem(href)
    assert problem is not None and reason in problem


@pytest.mark.parametrize("href", [
    "https://www.example.com/", "http://example.com:8080/a/b?c=1#d", "HTTPS://WWW.EXAMPLE.COM",
    "https://192.0.2.10/", "https://[2001:db8::1]/", "https://xn--mnchen-3ya.de/",
    "mailto:info@example.com", "mailto:a@example.com,b@example.org?subject=Hello",
    "tel:+18005550100", "tel:+1-800-555-0100", "tel:+49.30.1234567", "tel:+44(20)79460000",
])
def test_addresses_that_are_accepted(href):
    assert href_problem(href) is None


def test_every_bad_link_is_reported_at_its_line(project):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: A [bad](https:javascript:alert(1)) link.\n"
                    "  - type: paragraph\n    text: Write to [us](mailto:).\n"
                    "  - type: call_to_action\n    text: Go\n    href: https:///\n"
                    "    description: Nowhere\n"
                    "  - type: paragraph\n    text: See [a](https://a).\n")
    with pytest.raises(InputError) as caught:
        project.build()
    found = {(p.where.file, p.where.line): p.message for p in caught.value.problems}
    assert "starts with https://" in found[("content/test.yaml", 6)]
    assert "needs an address" in found[("content/test.yaml", 8)]
    assert "has no host" in found[("content/test.yaml", 11)]
    assert "has no domain" in found[("content/test.yaml", 14)]
    assert len(caught.value.problems) == 4


def test_a_tel_link_is_live_on_screen_and_printed_as_its_number(project):
    """The screen PDF's link annotation opens tel:+…; print sets the number after the link's text."""
    import subprocess

    import pikepdf

    from conftest import MINIMAL_LAYOUT
    from tagprint.pipeline import build

    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nprofiles: [screen, print]"))
    project.content(HEADING + '  - type: paragraph\n    text: Call [your representative](tel:+1-800-555-0100 '
                              '"Call your representative at +1 800 555 0100").\n')
    screen = build(project.root, project.root / "layouts" / "test.yaml").data
    with pikepdf.open(__import__("io").BytesIO(screen)) as pdf:
        uris = [str(a.A.URI) for a in pdf.pages[0].Annots if a.Subtype == "/Link"]
    assert uris == ["tel:+1-800-555-0100"]
    printed = build(project.root, project.root / "layouts" / "test.yaml", "print").data
    path = project.root / "print.pdf"
    path.write_bytes(printed)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Call your representative (+1-800-555-0100)." in text


def test_a_bad_tel_link_is_a_problem_at_its_line(project, capsys):
    from conftest import MINIMAL_LAYOUT
    from tagprint.commands.cli import main

    project.layout(MINIMAL_LAYOUT)
    project.content(HEADING + "  - type: paragraph\n    text: Call [us](tel:0800-555-0100).\n")
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "content/test.yaml:6:5: link 'tel:0800-555-0100' is not an http, https, mailto or tel address: a tel " \
           "link is + and the international number" in err, err
    assert "tel:+1-800-555-0100" in err


def test_a_tel_link_whose_text_is_the_number_prints_it_once(project):
    """"[+1 800 555 0100](tel:+1-800-555-0100)" prints the number once in print, not again in brackets."""
    import subprocess

    from conftest import MINIMAL_LAYOUT
    from tagprint.pipeline import build

    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nprofiles: [screen, print]"))
    project.content(HEADING + '  - type: paragraph\n    text: Call [+1 800 555 0100](tel:+1-800-555-0100 '
                              '"Call the medical information line").\n')
    path = project.root / "print.pdf"
    path.write_bytes(build(project.root, project.root / "layouts" / "test.yaml", "print").data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Call +1 800 555 0100." in text and "(+1-800-555-0100)" not in text


TWO_PAGES = MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nprofiles: [screen, print]") + \
    "  - template: plain\n    regions:\n      main: [safety]\n"  # the safety text alone on page 2
SAFETY = "safety:\n  - type: heading\n    level: 2\n    text: Important Safety Information\n" \
         "  - type: paragraph\n    text: SAFETY-TEXT stands at the top of page 2.\n"


def test_a_link_within_the_document_goes_to_its_content_on_its_page(project):
    """`[…](#safety)`: a GoTo to page 2 where the safety text starts, said by its title, the Sect it lands on
    carrying an id; print keeps the words and adds no address (paper has no links)."""
    import io
    import subprocess

    import pikepdf
    import pypdfium2 as pdfium

    from tagprint.pipeline import build

    project.layout(TWO_PAGES)
    project.content(HEADING + '  - type: paragraph\n    text: See [the safety information on page 2](#safety '
                              '"Go to the Important Safety Information").\n' + SAFETY)
    screen = build(project.root, project.root / "layouts" / "test.yaml").data
    with pikepdf.open(io.BytesIO(screen)) as pdf:
        (annot,) = [a for a in pdf.pages[0].Annots if a.Subtype == "/Link"]
        page, _fit, _x, y, _zoom = annot.Dest
        assert page.objgen == pdf.pages[1].obj.objgen and str(annot.Contents) == "Go to the Important Safety Information"
        sects = [k for k in pdf.Root.StructTreeRoot.K[0].K if k.S == "/Sect" and "/ID" in k]
        assert [str(s.ID) for s in sects] == ["section-safety"]
    page2 = pdfium.PdfDocument(screen)[1]
    text = page2.get_textpage()
    top = text.get_charbox(text.get_text_range().index("Important Safety"))[3]
    assert top <= float(y) <= top + 20  # lands on the safety heading, not the page's top or foot
    path = project.root / "print.pdf"
    path.write_bytes(build(project.root, project.root / "layouts" / "test.yaml", "print").data)
    printed = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "See the safety information on page 2." in printed and "#safety" not in printed


def test_a_link_within_the_document_to_content_it_does_not_place_is_a_problem_at_its_line(project, capsys):
    from tagprint.commands.cli import main

    project.layout(TWO_PAGES)
    project.content(HEADING + "  - type: paragraph\n    text: See [page 2](#safty).\n" + SAFETY)
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "content/test.yaml:6:5: the link '#safty' goes to content id 'safty', which no page of this document " \
           "places" in err, err


@pytest.mark.parametrize("target, said", [
    ("#", "the link '#' names no content id"),
    ("#art", "the link '#art' goes to content id 'art', which holds nothing a reader reads"),
])
def test_a_link_within_the_document_that_lands_nowhere_is_a_problem(project, capsys, target, said):
    """A section of only a decorative picture has no Sect to land on: a problem at the link's line, no crash."""
    from tagprint.commands.cli import main

    project.layout(TWO_PAGES.replace("main: [safety]", "main: [safety, art]"))
    project.content(HEADING + f"  - type: paragraph\n    text: See [the art]({target} \"Go to the art\").\n"
                    + SAFETY + "art:\n  - {type: figure, image: couple-walking.jpg, decorative: true}\n")
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert f"content/test.yaml:6:5: {said}" in err and "internal error" not in err, err


def test_a_vague_link_within_the_document_is_a_problem_unless_titled(project):
    project.layout(TWO_PAGES)
    project.content(HEADING + "  - type: paragraph\n    text: Read more [here](#safety).\n" + SAFETY)
    with pytest.raises(InputError) as caught:
        project.build()
    assert any("the link text 'here' does not say where it goes" in p.message for p in caught.value.problems)
    project.content(HEADING + '  - type: paragraph\n    text: Read more [here](#safety "Go to the safety '
                              'information").\n' + SAFETY)
    assert project.build().data.startswith(b"%PDF")


def test_a_link_within_a_deck_is_a_problem_that_says_why(project, capsys):
    """A deck is read slide by slide (one Sect a slide): a link to a content id has nowhere to land."""
    from tagprint.commands.cli import main

    project.layout(MINIMAL_LAYOUT.split("templates:")[0] + "content: [content/test.yaml]\nslides:\n"
                   "  - {title: A title, layout: title}\n  - {title: Safety, content: [safety]}\n")
    project.content("safety:\n  - type: paragraph\n    text: See [the safety information](#safety \"Go to it\").\n")
    assert main(["--root", str(project.root)]) == 2
    err = capsys.readouterr().err
    assert "content/test.yaml:3:5: the link '#safety' goes within a deck, which is read slide by slide" in err, err

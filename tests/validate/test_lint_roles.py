"""Lint asks a block for its role, not its class: a quote is body text, so it gets the print minimum size
and the fair-balance rules like a paragraph."""

from __future__ import annotations

from conftest import MINIMAL_LAYOUT
from tagprint.commands.cli import main
from tagprint.model import BLOCK_CLASSES
from tagprint.model.parts import BODY_TEXT, SAFETY_ROLES

H1 = "body:\n  - type: heading\n    level: 1\n    text: Title\n"
QUOTE = "  - type: quote\n    style: {style}\n    text: Words someone said.\n    attribution: Someone\n"


def run(project, capsys) -> tuple[int, str]:
    code = main(["--root", str(project.root)])
    return code, capsys.readouterr().err


def test_a_small_quote_in_print_is_small_body_text(project, capsys):
    project.layout(MINIMAL_LAYOUT.replace("theme: kineret", "theme: kineret\nprofiles: [screen, print]"))
    project.content(H1 + QUOTE.format(style="small") + "  - type: material_id\n")
    code, err = run(project, capsys)
    assert code == 2 and "content/test.yaml:5:5: body text in style 'small' is 8 pt" in err, err
    project.content(H1 + QUOTE.format(style="body") + "  - type: material_id\n")
    assert run(project, capsys)[0] == 0


def test_a_small_quote_in_the_safety_information_breaks_fair_balance(project, capsys):
    project.layout()
    claims = H1 + "".join("  - type: paragraph\n    text: Claim.\n" for _ in range(3))
    safety = "  - type: safety\n    blocks:\n" + "\n".join("    " + line if line else line
                                                          for line in QUOTE.split("\n"))
    project.content(claims + safety.format(style="small") + "  - type: material_id\n")
    code, err = run(project, capsys)
    assert code == 2 and "safety text in style 'small' is 8 pt, smaller than the claims' body text" in err, err
    project.content(claims + safety.format(style="safety") + "  - type: material_id\n")
    assert run(project, capsys)[0] == 0


def test_the_roles_of_the_block_types():
    roles = {cls.__name__: cls.text_role for cls in BLOCK_CLASSES}
    assert {name for name, role in roles.items() if role == BODY_TEXT} == {"Paragraph", "ListBlock", "Quote"}
    assert {name for name, role in roles.items() if role in SAFETY_ROLES} == {"Safety", "BoxedWarning"}

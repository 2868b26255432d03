"""Right-to-left scripts: Arabic and Hebrew are set; others, and right-to-left text in pictures, are refused."""

from __future__ import annotations

import pytest

from tagprint.errors import InputError
from tagprint.validate.scripts import right_to_left, unsupported_right_to_left

HEADING = "body:\n  - type: heading\n    level: 1\n    text: T\n"


def test_scripts_found():
    assert right_to_left("Ask about مرحبا بكم today") == {"Arabic": "مرحبابكم"}
    assert right_to_left("שלום") == {"Hebrew": "שלום"}
    assert right_to_left("Café, Ελληνικά, русский, 1–2 mg") == {}
    assert right_to_left("٢٥") == {"Arabic": "٢٥"}  # Arabic-Indic digits belong to Arabic


def test_only_arabic_and_hebrew_are_supported():
    assert unsupported_right_to_left("مرحبا שלום ٢٥") == {}
    assert unsupported_right_to_left("ܫܠܡܐ and ދިވެހި and ߒߞߏ") == {"Syriac": "ܫܠܡܐ", "Thaana": "ދވހ",
                                                                    "Nko": "ߒߞߏ"}


@pytest.mark.parametrize("phrase, script", [("ܫܠܡܐ", "Syriac"), ("ދިވެހި", "Thaana"), ("ߒߞߏ", "Nko")])
def test_unsupported_right_to_left_text_is_refused_at_its_line(project, phrase, script):
    project.layout()
    project.content(HEADING + f"  - type: paragraph\n    text: Welcome, or [{phrase}]{{lang=ar}}.\n"
                    f"  - type: list\n    items: [One, '{phrase}']\n")
    with pytest.raises(InputError) as caught:
        project.build()
    found = [(p.where.line, p.message, p.fix) for p in caught.value.problems if "right-to-left" in p.message]
    assert [line for line, _, _ in found] == [6, 8]
    assert all(f"right-to-left text ({script}:" in message and "cannot be set yet" in message
               for _, message, _ in found)
    assert all("Arabic and Hebrew" in fix for _, _, fix in found)


@pytest.mark.parametrize("phrase", ["مرحبا بكم", "שלום עולם"])
def test_arabic_and_hebrew_build(project, phrase):
    project.layout()
    project.content(HEADING + f"  - type: paragraph\n    text: Welcome, or [{phrase}]{{lang=ar}}.\n"
                    f"  - type: list\n    items: [One, '{phrase}']\n")
    assert project.build().pages == 1


def test_right_to_left_labels_in_a_picture_are_refused(project):
    project.layout()
    project.content(HEADING + "  - type: figure\n    illustration: spectrum\n    alt: A spectrum\n"
                              "    params: {left_label: مرحبا}\n")
    with pytest.raises(InputError) as caught:
        project.build()
    [problem] = [p for p in caught.value.problems if "right-to-left" in p.message]
    assert problem.where.line == 5
    assert "cannot be set inside an illustration" in problem.message
    assert "running text" in problem.fix


def test_an_arabic_letter_no_font_has_is_named_as_typed(project):
    project.layout()
    project.content(HEADING + "  - type: paragraph\n    text: \"[اردو ے]{lang=ur}\"\n")
    with pytest.raises(InputError) as caught:
        project.build()
    [problem] = caught.value.problems
    assert problem.where.line == 6
    assert problem.message == "no configured font has 'ے' (U+06D2)"  # not its joined form U+FBAE

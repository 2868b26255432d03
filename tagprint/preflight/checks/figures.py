"""Figures (and formulas) carry a text alternative that describes them, and hold what they stand for."""

from __future__ import annotations

import re

from ..document import Doc
from ..findings import ERROR, Finding
from ..mcid_paint import page_paint
from .registry import register

ID = "FIG-ALT"
CONTENT = "FIG-CONTENT"
# an alternative that is only a file name: what a camera or a word processor named the picture
FILE_NAME = re.compile(r"^[\w\-. ()]{1,80}\.(?:jpe?g|png|gif|tiff?|bmp|svg|webp|heic|heif|eps|emf|wmf|pdf|ai|psd)$",
                       re.IGNORECASE)


@register(ID, "Figures have a non-empty /Alt (or /ActualText) that is not a file name",
          standard="PDF/UA-1 7.3, 7.7; Matterhorn checkpoints 13, 17; WCAG 1.1.1",
          help="Every Figure (and Formula) element needs /Alt describing it, or /ActualText when the picture "
               "is really text (a wordmark). Decorative pictures are artifacts, not Figures. An /Alt that is the "
               "picture's file name (IMG_0042.jpg) says nothing about it.")
def figures_have_alt(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    out = []
    for element in tree.walk():
        if element.std not in ("Figure", "Formula"):
            continue
        alt = (element.alt or "").strip()
        if FILE_NAME.match(alt) and not (element.actual_text or "").strip():
            out.append(Finding(ID, ERROR, f"{element.role}'s /Alt {alt!r} is a file name, not a description",
                               page=element.page, object=element.ref, path=element.path,
                               fix="replace the /Alt with a sentence saying what the picture shows"))
            continue
        if alt or (element.actual_text or "").strip():
            continue
        had = "an empty /Alt" if "/Alt" in element.obj else "no /Alt"
        out.append(Finding(ID, ERROR, f"{element.role} has {had} and no /ActualText", page=element.page,
                           object=element.ref, path=element.path,
                           fix="add /Alt saying what the picture shows, or make a decorative picture an artifact"))
    return out


@register(CONTENT, "A Figure holds the picture it describes",
          standard="PDF/UA-1 7.1, 7.3; Matterhorn checkpoint 13",
          help="A Figure claims the marked content that draws its picture. An empty Figure (no MCID, no "
               "element, no object) whose page draws an image only as an artifact has hidden the picture from "
               "assistive technology while keeping its alt text in the tree with nothing to point at.",
          )
def figures_hold_content(doc: Doc) -> list[Finding]:
    tree = doc.tree
    if tree is None:
        return []
    out = []
    paint = None
    for element in tree.walk():
        if element.std != "Figure" or element.kids:
            continue
        if paint is None:
            paint = page_paint(doc)
        pages = [p for p in ([element.page] if element.page else list(paint)) if p in paint
                 and paint[p].artifact_images]
        if pages:
            hidden = paint[pages[0]].artifact_images
            out.append(Finding(CONTENT, ERROR, f"{element.role} is empty, and page {pages[0]} draws "
                               f"{'an image' if hidden == 1 else f'{hidden} images'} as an artifact",
                               page=pages[0], object=element.ref, path=element.path,
                               fix="tag the image as the Figure's content (/Figure <</MCID n>> BDC … EMC, claimed "
                                   "by the Figure), or remove the empty Figure if the picture is decoration"))
    return out

"""The pipeline, stage by stage: load → validate → lay out → tag → draw → finish → verify → write."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .draw.painters import draw_document
from .finish import finish
from .layout.pages import layout_document
from .load import load
from .model import Document, Heading, Safety, plain_text
from .tags import build_tags, check_all_claimed
from .validate import validate
from .validate.document import walk
from .verify import verify


@dataclass
class Built:
    name: str
    data: bytes
    pages: int
    milliseconds: float
    document: Document


def heading_texts(document: Document, tags) -> dict[int, str]:
    texts: dict[int, str] = {}
    for section in document.sections():
        for block in walk(section.blocks):
            if isinstance(block, Heading):
                texts[id(tags.elem(block))] = plain_text(block.runs)
            elif isinstance(block, Safety):
                texts[id(tags.elem(block, "title"))] = block.title
    return texts


def build(root: Path, layout_file: Path) -> Built:
    started = time.perf_counter()
    loaded = load(root, layout_file)                      # load: YAML → shape-checked specs
    document = validate(loaded)                           # validate: specs → model, all problems at once
    pages = layout_document(document, root)               # lay out: model → positioned items per page
    tags = build_tags(document)                           # tag: the structure tree, in reading order
    drawn, pen = draw_document(document, pages, tags, root)  # draw: items → marked content
    check_all_claimed(tags.root)
    data = finish(drawn, pen, document, tags, heading_texts(document, tags))  # finish: tree, metadata
    verify(data)                                          # verify: reopen and check every operator
    elapsed = (time.perf_counter() - started) * 1000
    return Built(document.name, data, len(pages), elapsed, document)


def write_atomically(target: Path, data: bytes) -> None:
    """Writes to a temporary file beside the target, then renames: never half a PDF in output/."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

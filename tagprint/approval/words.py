"""The words of two PDFs where they are on their pages (read by PDFium, not by the writer), and the words
that changed between them: deleted words on the older pages, inserted words on the newer ones. Only the
changed words are marked, so nothing spills onto unchanged neighbours; text that only moved (a sentence
that grew pushes a button down) is not a change."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import pypdfium2 as pdfium


@dataclass(frozen=True)
class Word:
    text: str
    page: int                                   # 1-based
    box: tuple[float, float, float, float]      # x0, y0, x1, y1 in PDF points (origin bottom left)


@dataclass
class Mark:
    """One run of changed words on one page of one side: `deleted` (struck through) or `inserted`."""

    kind: str
    page: int
    words: list[Word] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def lines(self) -> list[tuple[float, float, float, float]]:
        """The marked words joined per line: one box per line (x0, y0, x1, y1)."""
        out: list[list[float]] = []
        for w in self.words:
            x0, y0, x1, y1 = w.box
            if out and abs(out[-1][1] - y0) < 0.6 * (y1 - y0 + 0.1) and x0 >= out[-1][2] - 1:
                out[-1][2], out[-1][1], out[-1][3] = max(out[-1][2], x1), min(out[-1][1], y0), max(out[-1][3], y1)
            else:
                out.append([x0, y0, x1, y1])
        return [(x0, y0, x1, y1) for x0, y0, x1, y1 in out]


def words(data: bytes) -> list[Word]:
    """Every word in reading order of the text layer, with its box (characters joined between spaces and
    line ends)."""
    doc = pdfium.PdfDocument(data)
    out: list[Word] = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            text = page.get_textpage()
            current: list[str] = []
            box: tuple[float, float, float, float] | None = None
            last_y = None

            def flush() -> None:
                if current and box is not None:
                    out.append(Word("".join(current), index + 1, box))

            for i in range(text.count_chars()):
                ch = text.get_text_range(i, 1)
                if not ch or ch.isspace() or ch == "\ufffe":
                    flush()
                    current, box = [], None
                    continue
                x0, y0, x1, y1 = text.get_charbox(i)
                if current and last_y is not None and abs(y0 - last_y) > max(y1 - y0, 2) * 0.8:
                    flush()
                    current, box = [], None
                current.append(ch)
                box = (x0, y0, x1, y1) if box is None else (min(box[0], x0), min(box[1], y0), max(box[2], x1),
                                                            max(box[3], y1))
                last_y = y0
            flush()
            text.close()
            page.close()
    finally:
        doc.close()
    return out


def marks(old: list[Word], new: list[Word]) -> tuple[list[Mark], list[Mark]]:
    """The deleted runs (on the old pages) and the inserted runs (on the new pages), one per run and page."""
    matcher = difflib.SequenceMatcher(None, [w.text for w in old], [w.text for w in new], autojunk=False)
    deleted: list[_Open] = []
    inserted: list[_Open] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for side, run, kind in ((deleted, old[i1:i2], "deleted"), (inserted, new[j1:j2], "inserted")):
            for w in run:
                if not side or side[-1].page != w.page or side[-1].closed:
                    side.append(_Open(kind, w.page))
                side[-1].words.append(w)
            if side:
                side[-1].closed = True
    return [Mark(m.kind, m.page, m.words) for m in deleted], [Mark(m.kind, m.page, m.words) for m in inserted]


@dataclass
class _Open(Mark):
    closed: bool = False

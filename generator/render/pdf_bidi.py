"""Paragraphs with Hebrew or Arabic: lines broken in reading order, then each line reordered.

A PDF draws glyphs left to right, so right-to-left words are laid out reversed; reversing
before line breaking would put a long sentence's lines in the wrong order. ReportLab breaks
the text as it is read (Arabic letters already in their joined forms, so widths are right),
python-bidi reorders each line it made, and the lines are set again as they are drawn. A
paragraph that reads right to left is set flush right, its full stop at its left end.
"""

from __future__ import annotations

from arabic_reshaper import reshape
from bidi import get_display
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from generator.render.pdf_fonts import faced
from generator.render.scripts import reads_right_to_left


def _line_texts(laid_out) -> list[str]:
    """The text of each line ReportLab broke a paragraph into."""
    if laid_out.kind == 0:
        return [" ".join(words) for _, words in laid_out.lines]
    return ["".join(getattr(frag, "text", "") for frag in line.words) for line in laid_out.lines]


class BidiParagraph(Flowable):
    """A paragraph whose right-to-left runs are reordered line by line, at the width it is set at."""

    def __init__(self, text: str, style: ParagraphStyle, label: str = "", label_font: str = "", **kw):
        super().__init__()
        self.text, self.style, self.label, self.label_font, self.kw = reshape(text), style, label, label_font, kw
        self.rtl = reads_right_to_left(text)
        self.para = None

    def _lead(self) -> str:
        return f"{self.label}: " if self.label else ""

    def _shown(self, line: str) -> str:
        """One line as drawn: reordered, its label (if it starts the paragraph) set bold."""
        drawn = get_display(line, base_dir="R" if self.rtl else "L")
        lead = f"{self.label}:"
        at = drawn.find(lead) if self.label else -1
        if at < 0:
            return faced(drawn, self.style.fontName)
        return (faced(drawn[:at], self.style.fontName) + f"<b>{faced(lead, self.label_font)}</b>"
                + faced(drawn[at + len(lead):], self.style.fontName))

    def _set(self, width: float) -> Paragraph:
        logical = Paragraph(faced(self._lead() + self.text, self.style.fontName), self.style, **self.kw)
        logical.wrap(width, 1e6)
        style = ParagraphStyle(f"{self.style.name}-rtl", parent=self.style, alignment=TA_RIGHT) if self.rtl else self.style
        return Paragraph("<br/>".join(self._shown(line) for line in _line_texts(logical.blPara)), style, **self.kw)

    def wrap(self, avail_width, avail_height):
        self.para = self._set(avail_width)
        self.width, self.height = self.para.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        if self.para is None:
            self.wrap(avail_width, avail_height)
        return self.para.split(avail_width, avail_height)

    def draw(self):
        self.para.drawOn(self.canv, 0, 0)

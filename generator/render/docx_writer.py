"""The Word writer's state and its small helpers: the document being built (a reference
document's styles, indexed once), and paragraphs, runs, pictures and links written as Word and
LibreOffice expect them. generator/render/docx_blocks.py writes the blocks with these."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from io import BytesIO
from typing import Optional

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from docx.styles import BabelFish
from docx.styles.style import StyleFactory

from generator.compose.model import Brochure
from generator.render.docx_package import clean_text
from generator.render.scripts import RTL_RUN, reads_right_to_left


@dataclass
class Writer:
    """The document being built, plus what the block functions need to know."""

    doc: docx.document.Document
    brochure: Brochure
    width: float = 0.0  # text width of the current column, points
    page: int = 0  # the printed page of the panel being written
    last_text: Optional[tuple] = None  # (the last running paragraph written, its printed page)
    _present: dict = field(default_factory=dict)
    _ids: dict = field(default_factory=dict)
    _elements: dict = field(default_factory=dict)  # the reference's w:style elements by internal name
    _defaults: dict = field(default_factory=dict)  # style type -> its default style's id
    panel_styles: dict = field(default_factory=dict)  # '<style> on <colour>' -> its id (generator/render/docx.py)

    def has_style(self, name: str) -> bool:
        return self.style(name) is not None

    def style(self, name: str):
        """The reference's style object, or None. python-docx looks a name up by walking every style
        (twice: `in`, then `[]`); the styles are indexed once per document instead."""
        if name not in self._present:
            if not self._elements:
                for element in self.doc.styles.element.style_lst:
                    self._elements.setdefault(element.name_val, element)  # the first, as python-docx finds
            element = self._elements.get(BabelFish.ui2internal(name))
            self._present[name] = StyleFactory(element) if element is not None else None
        return self._present[name]

    def style_id(self, name: str):
        """The style's id for a pStyle, None for the default paragraph style (left implicit)."""
        if name not in self._ids:
            style = self.style(name)
            if style is not None and style.type not in self._defaults:
                default = self.doc.styles.default(style.type)
                self._defaults[style.type] = default.style_id if default is not None else None
            self._ids[name] = None if style is None or self._defaults[style.type] == style.style_id \
                else style.style_id
        return self._ids[name]

    def fallback(self, name: str) -> dict:
        """Direct formatting standing in for a style an organisation's reference lacks."""
        t = self.brochure.style.type
        return {
            "Title": {"bold": True, "size": t.title}, "Subtitle": {"italic": True, "size": t.hook},
            "Heading 1": {"bold": True, "size": t.heading},
            "Heading 2": {"bold": True, "size": t.subheading}, "Heading 3": {"bold": True},
            "Lead": {"size": t.body * 1.1}, "Caption": {"size": t.caption}, "Web Address": {"size": t.link},
            "Note": {"italic": True}, "Big Number": {"bold": True, "size": t.big_number},
            "Fact Value": {"bold": True, "size": t.fact_value}, "Fact Label": {"size": t.caption},
        }.get(name, {})


# --- small helpers -----------------------------------------------------------------------------

def para(w: Writer, style: str, text: str = "", container=None, prefix: str = ""):
    """A paragraph in `style`, or in Normal with direct formatting if the reference lacks it."""
    container = container if container is not None else w.doc
    if w.has_style(style):
        p = container.add_paragraph()
        style_id = w.style_id(style)
        if style_id is not None:  # as add_paragraph(style=...) does, without its scan of every style
            set_style(p, style_id)
        direct = {}
    else:
        p = container.add_paragraph()
        direct = w.fallback(style)
        text = prefix + text if text else text
    if text:
        text_run(p, text, **direct)
    return p


_BREAKS = re.compile("[\t\n\r]")


def set_style(p, style_id: str) -> None:
    """The paragraph's style (a pStyle in a new pPr, as python-docx writes it, without its search of
    the schema's element order: the paragraph is new and empty)."""
    if len(p._p):
        p._p.style = style_id
        return
    properties = OxmlElement("w:pPr")
    properties.append(OxmlElement("w:pStyle", attrs={qn("w:val"): style_id}))
    p._p.append(properties)


def text_run(p, text: str, bold=None, italic=None, size=None):
    """Runs of literal text (markup stays text; XML-invalid characters are dropped).

    Word keeps the text in reading order; Hebrew and Arabic stretches get runs marked
    right-to-left, so Word lays them out (the PDF writer reorders them itself).
    """
    text = clean_text(text)
    if not len(p.runs) and reads_right_to_left(text):  # a paragraph read right to left: its full stop at the left
        before_ppr_tail(p._p.get_or_add_pPr(), OxmlElement("w:bidi"))
    pieces, last = [], 0
    for match in RTL_RUN.finditer(text):
        pieces += [(text[last:match.start()], False), (match.group(0), True)]
        last = match.end()
    pieces.append((text[last:], False))
    run = None
    for piece, rtl in [piece for piece in pieces if piece[0]] or [("", False)]:
        run = p.add_run()
        if _BREAKS.search(piece):  # python-docx turns tabs and line ends into w:tab and w:br
            run.text = piece
        elif piece:
            run._r.add_t(piece)  # what python-docx writes for text without them, less its walk per character
        if rtl:
            run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
        if bold is not None:
            run.bold = bold
        if italic is not None:
            run.italic = italic
        if size is not None:
            run.font.size = Pt(size)
    return run


def picture(w: Writer, png: bytes, width_pt: float, alt: str, name: str, keep_next: bool):
    """An inline picture whose drawing carries alt text (wp:docPr descr, once: a title would be read again)."""
    p = para(w, "Normal")
    p.paragraph_format.keep_with_next = keep_next
    p.paragraph_format.line_spacing = 1.0  # the picture's own height, as printed (not 1.1 times it)
    run = p.add_run()
    run.add_picture(BytesIO(png), width=Emu(int(width_pt * 12700)))
    doc_pr = run._r.findall(".//" + qn("wp:docPr"))[-1]
    doc_pr.set("name", clean_text(name))
    doc_pr.set("descr", clean_text(alt))
    return p


def hyperlink(w: Writer, p, url: str, text: str = "") -> None:
    """The URL as a clickable run, its text the URL (or `text`, an e-mail address for mailto:)."""
    url = clean_text(url)
    rid = w.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = p.add_run(clean_text(text) or url, style="Hyperlink" if w.has_style("Hyperlink") else None)
    link.append(run._r)
    p._p.append(link)



_AFTER_SHD = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
              "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing",
              "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
              "w:sectPr", "w:pPrChange")


def before_ppr_tail(ppr, element) -> None:
    """Insert a pPr child where the schema wants it (before the children that follow it)."""
    for old in ppr.findall(element.tag):
        ppr.remove(old)
    later = [child for child in ppr if child.tag in {qn(t) for t in _AFTER_SHD}]
    later[0].addprevious(element) if later else ppr.append(element)



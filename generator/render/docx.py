"""Word writer: a Brochure as an editable .docx built on the reference document's real styles.

The tri-fold becomes one 3-column landscape section per sheet side, its panels in
physical order (left to right as printed) split by column breaks; other layouts
flow in reading order in one column. Same brochure, same bytes.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from functools import lru_cache
from typing import Callable, Optional

import docx
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory
from docx.text.paragraph import Paragraph as DocxParagraph

from generator.atomic import write_bytes_atomic
from generator.compose.model import (
    BigNumber, Brochure, Bullets, Chart, Fact, Heading, KeyFacts, Link, Panel, Paragraph, QRCode, Steps,
    Logo, Table, WritingLines,
)
from generator.links import is_web_link
from generator.compose.templates import TEMPLATES_DIR
from generator.errors import TemplateError
from generator.render.docx_fonts import embed_fonts
from generator.render.docx_layout import (
    column_break_before, column_page, page_numbers, page_size, panel_columns, right_to_left_columns, set_columns,
)
from generator.render.docx_package import clean_text, clear_body, package_parts, set_core, set_language, write_package
from generator.render.docx_qr import qr_png
from generator.render.scripts import RTL_RUN, reads_right_to_left

FORMAT = "docx"
REFERENCE = TEMPLATES_DIR / "reference.docx"

PARAGRAPH_STYLES = {
    "body": "Normal", "lead": "Lead", "hook": "Subtitle", "caption": "Caption", "note": "Note",
    "on_dark": "Normal", "intro": "Note", "emphasis": "Lead",
}
TABLE_STYLES = ("Brochure Table", "Light List Accent 1", "Table Grid")
FACT_COLUMN_MIN_IN = 1.7  # narrower than this, key facts stack instead of sitting side by side
QR_WIDTH_IN = 66 / 72  # as printed (the PDF writer's QR size)


@dataclass
class _Writer:
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

def _para(w: _Writer, style: str, text: str = "", container=None, prefix: str = ""):
    """A paragraph in `style`, or in Normal with direct formatting if the reference lacks it."""
    container = container if container is not None else w.doc
    if w.has_style(style):
        p = container.add_paragraph()
        style_id = w.style_id(style)
        if style_id is not None:  # as add_paragraph(style=...) does, without its scan of every style
            _set_style(p, style_id)
        direct = {}
    else:
        p = container.add_paragraph()
        direct = w.fallback(style)
        text = prefix + text if text else text
    if text:
        _run(p, text, **direct)
    return p


_BREAKS = re.compile("[\t\n\r]")


def _set_style(p, style_id: str) -> None:
    """The paragraph's style (a pStyle in a new pPr, as python-docx writes it, without its search of
    the schema's element order: the paragraph is new and empty)."""
    if len(p._p):
        p._p.style = style_id
        return
    properties = OxmlElement("w:pPr")
    properties.append(OxmlElement("w:pStyle", attrs={qn("w:val"): style_id}))
    p._p.append(properties)


def _run(p, text: str, bold=None, italic=None, size=None):
    """Runs of literal text (markup stays text; XML-invalid characters are dropped).

    Word keeps the text in reading order; Hebrew and Arabic stretches get runs marked
    right-to-left, so Word lays them out (the PDF writer reorders them itself).
    """
    text = clean_text(text)
    if not len(p.runs) and reads_right_to_left(text):  # a paragraph read right to left: its full stop at the left
        _before_ppr_tail(p._p.get_or_add_pPr(), OxmlElement("w:bidi"))
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


def _picture(w: _Writer, png: bytes, width_pt: float, alt: str, name: str, keep_next: bool):
    """An inline picture whose drawing carries alt text (wp:docPr descr, once: a title would be read again)."""
    p = _para(w, "Normal")
    p.paragraph_format.keep_with_next = keep_next
    p.paragraph_format.line_spacing = 1.0  # the picture's own height, as printed (not 1.1 times it)
    run = p.add_run()
    run.add_picture(BytesIO(png), width=Emu(int(width_pt * 12700)))
    doc_pr = run._r.findall(".//" + qn("wp:docPr"))[-1]
    doc_pr.set("name", clean_text(name))
    doc_pr.set("descr", clean_text(alt))
    return p


def _hyperlink(w: _Writer, p, url: str, text: str = "") -> None:
    """The URL as a clickable run, its text the URL (or `text`, an e-mail address for mailto:)."""
    url = clean_text(url)
    rid = w.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = p.add_run(clean_text(text) or url, style="Hyperlink" if w.has_style("Hyperlink") else None)
    link.append(run._r)
    p._p.append(link)


# --- one function per block type ---------------------------------------------------------------

def _heading(w: _Writer, block: Heading) -> None:
    level = max(0, min(block.level, 3))
    _para(w, "Title" if level == 0 else f"Heading {level}", block.text)


def _paragraph(w: _Writer, block: Paragraph) -> None:
    if block.role == "continued":
        return  # "(continued)" is the print's: Word sets its own columns
    last = w.doc.paragraphs[-1] if w.doc.paragraphs else None
    if block.continued and w.last_text and last is not None and w.last_text == (last._p, w.page):
        _run(last, " " + block.text)  # Word flows: the two parts are one paragraph again
        return
    # a paragraph going on over the sheet's other side starts a paragraph of its own there
    p = _para(w, PARAGRAPH_STYLES.get(block.role, "Normal"), block.text)
    w.last_text = (p._p, w.page)


def _bullets(w: _Writer, block: Bullets) -> None:
    for index, item in enumerate(block.items):
        label = block.labels[index] if index < len(block.labels) else ""
        p = _para(w, "List Bullet")
        if not w.has_style("List Bullet"):
            _run(p, "\u2022 ")
        if label:
            _run(p, label if label.rstrip().endswith(":") else f"{label}:", bold=True)
            _run(p, " ")
        _run(p, item)


def _numbering_from(w: _Writer, start: int) -> Optional[int]:
    """A numbering instance of List Number's list counting from `start`.

    Each part of a path gets its own, so its numbers are right whatever order the
    columns are written in (a tri-fold's printed order is not its reading order).
    """
    ppr = w.doc.styles["List Number"].element.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    numbering = w.doc.part.numbering_part.element
    try:
        abstract_id = numbering.num_having_numId(ppr.numPr.numId.val).abstractNumId.val
    except KeyError:  # the style points at a list the reference does not define
        return None
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _steps(w: _Writer, block: Steps) -> None:
    styled = w.has_style("List Number")
    num_id = _numbering_from(w, block.start) if styled else None
    for number, step in enumerate(block.steps, block.start):
        p = _para(w, "List Number")
        if num_id is not None:
            num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
        if not styled:
            _run(p, f"{number}. ")
        _run(p, step.title, bold=True)
        if step.text:
            p.add_run().add_break()
            _run(p, step.text)


def _fact(w: _Writer, fact: Fact, value_style: str, container=None) -> None:
    if fact.is_number:
        _para(w, value_style, fact.value, container)
    else:  # words (an education, say) read as a bold line, not a headline number
        _run(_para(w, "Normal", "", container), fact.value, bold=True)
    _para(w, "Fact Label", fact.label, container)


def _big_number(w: _Writer, block: BigNumber) -> None:
    _fact(w, block.fact, "Big Number")


def _key_facts(w: _Writer, block: KeyFacts) -> None:
    """Side by side in a borderless table when the column is wide enough, else stacked."""
    facts = block.facts
    cols = min(len(facts), max(1, int(w.width / 72 / FACT_COLUMN_MIN_IN)))
    if cols <= 1:
        for fact in facts:
            _fact(w, fact, "Fact Value")
        return
    table = w.doc.add_table(rows=math.ceil(len(facts) / cols), cols=cols)
    _set_widths(table, [w.width / cols] * cols)
    for index, fact in enumerate(facts):
        cell = table.cell(index // cols, index % cols)
        cell._tc.remove(cell.paragraphs[0]._p)
        _fact(w, fact, "Fact Value", cell)
    for cell in table._cells:  # a cell must end with a paragraph
        if not cell.paragraphs:
            cell.add_paragraph()



def _chart(w: _Writer, block: Chart) -> None:
    art = block.art
    width = min(art.width_in * 72, w.width)
    _picture(w, art.png, width, art.alt_text, art.chart_id, keep_next=bool(block.caption))
    if block.caption:
        _para(w, "Caption", block.caption)


def _table(w: _Writer, block: Table) -> None:
    rows = ([block.header] if block.header else []) + [tuple(r) for r in block.rows]
    ncols = max((len(r) for r in rows), default=0)
    if not ncols:
        return
    _lead_in_keeps_with_table(w)
    table = w.doc.add_table(rows=len(rows), cols=ncols)
    style = next((s for s in TABLE_STYLES if w.has_style(s)), None)
    if style:
        table.style = style
    fractions = block.widths if len(block.widths) == ncols and sum(block.widths) > 0 else (1,) * ncols
    _set_widths(table, [w.width * f / sum(fractions) for f in fractions])
    for r, cells in enumerate(rows):
        for c in range(ncols):
            table.cell(r, c).paragraphs[0].add_run(clean_text(cells[c] if c < len(cells) else ""))
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.set(qn("w:firstRow"), "1" if block.header else "0")
    if block.header:  # repeat the header row if the table breaks across columns
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for row in table.rows[:-1]:  # a table stays in one column, as printed (Word's keep-with-next rows)
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True


def _lead_in_keeps_with_table(w: _Writer) -> None:
    """The line just above a table ("Jobs: 18,700") stays in its column, as the print keeps it."""
    last = w.doc.element.body[-1] if len(w.doc.element.body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last = last.getprevious()
    if last is not None and last.tag == qn("w:p") and last.find(f"{qn('w:r')}/{qn('w:br')}") is None:
        DocxParagraph(last, w.doc._body).paragraph_format.keep_with_next = True



def _qr_code(w: _Writer, block: QRCode) -> None:
    linked = is_web_link(block.url)  # never a scannable code or link for a javascript: or file: address
    png = qr_png(block.url) if linked else None
    if png:
        _picture(w, png, QR_WIDTH_IN * 72, block.alt, "QR", True)
    if block.url:
        _address(w, block.url, "Web Address")  # set as the print sets it
    if block.caption:
        _para(w, "Caption", block.caption)


def _link(w: _Writer, block: Link) -> None:
    """A link sits right under the line it belongs to, as printed (1 pt, not a paragraph's 6 pt)."""
    if w.doc.paragraphs:
        w.doc.paragraphs[-1].paragraph_format.space_after = Pt(1)
    _address(w, block.url, "Web Address", block.text)


def _address(w: _Writer, url: str, style: str, text: str = "") -> None:
    """A web address: a hyperlink when it is an http(s) or mailto one, else plain text."""
    if is_web_link(url):
        _hyperlink(w, _para(w, style), url, text)
    else:
        _para(w, style, text or url)


@lru_cache(maxsize=8)
def _svg_as_png(svg: bytes, width_px: int) -> Optional[bytes]:
    """An SVG logo as a PNG for Word (cairosvg, which needs the cairo library); None without it."""
    try:
        import cairosvg
        # on white, as the print puts a logo on a white plate on dark panels
        return cairosvg.svg2png(bytestring=svg, output_width=width_px, background_color="white")
    except (ImportError, OSError):
        return None


def _logo(w: _Writer, block: Logo) -> None:
    """The logo as a picture whose alt text is the organisation's name (an SVG at 300 ppi)."""
    data = _svg_as_png(block.data, round(block.width_in * 300)) if block.kind == "svg" else block.data
    if data is not None:
        _picture(w, data, min(block.width_in * 72.0, w.width or block.width_in * 72.0), block.alt,
                 "Logo", keep_next=True)


def _writing_lines(w: _Writer, block: WritingLines) -> None:
    """Empty paragraphs ruled underneath, for handwriting or typing notes (not a printed page's spare room)."""
    if block.spare:
        return  # Word reflows: the room these filled on the printed page is not there
    for _ in range(max(block.min_lines, 8)):
        p = _para(w, "Normal")
        borders = OxmlElement("w:pBdr")
        # Word and LibreOffice merge equal borders of neighbouring paragraphs into one box;
        # a 'between' border keeps a rule under every line.
        for side in ("w:bottom", "w:between"):
            rule = OxmlElement(side)
            for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "8"), ("w:color", "C9D3DA")):
                rule.set(qn(key), value)
            borders.append(rule)
        p._p.get_or_add_pPr().append(borders)
        p.paragraph_format.space_before = Pt(10)


BLOCK_WRITERS: dict[str, Callable] = {
    "Heading": _heading, "Paragraph": _paragraph, "Bullets": _bullets, "Steps": _steps,
    "BigNumber": _big_number, "KeyFacts": _key_facts, "Chart": _chart, "Table": _table,
    "QRCode": _qr_code, "WritingLines": _writing_lines, "Link": _link, "Logo": _logo,
}


def _block(w: _Writer, block) -> None:
    writer = BLOCK_WRITERS.get(type(block).__name__)
    if writer is None:
        raise TypeError(f"docx writer: no function for block type {type(block).__name__}")
    writer(w, block)


def _set_widths(table, widths_pt: list[float]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths_pt):
        column.width = Emu(int(width * 12700))
        for cell in column.cells:
            cell.width = Emu(int(width * 12700))


# --- layout ------------------------------------------------------------------------------------

def _panel(w: _Writer, panel: Panel) -> None:
    w.page = panel.page
    body = w.doc.element.body
    start = len(body) - 1  # the panel's elements land before the body's final sectPr
    for section in panel.sections:
        spare = [b for b in section.blocks if isinstance(b, WritingLines) and b.spare]
        if spare and all(isinstance(b, (Heading, WritingLines)) for b in section.blocks):
            continue  # ruled lines for the print's spare room: not in a file that reflows
        for block in section.blocks:
            _block(w, block)
    if panel.background != "none":
        _shade(w, list(body)[start:len(body) - 1], panel.background)


def _shade(w: _Writer, elements: list, background: str) -> None:
    """A coloured panel (the cover band, the sources band): its paragraphs shaded with the style's
    colour; on the dark primary, text in white and the big number in the accent, as in the print."""
    colours = w.brochure.style.colours
    fill = colours[background].rgb.lstrip("#").upper()
    dark = background == "primary"
    for element in elements:
        paragraphs = [element] if element.tag == qn("w:p") else list(element.iter(qn("w:p")))
        for p in paragraphs:
            ppr = p.get_or_add_pPr()
            shd = OxmlElement("w:shd")
            for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
                shd.set(qn(key), value)
            _before_ppr_tail(ppr, shd)
            if dark and element is p and ppr.find(qn("w:pBdr")) is None and not _styled_border(w, ppr):
                shd.addprevious(_edge(fill))  # one box: the spacing between paragraphs is shaded too
            if dark:
                big = "BigNumber" in (ppr.find(qn("w:pStyle")).get(qn("w:val")) if ppr.find(qn("w:pStyle"))
                                      is not None else "")
                ink = colours["accent" if big else "white"].rgb.lstrip("#").upper()
                for run in p.iter(qn("w:r")):
                    rpr = run.get_or_add_rPr()
                    for old in rpr.findall(qn("w:color")):
                        rpr.remove(old)
                    colour = OxmlElement("w:color")
                    colour.set(qn("w:val"), ink)
                    rpr.append(colour)


def _edge(fill: str):
    """Borders in the panel's own colour on every side: Word and LibreOffice join the paragraphs that
    share them into one box and shade the space between them, so the dark cover reads as one block
    (tinted panels, packed tighter, go without: the borders' points could push a line over)."""
    borders = OxmlElement("w:pBdr")
    for side in ("w:top", "w:left", "w:bottom", "w:right"):
        edge = OxmlElement(side)
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", fill)):
            edge.set(qn(key), value)
        borders.append(edge)
    return borders


def _styled_border(w: _Writer, ppr) -> bool:
    """True when the paragraph's style draws a border of its own (the heading rule)."""
    style_id = ppr.find(qn("w:pStyle"))
    if style_id is None:
        return False
    style = w.doc.styles.element.get_by_id(style_id.get(qn("w:val")))
    return style is not None and style.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None


# pPr children that come after w:shd (ECMA-376 order)
_AFTER_SHD = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
              "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing",
              "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
              "w:sectPr", "w:pPrChange")


def _before_ppr_tail(ppr, element) -> None:
    """Insert a pPr child where the schema wants it (before the children that follow it)."""
    for old in ppr.findall(element.tag):
        ppr.remove(old)
    later = [child for child in ppr if child.tag in {qn(t) for t in _AFTER_SHD}]
    later[0].addprevious(element) if later else ppr.append(element)


def _layout_columns(w: _Writer) -> None:
    """Tri-fold: a section per page, panels left to right as printed, column breaks between."""
    body = w.doc.element.body
    pages: dict[int, list[Panel]] = {}
    for panel in w.brochure.panels:
        pages.setdefault(panel.page, []).append(panel)
    order = {p.name: i for i, p in enumerate(w.brochure.panels)}  # the panels come in reading order
    for index, page in enumerate(sorted(pages)):
        panels = sorted(pages[page], key=lambda p: p.x)
        if index:
            w.doc.add_section(WD_SECTION.NEW_PAGE)
        column_page(w.doc.sections[-1], w.brochure, panels)
        # a side whose first panel to read is on the right (the tri-fold's cover) fills its
        # columns right to left, so the text comes in reading order and prints where the folds put it
        right_to_left = order[panels[-1].name] < order[panels[0].name]
        right_to_left_columns(w.doc.sections[-1], right_to_left)
        if right_to_left:
            panels = panels[::-1]
        for n, panel in enumerate(panels):
            mark = len(body) - 1  # where this panel's first element lands, before the sectPr
            w.width = panel.text_width
            _panel(w, panel)
            if body[mark].tag == qn("w:p"):  # panels start level at the top of their column
                DocxParagraph(body[mark], w.doc._body).paragraph_format.space_before = Pt(0)
            if n:
                column_break_before(body, body[mark])


def _keep_printed_columns(body, starts: list[tuple[int, int]]) -> None:
    """The page the sources band shares is balanced by Word and LibreOffice (a continuous section
    follows): a column break where the print starts a column keeps each column's panels as printed,
    and the page's last heading lets go of the next paragraph, or LibreOffice pushes the band to a
    page of its own."""
    _release_last_heading(list(body)[starts[0][1]:len(body) - 1])
    for (x_before, _), (x, mark) in reversed(list(zip(starts, starts[1:]))):
        if x != x_before:
            column_break_before(body, body[mark])


def _release_last_heading(elements: list) -> None:
    for element in reversed(elements):
        style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if element.tag == qn("w:p") else None
        if style is not None and style.get(qn("w:val")).startswith("Heading"):
            keep = OxmlElement("w:keepNext")
            keep.set(qn("w:val"), "0")
            style.addnext(keep)  # w:keepNext follows w:pStyle in pPr
            return


def _layout_flow(w: _Writer) -> None:
    """Portrait layouts: the cover band across the page, then the flow in the layout's columns
    (continuous sections, so Word keeps them on the page), then the sources band across again."""
    b = w.brochure
    flow = [p for p in b.panels if p.role == "flow"]
    # the columns of the first flow page, left to right (panels stacked in one column share an x)
    first_page = list({round(p.x): p for p in sorted((p for p in flow if p.page == flow[0].page),
                                                     key=lambda p: p.x)}.values()) if flow else []
    section = w.doc.sections[-1]
    page_size(section, b.page_width, b.page_height)
    if first_page:
        section.left_margin = Pt(first_page[0].x + first_page[0].padding)
        section.right_margin = Pt(b.page_width - (first_page[-1].x + first_page[-1].width - first_page[-1].padding))
    full = (section.page_width - section.left_margin - section.right_margin) / 12700
    w.width = full
    for panel in (p for p in b.panels if p.role == "cover"):
        _panel(w, panel)
    widths, spaces = panel_columns(first_page)
    page = flow[0].page if flow else 0
    if len(first_page) > 1:
        set_columns(w.doc.add_section(WD_SECTION.CONTINUOUS), widths, spaces)
        w.width = min(widths)
    back = [p for p in b.panels if p.role == "back"]
    band_page = back[0].page if back and len(first_page) > 1 else None
    body = w.doc.element.body
    band_page_starts: list[tuple[int, int]] = []  # (column x, first element) of panels beside the band
    for panel in flow:
        starts_page = panel.page != page
        if starts_page:  # each printed page is a section of its own: Word keeps the print's pages
            new_page = w.doc.add_section(WD_SECTION.NEW_PAGE)
            set_columns(new_page, widths, spaces)
            top = max(p.y + p.height - p.pad_y for p in flow if p.page == panel.page)
            new_page.top_margin = Pt(b.page_height - top)  # its text starts where the print's does
            page = panel.page
        mark = len(body) - 1
        _panel(w, panel)
        if starts_page and body[mark].tag == qn("w:p"):  # a page's text starts level at its top, as printed
            DocxParagraph(body[mark], w.doc._body).paragraph_format.space_before = Pt(0)
        if panel.page == band_page and mark < len(body) - 1:
            band_page_starts.append((round(panel.x), mark))
    if band_page_starts:
        _keep_printed_columns(body, band_page_starts)
    if back and len(first_page) > 1:
        start = WD_SECTION.NEW_PAGE if back[0].page != page else WD_SECTION.CONTINUOUS
        set_columns(w.doc.add_section(start), *panel_columns(back))  # the band's printed columns
    for n, panel in enumerate(back):
        mark = len(body) - 1
        w.width = panel.text_width
        _panel(w, panel)
        if n and len(first_page) > 1:  # the band's columns as printed
            column_break_before(body, body[mark])


# --- document ----------------------------------------------------------------------------------

WORD_SLACK = 0.95  # Word and LibreOffice set lines a little looser than the PDF: 5% less keeps a page's content on it


def _fitted_sizes(w: _Writer) -> None:
    """The brochure's fitted type sizes, written into this copy's styles (still real, editable styles)."""
    t = w.brochure.style.type
    sizes = {"Normal": t.body, "List Bullet": t.body, "List Number": t.body, "Lead": t.body * 1.08,
             "Note": t.body, "Heading 1": t.heading, "Heading 2": t.subheading, "Title": t.title,
             "Subtitle": t.hook, "Caption": t.caption, "Web Address": t.link, "Big Number": t.big_number, "Fact Value": t.fact_value,
             "Fact Label": t.fact_value * 0.485}
    for name, size in sizes.items():
        style = w.style(name)
        if style is not None:
            style.font.size = Pt(round(size * WORD_SLACK * 2) / 2)  # Word keeps half points


# which style colour each Word style's text takes (the reference's own look, from the style template)
STYLE_INKS = {"Title": "primary", "Heading 1": "primary", "Heading 2": "primary", "Subtitle": "accent_text",
              "Quote": "accent_text", "Big Number": "primary", "Fact Value": "primary", "Hyperlink": "primary"}


def _style_colours(w: _Writer) -> None:
    """The brochure's colours (a brand's, say) written into this copy's styles, where they differ
    from the reference's: headings, title and numbers in the primary, the hook in the accent."""
    colours = w.brochure.style.colours
    for name, role in STYLE_INKS.items():
        style = w.style(name)
        if style is None or role not in colours:
            continue
        wanted = RGBColor.from_string(colours[role].rgb.lstrip("#").upper())
        if style.font.color.rgb != wanted:
            style.font.color.rgb = wanted
    heading = w.style("Heading 1")
    rule = heading.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:top')}") if heading is not None else None
    if rule is not None and "accent" in colours:  # the accent rule above section heads
        rule.set(qn("w:color"), colours["accent"].rgb.lstrip("#").upper())


def _tables_apart(doc) -> None:
    """Word merges two tables that touch: an (empty) paragraph goes only between such a pair. A
    table that ends a column gets a hairline paragraph after it too: LibreOffice otherwise carries
    the column break after a table over to the next page."""
    body = doc.element.body
    for table in body.findall(qn("w:tbl")):
        following = table.getnext()
        if following is not None and following.tag == qn("w:tbl"):
            table.addnext(OxmlElement("w:p"))
        elif following is not None and following.find(f"{qn('w:r')}/{qn('w:br')}") is not None:
            table.addnext(_hairline_paragraph())


def _hairline_paragraph():
    """An empty paragraph a twentieth of a point tall (no space above or below it)."""
    p, ppr, rpr, size = OxmlElement("w:p"), OxmlElement("w:pPr"), OxmlElement("w:rPr"), OxmlElement("w:sz")
    ppr.append(OxmlElement("w:spacing", attrs={qn("w:before"): "0", qn("w:after"): "0", qn("w:line"): "20",
                                                qn("w:lineRule"): "exact"}))
    size.set(qn("w:val"), "2")
    rpr.append(size)
    ppr.append(rpr)
    p.append(ppr)
    return p


def _open_reference(reference: Path):
    try:
        return docx.Document(str(reference))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError(f"{reference}: not a usable reference .docx ({exc})") from None


def render(brochure: Brochure, bleed: bool = False, reference: Optional[Path | str] = None) -> bytes:
    """The brochure as .docx bytes, built on `reference` (default templates/reference.docx).

    `bleed` is the writers' shared print-shop option; a Word file has no bleed to add.
    """
    reference = Path(reference) if reference else REFERENCE
    if not reference.is_file():
        raise TemplateError(f"reference .docx not found: {reference}")
    doc = _open_reference(reference)
    clear_body(doc)
    set_language(doc, clean_text(brochure.metadata.language))
    set_core(doc, brochure)
    w = _Writer(doc=doc, brochure=brochure)
    _fitted_sizes(w)
    _style_colours(w)
    (_layout_columns if brochure.docx_columns > 1 else _layout_flow)(w)
    page_numbers(doc, brochure, "Caption")
    _tables_apart(doc)
    return write_package(embed_fonts(package_parts(doc), brochure.style.fonts))


def write(brochure: Brochure, path: Path | str, bleed: bool = False,
          reference: Optional[Path | str] = None) -> None:
    """Render and write atomically."""
    write_bytes_atomic(path, render(brochure, bleed, reference))

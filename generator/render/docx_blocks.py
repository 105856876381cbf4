"""The Word writer's blocks: one function per block type of the brochure model, each writing
its block at the end of the document (generator/render/docx.py lays out the panels)."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Callable, Optional

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from generator.compose.model import (
    BigNumber, Bullets, Chart, Fact, Heading, KeyFacts, Link, Logo, Paragraph, QRCode, Steps, Table, WritingLines,
)
from generator.links import is_web_link
from generator.render.docx_charts import add_chart
from generator.render.docx_fonts import heavy_family
from generator.render.docx_package import clean_text
from generator.render.docx_qr import qr_png
from generator.render.docx_writer import Writer, hyperlink, para, picture, text_run

PARAGRAPH_STYLES = {
    "body": "Normal", "lead": "Lead", "hook": "Subtitle", "caption": "Caption", "note": "Note",
    "on_dark": "Normal", "intro": "Note", "emphasis": "Lead",
}
TABLE_STYLES = ("Brochure Table", "Light List Accent 1", "Table Grid")
FACT_COLUMN_MIN_IN = 1.7  # narrower than this, key facts stack instead of sitting side by side
QR_WIDTH_IN = 66 / 72  # as printed (the PDF writer's QR size)


# --- one function per block type ---------------------------------------------------------------

def _heading(w: Writer, block: Heading) -> None:
    level = max(0, min(block.level, 3))
    para(w, "Title" if level == 0 else f"Heading {level}", block.text)


def _paragraph(w: Writer, block: Paragraph) -> None:
    if block.role == "continued":
        return  # "(continued)" is the print's: Word sets its own columns
    last = w.doc.paragraphs[-1] if w.doc.paragraphs else None
    if block.continued and w.last_text and last is not None and w.last_text == (last._p, w.page):
        text_run(last, " " + block.text)  # Word flows: the two parts are one paragraph again
        return
    # a paragraph going on over the sheet's other side starts a paragraph of its own there
    p = para(w, PARAGRAPH_STYLES.get(block.role, "Normal"), block.text)
    w.last_text = (p._p, w.page)


def _bullets(w: Writer, block: Bullets) -> None:
    for index, item in enumerate(block.items):
        label = block.labels[index] if index < len(block.labels) else ""
        p = para(w, "List Bullet")
        if not w.has_style("List Bullet"):
            text_run(p, "\u2022 ")
        if label:
            text_run(p, label if label.rstrip().endswith(":") else f"{label}:", bold=True)
            text_run(p, " ")
        text_run(p, item)


def _numbering_from(w: Writer, start: int) -> Optional[int]:
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
    _step_numbers_styled(w, numbering, abstract_id)
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _step_numbers_styled(w: Writer, numbering, abstract_id: int) -> None:
    """The steps' numbers as the print sets its badges' figures: the heavy face, in the primary
    colour (the list level's own run properties, so every step list of the document has them)."""
    for abstract in numbering.iterchildren(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) != str(abstract_id):
            continue
        level = next((lvl for lvl in abstract.iterchildren(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == "0"), None)
        if level is None or level.find(qn("w:rPr")) is not None:
            return  # a reference's own number formatting stays as it is
        properties = OxmlElement("w:rPr")
        family = heavy_family(w.brochure.style.fonts)
        if family:
            properties.append(OxmlElement("w:rFonts", attrs={qn("w:ascii"): family, qn("w:hAnsi"): family}))
        else:
            properties.append(OxmlElement("w:b"))
        colour = w.brochure.style.colours["primary"].rgb.lstrip("#").upper()
        properties.append(OxmlElement("w:color", attrs={qn("w:val"): colour}))
        level.append(properties)
        return


def _steps(w: Writer, block: Steps) -> None:
    styled = w.has_style("List Number")
    num_id = _numbering_from(w, block.start) if styled else None
    for number, step in enumerate(block.steps, block.start):
        p = para(w, "List Number")
        if num_id is not None:
            num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = num_id
        if not styled:
            text_run(p, f"{number}. ")
        text_run(p, step.title, bold=True)
        if step.text:
            p.add_run().add_break()
            text_run(p, step.text)


def _fact(w: Writer, fact: Fact, value_style: str, container=None) -> None:
    if fact.is_number:
        para(w, value_style, fact.value, container)
    else:  # words (an education, say) read as a bold line, not a headline number
        text_run(para(w, "Normal", "", container), fact.value, bold=True)
    para(w, "Fact Label", fact.label, container)


def _big_number(w: Writer, block: BigNumber) -> None:
    _fact(w, block.fact, "Big Number")


def _key_facts(w: Writer, block: KeyFacts) -> None:
    """Side by side in a borderless table when the column is wide enough, else stacked."""
    facts = block.facts
    cols = min(len(facts), max(1, int(w.width / 72 / FACT_COLUMN_MIN_IN)))
    if cols <= 1:
        for fact in facts:
            _fact(w, fact, "Fact Value")
        return
    table = w.doc.add_table(rows=math.ceil(len(facts) / cols), cols=cols)
    set_widths(table, [w.width / cols] * cols)
    for index, fact in enumerate(facts):
        cell = table.cell(index // cols, index % cols)
        cell._tc.remove(cell.paragraphs[0]._p)
        _fact(w, fact, "Fact Value", cell)
    for cell in table._cells:  # a cell must end with a paragraph
        if not cell.paragraphs:
            cell.add_paragraph()



def _chart(w: Writer, block: Chart) -> None:
    """A chart Word draws itself from its data (generator/render/docx_charts.py), or, for art
    without data, its picture."""
    art = block.art
    width = min(art.width_in * 72, w.width)
    if art.data is not None:
        p = para(w, "Normal")
        p.paragraph_format.keep_with_next = bool(block.caption)
        p.paragraph_format.line_spacing = 1.0  # the chart's own height, as printed
        p.add_run()._r.append(add_chart(w.doc, art, w.brochure.style, width))
    elif art.png:
        picture(w, art.png, width, art.alt_text, art.chart_id, keep_next=bool(block.caption))
    if block.caption:
        para(w, "Caption", block.caption)


def _table(w: Writer, block: Table) -> None:
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
    set_widths(table, [w.width * f / sum(fractions) for f in fractions])
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


def _lead_in_keeps_with_table(w: Writer) -> None:
    """The line just above a table ("Jobs: 18,700") stays in its column, as the print keeps it."""
    last = w.doc.element.body[-1] if len(w.doc.element.body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last = last.getprevious()
    if last is not None and last.tag == qn("w:p") and last.find(f"{qn('w:r')}/{qn('w:br')}") is None:
        DocxParagraph(last, w.doc._body).paragraph_format.keep_with_next = True



def _qr_code(w: Writer, block: QRCode) -> None:
    linked = is_web_link(block.url)  # never a scannable code or link for a javascript: or file: address
    png = qr_png(block.url) if linked else None
    if png:
        picture(w, png, QR_WIDTH_IN * 72, block.alt, "QR", True)
    if block.url:
        _address(w, block.url, "Web Address")  # set as the print sets it
    if block.caption:
        para(w, "Caption", block.caption)


def _link(w: Writer, block: Link) -> None:
    """A link sits right under the line it belongs to, as printed (1 pt, not a paragraph's 6 pt)."""
    if w.doc.paragraphs:
        w.doc.paragraphs[-1].paragraph_format.space_after = Pt(1)
    _address(w, block.url, "Web Address", block.text)


def _address(w: Writer, url: str, style: str, text: str = "") -> None:
    """A web address: a hyperlink when it is an http(s) or mailto one, else plain text."""
    if is_web_link(url):
        hyperlink(w, para(w, style), url, text)
    else:
        para(w, style, text or url)


@lru_cache(maxsize=8)
def _svg_as_png(svg: bytes, width_px: int) -> Optional[bytes]:
    """An SVG logo as a PNG for Word (cairosvg, which needs the cairo library); None without it."""
    try:
        import cairosvg
        # on white, as the print puts a logo on a white plate on dark panels
        return cairosvg.svg2png(bytestring=svg, output_width=width_px, background_color="white")
    except (ImportError, OSError):
        return None


def _logo(w: Writer, block: Logo) -> None:
    """The logo as a picture whose alt text is the organisation's name (an SVG at 300 ppi)."""
    data = _svg_as_png(block.data, round(block.width_in * 300)) if block.kind == "svg" else block.data
    if data is not None:
        picture(w, data, min(block.width_in * 72.0, w.width or block.width_in * 72.0), block.alt,
                 "Logo", keep_next=True)


def _writing_lines(w: Writer, block: WritingLines) -> None:
    """Empty paragraphs ruled underneath, for handwriting or typing notes (not a printed page's spare room)."""
    if block.spare:
        return  # Word reflows: the room these filled on the printed page is not there
    for _ in range(max(block.min_lines, 8)):
        p = para(w, "Normal")
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


def write_block(w: Writer, block) -> None:
    writer = BLOCK_WRITERS.get(type(block).__name__)
    if writer is None:
        raise TypeError(f"docx writer: no function for block type {type(block).__name__}")
    writer(w, block)


def set_widths(table, widths_pt: list[float]) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths_pt):
        column.width = Emu(int(width * 12700))
        for cell in column.cells:
            cell.width = Emu(int(width * 12700))



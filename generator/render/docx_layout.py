"""Page geometry for the Word writer: page size, orientation, margins, columns, column breaks,
page numbers."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION_START
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from generator.compose.model import Brochure, Panel

# w:sectPr children that must come after w:cols (ECMA-376 order).
_AFTER_COLS = ("w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
               "w:rtlGutter", "w:docGrid", "w:printerSettings")


def column_break_before(body, first, kind: str = "column") -> None:
    """Start a panel in the next column: a column break at the head of its first paragraph."""
    run = OxmlElement("w:r")
    br = OxmlElement("w:br")
    br.set(qn("w:type"), kind)
    run.append(br)
    if first.tag == qn("w:p"):
        first.insert(1 if first.find(qn("w:pPr")) is not None else 0, run)
    else:  # a table, or the section end of an empty panel
        p = OxmlElement("w:p")
        p.append(run)
        first.addprevious(p)


def right_to_left_columns(section, on: bool = True) -> None:
    """The section's columns fill from the right (w:bidi), its text still left to right; or not."""
    sect_pr = section._sectPr
    if not on:
        for bidi in sect_pr.findall(qn("w:bidi")):  # a new section copies the one before it
            sect_pr.remove(bidi)
        return
    if sect_pr.find(qn("w:bidi")) is None:
        bidi = OxmlElement("w:bidi")
        later = [e for e in (sect_pr.find(qn(t)) for t in ("w:rtlGutter", "w:docGrid", "w:printerSettings"))
                 if e is not None]
        later[0].addprevious(bidi) if later else sect_pr.append(bidi)


def page_size(section, width_pt: float, height_pt: float) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if width_pt > height_pt else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Pt(width_pt), Pt(height_pt)


def set_columns(section, widths: list[float], spaces: list[float]) -> None:
    """w:cols for these column widths and gaps (points); equal columns stay simple."""
    sect_pr = section._sectPr
    cols = sect_pr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        later = [e for e in (sect_pr.find(qn(t)) for t in _AFTER_COLS) if e is not None]
        later[0].addprevious(cols) if later else sect_pr.append(cols)
    cols.attrib.clear()
    for child in list(cols):
        cols.remove(child)
    cols.set(qn("w:num"), str(len(widths)))
    cols.set(qn("w:space"), str(round(sum(spaces) / max(len(spaces), 1) * 20)))
    if max(widths) - min(widths) > 1 or (spaces and max(spaces) - min(spaces) > 1):
        cols.set(qn("w:equalWidth"), "0")
        for index, width in enumerate(widths):
            col = OxmlElement("w:col")
            col.set(qn("w:w"), str(round(width * 20)))
            col.set(qn("w:space"), str(round(spaces[index] * 20)) if index < len(spaces) else "0")
            cols.append(col)


def _pad_y(panel: Panel) -> float:
    return getattr(panel, "pad_y", panel.padding)


def panel_columns(panels: list[Panel]) -> tuple[list[float], list[float]]:
    """(column widths, gaps between them) in points: the text areas of panels side by side, left to right."""
    lefts = [p.x + p.padding for p in panels]
    rights = [p.x + p.width - p.padding for p in panels]
    return [r - l for l, r in zip(lefts, rights)], [lefts[i + 1] - rights[i] for i in range(len(panels) - 1)]


def column_page(section, b: Brochure, panels: list[Panel]) -> None:
    """One printed side: page size, margins and columns from the panels' text areas."""
    page_size(section, b.page_width, b.page_height)
    section.left_margin = Pt(panels[0].x + panels[0].padding)
    section.right_margin = Pt(b.page_width - (panels[-1].x + panels[-1].width - panels[-1].padding))
    section.top_margin = Pt(min(b.page_height - (p.y + p.height) + _pad_y(p) for p in panels))
    section.bottom_margin = Pt(min(p.y + _pad_y(p) for p in panels))
    section.header_distance = section.footer_distance = Pt(min(p.padding for p in panels) / 2)
    set_columns(section, *panel_columns(panels))


FOOTER_FROM_TRIM = 18.0  # points: the page number's baseline area, a quarter inch from the trim, as printed


def page_numbers(doc, b: Brochure, caption_style: str) -> None:
    """The printed pages' numbers (b.page_numbers) in the foot's outer corner: a PAGE field in the
    footer of each section that starts such a page (its other sections on the page share it)."""
    if not b.page_numbers:
        return
    page = 0
    for index, section in enumerate(doc.sections):
        if index and section.start_type == WD_SECTION_START.NEW_PAGE:
            page += 1
        section.footer_distance = Pt(FOOTER_FROM_TRIM)
        starts_page = index == 0 or section.start_type == WD_SECTION_START.NEW_PAGE
        if not starts_page:
            continue  # linked to the section before: the same footer on the same page
        footer = section.footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        for child in list(paragraph._p):
            if child.tag != qn("w:pPr"):
                paragraph._p.remove(child)
        if page + 1 not in b.page_numbers:
            continue
        paragraph.style = caption_style
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)  # the footer stays inside the bottom margin
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if (page + 1) % 2 else WD_ALIGN_PARAGRAPH.LEFT
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = str(page + 1)
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

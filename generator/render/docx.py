"""Word writer: a Brochure as an editable .docx built on the reference document's real styles.

The tri-fold becomes one 3-column landscape section per sheet side, its panels in
physical order (left to right as printed) split by column breaks; other layouts
flow in reading order in one column. Same brochure, same bytes. The blocks are written by
generator/render/docx_blocks.py, with the state and helpers of generator/render/docx_writer.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Optional

import docx
from docx.enum.section import WD_SECTION
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import StyleFactory
from docx.text.paragraph import Paragraph as DocxParagraph

from generator.atomic import write_bytes_atomic
from generator.compose.model import Brochure, Heading, Panel, WritingLines
from generator.compose.templates import TEMPLATES_DIR
from generator.errors import TemplateError
from generator.render.docx_blocks import write_block
from generator.render.docx_fonts import embed_fonts, heavy_family
from generator.render.docx_layout import (
    column_break_before, column_page, page_numbers, page_size, panel_columns, right_to_left_columns, set_columns,
)
from generator.render.docx_package import clean_text, clear_body, package_parts, set_core, set_language, write_package
from generator.render.docx_writer import Writer, before_ppr_tail

FORMAT = "docx"
REFERENCE = TEMPLATES_DIR / "reference.docx"

# --- layout ------------------------------------------------------------------------------------

def _panel(w: Writer, panel: Panel) -> None:
    w.page = panel.page
    body = w.doc.element.body
    start = len(body) - 1  # the panel's elements land before the body's final sectPr
    for section in panel.sections:
        spare = [b for b in section.blocks if isinstance(b, WritingLines) and b.spare]
        if spare and all(isinstance(b, (Heading, WritingLines)) for b in section.blocks):
            continue  # ruled lines for the print's spare room: not in a file that reflows
        for block in section.blocks:
            write_block(w, block)
    if panel.background != "none":
        _shade(w, list(body)[start:len(body) - 1], panel.background)


def _shade(w: Writer, elements: list, background: str) -> None:
    """A coloured panel (the cover band, the sources band): each paragraph takes a style of its own
    style's family that carries the panel's colour (and, on the dark primary, white text and the big
    number in the accent, as printed), so a counselor who clears the formatting or pastes a paragraph
    in keeps readable text on the panel's colour."""
    dark = background == "primary"
    for element in elements:
        paragraphs = [element] if element.tag == qn("w:p") else list(element.iter(qn("w:p")))
        for p in paragraphs:
            ppr = p.get_or_add_pPr()
            named = ppr.find(qn("w:pStyle"))
            base = named.get(qn("w:val")) if named is not None else None
            framed = dark and element is p and ppr.find(qn("w:pBdr")) is None and not _styled_border(w, ppr)
            style_id = _panel_style(w, base, background, framed)
            if named is None:
                named = OxmlElement("w:pStyle")
                ppr.insert(0, named)
            named.set(qn("w:val"), style_id)
            if dark:  # no run keeps a colour of its own that the panel's would not show
                for run in p.iter(qn("w:r")):
                    rpr = run.find(qn("w:rPr"))
                    for old in (rpr.findall(qn("w:color")) if rpr is not None else ()):
                        rpr.remove(old)


OWN_PANEL_STYLES = ("Title",)  # styles used on the cover alone: given its colours themselves


def _panel_style(w: Writer, base_id: Optional[str], background: str, framed: bool) -> str:
    """The id of '<style> on <colour>': based on the paragraph's own style, shaded in the panel's
    colour (framed: bordered in it too, so the paragraphs join into one block), in white or the
    accent on the dark primary. Made once per document."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = w.doc.styles
    base = styles.element.get_by_id(base_id) if base_id else styles.default(WD_STYLE_TYPE.PARAGRAPH).element
    base_name = base.name_val if base is not None else "Normal"
    name = f"{base_name} on {background}" + (" framed" if framed else "")
    if name in w.panel_styles:
        return w.panel_styles[name]
    colours = w.brochure.style.colours
    fill = colours[background].rgb.lstrip("#").upper()
    if base_name in OWN_PANEL_STYLES and base is not None:  # the title is only ever on the cover: its
        style = StyleFactory(base)  # own style takes the cover's colours, and stays the document's Title
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = StyleFactory(base) if base is not None else None
        style.quick_style = False
    if background == "primary":
        ink = "accent" if base_name == "Big Number" else "white"
        style.font.color.rgb = RGBColor.from_string(colours[ink].rgb.lstrip("#").upper())
    ppr = style.element.get_or_add_pPr()
    if framed:
        before_ppr_tail(ppr, _edge(fill))
    shading = OxmlElement("w:shd")
    for attribute, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(attribute), value)
    before_ppr_tail(ppr, shading)
    w.panel_styles[name] = style.style_id
    return style.style_id


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


def _styled_border(w: Writer, ppr) -> bool:
    """True when the paragraph's style draws a border of its own (the heading rule)."""
    style_id = ppr.find(qn("w:pStyle"))
    if style_id is None:
        return False
    style = w.doc.styles.element.get_by_id(style_id.get(qn("w:val")))
    return style is not None and style.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None


# pPr children that come after w:shd (ECMA-376 order)
def _layout_columns(w: Writer) -> None:
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


def _layout_flow(w: Writer) -> None:
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


def _fitted_sizes(w: Writer) -> None:
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


HEAVY_STYLES = ("Title", "Heading 1", "Big Number", "Fact Value")  # set in the heavy face, as printed


def _heavy_styles(w: Writer) -> None:
    """Title, section heads and figures in the heavy face (Lato Black, embedded), not Bold."""
    family = heavy_family(w.brochure.style.fonts)
    for name in HEAVY_STYLES if family else ():
        style = w.style(name)
        if style is not None:
            style.font.name = family
            style.font.bold = False


# which style colour each Word style's text takes (the reference's own look, from the style template)
STYLE_INKS = {"Title": "primary", "Heading 1": "primary", "Heading 2": "primary", "Subtitle": "accent_text",
              "Quote": "accent_text", "Big Number": "primary", "Fact Value": "primary", "Hyperlink": "primary"}


def _style_colours(w: Writer) -> None:
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


def _breaks_on_last_paragraphs(doc) -> None:
    """A section ends on its own last paragraph, not on an empty one python-docx adds for the break
    (a screen reader announces that one as "blank"); after a table the empty one stays, as Word needs."""
    for holder in list(doc.element.body.iterchildren(qn("w:p"))):
        ppr = holder.find(qn("w:pPr"))
        sect = ppr.find(qn("w:sectPr")) if ppr is not None else None
        last = holder.getprevious()
        if sect is None or holder.find(qn("w:r")) is not None or last is None or last.tag != qn("w:p"):
            continue
        last_ppr = last.find(qn("w:pPr"))
        if last_ppr is None:
            last_ppr = OxmlElement("w:pPr")
            last.insert(0, last_ppr)
        if last_ppr.find(qn("w:sectPr")) is not None:
            continue
        change = last_ppr.find(qn("w:pPrChange"))
        (change.addprevious if change is not None else last_ppr.append)(sect)
        holder.getparent().remove(holder)


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
    w = Writer(doc=doc, brochure=brochure)
    _fitted_sizes(w)
    _style_colours(w)
    _heavy_styles(w)
    (_layout_columns if brochure.docx_columns > 1 else _layout_flow)(w)
    page_numbers(doc, brochure, "Caption")
    _breaks_on_last_paragraphs(doc)
    _tables_apart(doc)
    return write_package(embed_fonts(package_parts(doc), brochure.style.fonts))


def write(brochure: Brochure, path: Path | str, bleed: bool = False,
          reference: Optional[Path | str] = None) -> None:
    """Render and write atomically."""
    write_bytes_atomic(path, render(brochure, bleed, reference))

"""Regenerate templates/reference.docx, the styles the Word writer builds on.

Run from the repository root:  python templates/make_reference_docx.py
The output is byte-for-byte reproducible. An organisation can replace the file
with its own (keep the style names: Title, Subtitle, Heading 1-3, List Bullet,
List Number, Caption, Web Address, Quote, Lead, Big Number, Fact Value, Fact Label, Note,
and the table style "Brochure Table"; the writer falls back to "Light List Accent 1",
then "Table Grid", and to direct formatting for missing paragraph styles).
"""

from __future__ import annotations

import re
import sys
from copy import deepcopy
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docx import Document  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Inches, Pt, RGBColor  # noqa: E402

from generator.compose.templates import TEMPLATES_DIR, load_style  # noqa: E402
from generator.render.docx_package import FIXED_DATE, normalise_zip  # noqa: E402

FAMILY = "Lato"
BODY_PT = 10
KEEP_TABLE_STYLES = {"TableNormal", "TableGrid", "LightList-Accent1"}
THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def rgb(colours, name: str) -> RGBColor:
    return RGBColor.from_string(colours[name].rgb.lstrip("#").upper())


def drop_extras(doc) -> None:
    """Leave out parts Word does not need: legacy styles copy, custom XML, thumbnail."""
    part = doc.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            del part.rels[rid]
    pkg_rels = part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del pkg_rels[rid]


def prune_styles(doc) -> None:
    """Drop most of the 100 built-in table styles and theme fonts, so Lato applies everywhere."""
    root = doc.styles.element
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in KEEP_TABLE_STYLES:
            root.remove(style)
    for fonts in root.iter(qn("w:rFonts")):
        for attr in THEME_ATTRS:
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        if not fonts.attrib:
            fonts.getparent().remove(fonts)


def set_defaults(doc, language: str = "en-US") -> None:
    """docDefaults: Lato 10 pt, document language, modest paragraph spacing."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), FAMILY)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(BODY_PT * 2))
    rpr.find(qn("w:lang")).set(qn("w:val"), language)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")  # 6 pt
    spacing.set(qn("w:line"), "264")  # 1.1 lines
    spacing.set(qn("w:lineRule"), "auto")


def reset(style) -> None:
    """Forget a built-in style's own paragraph and run formatting (borders, spacing, colours)."""
    for tag in ("w:pPr", "w:rPr"):
        element = style.element.find(qn(tag))
        if element is not None:
            style.element.remove(element)


def para(doc, name, size=None, bold=None, italic=None, colour=None, before=None, after=None,
         keep_next=False, line=None, base=None):
    """Get or add a paragraph style and set its look."""
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base or "Normal"]
        style.quick_style = True
    font, fmt = style.font, style.paragraph_format
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    if colour is not None:
        font.color.rgb = colour
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line
    if keep_next:
        fmt.keep_with_next = True
    return style


def set_styles(doc, c) -> None:
    """Our look on real Word styles, so a counselor can restyle the brochure."""
    primary, text, muted, accent_text = (rgb(c, n) for n in ("primary", "text", "muted", "accent_text"))
    para(doc, "Normal", colour=text)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Caption", "Quote",
                 "Intense Quote"):
        reset(doc.styles[name])
    para(doc, "Title", size=30, bold=True, colour=primary, before=0, after=4, line=1.0, keep_next=True)
    para(doc, "Subtitle", size=12.5, italic=True, colour=accent_text, before=0, after=10, line=1.15)
    para(doc, "Heading 1", size=12.5, bold=True, colour=primary, before=10, after=4, keep_next=True)
    para(doc, "Heading 2", size=10.5, bold=True, colour=primary, before=8, after=2, keep_next=True)
    para(doc, "Heading 3", size=10, bold=True, colour=muted, before=6, after=2, keep_next=True)
    para(doc, "Caption", size=7.5, colour=muted, before=2, after=8)
    # contact lines, e-mail and web addresses: a step under the body, never in the caption's grey
    para(doc, "Web Address", size=9, colour=text, before=0, after=4)
    para(doc, "Quote", size=11, italic=True, colour=accent_text, before=4, after=8)
    para(doc, "Intense Quote", size=12.5, bold=True, italic=True, colour=primary, before=6, after=10)
    para(doc, "List Bullet", after=6)
    number = para(doc, "List Number", after=4)
    # Steps are separated a little, so each step reads as one stop on the path.
    number.element.pPr.remove(number.element.pPr.find(qn("w:contextualSpacing")))
    para(doc, "Lead", size=11, colour=text, after=8, line=1.15)
    para(doc, "Big Number", size=38, bold=True, colour=primary, before=6, after=0, line=1.0, keep_next=True)
    para(doc, "Fact Value", size=17, bold=True, colour=primary, before=4, after=0, line=1.0, keep_next=True)
    para(doc, "Fact Label", size=8.5, colour=muted, before=0, after=6, line=1.0)
    para(doc, "Note", size=8.5, italic=True, colour=muted, after=6)
    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb, link.font.underline = primary, True
    link.element.attrib.pop(qn("w:customStyle"), None)  # a built-in Word style
    sync_linked(doc)


HEADING_RULE_PT = 1.5  # the print's short accent bar above a section head, as a paragraph border


def set_heading_rule(doc, c) -> None:
    """Section heads (Heading 1) carry a rule in the accent colour above them, as the print does:
    a paragraph border of the style, so it moves and changes with the style."""
    ppr = doc.styles["Heading 1"].element.get_or_add_pPr()
    borders = parse_xml(
        '<w:pBdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:top w:val="single" w:sz="{round(HEADING_RULE_PT * 8)}" w:space="4" '
        f'w:color="{c["accent"].rgb.lstrip("#").upper()}"/></w:pBdr>')
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind",
                              "w:jc", "w:outlineLvl", "w:rPr")


def sync_linked(doc) -> None:
    """Linked character styles ('Heading 1 Char'...) get their paragraph style's run look."""
    by_id = {s.get(qn("w:styleId")): s for s in doc.styles.element.findall(qn("w:style"))}
    for style in by_id.values():
        link = style.find(qn("w:link"))
        if style.get(qn("w:type")) != "paragraph" or link is None:
            continue
        char = by_id.get(link.get(qn("w:val")))
        if char is None:
            continue
        old, new = char.find(qn("w:rPr")), style.find(qn("w:rPr"))
        if old is not None:
            char.remove(old)
        if new is not None:
            char.append(deepcopy(new))


def set_bullets(doc, c) -> None:
    """A round bullet in the accent colour instead of the Symbol-font glyph."""
    numbering = doc.part.numbering_part.element
    style_num = doc.styles["List Bullet"].element.pPr.numPr.numId.val
    num = numbering.num_having_numId(style_num)
    abstract_id = num.abstractNumId.val
    for abstract in numbering.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == str(abstract_id):
            lvl = abstract.find(qn("w:lvl"))
            lvl.find(qn("w:lvlText")).set(qn("w:val"), "\u2022")
            rpr = lvl.find(qn("w:rPr"))
            for child in list(rpr):
                rpr.remove(child)
            color = rpr.makeelement(qn("w:color"), {qn("w:val"): c["accent"].rgb.lstrip("#").upper()})
            rpr.append(color)


TABLE_STYLE = """
<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    w:type="table" w:customStyle="1" w:styleId="BrochureTable">
  <w:name w:val="Brochure Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="{primary}"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{primary}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{rule}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="72" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="72" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="{primary}"/></w:rPr>
    <w:tblPr/>
    <w:tcPr>
      <w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{primary}"/></w:tcBorders>
      <w:shd w:val="clear" w:color="auto" w:fill="{tint}"/>
    </w:tcPr>
  </w:tblStylePr>
</w:style>
"""


def set_tables(doc, c) -> None:
    """A clean house table style (tinted header, rules between rows), and our palette on Light List."""
    hexes = {n: c[n].rgb.lstrip("#").upper() for n in ("primary", "rule", "tint")}
    doc.styles.element.append(parse_xml(TABLE_STYLE.format(**hexes)))
    light = doc.styles["Light List Accent 1"].element
    for element in light.iter():
        if element.get(qn("w:themeColor")) == "accent1" or element.get(qn("w:themeFill")) == "accent1":
            for attr in ("w:themeColor", "w:themeFill"):
                element.attrib.pop(qn(attr), None)
            for attr in ("w:color", "w:fill"):
                if element.get(qn(attr)) not in (None, "auto"):
                    element.set(qn(attr), hexes["primary"])


def set_theme(doc, c) -> None:
    """Theme accent 1/2 and fonts follow our style, so table styles match the headings."""
    part = doc.part.part_related_by(RT.THEME)
    xml = part.blob.decode("utf-8")
    for slot, name in (("accent1", "primary"), ("accent2", "accent"), ("hlink", "primary")):
        xml = re.sub(rf"(<a:{slot}>\s*<a:srgbClr val=\")[0-9A-F]{{6}}",
                     rf"\g<1>{c[name].rgb.lstrip('#').upper()}", xml)
    xml = re.sub(r'<a:latin typeface="[^"]*"', f'<a:latin typeface="{FAMILY}"', xml)
    part._blob = xml.encode("utf-8")


def set_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left", "right", "top", "bottom"):
        setattr(section, f"{side}_margin", Inches(0.6))


def set_core(doc) -> None:
    core = doc.core_properties
    core.title, core.subject, core.keywords, core.comments = "Career brochure styles", "", "", ""
    core.author, core.last_modified_by, core.category, core.language = "", "", "", "en-US"
    core.created = core.modified = core.last_printed = FIXED_DATE
    core.revision = 1


def build() -> bytes:
    doc = Document()
    colours = load_style("default").colours
    drop_extras(doc)
    prune_styles(doc)
    set_defaults(doc)
    set_styles(doc, colours)
    set_heading_rule(doc, colours)
    set_bullets(doc, colours)
    set_tables(doc, colours)
    set_theme(doc, colours)
    set_page(doc)
    set_core(doc)
    out = BytesIO()
    doc.save(out)
    return normalise_zip(out.getvalue())


def main() -> None:
    target = TEMPLATES_DIR / "reference.docx"
    target.write_bytes(build())
    print(f"wrote {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()

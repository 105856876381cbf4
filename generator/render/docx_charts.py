"""Charts Word and LibreOffice draw themselves: a DrawingML chart part with its figures in an
embedded workbook, so a counselor right-clicks it, edits the data, and the chart redraws.

python-docx has no chart API; python-pptx writes exactly these parts for PowerPoint: its
ChartXmlWriter writes the chart XML, its chart objects style it (fills, fonts, axes, data labels),
and its workbook writer (XlsxWriter) the embedded workbook, here with a fixed creation date so the
same brochure gives the same bytes. The parts go into the Word package with python-docx's OPC.
Bars are stacked series (generator/charts/data.py): an invisible start, the drawn segments, and
an invisible run carrying each bar's label (the source's figure as printed) just past its end.
"""

from __future__ import annotations

from contextlib import contextmanager
from xml.sax.saxutils import escape
from datetime import datetime

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.chart.xmlwriter import ChartXmlWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_TICK_MARK
from pptx.oxml import parse_xml as parse_chart
from pptx.util import Pt
from xlsxwriter import Workbook

from generator.colour import blend
from generator.compose.model import ChartArt, ChartData, Style
from generator.render.docx_package import clean_text

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHAPES_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml"
USER_SHAPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes"
CREATED = datetime(2024, 1, 1)  # the embedded workbook's date: the same brochure, the same bytes
EMU_PER_PT = 12700
GAP_WIDTH = 55  # the space between bars, in % of a bar's thickness
LIGHT_SHARE = 0.6  # a 'light' segment: the primary colour this far toward white (as the print's)
_NS = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
       "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
       "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _hex(colour) -> str:
    return colour.rgb.lstrip("#").upper()


def _toward_white(colour: str, share: float) -> str:
    """`colour` ('0B4F6C') moved `share` of the way to white, as the print's charts mix it."""
    return blend(f"#{colour}", "#FFFFFF", share).lstrip("#").upper()


def _chart_data(data: ChartData):
    chart_data = CategoryChartData(number_format=data.number_format)
    chart_data.categories = list(data.categories)
    for series in data.series:
        chart_data.add_series(series.name, list(series.values))
    return chart_data


class _DatedWorkbook(CategoryWorkbookWriter):
    """python-pptx's workbook writer, its workbook dated CREATED (XlsxWriter dates it, and its zip
    entries, now)."""

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        book = Workbook(xlsx_file, {"in_memory": True})
        book.set_properties({"created": CREATED})
        sheet = book.add_worksheet()
        yield book, sheet
        book.close()


def workbook(chart_data: CategoryChartData) -> bytes:
    """The chart's figures as the embedded workbook Word opens to edit them."""
    return _DatedWorkbook(chart_data).xlsx_blob


def chart_xml(data: ChartData, chart_data: CategoryChartData, style: Style) -> bytes:
    """The chart part: horizontal stacked bars in the brochure's colours and font, first category on
    top, on the print's axis, each bar's label past its end."""
    space = parse_chart(ChartXmlWriter(XL_CHART_TYPE.BAR_STACKED, chart_data).xml.encode("utf-8"))
    chart = Chart(space, None)
    colours = style.colours
    primary, text, rule = _hex(colours["primary"]), _hex(colours["text"]), _hex(colours.get("rule", colours["muted"]))
    chart.has_legend = False
    chart.font.name = style.fonts.family
    chart.font.size = Pt(data.font_pt)
    chart.font.color.rgb = RGBColor.from_string(text)
    plot = chart.plots[0]
    plot.gap_width = GAP_WIDTH
    fills = {"primary": primary, "light": _toward_white(primary, LIGHT_SHARE)}
    for spec, series in zip(data.series, plot.series):
        if spec.role in fills:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = RGBColor.from_string(fills[spec.role])
        elif spec.role == "fade":  # an open top: the bar's colour fading to white, as printed
            series.format.fill.gradient()
            series.format.fill.gradient_angle = 0
            stops = series.format.fill.gradient_stops
            stops[0].color.rgb, stops[0].position = RGBColor.from_string(_toward_white(primary, 0.08)), 0.0
            stops[1].color.rgb, stops[1].position = RGBColor.from_string(_hex(colours["white"])), 1.0
        else:  # the invisible start, or the run that carries the labels
            series.format.fill.background()
        series.format.line.fill.background()
        for index, label in enumerate(spec.labels):
            point_label = series.points[index].data_label
            point_label.has_text_frame = True
            point_label.text_frame.text = clean_text(label)
            point_label.text_frame.word_wrap = False  # on one line past the bar, as printed
            point_label.position = XL_LABEL_POSITION.INSIDE_BASE
            _knocked_out(point_label._dLbl, _hex(colours["white"]))  # noqa: SLF001 - python-pptx has no fill API here
    categories = chart.category_axis
    categories.reverse_order = True  # the first level on top, as printed
    _value_axis_at_foot(space)
    categories.major_tick_mark = XL_TICK_MARK.NONE
    categories.format.line.fill.background()
    categories.tick_labels.font.size = Pt(data.name_pt)
    values = chart.value_axis
    values.minimum_scale, values.maximum_scale = data.axis_min, data.axis_max
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = RGBColor.from_string(rule)
    values.format.line.color.rgb = RGBColor.from_string(rule)
    values.major_tick_mark = XL_TICK_MARK.NONE
    values.tick_labels.number_format = data.tick_format
    values.tick_labels.number_format_is_linked = False
    muted = RGBColor.from_string(_hex(colours["muted"]))
    values.tick_labels.font.size, values.tick_labels.font.color.rgb = Pt(data.tick_pt), muted
    if data.axis_title:
        values.has_title = True
        values.axis_title.text_frame.text = clean_text(data.axis_title)
        title_font = values.axis_title.text_frame.paragraphs[0].runs[0].font
        title_font.size, title_font.color.rgb, title_font.bold = Pt(data.tick_pt), muted, False
    if data.major_unit > 0:
        values.major_unit = data.major_unit
    if len(data.plot) == 4:
        _plot_layout(space, data.plot)
    _no_frame(space)
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


def _knocked_out(label, white: str) -> None:
    """A data label on a white ground, so no gridline runs through it (as the print knocks it out)."""
    a, c = _NS["a"], _NS["c"]
    ground = etree.fromstring(f'<c:spPr xmlns:c="{c}" xmlns:a="{a}"><a:solidFill><a:srgbClr val="{white}"/>'
                              "</a:solidFill></c:spPr>")
    rich = label.find(f"{{{c}}}tx")
    anchor = rich if rich is not None else label.find(f"{{{c}}}idx")
    anchor.addnext(ground)


def _no_frame(space) -> None:
    """No border or fill around the chart, and square corners: it sits on the page as the print's does."""
    c = _NS["c"]
    frame = etree.fromstring(f'<c:spPr xmlns:c="{c}" xmlns:a="{_NS["a"]}"><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>')
    space.find(f"{{{c}}}chart").addnext(frame)
    space.find(f"{{{c}}}date1904").addnext(etree.fromstring(f'<c:roundedCorners xmlns:c="{c}" val="0"/>'))


def _value_axis_at_foot(space) -> None:
    """With the categories reversed, the value axis crosses them at their last (the foot), not the first."""
    c = _NS["c"]
    crosses = space.find(f"{{{c}}}chart/{{{c}}}plotArea/{{{c}}}valAx/{{{c}}}crosses")
    if crosses is not None:
        crosses.set("val", "max")


def _plot_layout(space, plot: tuple[float, ...]) -> None:
    """The bars' area where the print has it (so the median line, drawn over the chart, meets its figure)."""
    left, top, width, height = plot
    c = _NS["c"]
    layout = etree.fromstring(
        f'<c:layout xmlns:c="{c}"><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/>'
        f'<c:yMode val="edge"/><c:x val="{left}"/><c:y val="{top}"/><c:w val="{width}"/><c:h val="{height}"/>'
        "</c:manualLayout></c:layout>")
    area = space.find(f"{{{c}}}chart/{{{c}}}plotArea")
    old = area.find(f"{{{c}}}layout")
    if old is not None:
        area.remove(old)
    area.insert(0, layout)


def _anchor(left: float, top: float, right: float, bottom: float, shape: str) -> str:
    return (f"<cdr:relSizeAnchor><cdr:from><cdr:x>{left:.4f}</cdr:x><cdr:y>{top:.4f}</cdr:y></cdr:from>"
            f"<cdr:to><cdr:x>{right:.4f}</cdr:x><cdr:y>{bottom:.4f}</cdr:y></cdr:to>{shape}</cdr:relSizeAnchor>")


def _line(number: int, name: str, colour: str, width_emu: int, dashed: bool = False) -> str:
    dash = '<a:prstDash val="dash"/>' if dashed else ""
    return (f'<cdr:cxnSp macro=""><cdr:nvCxnSpPr><cdr:cNvPr id="{number}" name="{name}"/><cdr:cNvCxnSpPr/>'
            '</cdr:nvCxnSpPr><cdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm>'
            f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="{width_emu}"><a:solidFill>'
            f'<a:srgbClr val="{colour}"/></a:solidFill>{dash}</a:ln></cdr:spPr></cdr:cxnSp>')


def _label(number: int, text: str, colour: str, size: int, family: str) -> str:
    text = escape(clean_text(text))
    return (f'<cdr:sp macro="" textlink=""><cdr:nvSpPr><cdr:cNvPr id="{number}" name="Median"/>'
            '<cdr:cNvSpPr txBox="1"/></cdr:nvSpPr><cdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></cdr:spPr><cdr:txBody>'
            '<a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"/><a:lstStyle/><a:p>'
            f'<a:pPr algn="ctr"/><a:r><a:rPr lang="en-US" sz="{size}" b="1"><a:solidFill><a:srgbClr val="{colour}"/>'
            f'</a:solidFill><a:latin typeface="{family}"/></a:rPr><a:t>{text}</a:t></a:r></a:p></cdr:txBody></cdr:sp>')


def shapes(data: ChartData, style: Style) -> bytes:
    """The chart's drawing part, over the bars where the print draws them: the median's line and
    label, and a tick across each bar at its own mark (an area's median)."""
    left, top, width, height = data.plot

    def at(value: float) -> float:
        return left + width * (value - data.axis_min) / (data.axis_max - data.axis_min)

    parts, number = [], 2
    if data.median is not None:
        x = at(data.median)
        half = min(0.25, max(0.0, x - 0.01), max(0.0, 0.99 - x))  # the label's half width, inside the chart
        accent, ink = _hex(style.colours["accent"]), _hex(style.colours["accent_text"])
        parts.append(_anchor(x, top, x, top + height, _line(number, "Median line", accent, 17780,
                                                             data.median_dashed)))
        parts.append(_anchor(x - half, 0, x + half, top, _label(number + 1, data.median_label, ink,
                                                                round(data.font_pt * 100), style.fonts.family)))
        number += 2
    rows = len(data.categories)
    bar = height / rows / (1 + GAP_WIDTH / 100)  # a bar's thickness, as a share of the chart's height
    for index, mark in enumerate(data.marks):
        if mark is None:
            continue
        middle = top + height * (index + 0.5) / rows
        parts.append(_anchor(at(mark), middle - bar / 2, at(mark), middle + bar / 2,
                             _line(number, "Median", _hex(style.colours["white"]), 27940)))
        number += 1
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<c:userShapes xmlns:c="{_NS["c"]}" xmlns:a="{_NS["a"]}" '
            f'xmlns:cdr="http://schemas.openxmlformats.org/drawingml/2006/chartDrawing">{"".join(parts)}'
            "</c:userShapes>").encode("utf-8")


def add_chart(doc, art: ChartArt, style: Style, width_pt: float):
    """A run-level drawing of the chart (its frame titled and described by the alt text), the
    chart part and its workbook in the package; returns the w:drawing element."""
    package = doc.part.package
    number = sum(1 for part in package.iter_parts() if part.content_type == CHART_TYPE) + 1
    chart_data = _chart_data(art.data)  # the workbook's and the chart part's figures, built once
    chart = Part(PackURI(f"/word/charts/chart{number}.xml"), CHART_TYPE, b"", package)
    book = Part(PackURI(f"/word/embeddings/chart{number}.xlsx"), WORKBOOK_TYPE, workbook(chart_data), package)
    book_id = chart.relate_to(book, RT.PACKAGE)
    tail = f'<c:externalData r:id="{book_id}"><c:autoUpdate val="0"/></c:externalData>'
    if (art.data.median is not None or any(m is not None for m in art.data.marks)) and len(art.data.plot) == 4:
        drawing = Part(PackURI(f"/word/drawings/chart{number}shapes.xml"), SHAPES_TYPE, shapes(art.data, style),
                       package)
        tail += f'<c:userShapes r:id="{chart.relate_to(drawing, USER_SHAPES)}"/>'
    xml = chart_xml(art.data, chart_data, style).replace(b"</c:chartSpace>", f"{tail}</c:chartSpace>".encode())
    chart._blob = xml  # noqa: SLF001 - a new part's content, set once its relationship id is known
    chart_id = doc.part.relate_to(chart, RT.CHART)
    width = int(width_pt * EMU_PER_PT)
    height = int(width * art.height_in / art.width_in)
    alt = escape(clean_text(art.alt_text), {'"': "&quot;"})
    namespaces = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NS.items())
    return parse_xml(
        f'<w:drawing {namespaces}><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{doc.part.next_id}" name="{art.chart_id}" descr="{alt}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_NS["c"]}"><c:chart r:id="{chart_id}"/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing>")

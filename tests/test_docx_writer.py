"""The Word writer: reopen its output with python-docx and check styles, layout, properties, bytes."""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import subprocess
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Inches

from generator.compose.model import (
    BigNumber, Brochure, Bullets, Chart, ChartArt, Colour, Fact, Fonts, Heading, KeyFacts, Metadata,
    Panel, Paragraph, QRCode, Section, Spacing, Step, Steps, Style, Table, TypeScale,
)
from generator.compose.templates import TEMPLATES_DIR, font_path
from generator.render import docx as writer

PAGE_W, PAGE_H, PAD = 792.0, 612.0, 21.6
NARROW, WIDE = 261.0, 265.5


def _png() -> bytes:
    """A real small chart PNG at 300 dpi, drawn with Matplotlib (no pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(3.0, 1.8), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.barh(["Entry", "Mid", "Senior"], [40, 55, 80], color="#0B4F71")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    out = io.BytesIO()
    fig.tight_layout()
    fig.savefig(out, format="png", dpi=300, metadata={"Software": None})
    return out.getvalue()


def make_style() -> Style:
    fonts = Fonts("Lato", "Lato-Regular.ttf", "Lato-Bold.ttf", "Lato-Italic.ttf",
                  "Lato-BoldItalic.ttf", "Lato-Black.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
    colours = {n: Colour(rgb, (0.0, 0.0, 0.0, 1.0)) for n, rgb in {
        "primary": "#0B4F71", "accent": "#E69F00", "accent_text": "#9E4A00", "tint": "#E9F2F7",
        "text": "#1C1C1C", "muted": "#4F5B66", "white": "#FFFFFF"}.items()}
    scale = TypeScale(title=30, hook=12.5, big_number=38, fact_value=17, heading=12.5,
                      subheading=10.5, body=10, caption=7.5, leading=1.32)
    return Style(fonts=fonts, colours=colours, type=scale,
                 spacing=Spacing(before_heading=10, after_heading=4, after_block=7))


def make_chart() -> Chart:
    art = ChartArt(chart_id="salary-by-level", vector=(), png=_png(), width_in=3.0, height_in=1.8,
                   alt_text="Salary by level: Entry $35,000-$45,000; Mid $45,000-$65,000; Senior $80,000+.")
    return Chart(art, caption="Source: BLS, data as of May 2023.")


def _sec(sid: str, *blocks) -> Section:
    return Section(sid, tuple(blocks), 1, sid)


def _panels(chart: Chart) -> dict[str, Panel]:
    """Six tri-fold panels with every block type; the tuck-in flap is the narrow one."""
    def panel(name, page, x, width, role, *sections):
        return Panel(name=name, page=page, x=x, y=0.0, width=width, height=PAGE_H, role=role,
                     padding=PAD, sections=tuple(sections))

    return {
        "flap": panel("flap", 1, 0.0, NARROW, "flow", _sec(
            "skills", Heading("Skills you will use"), Bullets(("Attention to detail", "Coding"), ()))),
        "back": panel("back", 1, NARROW, WIDE, "back", _sec(
            "sources", Heading("Sources"), Paragraph("BLS OOH, data as of 2024.", "caption"),
            QRCode("https://www.bls.gov/ooh/?a=1&b=2", "Scan for the full profile"))),
        "cover": panel("cover", 1, NARROW + WIDE, WIDE, "cover", _sec(
            "cover", Heading("Medical Records Specialists", 0),
            Paragraph("Keep health information accurate, private and useful.", "hook"),
            BigNumber(Fact("$50,250", "median pay a year")),
            KeyFacts((Fact("+9%", "growth by 2033"), Fact("15,000", "openings a year"),
                      Fact("Certificate", "typical education"))))),
        "inside-left": panel("inside-left", 2, 0.0, WIDE, "flow", _sec(
            "overview", Heading("What they do"),
            Paragraph("Specialists compile <b>&amp; records</b>\x00\x07 for patients.", "lead"),
            Heading("A day at work", 2), Paragraph("Hospitals and clinics.", "body"))),
        "inside-middle": panel("inside-middle", 2, WIDE, WIDE, "flow", _sec(
            "pay", Heading("Pay by level"), chart,
            Bullets(("$35,000–$45,000", "$80,000+"), ("Entry Level", "Senior")),
            Table(("Level", "Pay"), (("Entry", "$35,000"), ("Senior", "$80,000+")), (0.6, 0.4)))),
        "inside-right": panel("inside-right", 2, 2 * WIDE, NARROW, "flow", _sec(
            "path", Heading("How to get there"),
            Steps((Step("High school", "Biology and computer courses."), Step("Certificate"))),
            Paragraph("Figures are national medians.", "note"),
            Steps((Step("Second path"), Step("Restarts at 1"))))),
    }


def _metadata() -> Metadata:
    return Metadata(title="Medical Records Specialists — students", author="Career Services",
                    subject="Career brochure", keywords=("careers", "health information"),
                    language="en-US")


def make_trifold(style: Style, chart: Chart) -> Brochure:
    panels = _panels(chart)
    order = ["cover", "inside-left", "flap", "inside-middle", "inside-right", "back"]
    return Brochure(slug="medical-records-specialists", audience="students", layout="trifold",
                    paper="letter", page_width=PAGE_W, page_height=PAGE_H, page_count=2, bleed=0.0,
                    docx_columns=3, panels=tuple(panels[n] for n in order), style=style,
                    metadata=_metadata())


def make_flyer(style: Style, chart: Chart) -> Brochure:
    panels = _panels(chart)
    order = ["cover", "inside-left", "inside-middle", "inside-right", "flap", "back"]
    flat = tuple(replace(panels[n], page=1 + i // 3, x=36.0, width=540.0) for i, n in enumerate(order))
    return Brochure(slug="medical-records-specialists", audience="job-seekers", layout="flyer",
                    paper="letter", page_width=612.0, page_height=792.0, page_count=2, bleed=0.0,
                    docx_columns=1, panels=flat, style=style, metadata=_metadata())


@pytest.fixture(scope="module")
def style() -> Style:
    return make_style()


@pytest.fixture(scope="module")
def chart() -> Chart:
    return make_chart()


@pytest.fixture(scope="module")
def trifold(style, chart) -> Brochure:
    return make_trifold(style, chart)


@pytest.fixture(scope="module")
def flyer(style, chart) -> Brochure:
    return make_flyer(style, chart)


@pytest.fixture(scope="module")
def trifold_bytes(trifold) -> bytes:
    return writer.render(trifold)


def _open(data: bytes):
    return docx.Document(io.BytesIO(data))


def _styles_of(doc) -> dict[str, str]:
    return {p.text: p.style.name for p in doc.paragraphs if p.text}


def test_protocol():
    assert writer.FORMAT == "docx" and callable(writer.render) and callable(writer.write)


def test_real_styles(trifold_bytes):
    styles = _styles_of(_open(trifold_bytes))
    assert styles["Medical Records Specialists"] == "Title"
    assert styles["What they do"] == "Heading 1"
    assert styles["A day at work"] == "Heading 2"
    assert styles["Keep health information accurate, private and useful."] == "Subtitle"
    assert styles["Attention to detail"] == "List Bullet"
    assert styles["Entry Level: $35,000–$45,000"] == "List Bullet"
    assert styles["Source: BLS, data as of May 2023."] == "Caption"
    assert styles["$50,250"] == "Big Number"
    assert styles["Figures are national medians."] == "Note"
    doc = _open(trifold_bytes)
    steps = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert [p.runs[0].text for p in steps] == ["High school", "Certificate", "Second path", "Restarts at 1"]
    assert steps[0].runs[0].bold and "Biology" in steps[0].text
    label = next(p for p in doc.paragraphs if p.text.startswith("Entry Level"))
    assert label.runs[0].bold and label.runs[0].text == "Entry Level:"


def test_section_heads_carry_the_accent_rule_as_a_style_border(trifold_bytes, trifold):
    """The print's accent bar above a section head is a paragraph border of Heading 1: it moves with the
    style and a counselor can change it there (never a drawn line or an empty paragraph)."""
    doc = _open(trifold_bytes)
    top = doc.styles["Heading 1"].element.pPr.find(qn("w:pBdr")).find(qn("w:top"))
    assert top.get(qn("w:val")) == "single" and int(top.get(qn("w:sz"))) >= 8
    assert top.get(qn("w:color")) == trifold.style.colours["accent"].rgb.lstrip("#").upper()
    head = next(p for p in doc.paragraphs if p.text == "What they do")
    assert head.style.name == "Heading 1" and head._p.pPr.find(qn("w:pBdr")) is None


def _start_of(doc, paragraph) -> int:
    """The number Word gives the first item of the paragraph's numbering instance."""
    num_id = paragraph._p.pPr.numPr.numId.val
    num = doc.part.numbering_part.element.num_having_numId(num_id)
    return int(num.xpath("./w:lvlOverride/w:startOverride/@w:val")[0])


def test_second_path_restarts_numbering(trifold_bytes):
    doc = _open(trifold_bytes)
    steps = [p for p in doc.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in steps]
    assert num_ids[0] == num_ids[1] and num_ids[2] == num_ids[3] and num_ids[0] != num_ids[2]
    assert _start_of(doc, steps[0]) == 1 and _start_of(doc, steps[2]) == 1


def test_a_path_split_across_columns_keeps_its_numbers(trifold):
    """The tri-fold writes the flap (steps 3-4) before the inside (steps 1-2): Word still says 3 and 4."""
    first, rest = Steps((Step("One", "a"), Step("Two", "b"))), Steps((Step("Three", "c"), Step("Four", "d")), 3)
    panels = tuple(replace(p, sections=(_sec("pathway", rest),)) if p.name == "flap" else
                   replace(p, sections=(_sec("pathway", first),)) if p.name == "inside-right" else p
                   for p in trifold.panels)
    doc = _open(writer.render(replace(trifold, panels=panels)))
    steps = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert [p.text.strip().splitlines()[0] for p in steps] == ["Three", "Four", "One", "Two"]
    assert [_start_of(doc, steps[0]), _start_of(doc, steps[2])] == [3, 1]


def test_table_is_real_with_header(trifold_bytes):
    doc = _open(trifold_bytes)
    tables = [t for t in doc.tables if t.style is not None and t.style.name == "Brochure Table"]
    assert len(tables) == 1
    table = tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Level", "Pay"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in table.rows[2].cells] == ["Senior", "$80,000+"]


def test_pictures_have_alt_text(trifold_bytes, chart):
    doc = _open(trifold_bytes)
    shapes = list(doc.inline_shapes)
    assert len(shapes) >= 2  # the chart and the QR code
    for shape in shapes:
        assert shape._inline.docPr.get("descr")
    assert chart.art.alt_text in [s._inline.docPr.get("descr") for s in shapes]
    chart_shape = next(s for s in shapes if s._inline.docPr.get("descr") == chart.art.alt_text)
    assert chart_shape.width <= Inches(3.0) + 1


def test_trifold_sections_landscape_three_columns(trifold_bytes):
    doc = _open(trifold_bytes)
    assert len(doc.sections) == 2
    for section in doc.sections:
        assert section.orientation == docx.enum.section.WD_ORIENT.LANDSCAPE
        assert section.page_width == Inches(11) and section.page_height == Inches(8.5)
        cols = section._sectPr.find(qn("w:cols"))
        assert cols.get(qn("w:num")) == "3"
        assert 0.55 <= int(cols.get(qn("w:space"))) / 1440 <= 0.65
        assert abs(section.left_margin.inches - 0.3) < 0.01


def _pages(doc) -> list[list]:
    """Body elements split at section breaks."""
    pages, current = [], []
    for child in doc.element.body:
        if child.tag == qn("w:sectPr"):
            break
        current.append(child)
        if child.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None:
            pages.append(current)
            current = []
    return pages + [current]


def test_column_breaks_and_reading_order(trifold_bytes):
    doc = _open(trifold_bytes)
    pages = _pages(doc)
    assert len(pages) == 2
    for page in pages:
        breaks = [b for el in page for b in el.iter(qn("w:br")) if b.get(qn("w:type")) == "column"]
        assert len(breaks) == 3 - 1
    text = ["".join(t.text for t in el.iter(qn("w:t"))) for el in pages[0]]
    joined = "\n".join(text)
    # the outside comes cover first; its columns fill right to left, so each panel prints where it folds
    assert joined.index("Medical Records") < joined.index("Sources") < joined.index("Skills")
    assert doc.sections[0]._sectPr.find(qn("w:bidi")) is not None
    joined = "\n".join("".join(t.text for t in el.iter(qn("w:t"))) for el in pages[1])
    assert joined.index("What they do") < joined.index("Pay by level") < joined.index("How to get")


def test_core_properties_and_language(trifold_bytes):
    core = _open(trifold_bytes).core_properties
    assert core.title == "Medical Records Specialists — students"
    assert core.subject == "Career brochure"
    assert core.keywords == "careers, health information"
    assert core.author == "Career Services"
    assert core.language == "en-US"
    assert core.revision == 1
    styles_xml = zipfile.ZipFile(io.BytesIO(trifold_bytes)).read("word/styles.xml").decode()
    defaults = styles_xml[styles_xml.index("<w:docDefaults"):styles_xml.index("</w:docDefaults>")]
    assert 'w:lang w:val="en-US"' in defaults


def test_same_bytes_twice(trifold, flyer, trifold_bytes, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert writer.render(trifold) == trifold_bytes
    assert writer.render(flyer) == writer.render(flyer)
    with zipfile.ZipFile(io.BytesIO(trifold_bytes)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert _open(trifold_bytes).core_properties.created.year == 2024


def test_source_date_epoch(trifold, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = writer.render(trifold)
    assert first == writer.render(trifold)
    core = _open(first).core_properties
    assert core.created.year == 2023 and core.modified == core.created


def test_text_is_data(trifold_bytes):
    doc = _open(trifold_bytes)
    texts = [p.text for p in doc.paragraphs]
    assert "Specialists compile <b>&amp; records</b> for patients." in texts


def test_unknown_block_raises(trifold):
    class Sidebar:
        pass

    panel = replace(trifold.panels[0], sections=(Section("x", (Sidebar(),)),))
    with pytest.raises(TypeError, match="Sidebar"):
        writer.render(replace(trifold, panels=(panel,) + trifold.panels[1:]))


def test_empty_panel_keeps_its_column(trifold):
    panels = tuple(replace(p, sections=()) if p.name == "back" else p for p in trifold.panels)
    doc = _open(writer.render(replace(trifold, panels=panels)))
    first = _pages(doc)[0]
    assert len([b for el in first for b in el.iter(qn("w:br")) if b.get(qn("w:type")) == "column"]) == 2


def test_bad_source_date_epoch(trifold, monkeypatch):
    from generator.errors import BuildError

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH"):
        writer.render(trifold)


def test_control_characters_in_metadata_are_dropped(trifold):
    meta = replace(trifold.metadata, title="Bad\x01 title\x1f", keywords=("a\x00b",))
    core = _open(writer.render(replace(trifold, metadata=meta))).core_properties
    assert core.title == "Bad title" and core.keywords == "ab"


def test_one_column_flyer(flyer):
    doc = _open(writer.render(flyer))
    assert len(doc.sections) == flyer.page_count  # a section per printed page, all one column
    for section in doc.sections:
        assert section.orientation == docx.enum.section.WD_ORIENT.PORTRAIT
        assert section.page_width == Inches(8.5) and section.page_height == Inches(11)
        assert section._sectPr.find(qn("w:cols")).get(qn("w:num")) in (None, "1")
    headings = [p.text for p in doc.paragraphs if p.style.name in ("Title", "Heading 1")]
    assert headings == ["Medical Records Specialists", "What they do", "Pay by level",
                        "How to get there", "Skills you will use", "Sources"]
    assert not [b for b in doc.element.body.iter(qn("w:br")) if b.get(qn("w:type")) == "column"]
    facts_table = next(t for t in doc.tables if t.style is None or t.style.name != "Brochure Table")
    assert len(facts_table.columns) == 3  # a wide column sets key facts side by side


def test_swapped_reference_without_custom_styles(trifold, tmp_path):
    plain = Path(docx.__file__).parent / "templates" / "default.docx"
    doc = _open(writer.render(trifold, reference=plain))
    styles = _styles_of(doc)
    assert styles["What they do"] == "Heading 1"
    big = next(p for p in doc.paragraphs if p.text == "$50,250")
    assert big.style.name == "Normal" and big.runs[0].bold  # direct formatting stands in


def test_missing_reference_is_a_template_error(trifold, tmp_path):
    from generator.errors import TemplateError

    with pytest.raises(TemplateError):
        writer.render(trifold, reference=tmp_path / "nope.docx")


def test_write_is_atomic_and_complete(trifold, tmp_path):
    target = tmp_path / "out" / "students-trifold.docx"
    writer.write(trifold, target)
    assert target.read_bytes() == writer.render(trifold)
    assert [p.name for p in target.parent.iterdir()] == ["students-trifold.docx"]


def test_reference_docx_is_reproducible():
    spec = importlib.util.spec_from_file_location("make_ref", TEMPLATES_DIR / "make_reference_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build()
    assert built == (TEMPLATES_DIR / "reference.docx").read_bytes()
    ref = _open(built)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
                 "List Number", "Caption", "Quote", "Intense Quote", "Brochure Table", "Light List Accent 1",
                 "Lead", "Big Number", "Fact Value", "Fact Label", "Note"):
        assert name in ref.styles, name
    assert ref.styles["Normal"].font.name is None  # Lato comes from docDefaults
    assert 'w:ascii="Lato"' in zipfile.ZipFile(io.BytesIO(built)).read("word/styles.xml").decode()


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_libreoffice_converts_to_pdf(trifold_bytes, tmp_path):
    source = tmp_path / "students-trifold.docx"
    source.write_bytes(trifold_bytes)
    env = dict(os.environ, HOME=str(tmp_path))  # a private LibreOffice profile
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, timeout=120, capture_output=True, env=env)
    pdf = tmp_path / "students-trifold.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_hebrew_and_arabic_runs_are_marked_right_to_left(trifold):
    """Word keeps the logical text; the right-to-left stretches are runs marked w:rtl."""
    text = "Hebrew: מומחי רשומות. Arabic: السجلات الطبية. Done."
    panels = tuple(replace(p, sections=(_sec("overview", Paragraph(text)),)) if p.name == "inside-left" else p
                   for p in trifold.panels)
    doc = _open(writer.render(replace(trifold, panels=panels)))
    para = next(p for p in doc.paragraphs if p.text == text)
    rtl = [r.text for r in para.runs if r._r.rPr is not None and r._r.rPr.find(qn("w:rtl")) is not None]
    assert rtl == ["מומחי רשומות", "السجلات الطبية"]


def test_the_typeface_is_embedded_and_deobfuscates_to_the_font_file(trifold_bytes, trifold):
    from generator.render.docx_fonts import obfuscate

    with zipfile.ZipFile(io.BytesIO(trifold_bytes)) as package:
        table = package.read("word/fontTable.xml").decode("utf-8")
        rels = package.read("word/_rels/fontTable.xml.rels").decode("utf-8")
        settings = package.read("word/settings.xml").decode("utf-8")
        types = package.read("[Content_Types].xml").decode("utf-8")
        entry = re.search(r'<w:font w:name="Lato">.*?</w:font>', table, re.S).group(0)
        faces = re.findall(r'<w:embed(\w+) r:id="(\w+)" w:fontKey="(\{[0-9A-F-]+\})"/>', entry)
        assert [face for face, _, _ in faces] == ["Regular", "Bold", "Italic", "BoldItalic"]
        files = {"Regular": trifold.style.fonts.regular, "Bold": trifold.style.fonts.bold,
                 "Italic": trifold.style.fonts.italic, "BoldItalic": trifold.style.fonts.bold_italic}
        for face, rid, key in faces:
            target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', rels).group(1)
            stored = package.read(f"word/{target}")
            assert obfuscate(stored, key) == Path(font_path(files[face])).read_bytes()
    assert "<w:embedTrueTypeFonts/>" in settings and 'Extension="odttf"' in types

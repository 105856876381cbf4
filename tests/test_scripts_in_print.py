"""Scripts in print: right-to-left sentences wrap in reading order, pictographs never print as
boxes, a chart label in two scripts prints every letter."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from bidi import get_display

from conftest import make_brochure
from generator.charts import render_charts
from generator.compose.templates import load_style
from generator.profile.importer import import_text

HEBREW = ("הערה לצוותים רב-לשוניים: חשמלאים רבים בארצות הברית עובדים בצוותים רב-לשוניים, ולכן ידיעת שפה "
          "נוספת יכולה להיות יתרון של ממש באתרי בנייה גדולים.")
ARABIC = ("ملاحظة: يعمل أخصائيو صحة الفم والأسنان جنباً إلى جنب مع أطباء الأسنان، ويقومون بتنظيف الأسنان وفحص "
          "المرضى بحثاً عن علامات أمراض اللثة.")


def _style():
    profile, _ = import_text("Welders\nOverview\nWelders join metal.\nMedian Pay: $51,000 per year\n", "x.txt")
    return make_brochure(profile, "counselors").style


@pytest.mark.parametrize("sentence", [HEBREW, ARABIC], ids=["hebrew", "arabic"])
def test_a_long_right_to_left_sentence_wraps_in_reading_order(sentence):
    """Its first words are on its first line, its last on the last, its full stop at the left end."""
    from arabic_reshaper import reshape

    from generator.render.pdf_blocks import Context

    paragraph = Context(_style()).paragraph(sentence, "body")
    paragraph.wrap(150, 1e6)
    laid = paragraph.para.blPara
    lines = [" ".join(words) for _, words in laid.lines] if laid.kind == 0 else \
        ["".join(getattr(f, "text", "") for f in line.words) for line in laid.lines]
    assert len(lines) >= 3
    words = reshape(sentence).split()
    first, last = get_display(words[0]), get_display(words[-1].rstrip("."))
    assert first in lines[0] and first not in lines[-1]
    assert last in lines[-1] and last not in lines[0]
    assert lines[-1].lstrip().startswith("."), lines[-1]  # the full stop ends the sentence on its left
    assert paragraph.para.style.alignment == 2  # set flush right (TA_RIGHT)


def test_a_right_to_left_paragraph_reads_right_to_left_in_word(tmp_path):
    from docx import Document

    from generator.render import docx as docx_writer

    profile, _ = import_text(f"Dental Hygienists\nOverview\nHygienists clean teeth.\n{ARABIC}\n"
                             "Median Pay: $94,260 per year\n", "x.txt")
    docx_writer.write(make_brochure(profile, "counselors"), tmp_path / "x.docx")
    paragraphs = [p for p in Document(str(tmp_path / "x.docx")).paragraphs if "ملاحظة" in p.text]
    assert paragraphs
    for p in paragraphs:
        assert p._p.pPr is not None and p._p.pPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None
    latin = [p for p in Document(str(tmp_path / "x.docx")).paragraphs if p.text.startswith("Hygienists clean")]
    assert latin and all(p._p.pPr is None or p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is None for p in latin)


@pytest.mark.parametrize("title", ["🔧 HVAC Mechanics", "HVAC Mechanics 🔥", "⭐️ HVAC Mechanics"])
def test_a_pictograph_in_the_title_is_left_out_with_a_warning(title):
    profile, warnings = import_text(f"{title}\nOverview\nThey fix heating.\nMedian Pay: $59,810 per year\n", "x.txt")
    assert profile.title == "HVAC Mechanics"
    assert any(w.startswith("x.txt:1: warning: left out") and "pictograph" in w for w in warnings)


def test_a_tick_bullet_is_still_a_bullet():
    profile, _ = import_text("Welders\nSkills\n✓ Steady hands\n✓ Reading blueprints\n", "x.txt")
    assert profile.skills == ["Steady hands", "Reading blueprints"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_a_chart_label_in_two_scripts_prints_every_letter(tmp_path):
    """'金融業・保険業 (Finance and insurance)': the Japanese in the wide face, the English in Lato."""
    from generator.render import pdf as pdf_writer

    profile, _ = import_text("Software Developers\nOverview\nThey write software.\nMedian Pay: $133,080 per year\n"
                             "Top-Paying Industries (May 2023 median):\nManufacturing: $141,400\n"
                             "金融業・保険業 (Finance and insurance): $131,410\n", "x.txt")
    charts = render_charts(profile, load_style(), ("vector",))
    labels = " ".join(op[3] for op in charts["industry_pay"].vector if op[0] == "text")
    assert "金融業" in labels and "Finance" in labels
    brochure = make_brochure(profile, "counselors", charts=charts)
    pdf_writer.write(brochure, tmp_path / "x.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "x.pdf"), "-"], capture_output=True, text=True).stdout
    assert "金融業・保険業" in text and "(Finance and" in text
    assert "May 2023" in text  # the industries' own date beside the 2024 median

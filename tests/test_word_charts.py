"""Word's charts are its own: a chart part with the profile's figures (in the part and in the
embedded workbook a counselor edits), drawn in the brochure's colours on the print's axis, its frame
described by the chart's alt text."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from generator.build import BuildOptions, build
from generator.gather import DEFAULT_PROFILE, read_profile

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.fixture(scope="module")
def counselors_docx(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("charts")
    (written,) = build([], BuildOptions(output=out, audiences=("counselors",), formats=("docx",))).written
    return written


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_each_chart_is_a_native_chart_with_the_profiles_figures(counselors_docx):
    from lxml import etree

    profile, _ = read_profile(DEFAULT_PROFILE)
    parts = _parts(counselors_docx)
    charts = sorted(name for name in parts if re.fullmatch(r"word/charts/chart\d+\.xml", name))
    assert len(charts) == 2  # salary by level, pay by industry
    assert not [name for name in parts if name.startswith("word/media/")]  # no chart pictures left
    salary = etree.fromstring(parts[charts[0]])
    categories = [v.text for v in salary.iter(f"{C}cat") for v in v.iter(f"{C}v")]
    levels = [level for level in profile.levels if level.salary]
    assert categories[:len(levels)] == [level.name for level in levels]
    series = [[float(v.text) for v in ser.find(f"{C}val").iter(f"{C}v")] for ser in salary.iter(f"{C}ser")]
    starts, lengths = series[0], series[1]
    for level, start, length in zip(levels, starts, lengths):
        assert start == level.salary.min
        assert start + length == (level.salary.max or level.salary.min)
    labels = [t.text for t in salary.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}t")]
    assert "$35K\u2013$45K" in labels  # the source's figures as the print labels them


def test_the_embedded_workbook_holds_the_same_figures(counselors_docx):
    parts = _parts(counselors_docx)
    books = sorted(name for name in parts if name.startswith("word/embeddings/"))
    assert len(books) == 2
    sheet = load_workbook(io.BytesIO(parts[books[0]])).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    profile, _ = read_profile(DEFAULT_PROFILE)
    first = next(level for level in profile.levels if level.salary)
    assert rows[1][0] == first.name and rows[1][1] == first.salary.min


def test_the_chart_frames_carry_the_alt_text(counselors_docx):
    document = Document(str(counselors_docx))
    frames = [el for el in document.element.body.iter() if el.tag.endswith("}docPr")]
    described = [frame.get("descr") for frame in frames if frame.get("name") in ("salary_by_level", "industry_pay")]
    assert len(described) == 2 and all("$35,000" in d or "Hospitals" in d for d in described), described


def test_a_median_line_is_drawn_over_the_bars(counselors_docx):
    parts = _parts(counselors_docx)
    drawings = [parts[name].decode() for name in parts if name.startswith("word/drawings/")]
    assert drawings and all("Median $50,250" in d for d in drawings)


def test_the_charts_read_as_the_print_reads(counselors_docx):
    """The axis says its unit, an open top fades out, labels sit on a white ground (no gridline
    through them), the profile's median beside industry pay is dashed as printed."""
    parts = _parts(counselors_docx)
    salary, industry = (parts[f"word/charts/chart{n}.xml"].decode() for n in (1, 2))
    assert "US dollars a year" in salary and "US dollars a year" in industry
    assert "<a:gradFill" in salary  # '$55K–$80K+' is open-ended
    assert salary.count('<a:srgbClr val="FFFFFF"/></a:solidFill></c:spPr>') >= 3  # one per level label
    drawings = sorted(name for name in parts if name.startswith("word/drawings/"))
    assert 'prstDash val="dash"' in parts[drawings[1]].decode() and 'prstDash' not in parts[drawings[0]].decode()

"""Charts: both charts for the seed figures, text kept as text, 300 dpi, reproducible."""

from __future__ import annotations

import io
import logging

import pytest
from PIL import Image

from generator.charts import render_charts
from generator.charts.money import short, span, tick
from generator.compose.model import ChartArt
from generator.compose.templates import font_path, load_style
from generator.profile.model import Profile

SEED = {
    "title": "Medical Records Specialists",
    "median_pay": {"annual": 50250, "hourly": 24.16, "year": 2024},
    "levels": [
        {"name": "Entry Level", "salary": {"min": 35000, "max": 45000}},
        {"name": "Mid Level", "salary": {"min": 45000, "max": 55000}},
        {"name": "Senior Level", "salary": {"min": 55000, "max": 80000, "open_ended": True}},
    ],
    "regional": {
        "top_paying_industries": [
            {"industry": "Hospitals", "pay": 56520},
            {"industry": "Management of Companies and Enterprises", "pay": 60750},
            {"industry": "Professional, Scientific, and Technical Services", "pay": 49970},
        ]
    },
}

EDGE = {
    "title": "Edge",
    "median_pay": {"hourly": 21.5, "year": 2023},
    "levels": [
        {"name": "Apprentice", "salary": {"min": 16, "max": 19.5, "period": "hour"}},
        {"name": "Trainee"},
        {"name": "Junior Specialist", "salary": {"min": 38000, "max": 52000}},
        {"name": "Specialist", "salary": {"min": 45000, "max": 60000}},
        {"name": "Lead Specialist and Team Coordinator",
         "salary": {"min": 80000, "open_ended": True}},
    ],
    "regional": {
        "top_paying_industries": [
            {"industry": "Federal, State, and Local Government, excluding state and local "
                         "schools and hospitals", "pay": 30.1, "period": "hour"}
        ]
    },
}


@pytest.fixture(scope="module")
def style():
    return load_style()


@pytest.fixture(scope="module")
def seed_charts(style) -> dict[str, ChartArt]:
    return render_charts(Profile.model_validate(SEED), style)


def texts_of(art: ChartArt) -> list[str]:
    """Every text the chart's vector drawing sets, in drawing order."""
    return [op[3] for op in art.vector if op[0] == "text"]


def extent(art: ChartArt) -> tuple[float, float, float, float]:
    """The smallest box holding every point the vector drawing's paths pass through."""
    xs = [v for op in art.vector if op[0] == "path" for seg in op[1] for v in seg[1::2]]
    ys = [v for op in art.vector if op[0] == "path" for seg in op[1] for v in seg[2::2]]
    return min(xs), min(ys), max(xs), max(ys)


def test_both_charts_for_the_seed(seed_charts):
    assert set(seed_charts) == {"salary_by_level", "industry_pay"}
    for chart_id, art in seed_charts.items():
        assert art.chart_id == chart_id
        assert art.width_in == pytest.approx(3.1)
        assert 1.0 <= art.height_in <= 3.0
        assert {op[0] for op in art.vector} == {"path", "text"}
        left, bottom, right, top = extent(art)  # the drawing is the figure's size, in points
        assert (left, bottom) == (0, 0) and right == pytest.approx(art.width_in * 72) and top == pytest.approx(
            art.height_in * 72)
        assert art.png.startswith(b"\x89PNG")


def test_labels_kept_as_text(seed_charts):
    salary = texts_of(seed_charts["salary_by_level"])
    for label in ("Median $50,250", "Entry Level", "Mid Level", "Senior Level",
                  "$35K\u2013$45K", "$45K\u2013$55K", "$55K\u2013$80K+", "US dollars a year"):
        assert label in salary
    industry = texts_of(seed_charts["industry_pay"])
    for label in ("Median $50,250", "$60,750", "$56,520", "$49,970", "Hospitals"):
        assert label in industry
    bold = {op[3]: op[4] for op in seed_charts["salary_by_level"].vector if op[0] == "text"}
    assert bold["Median $50,250"] and not bold["Entry Level"]


def test_industries_sorted_high_to_low_and_wrapped(seed_charts):
    texts = texts_of(seed_charts["industry_pay"])
    values = [t for t in texts if t in ("$60,750", "$56,520", "$49,970")]
    assert values == ["$60,750", "$56,520", "$49,970"]
    assert "Management of Companies" in texts  # wrapped on two lines
    assert "and Enterprises" in texts


def test_png_is_300_dpi_at_true_size(seed_charts):
    for art in seed_charts.values():
        image = Image.open(io.BytesIO(art.png))
        assert image.info["dpi"] == pytest.approx((300, 300), abs=0.01)
        assert image.width >= 900
        assert image.width == round(art.width_in * 300)
        assert image.height == round(art.height_in * 300)


def test_same_profile_same_bytes(style, seed_charts):
    again = render_charts(Profile.model_validate(SEED), style)
    for chart_id, art in seed_charts.items():
        assert again[chart_id].vector == art.vector
        assert again[chart_id].png == art.png


def test_alt_text_states_every_figure(seed_charts):
    salary = seed_charts["salary_by_level"].alt_text
    assert salary == (
        "Salary by level: Entry Level $35,000 to $45,000 a year; "
        "Mid Level $45,000 to $55,000 a year; Senior Level $55,000 to $80,000 or more a year. "
        "Overall median $50,250 a year (2024)."
    )
    industry = seed_charts["industry_pay"].alt_text
    assert industry == (
        "Median pay in the top-paying industries: "
        "Management of Companies and Enterprises $60,750 a year; Hospitals $56,520 a year; "
        "Professional, Scientific, and Technical Services $49,970 a year; overall median $50,250 a year."
    )


def test_no_chart_without_data(style):
    bare = Profile.model_validate({"title": "Bare", "levels": [{"name": "Entry"}]})
    assert render_charts(bare, style) == {}
    only_levels = Profile.model_validate({**SEED, "regional": {}})
    assert set(render_charts(only_levels, style)) == {"salary_by_level"}
    only_industries = Profile.model_validate({**SEED, "levels": []})
    assert set(render_charts(only_industries, style)) == {"industry_pay"}


def test_labels_are_the_source_figures_never_rounded():
    assert span(55000, 80000, True, short) == "$55K\u2013$80K+"
    assert span(80000, None, True, short) == "$80K+"
    assert span(38500, 47250, False, short) == "$38,500\u2013$47,250"  # $K only where it is exact
    assert span(17, 26, False, short) == "$17\u2013$26" and short(19.5) == "$19.50"
    assert tick(37500, "year") == "$37.5K" and tick(20, "hour") == "$20" and tick(0, "year") == "$0"


def test_mixed_units_charted_in_the_majority_unit_labelled_as_the_source(style):
    charts = render_charts(Profile.model_validate(EDGE), style)
    salary = charts["salary_by_level"]
    texts = texts_of(salary)
    assert "Trainee" not in texts  # no salary, no bar
    assert "US dollars a year" in texts  # three yearly ranges against one hourly
    assert "$16\u2013$19.50/hr" in texts  # placed at 2,080 hours, labelled as given
    assert "$80K+" in texts and salary.converted and salary.period == "year"
    assert "Apprentice $16 to $19.50 an hour" in salary.alt_text
    assert "Lead Specialist and Team Coordinator $80,000 or more a year" in salary.alt_text
    # the source's median is hourly only: no yearly median is made up for the line
    assert not salary.median and "median" not in salary.alt_text.casefold()
    assert not any(t.startswith("Median") for t in texts)
    industry = charts["industry_pay"]  # its one industry is hourly: an hourly chart, hourly median
    assert "$30.10" in texts_of(industry) and "Median $21.50" in texts_of(industry)
    assert "US dollars an hour" in texts_of(industry) and industry.period == "hour"
    assert industry.alt_text.endswith("hospitals $30.10 an hour; overall median $21.50 an hour.")
    assert salary.height_in > charts["industry_pay"].height_in


def test_hourly_profile_charted_per_hour(style):
    profile = Profile.model_validate({
        "title": "Welders", "median_pay": {"hourly": 29.98, "year": 2024},
        "levels": [{"name": "Helper", "salary": {"min": 17, "max": 26, "period": "hour"}},
                   {"name": "Welder", "salary": {"min": 26, "max": 40, "period": "hour"}},
                   {"name": "Inspector", "salary": {"min": 45, "max": 75, "open_ended": True, "period": "hour"}}],
    })
    art = render_charts(profile, style)["salary_by_level"]
    texts = texts_of(art)
    for label in ("$17\u2013$26", "$26\u2013$40", "$45\u2013$75+", "Median $29.98", "US dollars an hour"):
        assert label in texts
    assert not any("K" in t for t in texts if t.startswith("$"))  # nothing converted to a year
    assert art.alt_text.endswith("Overall median $29.98 an hour (2024).")


def test_single_level_without_median(style):
    profile = Profile.model_validate(
        {"title": "One", "levels": [{"name": "Technician", "salary": {"min": 38500, "max": 47250}}]}
    )
    art = render_charts(profile, style)["salary_by_level"]
    texts = texts_of(art)
    assert "Technician" in texts and "$38,500\u2013$47,250" in texts
    assert not any(t.startswith("Median") for t in texts)
    assert art.alt_text == "Salary by level: Technician $38,500 to $47,250 a year."


def test_vector_drawing_replays_as_text_in_the_brochure_fonts(seed_charts, style, tmp_path):
    """On the PDF's canvas the chart's labels are real text in the embedded brochure faces."""
    import shutil
    import subprocess

    from reportlab.pdfgen.canvas import Canvas

    from generator.compose.styles import resolve_style
    from generator.compose.templates import load_layout
    from generator.render.pdf_charts import draw_display_list
    from generator.render.pdf_fonts import register

    if not (shutil.which("pdftotext") and shutil.which("pdffonts")):
        pytest.skip("poppler-utils not installed")
    brochure_style = resolve_style(style, load_layout("trifold").type_scale, 1.0)
    path = tmp_path / "chart.pdf"
    register(brochure_style.fonts)  # as the writer does before its canvas: no standard font anywhere
    canvas = Canvas(str(path), pagesize=(300, 300))
    draw_display_list(canvas, seed_charts["salary_by_level"].vector, 1.0, brochure_style, cmyk=False)
    canvas.save()
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    for label in ("Entry Level", "$55K\u2013$80K+", "Median $50,250", "US dollars a year"):
        assert label in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "Lato-Regular" in fonts and "Lato-Bold" in fonts and "Helvetica" not in fonts


@pytest.mark.parametrize("name", ["W" * 26, "医療記録専門家の仕事の内容について詳しく説明します" * 2, "A" * 200,
                                  "Management-and-Administration-of-Companies-and-Enterprises " * 4, "😀" * 40])
def test_any_name_builds_a_chart_with_names_of_three_lines_at_most(style, name, recwarn, caplog):
    profile = Profile.model_validate({
        "title": "X", "median_pay": {"annual": 50000},
        "levels": [{"name": name, "salary": {"min": 30000, "max": 40000}}, {"name": "Lead", "salary": {"min": 40000, "max": 60000}}],
        "regional": {"top_paying_industries": [{"industry": name, "pay": 50000}, {"industry": "Hospitals", "pay": 45000}]},
    })
    charts = render_charts(profile, style)
    assert set(charts) == {"salary_by_level", "industry_pay"}
    for art in charts.values():
        assert name in art.alt_text  # the words keep the whole name
        assert art.width_in == pytest.approx(3.1) and extent(art)[2] == pytest.approx(223.2)  # keeps its size
    assert not [w for w in recwarn if "Glyph" in str(w.message)]  # no library noise for the user
    assert not [r for r in caplog.records if r.name.startswith("matplotlib") and r.levelno >= logging.WARNING]


@pytest.mark.parametrize("name", ["\u05de\u05d5\u05de\u05d7\u05d9 \u05e8\u05e9\u05d5\u05de\u05d5\u05ea",
                                  "\u0627\u0644\u0633\u062c\u0644\u0627\u062a \u0627\u0644\u0637\u0628\u064a\u0629",
                                  "\u533b\u7642\u8a18\u9332", "\uc758\ub8cc \uae30\ub85d"])
def test_chart_faces_have_every_letter_of_names_in_other_scripts(style, name):
    """Word's chart pictures fall back, glyph by glyph, on the faces the PDF falls back on: a Hebrew,
    Arabic, Chinese or Korean name prints in letters, not boxes (Chinese and Korean need a wide face
    installed: Debian fonts-droid-fallback, fonts-nanum)."""
    from matplotlib import font_manager

    from generator.charts.theme import rc_params
    from generator.compose.styles import resolve_fonts

    families = rc_params(style)["font.family"]
    assert families[0] == style.fonts.family
    wide = ord(name[0]) > 0x2E80
    if wide and not resolve_fonts(style).fallback_wide:
        pytest.skip("no wide face installed")
    files = [font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
             for family in families]
    covered = set().union(*(font_manager.get_font(path).get_charmap() for path in files))
    assert not {c for c in name if not c.isspace() and ord(c) not in covered}

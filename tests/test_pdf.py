"""The PDF a print shop receives: sizes, fonts, vectors, boxes, colours, text."""

from __future__ import annotations

import re
from dataclasses import replace
import subprocess
import sys

import pytest

from conftest import make_brochure, run_tool
from generator.render import pdf

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]

AUDIENCES = ("students", "job-seekers", "counselors")
EXPECTED = {"students": ("792 x 612", 2), "job-seekers": ("612 x 792", 2), "counselors": ("612 x 792", 4)}


def info(path) -> str:
    return run_tool("pdfinfo", str(path))


def text_of(path) -> str:
    return re.sub(r"\s+", " ", run_tool("pdftotext", str(path), "-"))


@pytest.mark.parametrize("audience", AUDIENCES)
def test_trim_size_and_page_count(built, audience):
    size, pages = EXPECTED[audience]
    details = info(built[(audience, False)])
    assert f"Page size:       {size} pts" in details
    assert re.search(rf"Pages:\s+{pages}\n", details)


@pytest.mark.parametrize("layout,size", [("trifold", "841.89 x 595.276"), ("flyer", "595.276 x 841.89"),
                                         ("booklet", "595.276 x 841.89")])
def test_a4_paper(tmp_path, seed_profile, seed_charts, layout, size):
    brochure = make_brochure(seed_profile, "counselors", layout, "a4", seed_charts)
    path = tmp_path / "a4.pdf"
    pdf.write(brochure, path)
    assert f"Page size:       {size} pts" in info(path)


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("bleed", [False, True])
def test_every_font_embedded_and_no_helvetica(built, audience, bleed):
    rows = run_tool("pdffonts", str(built[(audience, bleed)])).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        assert row.split()[-5] == "yes", row  # the 'emb' column
        assert "Helvetica" not in row


@pytest.mark.parametrize("audience", AUDIENCES)
def test_charts_are_vector(built, audience):
    listing = run_tool("pdfimages", "-list", str(built[(audience, False)])).splitlines()
    assert listing[2:] == []


@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("bleed", [False, True])
def test_qpdf_check_clean(built, audience, bleed):
    if not run_tool("which", "qpdf"):
        pytest.skip("qpdf missing")
    result = subprocess.run(["qpdf", "--check", str(built[(audience, bleed)])], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


@pytest.mark.parametrize("audience", AUDIENCES)
def test_title_and_median_pay_on_the_page(built, audience):
    text = text_of(built[(audience, False)])
    assert "Medical Records Specialists" in text
    assert "$50,250" in text


def test_counselors_booklet_has_every_range_certification_and_source(built, seed_profile):
    from generator.compose.wording import salary_range

    text = text_of(built[("counselors", False)])
    for level in seed_profile.levels:
        assert salary_range(level.salary) in text, level.name
    for cert in seed_profile.how_to_become.certifications:
        assert cert.name in text
        assert cert.issuer in text
    assert seed_profile.sources
    for source in seed_profile.sources:
        assert source.name in text
        assert f"Data as of {source.data_as_of}" in text


def test_charts_keep_their_labels_as_text(built):
    text = text_of(built[("counselors", False)])
    assert "Median $50,250" in text
    assert "$55K\u2013$80K+" in text


def test_metadata_and_language(built):
    details = info(built[("students", False)])
    assert "Title:           Medical Records Specialists" in details
    assert "Keywords:" in details and "career" in details
    assert "Author:          career-brochure" in details
    raw = built[("students", False)].read_bytes()
    assert b"/Lang (en-US)" in raw


def test_bookmarks_follow_reading_order(built, seed_profile):
    from pypdf import PdfReader

    reader = PdfReader(built[("students", False)])
    marks = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]
    titles = [t for t, _ in marks]
    # cover (outside, page 1) first, then the inside panels, the back panel last
    assert marks[0] == (seed_profile.title, 0)
    assert marks[1] == ("What they do", 1)
    # inside-left, then the flap beside it (the steps), then the inside-middle (the pay chart)
    assert titles.index("A day on the job") < titles.index("How to get there") < titles.index("Pay grows as you do")
    back = titles.index("Where the numbers come from")
    assert marks[back][1] == 0 and all(page == 0 for _, page in marks[back:])
    assert all(page == 1 for _, page in marks[1:3])  # inside-left before the flap


def _box(raw: bytes, name: str) -> list[float]:
    match = re.search(rb"/" + name.encode() + rb" \[\s*([\d.\s-]+)\]", raw)
    assert match, name
    return [float(v) for v in match.group(1).split()]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_print_shop_boxes(built, audience):
    raw = built[(audience, True)].read_bytes()
    trim, bleed, media = _box(raw, "TrimBox"), _box(raw, "BleedBox"), _box(raw, "MediaBox")
    width, height = (792, 612) if audience == "students" else (612, 792)
    assert trim[2] - trim[0] == pytest.approx(width) and trim[3] - trim[1] == pytest.approx(height)
    assert [b - t for b, t in zip(bleed, trim)] == pytest.approx([-9, -9, 9, 9])
    assert media[0] <= bleed[0] - 9 and media[2] >= bleed[2] + 9  # room for the crop marks


@pytest.mark.parametrize("audience", AUDIENCES)
def test_print_shop_colours_are_cmyk_only(built, audience, tmp_path):
    run_tool("qpdf", "--version")
    flat = tmp_path / "flat.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(built[(audience, True)]), str(flat)],
                   check=True)
    content = flat.read_bytes()
    assert re.search(rb"\s(rg|RG|sc|SC|scn|SCN)\n", content) is None
    assert re.search(rb"\s(k|K)\n", content)
    assert b"0 0 0 1 k" in content  # body text in black ink only


def test_same_input_same_bytes(seed_profile, seed_charts):
    brochure = make_brochure(seed_profile, "students", charts=seed_charts)
    assert pdf.render(brochure) == pdf.render(brochure)
    again = make_brochure(seed_profile, "students", charts=seed_charts)
    assert pdf.render(again, bleed=True) == pdf.render(brochure, bleed=True)


def _words(path):
    """(page number, xMin, yMin, xMax, yMax, word) of every word."""
    xml = run_tool("pdftotext", "-bbox", str(path), "-")
    page = 0
    for line in xml.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line)
        if found:
            yield (page, *map(float, found.groups()[:4]), found.group(5))


def test_trifold_text_keeps_clear_of_folds_and_trim(built):
    clear = 18.0  # 0.25 in
    folds = {1: (0, 261.0, 526.5, 792.0), 2: (0, 265.5, 531.0, 792.0)}
    words = list(_words(built[("students", False)]))
    assert len(words) > 200
    for page, x0, y0, x1, y1, word in words:
        assert y0 >= clear and y1 <= 612 - clear, word
        for line in folds[page]:
            assert x1 <= line - clear or x0 >= line + clear, (page, word, x0, x1, line)


@pytest.mark.parametrize("audience", ["job-seekers", "counselors"])
def test_portrait_text_keeps_clear_of_trim(built, audience):
    for page, x0, y0, x1, y1, word in _words(built[(audience, False)]):
        assert x0 >= 18 and x1 <= 612 - 18 and y0 >= 18 and y1 <= 792 - 18, word


def test_profile_text_is_data_not_markup(tmp_path, seed_profile, seed_charts):
    odd = seed_profile.model_copy(update={"overview": "Pay <b>rises</b> & falls; 5 < 6 > 4 &amp; done."})
    path = tmp_path / "odd.pdf"
    pdf.write(make_brochure(odd, "counselors", charts=seed_charts), path)
    assert "Pay <b>rises</b> & falls; 5 < 6 > 4 &amp; done." in text_of(path)


def test_characters_lato_lacks_use_the_embedded_fallback(tmp_path, seed_profile, seed_charts):
    odd = seed_profile.model_copy(update={"overview": "Ohm's law: V = I \u00d7 R, measured in \u03a9 \u2192 done."})
    path = tmp_path / "glyphs.pdf"
    pdf.write(make_brochure(odd, "counselors", charts=seed_charts), path)
    fonts = run_tool("pdffonts", str(path))
    assert "DejaVuSans" in fonts  # the style's fallback face, embedded
    assert "\u03a9 \u2192 done" in text_of(path)


@pytest.mark.parametrize("audience", ["students", "job-seekers", "counselors"])
def test_notes_lines_only_where_content_leaves_a_column_short(seed_profile, seed_charts, audience):
    """Ruled notes lines are filler: under the content of a flow column it leaves more than a third
    empty, or in a blank one; never at the foot of a full column (the spare room there is space)."""
    from generator.compose.fitting import SHORT, content_height
    from generator.compose.model import WritingLines
    from generator.render import measure

    for profile in (seed_profile, _shortened(seed_profile)):
        brochure = make_brochure(profile, audience, charts=seed_charts)
        for panel in (p for p in brochure.panels if p.role == "flow"):
            content = [s for s in panel.sections if not any(isinstance(b, WritingLines) for b in s.blocks)]
            if len(content) < len(panel.sections) and content:
                used = content_height(replace(panel, sections=tuple(content)), measure, brochure.style)
                assert used < SHORT * panel.text_height, (audience, panel.name, used, panel.text_height)


def _shortened(profile):
    """The profile with half its levels' duties and skills (more spare room)."""
    data = profile.model_dump()
    data["skills"] = data["skills"][:2]
    for level in data["levels"]:
        level["responsibilities"] = level["responsibilities"][:2]
    return type(profile).model_validate(data)


def test_fonts_do_not_depend_on_what_ran_before(seed_profile, seed_charts, tmp_path):
    """Another library maps the family its own way (bold to the regular file); our next PDF is unchanged."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from svglib.fonts import register_font

    from conftest import make_brochure
    from generator.compose.templates import font_path
    from generator.render import render

    brochure = make_brochure(seed_profile, "students", charts=seed_charts)
    before = render("pdf", brochure)
    regular = font_path("Lato-Regular.ttf")
    register_font("Lato", regular, weight="700", rlgFontName="Lato-Regular-Other")
    register_font("Lato", regular, weight="bold", rlgFontName="Lato-Regular-Other")
    pdfmetrics.registerFont(TTFont("Lato-Bold", regular))
    pdfmetrics.registerFontFamily("Lato", normal="Lato", bold="Lato", italic="Lato", boldItalic="Lato")
    after = render("pdf", brochure)
    assert after == before
    path = tmp_path / "after.pdf"
    path.write_bytes(after)
    faces = {line.split()[0].split("+")[-1] for line in run_tool("pdffonts", str(path)).splitlines()[2:]}
    assert {"Lato-Regular", "Lato-Bold", "Lato-Black"} <= faces and not [f for f in faces if "DejaVu" in f], faces


def test_chart_labels_in_hebrew_are_laid_out_right_to_left(tmp_path):
    """A level named in Hebrew is drawn in the chart as the page's paragraphs draw Hebrew: its letters
    placed right to left (drawn left to right as given, it read backwards)."""
    import re

    _, pdf_path = _counselors_pdf(tmp_path, "rtl-chart", "title: Records\nmedian_pay: {annual: 50250}\nlevels:\n"
                                  "  - {name: 'מומחי רשומות', salary: {min: 35000, max: 45000}}\n"
                                  "  - {name: Senior, salary: {min: 45000, max: 60000}}\n")
    drawn = re.findall(r">([^<]+)</word>", run_tool("pdftotext", "-bbox", str(pdf_path), "-"))
    assert "Senior" in drawn and "$35K\u2013$45K" in drawn  # the chart is there
    assert "יחמומ" in drawn and "תומושר" in drawn  # glyphs in the order they stand on the page
    assert "מומחי" not in drawn and "רשומות" not in drawn


def _counselors_pdf(tmp_path, name: str, yaml_text: str):
    """Build one counselors booklet from YAML text with the CLI: (result, pdf path)."""
    profile = tmp_path / f"{name}.yaml"
    profile.write_text(yaml_text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build", str(profile), "-o", str(tmp_path / "out"),
                             "-f", "pdf", "-a", "counselors"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result, tmp_path / "out" / name / "counselors-booklet.pdf"


def test_chinese_and_japanese_print_with_the_wide_fallback_or_warn(tmp_path):
    """With a wide face installed (CI: fonts-droid-fallback) every character prints; else a warning names them."""
    from generator.compose.styles import _wide
    from generator.compose.templates import load_style

    result, pdf_path = _counselors_pdf(tmp_path, "cjk", "title: 医疗记录专员\noverview: 日本語の説明。中文的说明。한국어 설명.\n"
                                       "median_pay: {annual: 50250}\nlevels:\n  - {name: 初级, salary: {min: 35000, max: 45000}}\n")
    if not _wide(tuple(load_style().fonts.fallback_wide)):
        assert "printed as boxes" in result.stderr and "医" in result.stderr
        return
    text = run_tool("pdftotext", str(pdf_path), "-")
    for phrase in ("医疗记录专员", "日本語の説明。", "中文的说明。"):
        assert phrase in text
    if len(_wide(tuple(load_style().fonts.fallback_wide))) > 1:  # a Hangul face too (CI: fonts-nanum)
        assert "boxes" not in result.stderr and "한국어 설명." in text
    else:
        assert "boxes" not in result.stderr or "한" in result.stderr
    assert "DroidSansFallback" in run_tool("pdffonts", str(pdf_path))


def test_hebrew_and_arabic_read_right_to_left(tmp_path):
    """The PDF lays right-to-left words out reversed and Arabic letters joined; text extraction gets them back in order."""
    import unicodedata

    _, pdf_path = _counselors_pdf(tmp_path, "rtl", "title: Records\noverview: 'Hebrew: מומחי רשומות רפואיות. "
                                  "Arabic: أخصائيو السجلات الطبية. Done.'\nmedian_pay: {annual: 50250}\n")
    text = unicodedata.normalize("NFKC", run_tool("pdftotext", str(pdf_path), "-"))
    flat = " ".join(text.replace("\u202b", "").replace("\u202c", "").split())
    assert "מומחי רשומות רפואיות" in flat
    assert "أخصائيو السجلات الطبية" in flat
    assert flat.index("Hebrew") < flat.index("מומחי") < flat.index("Arabic") < flat.index("أخصائيو") < flat.index("Done")


def test_reportlab_settings_of_another_library_do_not_change_our_bytes(seed_profile, seed_charts, monkeypatch):
    """ReportLab's rl_config is process-wide: a render sets what decides its bytes and puts back
    what it found."""
    from reportlab import rl_config

    brochure = make_brochure(seed_profile, "job-seekers", charts=seed_charts)
    ours = pdf.render(brochure)
    for name, value in (("useA85", 1), ("invariant", 0), ("pageCompression", 0), ("ttfAsciiReadable", 0)):
        monkeypatch.setattr(rl_config, name, value)
    assert pdf.render(brochure) == ours
    assert (rl_config.useA85, rl_config.invariant, rl_config.pageCompression) == (1, 0, 0)  # theirs, restored

"""Brand files: the career center's name, logo, colours, contact and next steps on every brochure."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import make_brochure
from generator.brand import load_brand
from generator.build import BuildOptions, build
from generator.pipeline import branded_style
from generator.compose.branding import contrast
from generator.compose.fitting import content_height
from generator.compose.model import WritingLines
from generator.errors import ProfileError
from generator.render import measure

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "templates" / "brands" / "riverside.yaml"
AUDIENCES = ("students", "job-seekers", "counselors")
LAYOUTS = ("trifold", "flyer", "booklet")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=180)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    """Every audience x layout with the example brand, PDF and Word: {(audience, layout): pdf path}."""
    out = tmp_path_factory.mktemp("branded")
    built = {}
    for layout in LAYOUTS:
        result = build([], BuildOptions(layout=layout, brand=EXAMPLE, output=out / layout))
        assert len(result.written) == 6
        for path in result.written:
            if path.suffix == ".pdf":
                built[(path.stem.rsplit("-", 1)[0], layout)] = path
    return built


def test_every_audience_and_layout_prints_who_hands_it_out(branded):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    brand = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    # the web address is printed as people write one (no 'https://'); its link is the whole address
    wanted = [brand["name"], brand["event"], *(re.sub(r"^https://", "", v) for v in brand["contact"].values())]
    assert len(branded) == 9
    for key, pdf in branded.items():
        text = _words(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
        missing = [line for line in wanted if _words(line) not in text]
        assert not missing, (key, missing)


def test_the_svg_logo_stays_vector(branded):
    if shutil.which("pdfimages") is None:
        pytest.skip("pdfimages (poppler-utils) is not installed")
    for key, pdf in branded.items():
        listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
        assert len(listing.strip().splitlines()) == 2, (key, listing)  # the header only: no raster image


def _decoded(pdf: Path, tmp_path: Path) -> set[str]:
    if shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None:
        pytest.skip("zbarimg (Debian: zbar-tools) or pdftoppm is not installed")
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / pdf.stem)], check=True)
    found = set()
    for page in sorted(tmp_path.glob(f"{pdf.stem}*.png")):
        done = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True)
        found |= {line.strip() for line in done.stdout.splitlines() if line.strip()}
    return found


def test_qr_codes_decode_to_their_targets(branded, tmp_path):
    target = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["qr"]
    assert target in _decoded(branded[("students", "trifold")], tmp_path)
    plain = tmp_path / "plain"
    build([], BuildOptions(audiences=("students",), formats=("pdf",), output=plain))
    source = yaml.safe_load((ROOT / "data" / "medical-records-specialists.yaml").read_text())["sources"][0]["url"]
    assert source in _decoded(plain / "medical-records-specialists" / "students-trifold.pdf", tmp_path)


def test_word_edition_carries_the_brand(tmp_path):
    import docx

    build([], BuildOptions(audiences=("students",), formats=("docx",), brand=EXAMPLE, output=tmp_path))
    document = docx.Document(tmp_path / "medical-records-specialists" / "students-trifold.docx")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Riverside Community College Career Center" in text and "Spring Career Fair" in text
    pictures = document.element.body.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/"
                                             "wordprocessingDrawing}docPr")
    assert any(p.get("descr") == "Riverside Community College Career Center logo" for p in pictures)
    assert str(document.styles["Heading 1"].font.color.rgb) == "1F5C4A"  # the brand's primary
    links = document.element.body.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink")
    targets = {document.part.rels[link.get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")].target_ref for link in links}
    assert "mailto:careers@riverside.example.edu" in targets


@pytest.mark.parametrize("brand_file", [None, EXAMPLE], ids=["plain", "branded"])
@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_panel_left_more_than_a_third_empty(audience, brand_file, seed_profile):
    from generator.charts import render_charts
    from generator.compose import compose
    from generator.compose.templates import load_audience, load_layout

    brand = load_brand(brand_file)[0] if brand_file else None
    style = branded_style(brand)[0]
    spec = load_audience(audience)
    brochure = compose(seed_profile, "x", spec, load_layout(spec.default_layout), "letter", style,
                       render_charts(seed_profile, style), measure, brand)
    for panel in brochure.panels:
        if panel.role == "cover" or any(isinstance(b, WritingLines) for s in panel.sections for b in s.blocks):
            continue  # the cover is a composition of its own; ruled lines fill their panel
        used = content_height(panel, measure, brochure.style)
        assert used >= panel.text_height * 2 / 3, f"{panel.name}: {used:.0f} of {panel.text_height:.0f} pt"


# --- bad brand files ---------------------------------------------------------------------------

GOOD = {"name": "Eastside Career Office", "logo": "logo.svg", "qr": "https://eastside.example.org/book",
        "colours": {"primary": {"rgb": "#123456", "cmyk": [0.8, 0.5, 0.2, 0.5]}}}
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><rect width="100" height="40"/></svg>'


def _brand(tmp_path: Path, changes: dict, logo: bytes = SVG, logo_name: str = "logo.svg") -> Path:
    data = {**GOOD, **changes}
    (tmp_path / logo_name).write_bytes(logo)
    path = tmp_path / "brand.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _png(width: int) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, width // 3), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("changes,needle", [
    ({"logo": "missing.svg"}, "logo: file not found"),
    ({"qr": "javascript:alert(1)"}, "qr"),
    ({"colour": "#fff"}, "colour"),
    ({"contact": {"email": "not an address"}}, "contact.email"),
    ({"colours": {"primary": {"rgb": "navy"}}}, "colours.primary.rgb"),
])
def test_a_bad_brand_file_is_one_line_exit_2_and_nothing_written(tmp_path, changes, needle):
    brand = _brand(tmp_path, changes)
    result = run("build", "--brand", str(brand), "-a", "students", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(brand)) and needle in lines[0], lines
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_a_low_resolution_logo_warns_and_builds(tmp_path):
    brand = _brand(tmp_path, {"logo": "logo.png"}, logo=_png(65), logo_name="logo.png")  # 50 ppi at 1.3 in
    result = run("build", "--brand", str(brand), "-a", "students", "-f", "pdf", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.search(r"logo: warning: 65 px wide is 50 ppi", result.stderr)
    assert (tmp_path / "out" / "medical-records-specialists" / "students-trifold.pdf").is_file()


def test_a_colour_that_fails_contrast_is_darkened_with_a_warning(tmp_path, seed_profile):
    brand = _brand(tmp_path, {"colours": {"primary": {"rgb": "#7FB8E0", "cmyk": [0.45, 0.15, 0, 0]},
                                          "light": {"rgb": "#9AA0A6"}}})
    loaded, notes = load_brand(brand)
    style, warnings = branded_style(loaded)
    primary, tint = style.colours["primary"].rgb, style.colours["tint"].rgb
    assert contrast(primary, "#FFFFFF") >= 4.5 and primary != "#7FB8E0"
    assert contrast(tint, style.colours["text"].rgb) >= 4.5 and contrast(tint, style.colours["muted"].rgb) >= 4.5
    assert any("colours.primary: warning: #7FB8E0 has 2.1:1" in w and "darkened to" in w for w in warnings), warnings
    assert any("colours.light" in w and "lightened" in w for w in warnings), warnings
    unprinted = _brand(tmp_path, {"colours": {"primary": {"rgb": "#123456"}}})
    warnings = branded_style(load_brand(unprinted)[0])[1]
    assert any("colours.primary: warning: no cmyk given" in w for w in warnings), warnings


def test_brand_schema_and_unknown_keys(tmp_path):
    result = run("schema", "--brand", cwd=tmp_path)
    assert result.returncode == 0 and '"next_steps"' in result.stdout and '"qr"' in result.stdout
    with pytest.raises(ProfileError, match=r"brand\.yaml:\d+: colour: "):
        load_brand(_brand(tmp_path, {"colour": "#fff"}))


def test_a_program_for_one_career_shows_only_on_its_brochures(seed_profile):
    """The example brand's certificate and coding course name the occupations they lead to; meeting
    a counselor names none and suits every brochure."""
    from generator.charts import render_charts
    from generator.compose import draft
    from generator.compose.model import Bullets
    from generator.compose.templates import load_audience

    brand = load_brand(EXAMPLE)[0]
    nurses = seed_profile.model_copy(update={"title": "Registered Nurses"})
    for profile, wanted in ((seed_profile, 3), (nurses, 1)):
        charts = render_charts(profile, branded_style(brand)[0])
        steps = next(s for s in draft(profile, load_audience("job-seekers"), charts, brand).by_role["back"]
                     if s.section_id == "next_steps")
        names = [label for b in steps.blocks if isinstance(b, Bullets) for label in (b.labels or b.items)]
        assert len(names) == wanted, names
        assert any("counselor" in n for n in names)

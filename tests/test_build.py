"""`career-brochure build` end to end: files, formats, errors, reproducibility."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "tests" / "fixtures" / "import" / "seed-medical-records-specialists.txt"
DEFAULT_FILES = sorted(f"{a}.{ext}" for a in ("students-trifold", "job-seekers-flyer", "counselors-booklet")
                       for ext in ("pdf", "docx"))


def cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def default_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = cli("build", "-o", out)
    assert result.exit_code == 0, result.output
    return out / "medical-records-specialists"


def test_no_argument_builds_the_six_default_files(default_build):
    assert sorted(p.name for p in default_build.iterdir()) == DEFAULT_FILES


def test_build_twice_gives_identical_bytes(default_build, tmp_path):
    assert cli("build", "-o", tmp_path).exit_code == 0
    for name in DEFAULT_FILES:
        again = tmp_path / "medical-records-specialists" / name
        assert hashlib.sha256(again.read_bytes()).digest() == \
            hashlib.sha256((default_build / name).read_bytes()).digest(), name


def test_source_date_epoch_sets_the_pdf_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert cli("build", "-a", "students", "-f", "pdf", "-o", tmp_path).exit_code == 0
    raw = (tmp_path / "medical-records-specialists" / "students-trifold.pdf").read_bytes()
    assert b"D:20231114" in raw


@pytest.mark.parametrize("name", [n for n in DEFAULT_FILES if n.endswith(".docx")])
def test_docx_uses_heading_styles_and_alt_text(default_build, name):
    document = docx.Document(default_build / name)
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1"} <= styles
    descriptions = [d.get("descr") for d in document.element.body.iter()
                    if d.tag.endswith("}docPr")]
    assert descriptions and all(descriptions)
    assert document.core_properties.title.startswith("Medical Records Specialists")
    assert document.core_properties.language == "en-US"


def test_trifold_docx_is_landscape_with_three_columns(default_build):
    document = docx.Document(default_build / "students-trifold.docx")
    for section in document.sections:
        assert section.page_width > section.page_height
        cols = section._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cols")
        assert cols.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num") == "3"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_every_docx_converts_with_libreoffice(default_build, tmp_path):
    files = [str(default_build / n) for n in DEFAULT_FILES if n.endswith(".docx")]
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *files],
                   check=True, capture_output=True, timeout=180)
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == \
        sorted(n.replace(".docx", ".pdf") for n in DEFAULT_FILES if n.endswith(".docx"))
    if shutil.which("pdfinfo") is None:
        return
    for converted in tmp_path.glob("*.pdf"):  # the Word edition has the print's pages and face
        def pages(path):
            info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
            return int(re.search(r"Pages:\s+(\d+)", info).group(1))
        assert pages(converted) == pages(default_build / converted.name), converted.name
        fonts = subprocess.run(["pdffonts", str(converted)], capture_output=True, text=True).stdout
        faces = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:]}
        assert faces and all(face.startswith("Lato") for face in faces), (converted.name, faces)


def test_flyer_and_booklet_flow_in_two_word_columns(default_build):
    for name in ("job-seekers-flyer.docx", "counselors-booklet.docx"):
        document = docx.Document(default_build / name)
        cols = [s._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cols")
                for s in document.sections]
        nums = [(c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num") or "1") if c is not None else "1"
                for c in cols]
        # cover band, two columns (a section per printed page), the closing band in its printed
        # columns (free help beside the sources)
        assert nums[0] == "1" and nums[-1] == "2" and set(nums[1:-1]) == {"2"}, (name, nums)
        assert len(nums) == {"job-seekers-flyer.docx": 4, "counselors-booklet.docx": 6}[name]


def test_plain_text_profile_is_imported_on_the_fly(tmp_path):
    result = cli("build", SEED_TEXT, "-a", "job-seekers", "-f", "pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / SEED_TEXT.stem / "job-seekers-flyer.pdf").is_file()


def test_layout_and_paper_options(tmp_path):
    result = cli("build", "-a", "students", "-l", "booklet", "--paper", "a4", "-f", "pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "medical-records-specialists" / "students-booklet.pdf").is_file()


def test_bad_profile_exit_2_one_line_and_nothing_written(tmp_path):
    good = ROOT / "data" / "medical-records-specialists.yaml"
    bad = tmp_path / "in" / "zz-bad.yaml"
    bad.parent.mkdir()
    shutil.copy(good, tmp_path / "in" / "aa-good.yaml")
    bad.write_text(good.read_text(encoding="utf-8").replace("  annual: 50250", "  annual: lots"), encoding="utf-8")
    alone = cli("build", bad, "-o", tmp_path / "alone")
    assert alone.exit_code == 2  # bad input on its own: one line, nothing written
    lines = alone.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{bad}:") and "median_pay.annual" in lines[0]
    assert "Traceback" not in alone.output
    assert not (tmp_path / "alone").exists()
    # in a batch, the bad profile fails alone (one line, exit 1) and the good one is built
    result = cli("build", bad.parent, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert [line for line in result.stderr.strip().splitlines() if "zz-bad" in line] == lines
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["aa-good"]


def test_unknown_audience_is_a_usage_error(tmp_path):
    result = cli("build", "-a", "astronauts", "-o", tmp_path)
    assert result.exit_code == 2
    assert "unknown audience 'astronauts'" in result.stderr
    assert not any(tmp_path.iterdir())


def test_content_that_cannot_fit_fails_with_exit_1_naming_the_block(tmp_path):
    text = (ROOT / "data" / "medical-records-specialists.yaml").read_text(encoding="utf-8")
    huge = tmp_path / "huge.yaml"
    huge.write_text(text.replace("overview: ", "overview: " + "Records matter. " * 1500, 1), encoding="utf-8")
    result = cli("build", huge, "-a", "students", "-o", tmp_path / "out")
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert "\n" not in line and "section 'overview'" in line and " pt" in line
    assert not (tmp_path / "out").exists()


def test_list_shows_audiences_and_layouts():
    result = cli("list")
    for name in ("students", "job-seekers", "counselors", "trifold", "flyer", "booklet"):
        assert name in result.stdout


def test_python_dash_m_works(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "list"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "trifold" in result.stdout


def test_the_prints_spare_ruled_lines_stay_out_of_word(default_build):
    from generator.compose.model import WritingLines

    out = subprocess.run(["pdftotext", "-layout", str(default_build / "counselors-booklet.pdf"), "-"],
                         capture_output=True, text=True) if shutil.which("pdftotext") else None
    assert out is None or "Overview" in out.stdout
    document = docx.Document(default_build / "counselors-booklet.docx")
    ruled = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.find(  # a rule under each line
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr/"
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}between") is not None]
    assert ruled == []  # Word reflows: a printed page's spare room is not carried into it
    assert WritingLines(spare=True).spare


def test_trifold_word_text_starts_with_the_title(default_build):
    """Reading order: the cover first (its side fills columns right to left, so it still prints on the right)."""
    document = docx.Document(default_build / "students-trifold.docx")
    headings = [p.text for p in document.paragraphs if p.style.name in ("Title", "Heading 1")]
    assert headings[0] == "Medical Records Specialists"
    outside = document.sections[0]._sectPr
    assert outside.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is not None
    inside = document.sections[1]._sectPr
    assert inside.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidi") is None


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_word_files_have_no_empty_paragraphs_and_real_links(default_build):
    for name in ("students-trifold.docx", "job-seekers-flyer.docx", "counselors-booklet.docx"):
        body = docx.Document(default_build / name).element.body
        for p in body.iter(f"{W_NS}p"):
            text = "".join(t.text or "" for t in p.iter(f"{W_NS}t"))
            ppr = p.find(f"{W_NS}pPr")
            section_end = ppr is not None and ppr.find(f"{W_NS}sectPr") is not None
            in_cell = p.getparent().tag == f"{W_NS}tc"
            assert text.strip() or list(p.iter(f"{W_NS}drawing")) or list(p.iter(f"{W_NS}br")) \
                or section_end or in_cell, (name, "empty paragraph")
        for t in body.iter(f"{W_NS}t"):  # an address on the page is a link
            if (t.text or "").startswith(("http://", "https://")):
                assert t.getparent().getparent().tag == f"{W_NS}hyperlink", (name, t.text)
        assert not list(body.iter(f"{W_NS}tblHeader")) or name == "counselors-booklet.docx"

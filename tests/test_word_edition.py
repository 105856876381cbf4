"""The Word edition prints like the PDF: every fixture's DOCX, opened in LibreOffice, has the
print's page count and only Lato for its text (the face embedded in the file, not installed here).

Slow (one LibreOffice run converts ~100 files, ~25 s); skipped where LibreOffice or poppler is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.build import BuildOptions, build

FIX = Path(__file__).resolve().parent / "fixtures"
GROUPS = {  # profiles with the same file name go to different folders
    "profiles": sorted((FIX / "profiles").glob("*.txt")),
    "by-others": sorted((FIX / "by-others").glob("*.txt")),
}

pytestmark = pytest.mark.skipif(not all(shutil.which(t) for t in ("soffice", "pdfinfo", "pdffonts")),
                                reason="needs LibreOffice (soffice) and poppler-utils")


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


LATO = {"Lato-Regular", "Lato-Bold", "Lato-Italic", "Lato-BoldItalic", "Lato-Black"}
# the faces the tool sets letters Lato lacks in (templates/styles/default.yaml's fallbacks)
FALLBACK_FACES = {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback", "DroidSansFallbackFull", "NanumGothic"}


def _faces(pdf: Path) -> set[str]:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()}


@pytest.fixture(scope="module")
def word_beside_print(tmp_path_factory):
    """[(name, tool's PDF, LibreOffice's PDF of the DOCX)] for every fixture, audience and own layout."""
    root = tmp_path_factory.mktemp("word")
    flat = root / "docx"
    flat.mkdir()
    pairs = {}
    brand = Path(__file__).resolve().parents[1] / "templates" / "brands" / "riverside.yaml"
    builds = [(group, paths, None, ("en",)) for group, paths in GROUPS.items()] + [
        ("branded", [], brand, ("en",)), ("spanish", [], None, ("es",)), ("spanish-branded", [], brand, ("es",)),
        ("local-pay", [], None, ("en", "es"))]
    oews = FIX / "oews"  # BLS's figures for two areas and the U.S.: tables and a chart in each edition
    local = {"wages": tuple(oews / f"{name}_M2025_dl.xlsx" for name in ("state", "MSA", "national")),
             "areas": ("CA", "Riverside-San Bernardino-Ontario, CA")}
    for group, paths, brand_file, languages in builds:
        result = build(paths, BuildOptions(output=root / group, brand=brand_file, languages=languages,
                                           **(local if group == "local-pay" else {})))
        for docx_file in (p for p in result.written if p.suffix == ".docx"):
            name = f"{group}__{docx_file.parent.name}__{docx_file.stem}"
            shutil.copyfile(docx_file, flat / f"{name}.docx")
            pairs[name] = docx_file.with_suffix(".pdf")
    converted = root / "converted"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(converted),
                    *sorted(str(p) for p in flat.glob("*.docx"))],
                   check=True, capture_output=True, timeout=400, cwd=root)
    return [(name, print_pdf, converted / f"{name}.pdf") for name, print_pdf in sorted(pairs.items())]


def test_every_fixture_has_a_word_edition(word_beside_print):
    assert len(word_beside_print) == 3 * sum(len(paths) for paths in GROUPS.values()) + 3 * 3 + 3 * 2
    missing = [name for name, _, word in word_beside_print if not word.is_file()]
    assert not missing


def test_word_edition_has_the_prints_page_count(word_beside_print):
    counts = [(name, _pages(printed), _pages(word)) for name, printed, word in word_beside_print]
    differ = [count for count in counts if count[1] != count[2]]
    assert not differ, differ


def test_word_edition_text_is_set_in_the_embedded_lato(word_beside_print):
    """Lato for every letter it has; a name in Hebrew, Arabic, Chinese or Japanese (which Lato lacks)
    in a fallback face that has those letters (LibreOffice may pick another of them than the print),
    and only where the print needed one too."""
    others = {name: faces for name, printed, word in word_beside_print
              if not (faces := _faces(word)) or not all(f.startswith("Lato") or (f in FALLBACK_FACES and
                                                                                 _faces(printed) - LATO)
                                                        for f in faces)}
    assert not others, others
    print_only = {name: _faces(printed) - LATO for name, printed, _ in word_beside_print if _faces(printed) - LATO}
    for name, fallbacks in print_only.items():
        assert fallbacks <= FALLBACK_FACES, (name, fallbacks)


def test_word_sets_titles_and_figures_in_lato_black_as_the_print_does(word_beside_print):
    """The heavy face is embedded as a family of its own ('Lato Black') and its styles use it, so
    LibreOffice sets the title, section heads and big figures in Lato Black, not Lato Bold."""
    without = [name for name, printed, word in word_beside_print
               if "Lato-Black" in _faces(printed) and "Lato-Black" not in _faces(word)]
    assert not without, without

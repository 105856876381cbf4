"""The Spanish edition: `--lang es` brochures from the profile's translated twin, words from the
language catalogues, figures from the base profile, set by Babel, language tagged es-US."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from generator import i18n
from generator.build import BuildOptions, build
from generator.gather import DEFAULT_PROFILE, read_editions
from generator.compose.templates import load_audience, names
from conftest import ROOT, run_tool

TWIN = DEFAULT_PROFILE.with_name("medical-records-specialists.es.yaml")
LANG_DIR = ROOT / "templates" / "lang"


def catalogue(code: str) -> dict:
    return yaml.safe_load((LANG_DIR / f"{code}.yaml").read_text(encoding="utf-8"))


def leaves(tree, prefix=""):
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from leaves(value, f"{prefix}.{key}" if prefix else key)
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from leaves(value, f"{prefix}[{index}]")
    else:
        yield prefix, str(tree)


def english_framing() -> set[str]:
    """Every English fixed phrase a Spanish brochure must not print: the English catalogue's
    texts that differ from the Spanish ones, cut at their {slots}, of two words or more."""
    spanish = dict(leaves(catalogue("es")))
    phrases = set()
    for key, text in leaves(catalogue("en")):
        if key.startswith("language.") or spanish.get(key) == text or text.startswith("http"):
            continue
        for part in re.split(r"\{[^}]*\}", text):
            part = " ".join(part.strip(" ,.;:·()").split())
            if len(part.split()) >= 2 and len(part) >= 8:
                phrases.add(part)
    return phrases


def pdf_text(path: Path) -> str:
    return " ".join(run_tool("pdftotext", str(path), "-").split())


def docx_text(path: Path) -> str:
    """Every run's text, picture alt text and document property of a DOCX, one line of words."""
    with zipfile.ZipFile(path) as package:
        xml = " ".join(package.read(name).decode("utf-8") for name in package.namelist()
                       if name.startswith(("word/document", "docProps/core")))
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    words = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs]
    words += re.findall(r'descr="([^"]*)"', xml) + re.findall(r"<dc:(?:title|subject)>([^<]*)<", xml)
    text = " ".join(words)
    for entity, char in (("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&apos;", "'")):
        text = text.replace(entity, char)
    return " ".join(text.split())


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    """The default profile built in English and Spanish: {(audience, lang, fmt): path}."""
    out = tmp_path_factory.mktemp("editions")
    build([DEFAULT_PROFILE], BuildOptions(output=out, languages=("en", "es")))
    folder = out / "medical-records-specialists"
    files = {}
    for path in folder.iterdir():
        stem, fmt = path.stem, path.suffix.lstrip(".")
        lang = "es" if stem.endswith(".es") else "en"
        files[(stem.removesuffix(".es").rsplit("-", 1)[0], lang, fmt)] = path
    return files


# --- catalogues -----------------------------------------------------------------------------

def test_every_catalogue_has_the_same_keys():
    codes = i18n.languages()
    assert {"en", "es"} <= set(codes)
    english = i18n.key_paths(catalogue("en"))
    for code in codes:
        keys = i18n.key_paths(catalogue(code))
        assert keys == english, f"{code}.yaml: missing {sorted(english - keys)[:5]}, extra {sorted(keys - english)[:5]}"


@pytest.mark.parametrize("code", ["en", "es"])
def test_every_audience_has_its_words_in_every_language(code):
    for name in names("audiences"):
        audience = load_audience(name, code)
        specs = [*audience.sections, *audience.back, *([audience.filler] if audience.filler else [])]
        assert all(spec.heading for spec in specs), name
        assert all(step.title for spec in specs for step in spec.steps), name
        assert audience.hook and audience.cover.big_number.label and audience.reader


def test_a_missing_catalogue_key_names_the_file_and_key(monkeypatch):
    broken = i18n.Catalogue("xx", {"language": {"name": "X"}})
    with pytest.raises(Exception, match=r"templates/lang/xx.yaml: missing key 'cover.openings'"):
        broken.text("cover.openings")


def test_babel_sets_figures_the_us_spanish_way():
    with i18n.use("es"):
        assert i18n.currency(50250) == "$50,250"
        assert i18n.currency(24.16) == "$24.16"
        assert i18n.percent(8.5) == "8.5%"
        assert i18n.decimal(3300000) == "3,300,000"
        assert i18n.join(["a", "b", "c"]) == "a, b y c"
        assert i18n.join(["a", "b"], "or") == "a o b"
        assert i18n.source_date("May 2024") == "mayo de 2024"
        assert i18n.source_date("Sept. 15, 2023") == "15 de septiembre de 2023"
        assert i18n.source_date("2024") == "2024" and i18n.source_date("Q2 2024") == "Q2 2024"
    assert i18n.source_date("May 2024") == "May 2024"  # English prints the source's own words
    assert i18n.join(["a", "b", "c"]) == "a, b, and c"  # English again outside the block


def test_job_counts_in_words_agree_in_number():
    from generator.compose.wording import jobs
    from generator.profile.model import JobCount

    with i18n.use("es"):
        assert [jobs(JobCount(count=n)) for n in (1_000_000, 3_300_000, 818_700)] == \
            ["1 millón", "3.3 millones", "818,700"]
    assert [jobs(JobCount(count=n)) for n in (1_000_000, 3_300_000)] == ["1 million", "3.3 million"]


# --- the Spanish brochures ------------------------------------------------------------------

def test_lang_es_writes_the_six_spanish_files(tmp_path):
    result = run_cli("build", "--lang", "es", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "medical-records-specialists").iterdir())
    assert written == ["counselors-booklet.es.docx", "counselors-booklet.es.pdf", "job-seekers-flyer.es.docx",
                       "job-seekers-flyer.es.pdf", "students-trifold.es.docx", "students-trifold.es.pdf"]
    assert "left out to fit" not in result.stderr


def test_no_english_framing_in_a_spanish_brochure(editions):
    phrases = english_framing()
    assert len(phrases) > 100
    for (audience, lang, fmt), path in editions.items():
        text = pdf_text(path) if fmt == "pdf" else docx_text(path)
        found = sorted(p for p in phrases if p in text)
        if lang == "es":
            assert not found, f"{path.name}: English framing {found[:5]}"
        else:  # the check can fail: the English twin prints its framing
            assert len(found) >= 15, f"{path.name}: only {found}"


def test_spanish_brochure_prints_the_translation_and_the_base_figures(editions):
    text = pdf_text(editions[("students", "es", "pdf")])
    for words in ("Especialistas en registros médicos", "¿Qué hacen?", "salario mediano al año", "$50,250",
                  "$24.16 por hora", "+9%", "15,000", "vacantes al año", "$35,000–$45,000 al año"):
        assert words in text, words
    docx = docx_text(editions[("students", "es", "docx")])
    assert "Especialistas en registros médicos" in docx and "$50,250" in docx and "ñ" in docx


def test_spanish_keeps_every_section_the_english_keeps():
    from generator.pipeline import edition_brochures

    options = BuildOptions(languages=("es",))
    brochures = edition_brochures(DEFAULT_PROFILE, read_editions(DEFAULT_PROFILE, options)[0], "seed",
                                  BuildOptions(languages=("en", "es")))
    by = {(b.audience, stem.endswith(".es")): b for stem, b in brochures}
    for audience in names("audiences"):
        english, spanish = by[(audience, False)], by[(audience, True)]
        assert spanish.kept >= english.kept, f"{audience}: Spanish drops {sorted(english.kept - spanish.kept)}"
        assert spanish.page_count == english.page_count


def test_language_is_es_us_in_pdf_and_docx(editions):
    import pikepdf

    for (audience, lang, fmt), path in editions.items():
        tag = "es-US" if lang == "es" else "en-US"
        if fmt == "pdf":
            with pikepdf.open(path) as pdf:
                assert str(pdf.Root.Lang) == tag
                assert f"<rdf:li>{tag}</rdf:li>" in pdf.Root.Metadata.read_bytes().decode()
        else:
            with zipfile.ZipFile(path) as package:
                styles = package.read("word/styles.xml").decode()
                core = package.read("docProps/core.xml").decode()
            assert f'w:lang w:val="{tag}"' in styles and f"<dc:language>{tag}</dc:language>" in core


def test_spanish_files_are_the_same_bytes_twice(tmp_path, editions):
    build([DEFAULT_PROFILE], BuildOptions(output=tmp_path, languages=("es",)))
    for (audience, lang, fmt), path in editions.items():
        if lang == "es":
            again = tmp_path / "medical-records-specialists" / path.name
            assert again.read_bytes() == path.read_bytes(), path.name


# --- the twin -------------------------------------------------------------------------------

def test_the_spanish_twin_validates_against_its_base():
    result = run_cli("validate", str(TWIN), str(DEFAULT_PROFILE))
    assert result.returncode == 0, result.stderr
    assert "2 profile(s) valid" in result.stdout


def _profile_without_twin(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return Path(shutil.copy(DEFAULT_PROFILE, folder / "welders.yaml"))


def test_a_missing_twin_is_one_line_exit_2_and_nothing_written(tmp_path):
    profile = _profile_without_twin(tmp_path)
    out = tmp_path / "out"
    result = run_cli("build", str(profile), "--lang", "es", "-o", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "welders.es.yaml does not exist" in lines[0] and "--allow-english-content" in lines[0]
    assert not out.exists() or not any(out.rglob("*.pdf"))


def test_allow_english_content_builds_spanish_framing_with_a_warning(tmp_path):
    profile = _profile_without_twin(tmp_path)
    out = tmp_path / "out"
    result = run_cli("build", str(profile), "--lang", "es", "--allow-english-content", "-f", "pdf", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "warning: no Español translation (welders.es.yaml)" in result.stderr
    text = pdf_text(out / "welders" / "students-trifold.es.pdf")
    assert "¿Qué hacen?" in text and "Medical records specialists play a critical role" in text


@pytest.mark.parametrize("twin_text, field, line", [
    ("title: Soldadores\nmedian_pay:\n  annual: 1\n", "median_pay.annual", 3),
    ("title: Soldadores\nlevels:\n- name: Uno\n", "levels", 2),
    ("titulo: Soldadores\n", "titulo", 1),
    ("sources:\n- name: BLS\n  url: https://example.org\n", "sources[0].url", 3),
    ("growth:\n  label: Rápido\n  percent: 12\n", "growth.percent", 3),
])
def test_a_twin_with_figures_or_a_wrong_shape_names_the_field(tmp_path, twin_text, field, line):
    profile = _profile_without_twin(tmp_path)
    twin = profile.with_name("welders.es.yaml")
    twin.write_text(twin_text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", str(profile), "--lang", "es", "-o", str(out))
    assert result.returncode == 2
    assert f"{twin}:{line}: {field}:" in result.stderr
    assert not out.exists() or not any(out.rglob("*.pdf"))


def test_a_folder_build_skips_twins_and_naming_one_says_what_to_do(tmp_path):
    out = tmp_path / "out"
    build([DEFAULT_PROFILE.parent], BuildOptions(output=out, formats=("pdf",), audiences=("students",)))
    assert sorted(p.name for p in out.iterdir()) == ["medical-records-specialists"]
    result = run_cli("build", str(TWIN), "-o", str(out))
    assert result.returncode == 2
    assert f"build {DEFAULT_PROFILE.relative_to(ROOT)} with --lang es" in result.stderr.replace(str(ROOT) + "/", "")


def test_unknown_language_is_one_line_exit_2():
    result = run_cli("build", "--lang", "fr", "-o", "/nonexistent/out")
    assert result.returncode == 2
    assert result.stderr.strip() == "unknown language 'fr' (known: en, es)"


def test_list_shows_the_languages():
    result = run_cli("list")
    assert "es           Español (es-US)" in result.stdout


FIXTURES = sorted([*(ROOT / "tests" / "fixtures" / "profiles").glob("*.txt"),
                   *(ROOT / "tests" / "fixtures" / "by-others").glob("*.txt")])


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_every_fixture_builds_a_spanish_edition_around_its_english_text(fixture, tmp_path):
    """Spanish framing around any profile's own text (hostile characters, hourly pay, long titles):
    it builds, fits and prints its figures as the source gives them."""
    result = build([fixture], BuildOptions(output=tmp_path, formats=("pdf",), languages=("es",),
                                           allow_english_content=True))
    assert len(result.written) == 3
    assert all(path.name.endswith(".es.pdf") for path in result.written)


HOSTILE_TWINS = [
    ("deep nesting", ("title: X\nnotes: " + "[" * 600 + "]" * 600 + "\n").encode(), "nested"),
    ("alias bomb", (b'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
                    b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                    b"skills: [*d,*d]\n"), "yaml:1: a: unknown field"),
    ("python tag", b"title: !!python/object/apply:os.system ['echo hi']\n", "YAML syntax error"),
    ("empty", b"", "expected a mapping"),
    ("a list", b"- uno\n- dos\n", "expected a mapping"),
    ("not UTF-8", b"title: \xff\xfe\x00bad\n", ""),
    ("text where a mapping goes", b"how_to_become: mucho\n", "how_to_become"),
    ("a number for a text", b"title: 12\n", "title"),
]


@pytest.mark.parametrize("name,data,says", HOSTILE_TWINS, ids=[c[0] for c in HOSTILE_TWINS])
def test_a_hostile_twin_is_one_clear_refusal(tmp_path, name, data, says):
    profile = _profile_without_twin(tmp_path)
    twin = profile.with_name("welders.es.yaml")
    twin.write_bytes(data)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "generator", "build", str(profile), "--lang", "es", "-o", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith(str(twin)) for line in lines), lines
    assert says.casefold() in result.stderr.casefold()
    assert not out.exists() or not any(out.rglob("*.pdf"))


BRAND = ROOT / "templates" / "brands" / "riverside.yaml"


def test_a_brand_speaks_the_brochures_language(tmp_path):
    result = run_cli("build", "--lang", "en", "--lang", "es", "--brand", str(BRAND), "-a", "students",
                     "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "translations" not in result.stderr  # the example brand has its Spanish words
    folder = tmp_path / "medical-records-specialists"
    spanish, english = pdf_text(folder / "students-trifold.es.pdf"), pdf_text(folder / "students-trifold.pdf")
    assert "Feria de Empleo de Primavera · Puesto 12 · 9 de abril" in spanish
    assert "Lunes a jueves" in spanish and "(555) 010-4321" in spanish  # the phone is never translated
    assert "Spring Career Fair" not in spanish and "Monday to Thursday" not in spanish
    assert "Spring Career Fair · Booth 12 · April 9" in english
    word = docx_text(folder / "students-trifold.es.docx")
    assert "Logotipo de Centro de Carreras de Riverside Community College" in word
    assert "Riverside Community College Career Center logo" in docx_text(folder / "students-trifold.docx")


@pytest.mark.parametrize("translation, field", [
    ("    contact: {phone: '(555) 999-0000'}\n", "translations.es.contact.phone"),
    ("    qr: https://example.org/es\n", "translations.es.qr"),
    ("    colours: {primary: {rgb: '#000000', cmyk: [0, 0, 0, 1]}}\n", "translations.es.colours"),
    ("    next_steps: [{name: Uno}]\n", "translations.es.next_steps"),
    ("    nombre: Centro\n", "translations.es.nombre"),
])
def test_a_brand_translation_with_more_than_words_names_the_field(tmp_path, translation, field):
    text = BRAND.read_text(encoding="utf-8")
    text = text[:text.index("translations:")] + "translations:\n  es:\n" + translation
    brand = tmp_path / "brand.yaml"
    brand.write_text(text.replace("logo: riverside-logo.svg\n", ""), encoding="utf-8")
    result = run_cli("build", "--lang", "es", "--brand", str(brand), "-o", str(tmp_path / "out"))
    assert result.returncode == 2, result.stderr
    assert f"{brand}:" in result.stderr and f": {field}:" in result.stderr, result.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.pdf"))


def test_a_brand_without_the_language_warns_once_and_prints_its_words(tmp_path):
    text = BRAND.read_text(encoding="utf-8")
    brand = tmp_path / "brand.yaml"
    brand.write_text(text[:text.index("# The brand's words in Spanish")].replace("logo: riverside-logo.svg\n", ""),
                     encoding="utf-8")
    result = run_cli("build", "--lang", "es", "--brand", str(brand), "-a", "students", "-f", "pdf",
                     "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("no 'es' translations") == 1
    assert "Spring Career Fair" in pdf_text(tmp_path / "out" / "medical-records-specialists" / "students-trifold.es.pdf")


def test_a_plain_text_profile_takes_a_yaml_twin_and_is_never_taken_for_one(tmp_path):
    source = sorted((ROOT / "tests" / "fixtures" / "profiles").glob("*.txt"))[0]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nurses.txt").write_bytes(source.read_bytes())
    (folder / "nurses.es.txt").write_bytes(source.read_bytes())  # a profile whose name ends in .es
    (folder / "nurses.es.yml").write_text("title: Enfermeros\n", encoding="utf-8")
    result = build([folder], BuildOptions(output=tmp_path / "out", formats=("pdf",), audiences=("students",),
                                          languages=("es",), allow_english_content=True))
    names = sorted(str(p.relative_to(tmp_path / "out")) for p in result.written)
    assert names == ["nurses-es/students-trifold.es.pdf", "nurses/students-trifold.es.pdf"], names
    assert "Enfermeros" in pdf_text(tmp_path / "out" / "nurses" / "students-trifold.es.pdf")
    assert result.warnings == [f"{folder / 'nurses.es.txt'}: warning: no Español translation (nurses.es.es.yaml); "
                               "the Español edition frames the profile's English text"]

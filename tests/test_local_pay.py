"""Local pay from BLS's OEWS tables: the figures on the page are the table's own cells, BLS's codes
in words, every bad table one line and exit 2 with nothing written."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from generator.build import BuildOptions, build
from generator.cli import main
from generator.errors import InputError
from generator.wages import find_area, load_tables, local_pay, occupation
from generator.wages.index import open_index
from generator.wages.table import read_rows

FIX = Path(__file__).resolve().parent / "fixtures" / "oews"
STATE_XLSX, STATE_CSV = FIX / "state_M2025_dl.xlsx", FIX / "state_M2025_dl.csv"
METRO, NATIONAL = FIX / "MSA_M2025_dl.xlsx", FIX / "national_M2025_dl.xlsx"
RIVERSIDE = "Riverside-San Bernardino-Ontario, CA"
AUDIENCES = ("students", "job-seekers", "counselors")


def cells(path: Path, area_title: str, occupation_title: str) -> dict[str, str]:
    """The table's own row, read with the csv module or openpyxl (not the tool's reader)."""
    if path.suffix == ".csv":
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).worksheets[0]
        values = list(sheet.iter_rows(values_only=True))
        rows = [dict(zip(values[0], row)) for row in values[1:]]
    row = next(r for r in rows if r["AREA_TITLE"] == area_title and r["OCC_TITLE"] == occupation_title)
    return {key: str(value) for key, value in row.items()}


def dollars(figure: str, hourly: bool = False) -> str:
    value = float(str(figure).replace(",", ""))
    return f"${value:,.2f}" if hourly else f"${value:,.0f}"


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The bundled profile with the state, metro and national tables, for California and Riverside."""
    out = tmp_path_factory.mktemp("local")
    options = BuildOptions(output=out, wages=(STATE_XLSX, METRO, NATIONAL), areas=("CA", RIVERSIDE),
                           languages=("en", "es"), allow_english_content=True)
    written = build([], options).written
    return {path.name: path for path in written}


def test_every_brochure_prints_the_areas_and_bls_figures(built):
    state = cells(STATE_XLSX, "California", "Medical Records Specialists")
    metro = cells(METRO, RIVERSIDE, "Medical Records Specialists")
    us = cells(NATIONAL, "U.S.", "Medical Records Specialists")
    for audience, layout in zip(AUDIENCES, ("trifold", "flyer", "booklet")):
        for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
            text = read(built[f"{audience}-{layout}.{fmt}"])
            for area in ("California", RIVERSIDE):
                assert area in text, (audience, fmt, area)
            for row in (state, metro, us):
                assert dollars(row["A_MEDIAN"]) in text, (audience, fmt, row["AREA_TITLE"])
            assert "Occupational Employment and Wage Statistics, May 2025" in text, (audience, fmt)
    seekers = pdf_text(built["job-seekers-flyer.pdf"])
    assert f"middle half {dollars(state['A_PCT25'])} to {dollars(state['A_PCT75'])}" in seekers
    assert f"{int(float(state['TOT_EMP'])):,} jobs" in seekers
    counselors = docx_text(built["counselors-booklet.docx"])
    for key in ("A_PCT10", "A_PCT90"):
        assert dollars(metro[key]) in counselors
    for key in ("H_PCT10", "H_MEDIAN", "H_PCT90"):
        assert dollars(state[key], hourly=True) in counselors


def test_the_counselors_chart_states_the_areas_figures(built):
    """A vector chart of each area's 10th to 90th percentile and median, its alt text BLS's figures,
    in the PDF (as text, not a picture) and in Word (as a picture with that alt text)."""
    from generator.charts.local import area_bars, local_chart
    from generator.compose.templates import load_style
    from generator.wages import load_tables

    tables = load_tables([STATE_XLSX, METRO, NATIONAL])
    code, title = occupation(tables, "29-2072", "Medical Records Specialists")
    pay = local_pay(tables, [find_area(tables, "CA"), find_area(tables, RIVERSIDE)], code, title)
    art = local_chart(pay, load_style())
    assert {op[0] for op in art.vector} == {"path", "text"}  # vector: paths and text, no picture
    assert [bar.name for bar in area_bars(pay)[0]] == ["California", RIVERSIDE, "U.S."]
    for area, row in (("California", cells(STATE_XLSX, "California", "Medical Records Specialists")),
                      (RIVERSIDE, cells(METRO, RIVERSIDE, "Medical Records Specialists")),
                      ("U.S.", cells(NATIONAL, "U.S.", "Medical Records Specialists"))):
        expected = (f"{area}: 10th percentile {dollars(row['A_PCT10'])}, median {dollars(row['A_MEDIAN'])}, "
                    f"90th percentile {dollars(row['A_PCT90'])}")
        assert expected in art.alt_text
    text = pdf_text(built["counselors-booklet.pdf"])
    assert "Local pay at a glance" in text and f"median {dollars(row['A_MEDIAN'])}" in text
    document = Document(str(built["counselors-booklet.docx"]))
    alts = [el.get("descr") for el in document.element.body.iter() if el.tag.endswith("}docPr")]
    assert art.alt_text in alts


def test_the_spanish_edition_prints_the_same_figures(built):
    state = cells(STATE_XLSX, "California", "Medical Records Specialists")
    text = pdf_text(built["students-trifold.es.pdf"])
    assert "Sueldo en California" in text and f"{dollars(state['A_MEDIAN'])} al año" in text
    assert "mayo de 2025" in text


def test_the_csv_table_prints_the_same_as_the_workbook(tmp_path):
    state = cells(STATE_CSV, "California", "Medical Records Specialists")
    options = BuildOptions(output=tmp_path, wages=(STATE_CSV,), areas=("06",), formats=("pdf", "docx"))
    written = {path.name: path for path in build([], options).written}
    assert len(written) == 6
    for audience, layout in zip(AUDIENCES, ("trifold", "flyer", "booklet")):
        for fmt, read in (("pdf", pdf_text), ("docx", docx_text)):
            text = read(written[f"{audience}-{layout}.{fmt}"])
            assert "California" in text and dollars(state["A_MEDIAN"]) in text, (audience, fmt)
    assert f"Pay in California: {dollars(state['A_MEDIAN'])} a year" in pdf_text(written["students-trifold.pdf"])
    counselors = docx_text(written["counselors-booklet.docx"])
    assert all(dollars(state[key]) in counselors for key in ("A_PCT10", "A_PCT25", "A_PCT75", "A_PCT90"))


@pytest.fixture(scope="module")
def others(tmp_path_factory):
    """Actors (hourly only) and anesthesiologists (top-coded '#'), as profiles of their own."""
    folder = tmp_path_factory.mktemp("others")
    (folder / "actors.yaml").write_text("title: Actors\noverview: Actors portray characters.\n"
                                        "median_pay: {hourly: 24.39, year: 2024}\n")
    (folder / "anesthesiologists.yaml").write_text("title: Anesthesiologists\nsoc: 29-1211\n"
                                                   "overview: They administer anesthetics.\n"
                                                   "median_pay: {annual: 239200, year: 2024}\n")
    out = folder / "out"
    options = BuildOptions(output=out, wages=(STATE_XLSX, METRO, NATIONAL), areas=("Alaska", "Los Angeles-Long "
                           "Beach-Anaheim, CA"), formats=("pdf", "docx"), jobs=1)
    build([folder], options)
    return out


def test_an_hourly_only_occupation_prints_hourly_only(others):
    metro = cells(METRO, "Los Angeles-Long Beach-Anaheim, CA", "Actors")
    assert metro["HOURLY"] == "TRUE"
    text = pdf_text(others / "actors" / "students-trifold.pdf")
    section = text[text.index("Pay near you"):]
    assert f"Los Angeles-Long Beach-Anaheim, CA: {dollars(metro['H_MEDIAN'], hourly=True)} an hour" in section
    assert "a year" not in section[:section.index("Median pay,")]
    counselors = docx_text(others / "actors" / "counselors-booklet.docx")
    assert "Hourly" in counselors and "Annual" not in counselors


def test_a_top_coded_figure_prints_or_more(others):
    alaska = cells(STATE_XLSX, "Alaska", "Anesthesiologists")
    assert alaska["A_MEDIAN"] == "#"
    text = pdf_text(others / "anesthesiologists" / "job-seekers-flyer.pdf")
    assert "Pay in Alaska: $239,200 or more a year" in text
    assert "$115.00 or more" in docx_text(others / "anesthesiologists" / "counselors-booklet.docx")


def test_a_top_coded_metro_prints_or_more(tmp_path):
    anchorage = cells(METRO, "Anchorage, AK", "Anesthesiologists")
    assert anchorage["A_MEDIAN"] == anchorage["H_MEDIAN"] == "#"
    profile = tmp_path / "anesthesiologists.yaml"
    profile.write_text("title: Anesthesiologists\nsoc: 29-1211\noverview: They administer anesthetics.\n"
                       "median_pay: {annual: 239200, year: 2024}\n")
    options = BuildOptions(output=tmp_path / "out", wages=(METRO, NATIONAL), areas=("Anchorage, AK",),
                           audiences=("job-seekers", "counselors"), formats=("pdf",))
    written = {path.name: path for path in build([profile], options).written}
    assert "Pay in Anchorage, AK: $239,200 or more a year" in pdf_text(written["job-seekers-flyer.pdf"])
    counselors = pdf_text(written["counselors-booklet.pdf"])
    assert "$239,200 or more" in counselors and "$115.00 or more" in counselors


def test_a_top_coded_area_is_charted_at_the_bound_and_described_as_or_more():
    from generator.charts.local import local_chart
    from generator.compose.templates import load_style

    tables = load_tables([METRO])  # no U.S. row: Anchorage alone, every percentile '#'
    code, title = occupation(tables, "29-1211", "Anesthesiologists")
    art = local_chart(local_pay(tables, [find_area(tables, "Anchorage, AK")], code, title), load_style())
    assert "Anchorage, AK: 10th percentile $239,200 or more, median $239,200 or more, 90th percentile " \
           "$239,200 or more" in art.alt_text
    assert "median $239,200 or more" in [op[3] for op in art.vector if op[0] == "text"]  # under the name


def test_an_area_without_the_occupation_says_so(others):
    text = pdf_text(others / "actors" / "students-trifold.pdf")
    assert "Pay in Alaska: BLS publishes no figures for this occupation here" in text


def test_the_same_bytes_twice(tmp_path):
    def once(out):
        options = BuildOptions(output=out, wages=(STATE_XLSX, METRO, NATIONAL), areas=("CA", RIVERSIDE), jobs=1)
        return {p.name: p.read_bytes() for p in build([], options).written}

    assert once(tmp_path / "a") == once(tmp_path / "b")


# --- the reader --------------------------------------------------------------------------------

def _workbook(path: Path, header: list[str], rows: list[list], sheet: str = "Data", above: int = 0) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["Field", "Field Description"])
    data = book.create_sheet(sheet)
    for _ in range(above):
        data.append(["May 2025 OEWS estimates"])
    data.append(header)
    for row in rows:
        data.append(row)
    book.save(path)
    return path


def _csv_rows(path: Path = STATE_CSV) -> tuple[list[str], list[list[str]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def test_lower_case_names_another_sheet_and_text_figures_read_alike(tmp_path):
    header, rows = _csv_rows()
    odd = _workbook(tmp_path / "state_M2025_dl.xlsx", [h.lower() for h in header], rows, sheet="Sheet 7", above=2)
    ours = {(r.values["AREA"], r.values["OCC_CODE"]): r.values for r in read_rows(odd)}
    theirs = {(r.values["AREA"], r.values["OCC_CODE"]): r.values for r in read_rows(STATE_XLSX)}
    assert ours.keys() == theirs.keys()
    assert ours[("06", "29-2072")]["TOT_EMP"] == theirs[("06", "29-2072")]["TOT_EMP"] == "18700"


def _both_readers(path: Path, monkeypatch) -> tuple[list, list]:
    """The table's rows as python-calamine reads them, and as the streaming reader does (which
    reads sheets too large for calamine to hold in memory)."""
    from generator.wages import table

    held = [(row.line, row.values) for row in read_rows(path)]
    monkeypatch.setattr(table, "STREAM_ABOVE", 0)
    streamed = [(row.line, row.values) for row in read_rows(path)]
    monkeypatch.undo()
    return held, streamed


def test_a_large_sheet_is_streamed_and_reads_as_calamine_reads_it(tmp_path, monkeypatch):
    header, rows = _csv_rows()
    odd = _workbook(tmp_path / "state_M2025_dl.xlsx", [h.lower() for h in header], rows, sheet="Sheet 7", above=2)
    numbers = _workbook(tmp_path / "MSA_M2025_dl.xlsx", header, [[float(c) if c.replace(".", "").isdigit() else c
                                                                   for c in row] for row in rows])
    for path in (STATE_XLSX, METRO, NATIONAL, odd, numbers):
        held, streamed = _both_readers(path, monkeypatch)
        assert held and held == streamed, path.name
    from generator.wages import table

    broken = tmp_path / "broken_M2025_dl.xlsx"
    with zipfile.ZipFile(odd) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename.endswith("sheet2.xml") else data)
    monkeypatch.setattr(table, "STREAM_ABOVE", 0)
    with pytest.raises(InputError, match=r"broken_M2025_dl\.xlsx: cannot read the workbook"):
        list(read_rows(broken))
    # an entity naming a local file is never expanded into a cell
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    hostile = tmp_path / "hostile_M2025_dl.xlsx"
    with zipfile.ZipFile(odd) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith("sheet2.xml"):
                data = f'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file://{secret}">]>'.encode() + data
                data = data.replace(b"<t>California</t>", b"<t>&x;California</t>")
            target.writestr(item, data)
    values = [value for row in read_rows(hostile) for value in row.values.values()]
    assert len(values) == sum(len(row.values) for row in read_rows(odd))  # every row read, none stopped it
    assert not any("SECRET" in value for value in values)


def test_rows_for_one_industry_or_ownership_are_not_the_area(tmp_path):
    header, rows = _csv_rows()
    ca = next(r for r in rows if r[1] == "California" and r[9] == "Medical Records Specialists")
    hospital = [*ca[:4], "622000", "Hospitals", "sector", *ca[7:13], *["99999"] * (len(ca) - 13)]
    hospital[header.index("A_MEDIAN")] = "99999"
    path = tmp_path / "all_data_M_2025.csv"
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows([header, hospital, ca])
    tables = load_tables([path])
    area = find_area(tables, "CA")
    pay = local_pay(tables, [area], "29-2072", "Medical Records Specialists")
    assert pay.areas[0].annual[2] == "61810"


def test_an_index_is_kept_by_content_and_reused(tmp_path):
    folder = tmp_path / "cache"
    first = open_index(STATE_XLSX, folder)
    first.close()
    kept = list(folder.glob("*.sqlite"))
    assert len(kept) == 1
    stamp = kept[0].stat().st_mtime_ns
    copy = tmp_path / "copy_M2025_dl.xlsx"
    shutil.copy(STATE_XLSX, copy)
    open_index(copy, folder).close()  # the same bytes under another name: the same index
    assert list(folder.glob("*.sqlite")) == kept and kept[0].stat().st_mtime_ns == stamp
    assert not [p for p in folder.iterdir() if p.suffix != ".sqlite"]


def test_titles_and_codes_find_the_occupation():
    tables = load_tables([NATIONAL])
    assert occupation(tables, "", "medical records  specialists") == ("29-2072", "Medical Records Specialists")
    assert occupation(tables, "29-1211", "Whatever") == ("29-1211", "Anesthesiologists")
    assert occupation(tables, "", "Medical Record Clerks")[0] == "Medical Records Specialists"


@pytest.mark.parametrize("query, code", [("06", "06"), ("6", "06"), ("CA", "06"), ("california", "06"),
                                         ("riverside san bernardino ontario ca", "40140"), ("40140", "40140")])
def test_an_area_by_code_name_or_abbreviation(query, code):
    assert find_area(load_tables([STATE_XLSX, METRO]), query).code == code


# --- bad input: one line, exit 2, nothing written -----------------------------------------------

def _refused(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "-o", str(out), *args])
    assert result.exit_code == 2, result.output
    assert not out.exists() or not any(out.rglob("*.*")), list(out.rglob("*"))
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_unknown_area_lists_the_closest(tmp_path):
    line = _refused(tmp_path, "--wages", str(STATE_XLSX), "--area", "Narnia")
    assert "no area 'Narnia'" in line and "the closest:" in line


def test_ambiguous_area_lists_the_matches(tmp_path):
    line = _refused(tmp_path, "--wages", str(METRO), "--area", "San")
    assert "names" in line and "San Antonio-New Braunfels, TX" in line


def test_a_table_without_bls_columns_names_them(tmp_path):
    header, rows = _csv_rows()
    keep = [i for i, h in enumerate(header) if h not in ("A_MEDIAN", "TOT_EMP")]
    path = tmp_path / "state_M2025_dl.csv"
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows([[row[i] for i in keep] for row in [header, *rows]])
    line = _refused(tmp_path, "--wages", str(path), "--area", "CA")
    assert line.startswith(f"{path}: not an OEWS table: no column ") and "TOT_EMP" in line and "A_MEDIAN" in line


def test_an_empty_table(tmp_path):
    header, _ = _csv_rows()
    path = tmp_path / "state_M2025_dl.csv"
    path.write_text(",".join(header) + "\n")
    assert "holds no rows" in _refused(tmp_path, "--wages", str(path), "--area", "CA")
    path.write_text("")
    assert "empty" in _refused(tmp_path, "--wages", str(path), "--area", "CA")


def test_a_garbled_figure_names_file_row_and_column(tmp_path):
    header, rows = _csv_rows()
    rows[4][header.index("A_MEDIAN")] = "61,81O"
    path = tmp_path / "state_M2025_dl.csv"
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    assert _refused(tmp_path, "--wages", str(path), "--area", "CA").startswith(f"{path}: 6: A_MEDIAN: '61,81O'")


def test_not_a_workbook_and_a_zip_bomb(tmp_path):
    fake = tmp_path / "state_M2025_dl.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really")
    assert "not an .xlsx workbook" in _refused(tmp_path, "--wages", str(fake), "--area", "CA")
    bomb = tmp_path / "MSA_M2025_dl.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 * 1024 * 1024))
    assert "not a wage table" in _refused(tmp_path, "--wages", str(bomb), "--area", "CA")


def test_the_release_is_never_guessed(tmp_path):
    renamed = tmp_path / "wages.csv"
    shutil.copy(STATE_CSV, renamed)
    assert "--wages-release" in _refused(tmp_path, "--wages", str(renamed), "--area", "CA")
    out = tmp_path / "given"
    result = CliRunner().invoke(main, ["build", "-o", str(out), "-f", "pdf", "-a", "students", "--wages",
                                       str(renamed), "--wages-release", "May 2025", "--area", "CA"])
    assert result.exit_code == 0, result.output
    assert "Occupational Employment and Wage Statistics, May 2025" in pdf_text(
        out / "medical-records-specialists" / "students-trifold.pdf")


def test_a_profile_the_table_lacks(tmp_path):
    profile = tmp_path / "astronauts.yaml"
    profile.write_text("title: Astronauts\noverview: They fly.\n")
    line = _refused(tmp_path, str(profile), "--wages", str(NATIONAL), "--area", "99")
    assert "no occupation 'Astronauts'" in line and "the closest titles" in line


def test_a_batch_builds_a_profile_the_table_lacks_without_the_block(tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "astronauts.yaml").write_text("title: Astronauts\noverview: They fly.\n")
    (folder / "actors.yaml").write_text("title: Actors\noverview: They act.\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "-f", "pdf", "-a", "students",
                                       "--wages", str(STATE_XLSX), "--area", "CA", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "1 profile(s) without local pay" in result.output
    assert "Pay near you" not in pdf_text(out / "astronauts" / "students-trifold.pdf")
    assert "Pay near you" in pdf_text(out / "actors" / "students-trifold.pdf")


def test_area_without_wages_and_too_many_areas(tmp_path):
    assert "needs --wages" in _refused(tmp_path, "--area", "CA")
    line = _refused(tmp_path, "--wages", str(STATE_XLSX), *sum((["--area", a] for a in ("CA", "NV", "AZ", "OR")), []))
    assert "at most 3" in line


def test_areas_lists_what_a_table_holds():
    result = CliRunner().invoke(main, ["areas", str(METRO), "riverside"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["40140", "CA", *RIVERSIDE.split()]


def test_a_brand_sets_the_area(tmp_path):
    brand = tmp_path / "brand.yaml"
    brand.write_text("name: Valley Career Center\narea: [NV]\n")
    options = BuildOptions(output=tmp_path / "out", wages=(STATE_XLSX,), brand=brand, formats=("pdf",),
                           audiences=("students",))
    (written,) = build([], options).written
    assert "Pay in Nevada:" in pdf_text(written)
    options = BuildOptions(output=tmp_path / "over", wages=(STATE_XLSX,), brand=brand, formats=("pdf",),
                           audiences=("students",), areas=("UT",))
    (written,) = build([], options).written
    assert "Pay in Utah:" in pdf_text(written) and "Nevada" not in pdf_text(written)


def test_the_importer_reads_a_soc_code():
    from generator.profile.importer import import_text

    for text in ("Electricians (47-2111)\nMedian pay: $61,590 per year\n",
                 "Electricians\nSOC code: 47-2111\nMedian pay: $61,590 per year\n",
                 "Electricians\nSOC 47-2111\nMedian pay: $61,590 per year\n"):
        profile, _ = import_text(text, "x.txt")
        assert (profile.title, profile.soc) == ("Electricians", "47-2111"), text
        assert not profile.notes


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_tables([tmp_path / "state_M2025_dl.xlsx"])


def test_an_areas_jobs_line_stays_with_its_table():
    """No panel (nor Word column) ends between an area's "Jobs: 194,720" and its percentiles."""
    from generator.compose.atoms import Atoms
    from generator.compose.model import Heading, Paragraph, Section, Table

    blocks = (Heading("U.S.", 2), Paragraph("Jobs: 194,720"), Table(("Figure", "A year"), (("Median", "$51,140"),)),
              Paragraph("Percentiles of pay.", "caption"))
    atoms = Atoms([Section("local_pay_table", blocks)], lambda block, width, style: 10.0, None)
    assert atoms.breakable[:4] == [True, False, False, True]  # breaks before the heading and after the table only


def test_word_keeps_each_area_table_in_one_column_with_its_jobs_line(built):
    from docx.text.paragraph import Paragraph as DocxParagraph

    document = Document(str(built["counselors-booklet.docx"]))
    tables = [table for table in document.tables if table.cell(0, 0).text == "Percentile"]
    assert len(tables) == 3  # California, Riverside, the U.S.
    for table in tables:
        before = table._tbl.getprevious()
        lead = DocxParagraph(before, document._body)
        assert lead.text.startswith("Jobs: ") and lead.paragraph_format.keep_with_next, lead.text
        for row in table.rows[:-1]:
            assert all(cell.paragraphs[0].paragraph_format.keep_with_next for cell in row.cells)
        assert not table.rows[-1].cells[0].paragraphs[0].paragraph_format.keep_with_next

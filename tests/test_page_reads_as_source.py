"""Every brochure of every fixture, read back as a counselor reads it (pdftotext and python-docx).

The profile's list items are items on the page (unless the audience leaves their section out,
caps it, or fitting reports it left out); "Other notes" holds no level and no salary line; every
step says something on its own; a figure the source dates is printed with its date.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from conftest import make_brochure
from generator.charts import render_charts
from generator.compose.model import Bullets, Paragraph, Steps, Table, WritingLines
from generator.compose.pathway import route_detail, says_something
from generator.compose.templates import load_audience, load_style
from generator.compose.wording import sentences
from generator.i18n import source_date
from generator.profile.importer import import_file
from generator.render import docx as docx_writer
from generator.render import pdf as pdf_writer
from generator.render.scripts import has_rtl

FIX = Path(__file__).resolve().parent / "fixtures"
SOURCES = ([FIX / "import" / "seed-medical-records-specialists.txt"] + sorted((FIX / "profiles").glob("*.txt"))
           + sorted((FIX / "by-others").glob("*.txt")))
AUDIENCES = ("students", "job-seekers", "counselors")

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split()).casefold()


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return _flat(" ".join(texts))


@pytest.fixture(scope="module", params=SOURCES, ids=[p.stem for p in SOURCES])
def read_back(request, tmp_path_factory):
    """(source, profile, {audience: (brochure, PDF text, Word text)})."""
    path = request.param
    profile, _ = import_file(path)
    charts = render_charts(profile, load_style())
    out = tmp_path_factory.mktemp(path.stem)
    pages = {}
    for audience in AUDIENCES:
        brochure = make_brochure(profile, audience, charts=charts)
        pdf_writer.write(brochure, out / f"{audience}.pdf")
        docx_writer.write(brochure, out / f"{audience}.docx")
        pdf_text = subprocess.run(["pdftotext", str(out / f"{audience}.pdf"), "-"], capture_output=True, text=True,
                                  check=True).stdout
        pages[audience] = (brochure, _flat(pdf_text), _docx_text(out / f"{audience}.docx"))
    return path, profile, pages


def _items_by_section(p) -> dict[str, list[str]]:
    """The profile's list items, by the section that prints them."""
    how, env, res = p.how_to_become, p.work_environment, p.resources
    return {
        "skills": list(p.skills), "specialties": list(p.specialty_areas), "hot_markets": list(p.regional.hot_markets),
        "trends": list(p.regional.trends), "certifications": [c.name for c in how.certifications],
        "related": [r.name for r in p.related_occupations], "areas_table": [a.area for a in p.regional.top_paying_areas],
        # a labelled route the pathway's education step tells is printed there, not twice
        "training_details": [d.label for d in how.details if d is not route_detail(p)],
        "levels": [lv.name for lv in p.levels], "pay_spread": [s.text for s in p.pay_spread],
        "day_to_day": list(p.levels[0].responsibilities) if p.levels else [],
        "level_duties": [duty for lv in p.levels for duty in lv.responsibilities],
        "tools": [item for category in p.tools for item in category.items],
        "work_environment": list(env.industries), "outlook": list(p.outlook.drivers),
        "resources": list(res.courses) + [b.title for b in res.books] + list(res.videos) + list(res.podcasts)
        + list(res.communities),
    }


def _shown_sections(brochure) -> set[str]:
    return {s.section_id for panel in brochure.panels for s in panel.sections}


def _on_page(item: str, pdf_text: str, word_text: str) -> bool:
    """In the Word file as written; in the PDF word for word (a panel break may fall inside it;
    Hebrew and Arabic are drawn reordered, so only the Word file's reading order tells)."""
    flat = _flat(item)
    in_word = flat in word_text
    if has_rtl(item):
        return in_word
    words = re.findall(r"[^\W_]+", flat)
    return in_word and all(word in pdf_text for word in words)


def test_every_list_item_is_an_item_on_the_page(read_back):
    path, profile, pages = read_back
    by_section = _items_by_section(profile)
    for audience, (brochure, pdf_text, word_text) in pages.items():
        spec = {s.id: s for s in load_audience(audience).sections}
        shown = _shown_sections(brochure)
        for section_id, items in by_section.items():
            if section_id not in spec or section_id in brochure.dropped or not items:
                continue
            assert section_id in shown, f"{path.name} ({audience}): {section_id} neither printed nor reported left out"
            cut = _cut_lines(brochure, section_id)
            for line in cut:  # a list cut short to fit says how many items the page lacks
                assert _on_page(line, pdf_text, word_text), f"{path.name} ({audience}): {line!r} is not on the page"
            for item in items[: 1 if cut else spec[section_id].max_items or len(items)]:
                assert _on_page(item, pdf_text, word_text), f"{path.name} ({audience}): {item!r} of {section_id} is not on the page"


def _cut_lines(brochure, section_id: str) -> list[str]:
    """The '…and 3 more in the full profile.' lines of a section printed with its lists cut short."""
    return [b.text for panel in brochure.panels for s in panel.sections if s.section_id == section_id
            for b in s.blocks if isinstance(b, Paragraph) and b.role == "note"]


_SALARY_LINE = re.compile(r"(?:salary|pay|wages?)(?: range)?\s*[:–-]\s*\$|\$[\d,.]+\s*[kK]?\s*(?:–|-|to)\s*\$[\d,.]+", re.I)


def test_other_notes_hold_no_level_and_no_salary_line(read_back):
    path, profile, pages = read_back
    names = {lv.name.casefold() for lv in profile.levels}
    for audience, (brochure, _, _) in pages.items():
        notes = [item for panel in brochure.panels for s in panel.sections if s.section_id == "notes"
                 for b in s.blocks if isinstance(b, Bullets) for item in b.items]
        for note in notes:
            assert note.casefold() not in names, f"{path.name} ({audience}): a level in Other notes: {note!r}"
            if "|" not in note:  # a pay-table row naming no level is kept as the source wrote it
                assert not _SALARY_LINE.search(note), f"{path.name} ({audience}): a salary line in Other notes: {note!r}"


def test_every_step_says_something_on_its_own(read_back):
    path, _, pages = read_back
    for audience, (brochure, _, _) in pages.items():
        steps = [step for panel in brochure.panels for s in panel.sections for b in s.blocks
                 if isinstance(b, Steps) for step in b.steps]
        for step in steps:
            assert any(says_something(s) for s in sentences(step.text)), \
                f"{path.name} ({audience}): step {step.title!r} says nothing on its own: {step.text!r}"


def test_no_notes_lines_while_a_section_is_left_out(read_back):
    """Ruled lines are filler: a brochure that left a section of its columns out for want of room has
    none (a back-panel section left out cannot go into the columns: issue 20 routes it there)."""
    path, _, pages = read_back
    for audience, (brochure, _, _) in pages.items():
        flow_ids = {s.id for s in load_audience(audience).sections}
        if set(brochure.dropped) & flow_ids:
            ruled = [p.name for p in brochure.panels for s in p.sections for b in s.blocks if isinstance(b, WritingLines)]
            assert not ruled, f"{path.name} ({audience}): notes lines in {ruled} while {brochure.dropped} left out"


def test_dated_figures_are_printed_with_their_date(read_back):
    path, profile, pages = read_back
    industries = {i.as_of for i in profile.regional.top_paying_industries}
    for audience, (brochure, pdf_text, word_text) in pages.items():
        shown = _shown_sections(brochure)
        if "industry_chart" in shown and len(industries) == 1 and None not in industries:
            date = _flat(source_date(next(iter(industries))))
            assert date in pdf_text and date in word_text, f"{path.name} ({audience}): industry pay without {date}"
        if "areas_table" in shown:
            tables = [b for panel in brochure.panels for s in panel.sections if s.section_id == "areas_table"
                      for b in s.blocks if isinstance(b, Table)]
            for area in profile.regional.top_paying_areas:
                if area.as_of:
                    assert any(area.as_of in " ".join(t.header + tuple(c for r in t.rows for c in r)) for t in tables)
        jobs = profile.number_of_jobs
        if jobs and jobs.year and "outlook" in shown:
            assert f"in {jobs.year}" in pdf_text, f"{path.name} ({audience}): number of jobs without its year"

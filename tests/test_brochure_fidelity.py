"""Brochures from real profiles: every money figure is the source's, panels are full and balanced.

Built for the seed and every fixture in tests/fixtures/profiles/, for every audience.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import make_brochure
from generator.charts import render_charts
from generator.compose import draft
from generator.compose.fit import Atoms
from generator.compose.fitting import content_height
from generator.compose.model import Bullets, Chart, Paragraph, Steps, WritingLines
from generator.compose.templates import load_audience, load_style
from generator.profile.importer import import_file
from generator.profile.salary import find_money
from generator.profile.text import decode_bytes
from generator.render import measure

FIX = Path(__file__).resolve().parent / "fixtures"
SOURCES = ([FIX / "import" / "seed-medical-records-specialists.txt"] + sorted((FIX / "profiles").glob("*.txt"))
           + sorted((FIX / "by-others").glob("*.txt")))
AUDIENCES = ("students", "job-seekers", "counselors")
INCH = 72.0


@pytest.fixture(scope="module", params=SOURCES, ids=[p.stem for p in SOURCES])
def source(request):
    path = request.param
    profile, _ = import_file(path)
    charts = render_charts(profile, load_style())
    brochures = {a: make_brochure(profile, a, charts=charts) for a in AUDIENCES}
    return path, profile, charts, brochures


def source_amounts(path: Path) -> set[float]:
    """Every money figure the source text states."""
    text = decode_bytes(path.read_bytes(), str(path))
    amounts = set()
    for line in text.splitlines():
        for money in find_money(line):
            amounts.add(round(money.amount, 2))
        # '$35-45K': the K of the second figure applies to the first as well
        for low, high in re.findall(r"\$\s?(\d+(?:\.\d+)?)\s*[-–—]\s*\$?\s?(\d+(?:\.\d+)?)\s*[kK]", line):
            amounts.update({float(low) * 1000, float(high) * 1000})
    return amounts


def printed_amounts(text: str) -> list[tuple[str, float]]:
    """('$35K', 35000.0) for every dollar figure in extracted PDF text."""
    found = []
    for token, number, k in re.findall(r"(\$(\d[\d,]*(?:\.\d+)?)(K)?)", text):
        value = float(number.replace(",", "")) * (1000 if k else 1)
        found.append((token, round(value, 2)))
    return found


def tick_labels(charts) -> set[str]:
    """Axis tick labels of the charts (the one kind of figure the source does not give)."""
    labels = set()
    for art in charts.values():  # centred on the chart's lowest baseline (the unit caption is set right)
        centred = [op for op in art.vector if op[0] == "text" and op[9] == "middle"]
        lowest = min((op[2] for op in centred), default=None)
        labels.update(op[3] for op in centred if op[2] == lowest)
    return labels


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_every_money_figure_printed_is_in_the_source(source, tmp_path):
    from generator.render import pdf

    path, profile, charts, brochures = source
    allowed = source_amounts(path)
    ticks = tick_labels(charts)
    for audience, brochure in brochures.items():
        out = tmp_path / f"{audience}.pdf"
        pdf.write(brochure, out)
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        for token, value in printed_amounts(text):
            if token in ticks:
                continue
            assert value in allowed, f"{path.name} ({audience}): {token} is not a figure of the source"


def test_hourly_figures_print_as_hourly(source):
    path, profile, _, brochures = source
    hourly = [lv.salary for lv in profile.levels if lv.salary and lv.salary.period == "hour"]
    if not hourly:
        pytest.skip("no hourly level pay")
    for audience in ("job-seekers", "counselors"):
        texts = [item for panel in brochures[audience].panels for s in panel.sections for b in s.blocks
                 if isinstance(b, Bullets) for item in b.items]
        pay_lines = [t for t in texts if t.startswith("$")]
        assert pay_lines and all("an hour" in t or "a year" in t for t in pay_lines)
        assert sum("an hour" in t for t in pay_lines) == len(hourly)


def _flow(brochure):
    return [p for p in brochure.panels if p.role == "flow"]


def test_no_empty_flow_panel(source):
    path, _, _, brochures = source
    for audience, brochure in brochures.items():
        for panel in _flow(brochure):
            assert panel.sections, f"{path.name} ({audience}): panel {panel.name} is empty"


def test_columns_of_a_page_end_within_an_inch(source):
    """Within an inch; an inch and a half where folds part the panels (a paragraph never goes on
    over a fold, so a tri-fold panel ends where a block ends)."""
    path, _, _, brochures = source
    for audience, brochure in brochures.items():
        flow = [p for p in _flow(brochure) if p.sections]
        limit = 1.5 * INCH if any(p.folded for p in flow) else INCH
        ruled = {p.name for p in flow if any(isinstance(b, WritingLines) for s in p.sections for b in s.blocks)}
        last = flow[-1].name  # content may run out in the last column
        for page in {p.page for p in flow}:
            ends = {p.name: content_height(p, measure, brochure.style) for p in flow
                    if p.page == page and p.name not in ruled and p.name != last}
            if len(ends) > 1:
                spread = max(ends.values()) - min(ends.values())
                assert spread <= limit, f"{path.name} ({audience}) page {page + 1}: column ends {ends}"


def test_no_section_dropped_while_a_panel_has_room_for_it(source):
    path, profile, charts, brochures = source
    for audience, brochure in brochures.items():
        if not brochure.dropped:
            continue
        sections = {s.section_id: s for s in draft(profile, load_audience(audience), charts).by_role["flow"]}
        for section_id in brochure.dropped:
            section = sections.get(section_id)
            if section is None:
                continue
            for panel in _flow(brochure):
                atoms = Atoms([section], measure, brochure.style)
                needed = atoms.run(0, len(atoms.atoms), panel.text_width) + brochure.style.spacing.before_heading
                room = panel.text_height - content_height(panel, measure, brochure.style)
                assert needed > room, f"{path.name} ({audience}): {section_id} dropped, {panel.name} has room"


def test_steps_are_numbered_one_to_n_across_panels(source):
    path, _, _, brochures = source
    for audience, brochure in brochures.items():
        parts = [b for p in brochure.panels for s in p.sections if s.section_id == "pathway"
                 for b in s.blocks if isinstance(b, Steps)]
        number = 1
        for part in parts:
            assert part.start == number, f"{path.name} ({audience}): steps restart at {part.start}"
            number += len(part.steps)


def test_counts_in_wording_come_from_the_data(source):
    path, _, _, brochures = source
    words = "zero one two three four five six seven eight nine ten".split()
    for audience, brochure in brochures.items():
        blocks = [b for p in brochure.panels for s in p.sections if s.section_id == "pathway" for b in s.blocks]
        steps = sum(len(b.steps) for b in blocks if isinstance(b, Steps))
        for block in blocks:
            if isinstance(block, Paragraph) and block.role == "intro":
                said = [i for i, w in enumerate(words) if re.search(rf"\b{w}\b", block.text, re.I)]
                assert not said or said == [steps], f"{path.name} ({audience}): {block.text!r} for {steps} steps"


def test_no_two_blocks_say_the_same_thing(source):
    path, _, _, brochures = source
    for audience, brochure in brochures.items():
        seen: dict[str, str] = {}
        for panel in brochure.panels:
            for section in panel.sections:
                for block in section.blocks:
                    for text in _texts(block):
                        key = text.casefold().strip()
                        assert key not in seen or len(key) < 25, \
                            f"{path.name} ({audience}): {text!r} in {section.section_id} and {seen[key]}"
                        seen[key] = section.section_id


def _texts(block) -> list[str]:
    if isinstance(block, Paragraph) and block.role not in ("caption", "continued", "note"):  # labels, not content
        return [block.text]
    if isinstance(block, Bullets):
        return list(block.items)
    if isinstance(block, Steps):
        return [s.text for s in block.steps]
    if isinstance(block, Chart):
        return []
    return []

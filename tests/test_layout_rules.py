"""The designer's rules, on the brochure model, for profiles of every length, branded and not.

Sources: the bundled profile (with and without the example brand), every fixture profile and
profile by other hands (272 bytes to three times the seed's text), and the seed's text cut to a
third, a half and two thirds of its lines. Every audience in its default layout.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.brand import load_brand
from generator.pipeline import branded_style
from generator.charts import render_charts
from generator.compose import compose, draft
from generator.compose.fitting import content_height
from generator.compose.model import Heading, Paragraph, Steps, WritingLines
from generator.compose.templates import TEMPLATES_DIR, load_audience, load_layout
from generator.profile.importer import import_file, import_text
from generator.profile.yaml_io import load_profile
from generator.render import measure

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).resolve().parent / "fixtures"
SEED_TEXT = FIX / "import" / "seed-medical-records-specialists.txt"
TEXTS = sorted((FIX / "profiles").glob("*.txt")) + sorted((FIX / "by-others").glob("*.txt"))
BRAND = TEMPLATES_DIR / "brands" / "riverside.yaml"
AUDIENCES = ("students", "job-seekers", "counselors")
CUTS = (1 / 3, 1 / 2, 2 / 3)


def _cut_seed(share: float):
    lines = SEED_TEXT.read_text(encoding="utf-8").splitlines()
    return import_text("\n".join(lines[:max(8, int(len(lines) * share))]), f"seed-{share:.2f}")[0]


CASES = ([("bundled", None), ("bundled-branded", BRAND)] + [(p.stem, None) for p in TEXTS]
         + [(f"seed-cut-{round(c * 100)}", None) for c in CUTS])


def _profile(name: str):
    if name.startswith("bundled"):
        return load_profile(ROOT / "data" / "medical-records-specialists.yaml")[0]
    if name.startswith("seed-cut-"):
        return _cut_seed(int(name.rsplit("-", 1)[1]) / 100)
    return import_file(next(p for p in TEXTS if p.stem == name))[0]


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def case(request):
    name, brand_file = request.param
    profile = _profile(name)
    brand = load_brand(brand_file)[0] if brand_file else None
    style = branded_style(brand)[0]
    charts = render_charts(profile, style)
    out = {}
    for audience in AUDIENCES:
        spec = load_audience(audience)
        layout = load_layout(spec.default_layout)
        out[audience] = (spec, layout, compose(profile, "x", spec, layout, "letter", style, charts, measure, brand),
                         draft(profile, spec, charts, brand))
    return name, brand, out


def _blocks(panel):
    return [b for s in panel.sections for b in s.blocks]


def test_no_notes_lines_while_a_section_is_left_out(case):
    name, _, built = case
    for audience, (_, _, brochure, _) in built.items():
        if brochure.dropped:
            lines = [p.name for p in brochure.panels if any(isinstance(b, WritingLines) for b in _blocks(p))]
            assert not lines, f"{name} ({audience}): notes lines in {lines} while {brochure.dropped} left out"


def test_the_call_to_action_and_sources_are_never_left_out(case):
    name, brand, built = case
    for audience, (spec, _, brochure, drafted) in built.items():
        drafted_ids = {s.section_id for sections in drafted.by_role.values() for s in sections}
        essential = {s.id for s in [*spec.sections, *spec.back]
                     if s.essential == "always" or (s.essential == "without_brand" and brand is None)}
        wanted = (essential | {"contact", "sources"}) & drafted_ids
        assert wanted, f"{name} ({audience}): no call to action drafted"
        missing = wanted - brochure.kept
        assert not missing, f"{name} ({audience}): left out {missing}"
        if brand is not None:
            assert {"contact", "next_steps"} <= brochure.kept


def _continued_from(brochure, index: int):
    """The flow panel before panel `index` in reading order that held content."""
    flow = [i for i, p in enumerate(brochure.panels[:index]) if p.role == brochure.panels[index].role and p.sections]
    return brochure.panels[flow[-1]] if flow else None


def test_no_paragraph_goes_on_over_a_fold_or_a_sheet_side_or_mid_sentence(case):
    name, _, built = case
    for audience, (_, _, brochure, _) in built.items():
        for index, panel in enumerate(brochure.panels):
            first = next((b for b in _blocks(panel) if not (isinstance(b, Paragraph) and b.role == "continued")), None)
            if not (isinstance(first, Paragraph) and first.continued):
                continue
            before = _continued_from(brochure, index)
            where = f"{name} ({audience}): {before.name} -> {panel.name}"
            assert before.page == panel.page and not panel.folded, where + ": over a fold or the sheet's side"
            end = [b for b in _blocks(before) if isinstance(b, Paragraph)][-1].text.rstrip()
            assert end.endswith((".", "!", "?", ":", "。", ".”", '."', ".)")), where + f": mid-sentence ({end[-30:]!r})"


def test_a_numbered_step_list_stays_in_one_view(case):
    name, _, built = case
    for audience, (_, _, brochure, _) in built.items():
        for index, panel in enumerate(brochure.panels):
            steps = next((b for b in _blocks(panel) if isinstance(b, Steps)), None)
            if steps is None or steps.start == 1:
                continue
            before = _continued_from(brochure, index)
            assert before.view == panel.view, f"{name} ({audience}): steps from {before.name} go on in {panel.name}"


def test_a_column_that_goes_on_with_a_section_says_whose(case):
    name, _, built = case
    for audience, (_, _, brochure, _) in built.items():
        seen = set()
        for panel in brochure.panels:
            if panel.role == "cover":
                continue
            for number, section in enumerate(panel.sections):
                goes_on = section.section_id in seen and section.blocks and section.section_id != "notes_lines"
                if goes_on and number == 0 and not isinstance(section.blocks[0], (WritingLines, Heading)):
                    label = section.blocks[0]  # a level's own heading names it; else "… (continued)"
                    assert isinstance(label, Paragraph) and label.role == "continued", \
                        f"{name} ({audience}): {panel.name} goes on with {section.section_id} unnamed"
                seen.add(section.section_id)


def test_body_type_is_the_layouts_on_every_profile(case):
    name, _, built = case
    for audience, (spec, layout, brochure, _) in built.items():
        wanted = layout.type_scale.body * spec.type_factor
        if any(w.startswith("body type set at") for w in brochure.warnings):
            assert brochure.style.type.body < wanted  # shrinking, said on stderr
            continue
        assert brochure.style.type.body == pytest.approx(wanted), f"{name} ({audience})"
        assert brochure.style.type.body >= (10.0 if layout.name == "trifold" else 9.5)
        assert brochure.style.type.link >= 8.5


def test_no_column_more_than_a_third_empty_unless_every_section_is_printed(case):
    name, _, built = case
    for audience, (_, _, brochure, _) in built.items():
        if not brochure.dropped:
            continue  # content ran out before the paper: spare room is space or notes lines
        for panel in brochure.panels:
            if panel.role == "cover" or not panel.sections:
                continue
            used = content_height(panel, measure, brochure.style)
            assert used >= panel.text_height / 3 * 2 - 1, \
                f"{name} ({audience}): {panel.name} {used:.0f} of {panel.text_height:.0f} pt, {brochure.dropped} left out"


def test_a_sections_closing_line_never_opens_a_column_alone(case):
    """An outlook's figures ("Number of jobs: 3.3 million") or a cut list's "…and N more" never
    stand at the head of a column, parted from what they close."""
    name, _, built = case
    for audience, (_, _, brochure, _) in built.items():
        for panel in brochure.panels:
            body = [b for b in _blocks(panel) if not (isinstance(b, Paragraph) and b.role == "continued")]
            if body and isinstance(body[0], Paragraph):
                assert body[0].role not in ("emphasis", "note"), f"{name} ({audience}): {panel.name} opens with {body[0].text!r}"


def test_a_closing_band_never_sets_two_sections_in_one_full_width_column(case):
    """A brochure that prints every section sets its band's sections side by side: one column the
    page's width would run ~120 characters a line (free help above the sources, say)."""
    from generator.compose.bands import WIDEST_COLUMN

    name, _, built = case
    for audience, (_, layout, brochure, _) in built.items():
        if brochure.dropped:
            continue  # the band's columns then stay even (test above), which may take one column
        for row in layout.fitted_rows():
            used = [p for p in brochure.panels if p.name in row and p.sections]
            wide = [p for p in used if p.text_width > WIDEST_COLUMN and len(p.sections) > 1]
            assert not wide, f"{name} ({audience}): {[s.section_id for s in wide[0].sections]} in one column"

"""Before a section is left out to fit, the moves a designer makes first: a list of short items
in two columns (the same words, less height), then a long list cut to the audience's `fit_items`
with '…and N more in the full profile.' (issue 20, build point 1)."""

from __future__ import annotations

import subprocess

import pytest

from conftest import make_brochure
from generator.compose import draft
from generator.compose.model import Bullets, Paragraph
from generator.compose.templates import load_audience
from generator.render import measure, pdf

AUDIENCES = ("students", "job-seekers", "counselors")


def _with(profile, **fields):
    data = profile.model_dump()
    data.update(fields)
    return type(profile).model_validate(data)


def _long_skills(profile, count: int):
    return _with(profile, skills=[f"Skill {i}: careful work with records, codes and the people who rely on them."
                                  for i in range(count)])


def _printed(brochure, section_id: str) -> list:
    return [b for panel in brochure.panels for s in panel.sections if s.section_id == section_id for b in s.blocks]


def _forms(section) -> list:
    out = [section]
    while out[-1].condensed is not None:
        out.append(out[-1].condensed)
    return out


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_list_cut_to_fit_says_how_many_items_the_page_lacks(seed_profile, seed_charts, audience):
    """The shortest form of a list section holds `fit_items` items and a line with the exact rest."""
    spec = {s.id: s for s in load_audience(audience).sections}["skills"]
    profile = _long_skills(seed_profile, 9)
    skills = next(s for s in draft(profile, load_audience(audience), seed_charts).by_role["flow"]
                  if s.section_id == "skills")
    shortest = _forms(skills)[-1]
    lists = [b for b in shortest.blocks if isinstance(b, Bullets)]
    notes = [b.text for b in shortest.blocks if isinstance(b, Paragraph) and b.role == "note"]
    assert [len(b.items) for b in lists] == [spec.fit_items]
    assert notes == [f"…and {9 - spec.fit_items} more in the full profile."]
    assert lists[0].items == tuple(profile.skills[: spec.fit_items])  # the source's first items, as written


def test_a_long_list_is_cut_rather_than_left_out(seed_profile):
    """Fourteen skills do not fit the job seekers' flyer whole; the flyer prints the first ones and
    says how many more the profile has, instead of leaving the section out."""
    brochure = make_brochure(_long_skills(seed_profile, 14), "job-seekers")
    assert "skills" not in brochure.dropped
    printed = _printed(brochure, "skills")
    shown = sum(len(b.items) for b in printed if isinstance(b, Bullets))
    notes = [b.text for b in printed if isinstance(b, Paragraph) and b.role == "note"]
    assert shown < 14 and notes == [f"…and {14 - shown} more in the full profile."]


def test_the_cut_line_stays_with_its_list(seed_profile):
    """'…and N more' never opens a column on its own: it is in the panel of the list's last item."""
    for count in (6, 9, 14, 20):
        brochure = make_brochure(_long_skills(seed_profile, count), "job-seekers")
        for panel in brochure.panels:
            for section in panel.sections:
                blocks = section.blocks
                for index, block in enumerate(blocks):
                    if isinstance(block, Paragraph) and block.role == "note":
                        assert index and isinstance(blocks[index - 1], Bullets), (count, panel.name, blocks)


def _short_specialties(profile):
    return _with(profile, specialty_areas=[f"Coding area {i}" for i in range(12)])


def test_short_items_go_in_two_columns_before_any_is_cut(seed_profile, seed_charts):
    """The first shorter form of a list of short items keeps every item, in two columns."""
    profile = _short_specialties(seed_profile)
    section = next(s for s in draft(profile, load_audience("students"), seed_charts).by_role["flow"]
                   if s.section_id == "specialties")
    first, second = _forms(section)[:2]
    whole = [b for b in first.blocks if isinstance(b, Bullets)][0]
    halved = [b for b in second.blocks if isinstance(b, Bullets)][0]
    assert (whole.columns, halved.columns) == (1, 2) and halved.items == whole.items


def test_two_columns_take_less_height_and_print_every_item(seed_profile, tmp_path):
    """A two-column list is about half as tall, and the PDF still prints all of it."""
    brochure = make_brochure(_short_specialties(seed_profile), "students")
    lists = [b for b in _printed(brochure, "specialties") if isinstance(b, Bullets)]
    assert lists, "the students' tri-fold prints the specialties"
    panel = next(p for p in brochure.panels for s in p.sections if s.section_id == "specialties")
    one = Bullets(tuple(f"Coding area {i}" for i in range(12)))
    two = Bullets(one.items, columns=2)
    assert measure(two, panel.text_width, brochure.style) < 0.6 * measure(one, panel.text_width, brochure.style)
    out = tmp_path / "students.pdf"
    out.write_bytes(pdf.render(brochure))
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for block in lists:
        for item in block.items:
            assert item in text


def test_a_column_cut_short_by_the_steps_is_filled_with_a_later_section(seed_profile):
    """The tri-fold's first inside panel ends where the steps (which stay on the flap) begin; a later
    section that fits its room is pulled up into it rather than the panel standing a third empty,
    and nothing more is left out for it."""
    from generator.compose.atoms import content_height
    from generator.compose.model import WritingLines

    brochure = make_brochure(seed_profile, "students")
    first = next(p for p in brochure.panels if p.name == "inside-left")
    content = [s for s in first.sections if not any(isinstance(b, WritingLines) for b in s.blocks)]
    assert len(content) == len(first.sections), "no notes lines in it"
    assert content_height(first, measure, brochure.style) >= 2 / 3 * first.text_height
    order = load_audience("students").sections
    ids = [s.id for s in order]
    placed = [s.section_id for s in first.sections]
    assert any(ids.index(a) > ids.index("pathway") for a in placed), placed  # pulled up past the steps
    assert brochure.dropped == ()


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_list_is_never_cut_by_one_item(seed_profile, seed_charts, audience):
    """'…and 1 more' would take the line the item itself takes: a list one item over `fit_items`
    keeps that item."""
    spec = {s.id: s for s in load_audience(audience).sections}["skills"]
    profile = _long_skills(seed_profile, spec.fit_items + 1)
    skills = next(s for s in draft(profile, load_audience(audience), seed_charts).by_role["flow"]
                  if s.section_id == "skills")
    for form in _forms(skills):
        assert not [b for b in form.blocks if isinstance(b, Paragraph) and b.role == "note"]
        assert sum(len(b.items) for b in form.blocks if isinstance(b, Bullets)) == spec.fit_items + 1

"""The words around the figures: a step says something to its reader, facts sit in their section,
the brochure never promises what the profile does not have."""

from __future__ import annotations

import re

import pytest

from conftest import make_brochure
from generator.compose.model import Bullets, Paragraph, Steps
from generator.compose.pathway import key_sentence, says_something
from generator.profile.importer import import_text

VAGUE = [
    "There are several routes into the field.",
    "There are several routes into the trade.",
    "None; most training happens on the job.",
    "N/A - learned on the job.",
    "Training varies.",
]
CONCRETE = [
    "Most electricians complete a 4- or 5-year apprenticeship.",
    "An associate degree in dental hygiene is the usual entry route.",
    "Community colleges offer certificate programs of 6 months to 1 year.",
    "With experience, specialists may advance to roles like Health Information Manager.",
    "Un título de asociado en higiene dental es la vía habitual.",
]


@pytest.mark.parametrize("sentence", VAGUE)
def test_a_sentence_that_names_nothing_is_no_step(sentence):
    assert not says_something(sentence)


@pytest.mark.parametrize("sentence", CONCRETE)
def test_a_sentence_that_names_a_route_is_a_step(sentence):
    assert says_something(sentence)


def test_shortening_keeps_the_sentence_that_names_the_route():
    text = "There are several routes into the field. The most common is a 12- to 18-month certificate program."
    assert key_sentence(text) == "The most common is a 12- to 18-month certificate program."


def _profile(body: str):
    profile, _ = import_text("Welders\nOverview\nWelders join metal parts using heat.\n"
                             "Median Pay (May 2024): $51,000 a year\n" + body, "w.txt")
    return profile


def _steps(brochure) -> list:
    return [step for panel in brochure.panels for s in panel.sections for b in s.blocks
            if isinstance(b, Steps) for step in b.steps]


@pytest.mark.parametrize("notation", [
    "Entry Requirements\nEducation: None; most training happens on the job.\n",
    "## Entry Requirements\n- Education: None; most training happens on the job.\n",
])
def test_none_is_never_a_step(notation):
    profile = _profile(notation + "Levels\nHelper\nSalary Range: $36,000–$44,000\n")
    for audience in ("students", "job-seekers", "counselors"):
        for step in _steps(make_brochure(profile, audience)):
            assert not step.text.startswith("None"), (audience, step)


def test_fit_it_around_your_life_holds_only_sentences_about_fitting_training_in():
    profile = _profile("How to Become One\nEducation: Candidates must be at least 21 years old. Others start "
                       "with a technical school or pre-apprenticeship program. Evening certificate programs "
                       "take 9 months.\n")
    brochure = make_brochure(profile, "job-seekers")
    routes = [s for s in _steps(brochure) if s.title == "Fit it around your life"]
    assert [s.text for s in routes] == ["Evening certificate programs take 9 months."]


@pytest.mark.parametrize("line", ["Number of Jobs (2023): 452,400", "Employment (May 2025): 452,400 jobs",
                                  "JOBS, 2023: 452,400", "Number of Jobs: 452,400 (2023)"])
def test_number_of_jobs_is_an_outlook_figure_never_an_entry_requirement(line):
    profile = _profile(f"Entry Requirements\n{line}\nTypical Education: High school diploma or equivalent\n")
    assert profile.number_of_jobs.count == 452400
    brochure = make_brochure(profile, "counselors")
    by_section = {s.section_id: s for panel in brochure.panels for s in panel.sections}
    entry = [t for b in by_section["entry_requirements"].blocks if isinstance(b, Bullets) for t in b.items + b.labels]
    assert not any("452,400" in t or "jobs" in t.casefold() for t in entry)
    outlook = [b.text for b in by_section["outlook"].blocks if isinstance(b, Paragraph)]
    assert any("452,400" in t for t in outlook)


def test_no_promise_of_sources_where_the_profile_names_none():
    profile = _profile("Number of Jobs (2023): 452,400\n")
    brochure = make_brochure(profile, "counselors")
    hook = [b.text for panel in brochure.panels for s in panel.sections if s.section_id == "hook" for b in s.blocks]
    assert hook and not any(re.search(r"\bsources?\b", h, re.I) for h in hook)
    back = [b.text for panel in brochure.panels for s in panel.sections if s.section_id == "sources"
            for b in s.blocks if isinstance(b, Paragraph)]
    assert back == ["The profile names no source. Its figures are dated: median pay 2024; "
                    "number of jobs 2023."]


def test_a_profile_with_sources_keeps_its_promise():
    profile = _profile("Sources\nBLS OOH – https://www.bls.gov/ooh/ (data as of 2024)\n")
    hook = [b.text for panel in make_brochure(profile, "counselors").panels for s in panel.sections
            if s.section_id == "hook" for b in s.blocks]
    assert any("sources, with dates" in h for h in hook)

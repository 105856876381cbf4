"""Fixed-page layouts never grow and never clip: drop, then shrink, then fail by name."""

from __future__ import annotations

import pytest

from conftest import make_brochure
from generator.compose.rhythm import space_before
from generator.compose.model import Heading
from generator.errors import FitError
from generator.render import measure

LAYOUTS = ("trifold", "flyer", "booklet")
AUDIENCES = ("students", "job-seekers", "counselors")


def tripled(profile, times: int = 3):
    """The seed with `times` times its text."""
    data = profile.model_dump()
    data["overview"] = " ".join([profile.overview] * times)
    for level in data["levels"]:
        level["responsibilities"] = level["responsibilities"] * times
        level["experience"] = " ".join([level["experience"]] * times)
    data["skills"] = data["skills"] * times
    data["outlook"]["drivers"] = data["outlook"]["drivers"] * times
    data["regional"]["trends"] = data["regional"]["trends"] * times
    data["regional"]["hot_markets"] = data["regional"]["hot_markets"] * times
    how = data["how_to_become"]
    for key in ("education", "postsecondary", "advancement"):
        how[key] = " ".join([how[key]] * times)
    data["resources"]["courses"] = data["resources"]["courses"] * times
    return type(profile).model_validate(data)


def content_height(panel, style) -> float:
    total, previous = 0.0, None
    for section in panel.sections:
        for block in section.blocks:
            total += space_before(block, previous, style.spacing) + measure(block, panel.text_width, style)
            previous = block
    return total


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_three_times_the_text_still_fits(seed_profile, seed_charts, audience, layout):
    brochure = make_brochure(tripled(seed_profile), audience, layout, charts=seed_charts)
    assert brochure.style.type.body >= 8.0
    assert brochure.page_count == {"trifold": 2, "flyer": 2, "booklet": 4}[layout]
    for panel in brochure.panels:
        assert content_height(panel, brochure.style) <= panel.text_height + 0.01, panel.name


def test_overlong_text_drops_optional_sections_first(seed_profile, seed_charts):
    brochure = make_brochure(tripled(seed_profile), "job-seekers", "flyer", charts=seed_charts)
    assert brochure.scale == 1.0  # dropping was enough: type stays full size
    assert "tools" in brochure.dropped  # priority 4 goes first
    assert {"levels", "certifications", "outlook"}.isdisjoint(brochure.dropped)  # priority 1 stays


def test_default_brochures_keep_everything_at_full_size(seed_profile, seed_charts):
    for audience in AUDIENCES:
        brochure = make_brochure(seed_profile, audience, charts=seed_charts)
        assert brochure.dropped == ()
        assert brochure.scale >= 1.0
        assert brochure.style.type.body >= (10.0 if audience == "students" else 9.0)


def test_what_cannot_fit_fails_naming_the_block_and_overflow(seed_profile, seed_charts):
    huge = seed_profile.model_copy(update={"overview": "Records matter. " * 1500})
    with pytest.raises(FitError) as failure:
        make_brochure(huge, "students", "trifold", charts=seed_charts)
    message = failure.value.format_message()
    assert "section 'overview'" in message
    assert "Paragraph" in message
    assert "pt" in message and "8 pt" in message


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_long_title_is_set_smaller_not_the_body(seed_profile, seed_charts, audience):
    long_title = "Health Information Technologists, Medical Registrars and Records Supervisors"
    brochure = make_brochure(seed_profile.model_copy(update={"title": long_title}), audience, charts=seed_charts)
    assert brochure.scale >= 1.0  # body type is not shrunk for the title's sake
    assert brochure.dropped == ()
    cover = [p for p in brochure.panels if any(s.section_id == "cover" for s in p.sections)]
    assert cover and cover[0].sections[0].blocks[0].text == long_title  # the title is never dropped


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_heading_ends_a_panel(seed_profile, seed_charts, audience, layout):
    for times in (1, 3):
        brochure = make_brochure(tripled(seed_profile, times), audience, layout, charts=seed_charts)
        for panel in brochure.panels:
            blocks = [b for s in panel.sections for b in s.blocks]
            assert not blocks or not isinstance(blocks[-1], Heading), (panel.name, blocks[-1])

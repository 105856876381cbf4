"""References between template files are checked when they load: FILE:LINE: key: message."""

from __future__ import annotations

import shutil

import pytest

from generator.compose.cover import cover_sections
from generator.compose.templates import COVER_SECTIONS, TEMPLATES_DIR, LayoutSpec, load_audience
from generator.yaml_model import parse_yaml_model

FLYER = TEMPLATES_DIR / "layouts" / "flyer.yaml"


def _problems(text: str) -> list[str]:
    return parse_yaml_model(text, "flyer.yaml", LayoutSpec)[1]


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_the_bundled_layouts_load_clean():
    for path in sorted((TEMPLATES_DIR / "layouts").glob("*.yaml")):
        assert _problems(path.read_text(encoding="utf-8")) == [], path.name


def test_a_typo_in_accepts_names_its_line_and_the_known_sections():
    text = FLYER.read_text(encoding="utf-8").replace("accepts: [brand_mark, big_number]", "accepts: [big_numbr]")
    problems = _problems(text)
    assert len(problems) == 1
    assert problems[0].startswith(f"flyer.yaml:{_line_of(text, 'big_numbr')}: ")
    assert "accepts" in problems[0] and "'big_numbr'" in problems[0] and "big_number" in problems[0]


def test_a_page_number_past_the_last_page_is_refused():
    text = FLYER.read_text(encoding="utf-8").replace("reading_order:", "page_numbers: [2, 5]\nreading_order:")
    problems = _problems(text)
    assert problems and "page 5" in problems[0]


@pytest.mark.parametrize("audience", ["students", "job-seekers", "counselors"])
def test_the_cover_makes_only_the_sections_a_layout_can_name(seed_profile, audience):
    from generator.brand import load_brand

    brand = load_brand(TEMPLATES_DIR / "brands" / "riverside.yaml")[0]
    for with_brand in (None, brand):
        made = {s.section_id for s in cover_sections(seed_profile, load_audience(audience), with_brand)}
        assert made <= set(COVER_SECTIONS), made - set(COVER_SECTIONS)


def test_an_audience_files_error_cites_its_own_line(tmp_path, monkeypatch):
    """The audience file is merged with its words from the catalogue before it is checked: a mistake
    names the line in the file itself, not in a re-written copy."""
    from generator.compose import templates
    from generator.errors import TemplateError

    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, folder)
    path = folder / "audiences" / "students.yaml"
    text = path.read_text(encoding="utf-8").replace("- {id: skills, priority: 2, fit_items: 3}",
                                                    "- {id: skills, priority: 12, fit_items: 3}")
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(templates, "TEMPLATES_DIR", folder)
    templates._audience.cache_clear()
    try:
        with pytest.raises(TemplateError) as raised:
            templates.load_audience("students")
    finally:
        templates._audience.cache_clear()
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "priority: 12" in row)
    message = raised.value.format_message()
    assert message.startswith(f"{path} (en):{line}: sections[") and "priority" in message, message


def test_every_broken_template_file_is_reported_at_once(tmp_path, monkeypatch):
    from generator.build import BuildOptions
    from generator.pipeline import check_templates
    from generator.compose import templates
    from generator.errors import TemplateError

    folder = tmp_path / "templates"
    shutil.copytree(TEMPLATES_DIR, folder)
    audience = folder / "audiences" / "students.yaml"
    audience.write_text(audience.read_text(encoding="utf-8").replace("priority: 2, fit_items: 3}",
                                                                     "priority: 12, fit_items: 3}", 1))
    layout = folder / "layouts" / "flyer.yaml"
    layout.write_text(layout.read_text(encoding="utf-8").replace("accepts: [brand_mark, big_number]",
                                                                 "accepts: [big_numbr]"))
    monkeypatch.setattr(templates, "TEMPLATES_DIR", folder)
    for cached in (templates._audience, templates.load_layout):
        cached.cache_clear()
    try:
        with pytest.raises(TemplateError) as raised:
            check_templates(BuildOptions())
    finally:
        for cached in (templates._audience, templates.load_layout):
            cached.cache_clear()
    lines = raised.value.format_message().splitlines()
    assert any(line.startswith(f"{audience} (en):") for line in lines), lines
    assert any(line.startswith(f"{layout}:") and "big_numbr" in line for line in lines), lines

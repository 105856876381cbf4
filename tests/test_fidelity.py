"""Real profiles by other hands print exactly what their source says.

Each fixture in tests/fixtures/profiles/ is a plain-text profile with an
`.expect.yaml` of what a careful reader takes from it. These tests import every
fixture and check the facts, that no line of the source is lost, that no list
item is a broken fragment, and that every money figure on every brochure is a
figure of the source (chart axis ticks excepted).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.profile.importer import import_file, is_decoration
from generator.profile.sections import _bare_label, heading_text, segment, to_lines
from generator.profile.text import decode_bytes

FIX = Path(__file__).resolve().parent / "fixtures" / "profiles"
PROFILES = sorted(FIX.glob("*.txt"))
IMPORT = Path(__file__).resolve().parent / "fixtures" / "import"
BAD = {"empty.txt", "no-title.txt", "min-above-max.txt"}
OTHERS = sorted((FIX.parent / "by-others").glob("*.txt"))  # written by a red team, no expectations
EVERY = PROFILES + OTHERS + sorted(p for p in IMPORT.glob("*.txt") if p.name not in BAD)


def expected(path: Path) -> dict:
    return yaml.safe_load(path.with_suffix(".expect.yaml").read_text(encoding="utf-8")) or {}


@pytest.fixture(scope="module", params=PROFILES, ids=[p.stem for p in PROFILES])
def imported(request):
    profile, warnings = import_file(request.param)
    return request.param, profile, warnings


def strings_of(value) -> list[str]:
    """Every string in a nested dict/list (the profile as data)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_of(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_of(v)]
    return []


def numbers_of(value) -> list[float]:
    """Every number in a nested dict/list."""
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [value]
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers_of(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers_of(v)]
    return []


def list_items(value) -> list[str]:
    """Strings that are list entries (not single text fields)."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in list_items(v)]
    if isinstance(value, list):
        return [s for v in value for s in (list_items(v) if not isinstance(v, str) else [v])]
    return []


# --- the facts a reader takes from each fixture ------------------------------------------------

def test_headline_figures(imported):
    path, profile, _ = imported
    want = expected(path)
    assert profile.title == want["title"]
    if "median_pay" in want:
        got = profile.median_pay.model_dump(exclude_none=True)
        assert got == {k: v for k, v in want["median_pay"].items()}
    if "growth" in want:
        for key, value in want["growth"].items():
            assert getattr(profile.growth, key) == value, key
    if "annual_openings" in want:
        assert profile.outlook.annual_openings == want["annual_openings"]
    if "number_of_jobs" in want:
        assert profile.number_of_jobs.model_dump(exclude_none=True) == want["number_of_jobs"]


def test_levels_and_their_pay_in_the_source_unit(imported):
    path, profile, _ = imported
    want = expected(path).get("levels")
    if want is None:
        pytest.skip("no levels expected")
    assert [lv.name for lv in profile.levels] == [lv["name"] for lv in want]
    for level, spec in zip(profile.levels, want):
        if "salary" in spec:
            salary = spec["salary"]
            got = (level.salary.min, level.salary.max, level.salary.open_ended, level.salary.period)
            assert got == (salary["min"], salary.get("max"), salary.get("open_ended", False),
                           salary.get("period", "year")), level.name
        if "job_titles" in spec:
            assert level.job_titles == spec["job_titles"], level.name


def test_industries_keep_their_names_and_pay(imported):
    path, profile, _ = imported
    want = expected(path).get("top_paying_industries")
    if want is None:
        pytest.skip("no industries with pay expected")
    got = [(i.industry, i.pay, i.period, i.as_of) for i in profile.regional.top_paying_industries]
    assert got == [(i["industry"], i["pay"], i.get("period", "year"), i.get("as_of")) for i in want]


def test_places_keep_their_names_pay_and_date(imported):
    """'Top-Paying States (May 2025 median):' then 'California: $104,820': a place, its whole figure, the list's date."""
    path, profile, _ = imported
    want = expected(path).get("top_paying_areas", [])
    got = [(a.area, a.pay, a.period, a.as_of) for a in profile.regional.top_paying_areas]
    assert got == [(a["area"], a["pay"], a.get("period", "year"), a.get("as_of")) for a in want]


def test_pay_spread_keeps_the_source_words_and_figures(imported):
    """'Lowest 10%: less than $40,450' is a pay figure with its label, not a line in notes."""
    path, profile, _ = imported
    want = expected(path).get("pay_spread", [])
    got = [(s.label, s.text, s.pay, s.period, s.as_of) for s in profile.pay_spread]
    assert got == [(s["label"], s["text"], s["pay"], s.get("period", "year"), s.get("as_of")) for s in want]


def test_certifications_name_their_issuer(imported):
    path, profile, _ = imported
    want = expected(path).get("issuers")
    if want is None:
        pytest.skip("no issuers expected")
    got = {c.name: c.issuer for c in profile.how_to_become.certifications if c.issuer}
    assert got == want


def test_labelled_routes_are_details_of_their_own(imported):
    """'Alternative Paths: …' and 'Apprenticeship: …' keep their labels; never merged into education."""
    path, profile, _ = imported
    want = expected(path).get("details", [])
    how = profile.how_to_become
    assert [d.label for d in how.details] == want
    for label in want:
        for field in (how.education, how.postsecondary, how.advancement):
            assert f"{label}:" not in (field or ""), f"{label!r} merged into a text"


_LEVEL_FIELD = re.compile(r"^(?:[-•*]\s*)?(?:salary|pay|salary range|job titles|titles|experience)\s*[:–-]", re.I)


def test_no_level_or_salary_line_in_notes(imported):
    """Notes hold what could not be placed, never a level's fields or its pay."""
    path, profile, _ = imported
    names = {level.name.casefold() for level in profile.levels}
    for note in profile.notes:
        assert not _LEVEL_FIELD.match(note), f"{path.name}: a level field in notes: {note!r}"
        assert note.casefold() not in names, f"{path.name}: a level name in notes: {note!r}"


def test_lists_and_texts_kept_whole(imported):
    path, profile, _ = imported
    want = expected(path)
    data = profile.model_dump()
    items, texts = list_items(data), strings_of(data)
    for item in want.get("items", []):
        assert item in items or item in texts, f"not kept whole: {item!r}"
    for text in want.get("texts", []):
        assert any(text in t for t in texts), f"not found: {text!r}"
    for fragment in want.get("not_items", []):
        assert fragment not in items, f"a broken fragment became an item: {fragment!r}"
    if "specialty_areas" in want:
        assert profile.specialty_areas == want["specialty_areas"]
    if "certifications" in want:
        assert [c.name for c in profile.how_to_become.certifications] == want["certifications"]
    if "high_school" in want:
        assert want["high_school"] in (profile.how_to_become.high_school or "")


# --- nothing lost, nothing broken ---------------------------------------------------------------

_SCALE = {"k": 1_000, "thousand": 1_000, "million": 1_000_000}
# Words that only phrase a fact the model holds as a number: "About 47,400 openings each year", "May 2024".
_FILLER = set("""
about approximately around nearly roughly over per year years hour hours an a the and or of to in on for as at by
is are be with from that this it its k thousand million percent each annually openings positions will open
projected expected estimated data accessed retrieved updated published hourly yearly annual weekly jobs equivalent
growth
january february march april may june july august september october november december
""".split())


def normalised_words(text: str) -> set[str]:
    """Lower-case words, money and scaled numbers as plain figures: '$96,830' -> '96830', '3.3 million' -> '3300000'."""
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")

    def scaled(match: re.Match) -> str:
        value = float(match.group(1).replace(",", "")) * _SCALE[match.group(2)]
        return f" {value:.0f} "
    text = re.sub(r"\$?(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|million)\b", scaled, text)
    text = re.sub(r"(\d),(?=\d{3}\b)", r"\1", text)
    text = re.sub(r"\b(\d+)\.(\d*?)0+\b", lambda m: m.group(1) + (f".{m.group(2)}" if m.group(2) else ""), text)
    words = re.findall(r"[^\W_]+(?:[.'][^\W_]+)*", text)
    return {w.rstrip(".") for w in words}


@pytest.fixture(scope="module", params=EVERY, ids=[f"{p.parent.name}/{p.stem}" for p in EVERY])
def any_profile(request):
    profile, warnings = import_file(request.param)
    return request.param, profile, warnings


def test_every_line_of_the_source_is_in_the_profile(any_profile):
    path, profile, _ = any_profile
    data = profile.model_dump()
    kept = normalised_words(" ".join(strings_of(data) + [str(int(n)) if float(n).is_integer() else str(n) for n in numbers_of(data)]))
    text = decode_bytes(path.read_bytes(), str(path)).lstrip("\ufeff")
    lines = to_lines(text)
    for section in segment(lines[1:]):
        for line in section.lines:
            if is_decoration(line):
                continue  # 'Career Profile' under the title says what the document is, nothing more
            pair = line.key_value() or _bare_label(section.kind, line)
            label = normalised_words(pair[0]) if pair else set()
            words = normalised_words(heading_text(line.text)) - label - _FILLER
            missing = {w for w in words if w not in kept and len(w) > 2}
            assert not missing, f"{path.name}:{line.no}: {sorted(missing)} of {line.text!r} is not in the profile"


def test_no_item_is_a_fragment(any_profile):
    path, profile, _ = any_profile
    for item in list_items(profile.model_dump()):
        assert item.count("(") == item.count(")"), f"{path.name}: unbalanced bracket in {item!r}"
        assert item.count("[") == item.count("]"), f"{path.name}: unbalanced bracket in {item!r}"
        assert not re.fullmatch(r"[$\d.,\s%+–-]+", item), f"{path.name}: bare number fragment {item!r}"

"""Numbers set as numbers, short phrases cut from profile prose, and words chosen per reader."""

from __future__ import annotations

import re
from typing import Optional

from generator.compose.templates import EducationCategory, load_education_table, load_growth_table
from generator.money import EN_DASH, PER, amount, span
from generator.profile.model import Growth, JobCount, SalaryRange

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])")
_NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()


def money(value: float) -> str:
    """50250 -> '$50,250'; 24.16 -> '$24.16'."""
    return amount(value)


def salary_range(salary: SalaryRange, unit: bool = False) -> str:
    """'$35,000–$45,000', '$55,000–$80,000+', '$80,000+'; hourly ranges always say 'an hour'.

    With `unit`, yearly ranges say 'a year' too.
    """
    text = span(salary.min, salary.max, salary.open_ended)
    if salary.period == "hour" or unit:
        text += f" {PER[salary.period]}"
    return f"{text} ({salary.note})" if salary.note else text


def growth_value(growth: Growth) -> str:
    """'+9%' or '−3%' (a real minus sign)."""
    sign = "+" if growth.percent > 0 else ("\u2212" if growth.percent < 0 else "")
    return f"{sign}{abs(growth.percent):g}%"


def growth_period(growth: Growth) -> str:
    """'2023–2033', 'by 2033' or ''."""
    if growth.start_year and growth.end_year:
        return f"{growth.start_year}{EN_DASH}{growth.end_year}"
    return f"by {growth.end_year}" if growth.end_year else ""


def growth_category(growth: Optional[Growth]) -> Optional[str]:
    """The BLS outlook category: the profile's own label first, else the percent (templates/wording)."""
    if growth is None:
        return None
    table = load_growth_table().categories
    label = _plain(growth.label or "")
    pairs = sorted(((_plain(words), c.id) for c in table for words in c.labels), key=lambda p: -len(p[0]))
    for words, category_id in pairs:
        if words in label:
            return category_id
    return next((c.id for c in table if growth.percent >= c.min_percent), table[-1].id)


def count(number: int) -> str:
    """15000 -> '15,000'."""
    return f"{number:,}"


def jobs(job_count: JobCount) -> str:
    """3300000 -> '3.3 million'; 818700 -> '818,700' (the figure as a person would say it)."""
    value = job_count.count
    if value >= 1_000_000 and value % 100_000 == 0:
        return f"{value / 1_000_000:g} million"
    return count(value)


def number_words(number: int, capital: bool = False) -> str:
    """4 -> 'four' ('Four'); numbers past twelve stay digits."""
    word = _NUMBER_WORDS[number] if 0 <= number < len(_NUMBER_WORDS) else str(number)
    return word[:1].upper() + word[1:] if capital else word


def with_count(text: str, number: int) -> str:
    """'{Count} steps to your first job' -> 'Four steps to your first job'."""
    return text.replace("{count}", number_words(number)).replace("{Count}", number_words(number, True))


def sentences(text: Optional[str]) -> list[str]:
    """Split prose into sentences (good enough for profile text)."""
    if not text:
        return []
    return [s.strip() for part in paragraphs(text) for s in _SENTENCE_END.split(part) if s.strip()]


def paragraphs(text: Optional[str]) -> list[str]:
    """The source's own paragraphs and lines of a text field."""
    return [part.strip() for part in re.split(r"\n+", text or "") if part.strip()]


def first_paragraph(text: Optional[str]) -> str:
    """The first paragraph (or line) of a text, or ''."""
    found = paragraphs(text)
    return found[0] if found else ""


def first_sentence(text: Optional[str]) -> str:
    """The first sentence of a text, or ''."""
    found = sentences(text)
    return found[0] if found else ""


def join_words(items: list[str], last: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b, and c'."""
    items = [i for i in items if i]
    if len(items) <= 2:
        return f" {last} ".join(items)
    return ", ".join(items[:-1]) + f", {last} {items[-1]}"


def article(noun: str) -> str:
    """'an' before a vowel letter, else 'a': 'an Apprentice Electrician', 'a Welder'."""
    return "an" if noun[:1].lower() in "aeiou" else "a"


def lower_first(text: str) -> str:
    """'Hospitals' -> 'hospitals', but 'HIPAA' stays."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def short_education(text: Optional[str]) -> str:
    """'Postsecondary nondegree award, associate’s degree, or ...' -> first choice."""
    if not text:
        return ""
    first = re.split(r",\s*|\s+or\s+|;\s*", text.strip())[0]
    return first[:1].upper() + first[1:]


def education_categories(text: Optional[str]) -> list[EducationCategory]:
    """The BLS education categories a text names, in the order it names them."""
    plain = _plain(text or "")
    found = []
    for category in load_education_table().categories:
        term = _plain(category.term)
        where = plain.find(term)
        if where < 0 and "," in term:
            where = plain.find(term.split(",")[0])
        if where < 0:
            where = plain.find(term.split(" or ")[0]) if " or " in term else -1
        if where >= 0:
            found.append((where, category))
    return [category for _, category in sorted(found, key=lambda pair: pair[0])]


def _plain(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").replace("\u2018", "'").split())

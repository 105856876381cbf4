"""Numbers set as numbers, short phrases cut from profile prose, and words chosen per reader."""

from __future__ import annotations

import re
from typing import Optional

from dataclasses import dataclass

from generator import i18n
from generator.compose.templates import load_education_table, load_growth_table
from generator.i18n import t
from generator.money import EN_DASH, amount, per, span
from generator.profile.model import Growth, JobCount, SalaryRange

# A sentence ends before a capital, an opening quote, or Spanish's opening ¿ and ¡.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u00de\u201c\"\u00bf\u00a1])")


def money(value: float) -> str:
    """50250 -> '$50,250'; 24.16 -> '$24.16'."""
    return amount(value)


def salary_range(salary: SalaryRange, unit: bool = False) -> str:
    """'$35,000–$45,000', '$55,000–$80,000+', '$80,000+'; hourly ranges always say 'an hour'.

    With `unit`, yearly ranges say 'a year' too.
    """
    text = span(salary.min, salary.max, salary.open_ended)
    if salary.period == "hour" or unit:
        text += f" {per(salary.period)}"
    return f"{text} ({figures_together(salary.note)})" if salary.note else text


_SPACED_RANGE = re.compile(r"(\$[\d,.]+[KkM+]?)\s+([–—-]|to)\s+(?=\$)")


def figures_together(text: str) -> str:
    """'$34,320 – $39,000' never broken at its dash: the spaces around it do not break (the
    source's characters otherwise as they are)."""
    return _SPACED_RANGE.sub(lambda m: f"{m.group(1)}\u00a0{m.group(2)}\u00a0", text)


def growth_value(growth: Growth) -> str:
    """'+9%' or '−3%' (a real minus sign)."""
    sign = "+" if growth.percent > 0 else ("\u2212" if growth.percent < 0 else "")
    return f"{sign}{i18n.percent(abs(growth.percent))}"


def growth_period(growth: Growth) -> str:
    """'2023–2033', 'by 2033' or ''."""
    if growth.start_year and growth.end_year:
        return f"{growth.start_year}{EN_DASH}{growth.end_year}"
    return t("cover.by_year", year=growth.end_year) if growth.end_year else ""


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
    return i18n.decimal(number)


def jobs(job_count: JobCount) -> str:
    """3300000 -> '3.3 million'; 818700 -> '818,700' (the figure as a person would say it)."""
    value = job_count.count
    if value >= 1_000_000 and value % 100_000 == 0:
        return t("numbers.one_million" if value == 1_000_000 else "numbers.million",
                 number=i18n.decimal(value / 1_000_000))
    return count(value)


def number_words(number: int, capital: bool = False) -> str:
    """4 -> 'four' ('Four'); numbers past twelve stay digits."""
    names = i18n.words("numbers.words")
    word = names[number] if 0 <= number < len(names) else str(number)
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
    """['a', 'b', 'c'] -> 'a, b, and c' ('a, b y c'); last='or' -> 'a, b, or c' ('a, b o c')."""
    return i18n.join(items, last)


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
    first = re.split(r",\s*|\s+(?:or|o|u)\s+|;\s*", text.strip())[0]
    return first[:1].upper() + first[1:]


@dataclass(frozen=True)
class EducationWords:
    """A BLS education category in the language being built (templates/lang: education.<id>)."""

    id: str
    term: str
    short: str
    plain: str


def education_categories(text: Optional[str]) -> list[EducationWords]:
    """The BLS education categories a text names, in the order it names them: by the English term,
    another form the table lists, or the term in the language being built."""
    plain = _plain(text or "")
    found = []
    for category in load_education_table().categories:
        words = EducationWords(category.id, **i18n.active().get(f"education.{category.id}"))
        where = min((at for at in (_find(plain, form) for form in (category.term, words.term, *category.also))
                     if at >= 0), default=-1)
        if where >= 0:
            found.append((where, words))
    return [words for _, words in sorted(found, key=lambda pair: pair[0])]


def _find(plain: str, term: str) -> int:
    """Where a category's term starts in a text: the whole term, else its part before a comma or ' or '."""
    term = _plain(term)
    where = plain.find(term)
    if where < 0 and "," in term:
        where = plain.find(term.split(",")[0])
    if where < 0 and " or " in term:
        where = plain.find(term.split(" or ")[0])
    return where


def _plain(text: str) -> str:
    return " ".join(text.casefold().replace("\u2019", "'").replace("\u2018", "'").split())

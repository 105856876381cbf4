"""Numbers set as numbers, and short phrases cut from profile prose."""

from __future__ import annotations

import re
from typing import Optional

from generator.profile.model import Growth, SalaryRange

EN_DASH = "\u2013"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])")


def money(amount: float) -> str:
    """50250 -> '$50,250'; 24.16 -> '$24.16'."""
    if amount < 1000 and amount != int(amount):
        return f"${amount:,.2f}"
    return f"${amount:,.0f}"


def salary_range(salary: SalaryRange) -> str:
    """'$35,000–$45,000', '$55,000–$80,000+', '$80,000+', '$18.50–$24.00 an hour'."""
    low = money(salary.min)
    if salary.max is None:
        text = f"{low}+"
    else:
        text = f"{low}{EN_DASH}{money(salary.max)}" + ("+" if salary.open_ended else "")
    return text + (" an hour" if salary.period == "hour" else "")


def growth_value(growth: Growth) -> str:
    """'+9%' or '−3%' (a real minus sign)."""
    sign = "+" if growth.percent > 0 else ("\u2212" if growth.percent < 0 else "")
    return f"{sign}{abs(growth.percent):g}%"


def growth_period(growth: Growth) -> str:
    """'2023–2033', 'by 2033' or ''."""
    if growth.start_year and growth.end_year:
        return f"{growth.start_year}{EN_DASH}{growth.end_year}"
    return f"by {growth.end_year}" if growth.end_year else ""


def count(number: int) -> str:
    """15000 -> '15,000'."""
    return f"{number:,}"


def sentences(text: Optional[str]) -> list[str]:
    """Split prose into sentences (good enough for profile text)."""
    if not text:
        return []
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


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

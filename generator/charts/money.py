"""Dollar amounts as printed on charts and in their alt text."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Optional


def dollars(value: float) -> str:
    """50250 -> '$50,250'."""
    return f"${value:,.0f}"


def hourly(value: float) -> str:
    """24.16 -> '$24.16'; 18 -> '$18'."""
    return f"${value:,.0f}" if float(value).is_integer() else f"${value:,.2f}"


def thousands(value: float) -> str:
    """35000 -> '$35K'; 37440 -> '$37.4K'; 950 -> '$950'."""
    if value < 1000:
        return dollars(value)
    tenths = Decimal(str(value / 1000)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{tenths:,}".removesuffix(".0")
    return f"${text}K"


def range_short(low: float, high: Optional[float], open_ended: bool) -> str:
    """A range as set at a bar end: '$35K–$45K', '$55K–$80K+', '$80K+'."""
    plus = "+" if open_ended else ""
    if high is None or high == low:
        return f"{thousands(low)}{plus}"
    return f"{thousands(low)}\u2013{thousands(high)}{plus}"


def range_words(low: float, high: Optional[float], open_ended: bool, fmt=dollars) -> str:
    """A range in words for alt text: '$55,000 to $80,000 or more'."""
    more = " or more" if open_ended else ""
    if high is None or high == low:
        return f"{fmt(low)}{more}"
    return f"{fmt(low)} to {fmt(high)}{more}"

"""Money as printed: the source's figure, in the source's unit, never rounded."""

from __future__ import annotations

from typing import Optional

EN_DASH = "\u2013"
PER = {"year": "a year", "hour": "an hour"}
PER_SHORT = {"year": "/yr", "hour": "/hr"}


def amount(value: float) -> str:
    """50250 -> '$50,250'; 24.16 -> '$24.16'; 17 -> '$17'; 18.5 -> '$18.50'."""
    if float(value).is_integer():
        return f"${value:,.0f}"
    return f"${value:,.2f}"


def short(value: float) -> str:
    """The same figure in $K notation when that is exact: 55000 -> '$55K'; 37440 -> '$37,440'."""
    if value >= 1000 and float(value).is_integer() and value % 1000 == 0:
        return f"${value / 1000:,.0f}K"
    return amount(value)


def span(low: Optional[float], high: Optional[float], open_ended: bool, fmt=amount) -> str:
    """'$35,000–$45,000', '$55,000–$80,000+', '$80,000+', 'up to $110,000' (fmt sets each figure)."""
    if low is None:
        return f"up to {fmt(high)}"
    plus = "+" if open_ended else ""
    if high is None or high == low:
        return f"{fmt(low)}{plus}"
    return f"{fmt(low)}{EN_DASH}{fmt(high)}{plus}"


def span_words(low: Optional[float], high: Optional[float], open_ended: bool) -> str:
    """A range in words for alt text: '$55,000 to $80,000 or more', 'up to $110,000'."""
    if low is None:
        return f"up to {amount(high)}"
    more = " or more" if open_ended else ""
    if high is None or high == low:
        return f"{amount(low)}{more}"
    return f"{amount(low)} to {amount(high)}{more}"


def majority_period(periods: list[str]) -> str:
    """The pay period most figures use ('year' on a tie or when there are none)."""
    return "hour" if periods.count("hour") > periods.count("year") else "year"

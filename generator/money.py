"""Money as printed: the source's figure, in the source's unit, never rounded; words in the
language being built (generator.i18n), figures set by Babel."""

from __future__ import annotations

from typing import Optional

from generator.i18n import currency, t

EN_DASH = "\u2013"


def per(period: str) -> str:
    """'a year' / 'an hour' ('al año' / 'por hora')."""
    return t(f"per.{period}")


def per_short(period: str) -> str:
    """'/yr' / '/hr'."""
    return t(f"per_short.{period}")


def amount(value: float) -> str:
    """50250 -> '$50,250'; 24.16 -> '$24.16'; 17 -> '$17'; 18.5 -> '$18.50'."""
    return currency(value)


def short(value: float) -> str:
    """The same figure in thousands when that is exact: 55000 -> '$55K' ('$55 mil'); 37440 -> '$37,440'."""
    if value >= 1000 and float(value).is_integer() and value % 1000 == 0:
        return t("money.thousands", amount=currency(value / 1000))
    return amount(value)


def span(low: Optional[float], high: Optional[float], open_ended: bool, fmt=amount) -> str:
    """'$35,000–$45,000', '$55,000–$80,000+', '$80,000+', 'up to $110,000' (fmt sets each figure)."""
    if low is None:
        return t("money.up_to", amount=fmt(high))
    plus = "+" if open_ended else ""
    if high is None or high == low:
        return f"{fmt(low)}{plus}"
    return f"{fmt(low)}{EN_DASH}{fmt(high)}{plus}"


def span_words(low: Optional[float], high: Optional[float], open_ended: bool) -> str:
    """A range in words for alt text: '$55,000 to $80,000 or more', 'up to $110,000'."""
    if low is None:
        return t("money.up_to", amount=amount(high))
    if high is None or high == low:
        return t("money.or_more", amount=amount(low)) if open_ended else amount(low)
    text = t("money.range_words", low=amount(low), high=amount(high))
    return t("money.or_more", amount=text) if open_ended else text


def majority_period(periods: list[str]) -> str:
    """The pay period most figures use ('year' on a tie or when there are none)."""
    return "hour" if periods.count("hour") > periods.count("year") else "year"

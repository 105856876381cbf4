"""Dollar amounts as printed on charts: the source's figures; ticks in $K."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.money import amount, short, span, span_words  # noqa: F401  (re-exported for charts)


def tick(value: float, period: str) -> str:
    """An axis tick: '$35K' / '$37.5K' a year, '$20' an hour (ticks are the chart's, not the source's)."""
    if not value:
        return "$0"
    if period == "hour" or value < 1000:
        return amount(value)
    tenths = Decimal(str(value / 1000)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"${f'{tenths:,}'.removesuffix('.0')}K"

"""Dollar amounts as printed on charts: the source's figures; ticks in $K."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.i18n import currency, t
from generator.money import amount, short, span, span_words  # noqa: F401  (re-exported for charts)


def tick(value: float, period: str) -> str:
    """An axis tick: '$35K' / '$37.5K' a year, '$20' an hour (ticks are the chart's, not the source's)."""
    if not value:
        return currency(0)
    if period == "hour" or value < 1000:
        return amount(value)
    tenths = Decimal(str(value / 1000)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return t("money.thousands", amount=currency(float(tenths), "\u00a4#,##0.#"))

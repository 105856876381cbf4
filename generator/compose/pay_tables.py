"""Pay figures as tables and labelled lists: top-paying industries and places, the pay spread;
each with the date the source gives it."""

from __future__ import annotations

from generator.compose import wording as w
from generator.compose.base import Context, labelled, limit
from generator.compose.model import Block, Table
from generator.compose.templates import SectionSpec
from generator.i18n import source_date, t
from generator.money import per
from generator.profile.model import Profile


def _pay_cell(figure) -> str:
    return w.money(figure.pay) + (f" {per('hour')}" if figure.period == "hour" else "")


def _pay_table(names: list[str], figures: list, name_label: str, spec: SectionSpec) -> tuple[Block, ...]:
    """Names and their pay in the order the source lists them; the list's date beside the
    pay, in the header when every figure has the same one, else in each row."""
    pairs = limit(list(zip(names, figures)), spec)
    if not pairs:
        return ()
    dates = {f.as_of for _, f in pairs}
    shared = dates.pop() if len(dates) == 1 else None
    header = t("labels.median_pay_as_of", date=source_date(shared)) if shared else t("labels.median_pay")
    rows = tuple((name, _pay_cell(f) if shared or not f.as_of else f"{_pay_cell(f)} ({source_date(f.as_of)})")
                 for name, f in pairs)
    return (Table((name_label, header), rows, (0.55, 0.45)),)


def industries_table(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    items = p.regional.top_paying_industries
    return _pay_table([i.industry for i in items], list(items), t("labels.industry"), spec)


def areas_table(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """Top-paying states or metro areas with their pay and date, as the source lists them."""
    items = p.regional.top_paying_areas
    return _pay_table([a.area for a in items], list(items), t("labels.area"), spec)


def pay_spread(p: Profile, spec: SectionSpec, ctx: Context) -> tuple[Block, ...]:
    """'Lowest 10%: less than $40,450': the source's label and words, its date where it gives one."""
    return labelled([(s.label, f"{s.text} ({source_date(s.as_of)})" if s.as_of else s.text) for s in p.pay_spread],
                     spec)

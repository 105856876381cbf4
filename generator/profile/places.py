"""Top-paying lists: an industry or a place with its pay, and the date the list gives its figures."""

from __future__ import annotations

import re
from typing import Optional

from generator.profile import salary, vocab
from generator.profile.draft import Draft
from generator.profile.sections import Line

_PLACES = re.compile(r"\b(?:states?|regions?|metro\w*|cities|city|areas?|locations?|countries|provinces?|counties)\b")


def names_places(label: Optional[str]) -> bool:
    """'Top-Paying States (May 2025 median)' lists places; 'Top-Paying Industries' does not."""
    key = vocab.norm(label or "")
    return bool(_PLACES.search(key)) and "industr" not in key


def pay_entries(text: str) -> list[tuple[str, float, str]]:
    """(name, pay, period) of each entry of a line: 'Hospitals: $56,520' is one, 'California
    ($104,820), Washington ($99,150)' is two; a name with commas ('Plumbing, Heating and
    Air-Conditioning Contractors: $56,950') stays whole."""
    if len(salary.find_money(text)) >= 2:
        parts = vocab.split_list(text)
        found = [salary.parse_pay_item(part) for part in parts]
        if len(parts) >= 2 and all(found):
            return found
    found_one = salary.parse_pay_item(text)
    return [found_one] if found_one else []


def add_pay_entries(draft: Draft, text: str, line: Line, places: bool, as_of: Optional[str]) -> bool:
    """Add each entry of the line to the top-paying areas (or industries), with the list's date."""
    entries = pay_entries(text)
    field, name_key = ("top_paying_areas", "area") if places else ("top_paying_industries", "industry")
    listed = draft.data.get("regional", {}).get(field, [])
    for name, amount, period in entries:
        entry = {name_key: name, "pay": amount, "period": period}
        if as_of:
            entry["as_of"] = as_of
        if not any(_same(entry, old, name_key) for old in listed):  # a summary line repeating the list
            draft.add(("regional", field), entry, line)
    return bool(entries)


def _same(entry: dict, old: dict, name_key: str) -> bool:
    same = all(entry[k] == old[k] for k in (name_key, "pay", "period"))
    return same and entry.get("as_of") in (None, old.get("as_of"))

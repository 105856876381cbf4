"""Place list-like sections: related occupations, resources, regional data, sources, unknown ones."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.profile import items as parse
from generator.profile import places, salary, vocab
from generator.profile.draft import Draft
from generator.profile.handlers import note_block, place_fact
from generator.profile.sections import Line, Section, is_prose, to_blocks


def related(draft: Draft, section: Section) -> None:
    """Each line is an occupation, 'Name: what they do' split at the first colon."""
    for block in to_blocks(section.kind, section.lines):
        if place_fact(draft, block):
            continue
        lines = ([block.line] if block.line else []) + block.items
        one_per_line = len(block.items) >= 2  # one occupation per line: a line's commas are in its name
        for line in lines:
            if line is block.line and not block.value:
                draft.note(line, "a label in related occupations")
                continue
            for occupation in parse.parse_related(line.text, split=not one_per_line):
                draft.add(("related_occupations",), occupation, line)


def resources(draft: Draft, section: Section) -> None:
    """Courses, books (title by authors), videos, podcasts, communities, sorted by keyword."""
    kinds: list[str] = []
    for block in to_blocks(section.kind, section.lines):
        if place_fact(draft, block):
            continue
        if block.key and block.value and block.line:
            # 'YouTube: AAPC tutorials' is an entry classified by its own label
            is_book = kinds == ["books"] and " by " in block.line.text
            _resource(draft, block.line.text, block.line, kinds, by_label=not is_book)
        elif block.key:
            kinds = vocab.resource_kinds(block.key)
            if not kinds:
                note_block(draft, block)
                continue
        for line in block.items:
            _resource(draft, line.text, line, kinds, by_label=len(kinds) != 1)


def _resource(draft: Draft, text: str, line: Line, kinds: list[str], by_label: bool) -> None:
    kind, value = parse.resource_item(text, kinds[0] if kinds else None)
    if not by_label:
        kind, value = kinds[0], text
    if kind is None and not is_prose(text) and text[:1].isupper():
        kind = "communities"  # 'Registry of Interpreters for the Deaf (RID)': an organisation to join
    if kind is None:
        draft.note(line, "could not tell what kind of resource this is")
    elif kind == "books":
        titles = [t for t in vocab.split_list(value) if t] if ";" in value else [value]
        for title in titles:  # 'A by X; B by Y' is two books
            draft.add(("resources", "books"), parse.parse_book(title), line)
    else:
        split = vocab.short_list(value, max_words=6) if value != text else None
        for entry in split or [value]:
            draft.add(("resources", kind), entry, line)


def regional(draft: Draft, section: Section) -> None:
    """Top-paying industries and places (with pay and the list's date), hot markets and trends."""
    default = "hot_markets" if re.search(r"where|market|state|location|region", vocab.norm(section.title)) else "trends"
    for block in to_blocks(section.kind, section.lines):
        if place_fact(draft, block):
            continue
        if block.key and not block.field:
            note_block(draft, block)
            continue
        label = block.key or section.title
        as_of = salary.date_of(block.key) or salary.date_of(section.title)
        entries = ([(block.value, block.line)] if block.value and block.line else [])
        entries += [(line.text, line) for line in block.items]
        for text, line in entries:
            # a sentence after a list of places is about them, not one of them ('Union technicians … earn more')
            loose = (block.field is None and default == "hot_markets") or (bool(block.value) and line is not block.line)
            _regional_entry(draft, block.field, text, line, default, as_of, places.names_places(label), loose)


def _regional_entry(draft: Draft, field, text: str, line: Line, default: str, as_of, in_places: bool,
                    loose: bool = False) -> None:
    if field in (None, "top_paying_industries", "hot_markets") and salary.find_money(text):
        if places.add_pay_entries(draft, text, line, in_places, as_of):
            return
    if field == "top_paying_industries":
        draft.note(line, "no pay found for this industry")
    elif loose and (field or default) == "hot_markets" and _sentence(text):
        draft.note(line, "a sentence among places")
    elif (field or default) == "hot_markets":
        for market in vocab.short_list(text, max_words=6) or [text]:
            draft.add(("regional", "hot_markets"), market, line)
    else:
        draft.add(("regional", field or default), text, line)


def _sentence(text: str) -> bool:
    """'Union technicians … often earn above these figures …' says something about places; 'Gulf Coast
    refineries and shipyards (Houston, TX; …)' is one."""
    bare = re.sub(r"\([^()]*\)", " ", text)
    return is_prose(text) and vocab.reads_as_clause(bare) and not vocab.short_list(text, max_words=6)


def specialties(draft: Draft, section: Section) -> None:
    """A 'Specialty Areas' section: one area per line (a comma line of short names is split)."""
    for line in section.lines:
        for area in vocab.short_list(line.text, max_words=6) or [line.text]:
            draft.add(("specialty_areas",), area, line)


def sources(draft: Draft, section: Section) -> None:
    """'Name – URL (data as of 2024)' lines."""
    for line in section.lines:
        source = parse.parse_source(line.text)
        if source:
            draft.add(("sources",), source, line)
        else:
            draft.note(line)


def unknown(draft: Draft, section: Section) -> None:
    """A section we do not know: heading and text kept in notes, with one warning."""
    if not section.lines:
        return  # a heading over sections of their own ('## Where the Money Is', then '### Top-Paying …')
    kept = [line for block in to_blocks(None, section.lines) if not _headline_fact(draft, block)
            for line in ([block.line] if block.line else []) + block.items]
    lines = ([section.heading] if section.heading else []) + kept
    for line in lines:
        draft.notes.append(line.text)
    last = lines[-1].no if lines else 0
    first = section.heading
    span = f"lines {first.no}-{last}" if first and last > first.no else "one line"
    draft.warn(first, f'unknown section "{section.title}" ({span}); kept in notes')


def _headline_fact(draft: Draft, block) -> bool:
    """A 'Median pay (May 2024): …' line is the fact wherever it stands."""
    if block.line is None or not vocab.global_field(block.key or ""):
        return False
    return place_fact(draft, replace(block, field=vocab.global_field(block.key)))


def fallback_facts(draft: Draft, lines: list[Line]) -> None:
    """Headline facts only written in sentences: median pay, growth, openings."""
    for line in lines:
        if not draft.has(("median_pay",)):
            median = salary.parse_median_in_prose(line.text)
            if median:
                draft.put(("median_pay",), median, line)
        if not draft.has(("growth",)) and is_prose(line.text):
            growth = salary.parse_growth_in_prose(line.text)
            if growth:
                draft.put(("growth",), growth, line)
        if not draft.has(("outlook", "annual_openings")):
            openings = salary.parse_openings_in_prose(line.text)
            if openings:
                draft.put(("outlook", "annual_openings"), openings, line)


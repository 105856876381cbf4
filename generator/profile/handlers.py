"""Place the blocks of each known section into profile fields (or notes, with a warning)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Optional

from generator.profile import items as parse
from generator.profile import places, salary, vocab
from generator.profile.draft import Draft
from generator.profile.sections import Block, Line, Section, is_prose, lead_in, to_blocks

PARAGRAPH = "\n\n"


def block_lines(block: Block) -> list[Line]:
    """The key line (if any) and the item lines of a block."""
    return ([block.line] if block.line else []) + block.items


def note_block(draft: Draft, block: Block, what: str = "could not place this text") -> None:
    """Keep every line of a block in notes."""
    for line in block_lines(block):
        draft.note(line, what)


def value_text(block: Block) -> str:
    """Inline value, or the item lines joined when the key stood alone."""
    return block.value or " ".join(line.text for line in block.items)


def place_fact(draft: Draft, block: Block) -> bool:
    """Place a headline fact (median pay, growth, openings, jobs, education, experience, source)."""
    name, line = block.field, block.line
    if name == "specialty_areas" and line is not None:
        add_items(draft, ("specialty_areas",), block)
        return True
    if name == "top_paying" and line is not None:
        _top_paying(draft, block)
        return True
    if name not in _FACT_PARSERS or line is None:
        return False
    value, rest = _fact_and_rest(value_text(block)) if block.value and name in _FIGURES else (value_text(block), "")
    parsed = _FACT_PARSERS[name](block.key or "", value)
    if parsed is None:
        note_block(draft, block, f"could not read {name.replace('_', ' ')} from this text")
        return True
    if name in ("sources", "pay_spread"):
        draft.add((name,), parsed, line)
    else:
        draft.put(FACT_PATHS.get(name, (name,)), parsed, line)
    if name == "annual_openings" and len(value.split()) >= 6:  # a sentence says more than its number
        draft.text(("outlook", "summary"), value, line, PARAGRAPH)
    if rest:  # 'Median (May 2024): $62,350. Lowest 10%: less than $40,450.': the rest is read apart
        _place_rest(draft, replace(line, text=rest), salary.date_of(block.key))
    if not block.value:
        for extra in block.items[1:] if name not in ("typical_education", "work_experience") else []:
            draft.note(extra)
    return True


def _top_paying(draft: Draft, block: Block) -> None:
    """'Top-paying states: Illinois ($88,450), …' outside a regional section: the same list."""
    in_places, as_of = places.names_places(block.key), salary.date_of(block.key)
    for text, line in ([(block.value, block.line)] if block.value else []) + [(l.text, l) for l in block.items]:
        if not places.add_pay_entries(draft, text, line, in_places, as_of):
            draft.note(line, "no pay found in this top-paying list")


_FIGURES = {"median_pay", "growth", "annual_openings", "number_of_jobs", "pay_spread"}


def _place_rest(draft: Draft, line: Line, as_of: Optional[str]) -> None:
    """The rest of a fact's line: another fact ('Lowest 10%: less than $40,450.', dated as the line
    is: 'Median (May 2024): …'), else a note."""
    pair = line.key_value()
    name = vocab.global_field(pair[0]) if pair and pair[1] else None
    held = len(draft.data.get("pay_spread", []))
    if not (name and place_fact(draft, Block(pair[0], name, pair[1], line))):
        draft.note(line, "more than the fact on its line")
    for spread in draft.data.get("pay_spread", [])[held:]:
        if as_of and "as_of" not in spread:
            spread["as_of"] = as_of


def _fact_and_rest(text: str) -> tuple[str, str]:
    """'$62,350. Lowest 10%: less than $40,450.' -> ('$62,350.', 'Lowest 10%: less than $40,450.')."""
    found = re.search(r"(?<=[.;])\s+(?=[A-Z])", text)
    return (text[:found.start()], text[found.end():]) if found else (text, "")


_FACT_PARSERS: dict[str, Callable[[str, str], object]] = {
    "median_pay": salary.parse_median,
    "growth": salary.parse_growth,
    "annual_openings": lambda key, value: salary.parse_count(value),
    "number_of_jobs": salary.parse_jobs,
    "pay_spread": salary.parse_spread,
    "typical_education": lambda key, value: value or None,
    "work_experience": lambda key, value: value or None,
    "sources": lambda key, value: parse.parse_source(value),
}
FACT_PATHS = {"annual_openings": ("outlook", "annual_openings")}


def add_items(draft: Draft, path: tuple, block: Block, max_words: int = 6) -> None:
    """A list field: the inline value split where it lists short items, then one item per line."""
    if block.value and block.line:
        for item in vocab.short_list(block.value, max_words=max_words) or [block.value]:
            draft.add(path, item, block.line)
    for line in block.items:
        draft.add(path, line.text, line)


# --- overview, pay -------------------------------------------------------------------------

def overview(draft: Draft, section: Section) -> None:
    """Prose becomes the overview; 'Key: value' facts go to their fields."""
    for block in to_blocks(section.kind, section.lines):
        if place_fact(draft, block):
            continue
        if block.field or block.key:
            note_block(draft, block)
            continue
        for line in block.items:
            if is_prose(line.text) and section.kind != "pay":
                draft.text(("overview",), line.text, line, PARAGRAPH)
            elif not _prose_fact(draft, line):
                draft.note(line)


def _prose_fact(draft: Draft, line: Line) -> bool:
    """Take a fact out of a sentence ('The median annual wage ... was $61,590 in May 2024')."""
    median = salary.parse_median_in_prose(line.text)
    if median and not draft.has(("median_pay",)):
        draft.put(("median_pay",), median, line)
        return True
    return False


# --- skills and tools ------------------------------------------------------------------------

def skills(draft: Draft, section: Section) -> None:
    """'Core Skills:' items become skills; 'Tools:' items become tool categories."""
    default = "tools" if section.kind == "tools" else "skills"
    for block in to_blocks(section.kind, section.lines):
        if place_fact(draft, block):
            continue
        field = block.field or (default if block.key is None else None)
        if field == "skills":
            skill_block(draft, block)
        elif field == "tools":
            _tool_block(draft, block, block.key or section.title or "Tools")
        else:
            note_block(draft, block)


_LIST_OF_SKILLS = set("skills skill core key essential important soft technical hard transferable qualities abilities "
                      "other general main top required personal interpersonal and".split())


def skill_block(draft: Draft, block: Block) -> None:
    named = block.key and not set(vocab.norm(block.key).split()) <= _LIST_OF_SKILLS
    if block.value and named and block.line:
        draft.add(("skills",), block.line.text, block.line)  # 'Math skills: Calculating …' is one skill, named
    elif block.value:
        for skill in vocab.short_list(block.value) or [block.value]:
            draft.add(("skills",), skill, block.line)
    one_per_line = len(block.items) >= 2  # a list written one per line: each line is one skill
    for index, line in enumerate(block.items):
        following = block.items[index + 1] if index + 1 < len(block.items) else None
        if _introduces(line, following):  # 'Key skills most employers look for include:' opens the list
            draft.text(("skills_intro",), line.text, line)
            continue
        whole = one_per_line or line.key_value()  # 'Business skills: costing, inventory' is one skill
        for skill in ([line.text] if whole else vocab.short_list(line.text) or [line.text]):
            draft.add(("skills",), skill, line)


def _introduces(line: Line, following) -> bool:
    """A sentence ending in ':' with the bulleted list it introduces after it."""
    return lead_in(line) and following is not None and following.bullet


def _tool_block(draft: Draft, block: Block, category: str) -> None:
    loose: list[str] = vocab.split_list(block.value) if block.value else []
    first = block.line
    for line in block.items:
        pair = line.key_value()
        if pair and pair[1]:
            draft.add(("tools",), {"category": pair[0], "items": vocab.split_list(pair[1])}, line)
        else:
            loose.extend(vocab.split_list(line.text))
            first = first or line
    if loose and first:
        draft.add(("tools",), {"category": category, "items": loose}, first)


# --- work environment, outlook ------------------------------------------------------------------

def work_environment(draft: Draft, section: Section) -> None:
    """Industries (a list), settings and schedules (text)."""
    for block in to_blocks(section.kind, section.lines):
        if place_fact(draft, block):
            continue
        field = block.field
        if field == "industries":
            texts = ([(block.value, block.line)] if block.value else []) + [(l.text, l) for l in block.items]
            for text, line in texts:
                for industry in vocab.short_list(text, max_words=7) or [text]:
                    draft.add(("work_environment", "industries"), industry, line)
        elif field in ("settings", "schedules") or block.key is None:
            text = " ".join(filter(None, [block.value] + [line.text for line in block.items]))
            draft.text(("work_environment", field or "settings"), text, block.line or block.items[0])
        else:
            note_block(draft, block)


def outlook(draft: Draft, section: Section) -> None:
    """Prose before the openings line is the summary; lines after it (or bulleted) are drivers."""
    after_openings = False
    for block in to_blocks(section.kind, section.lines):
        if place_fact(draft, block):
            after_openings = after_openings or block.field == "annual_openings"
            continue
        if block.field == "drivers":
            _add_lines(draft, ("outlook", "drivers"), block)
        elif block.field == "summary" or block.key is None:
            for line in ([block.line] if block.line and block.value else []) + block.items:
                text = block.value if line is block.line else line.text
                _outlook_line(draft, line, text, after_openings)
        else:
            note_block(draft, block)


def _outlook_line(draft: Draft, line: Line, text: str, after_openings: bool) -> None:
    openings = salary.parse_openings_in_prose(text)
    if openings and not draft.has(("outlook", "annual_openings")):
        draft.put(("outlook", "annual_openings"), openings, line)
    if after_openings or (line.bullet and draft.has(("outlook", "summary"))):
        draft.add(("outlook", "drivers"), text, line)
    else:
        draft.text(("outlook", "summary"), text, line, PARAGRAPH)


def _add_lines(draft: Draft, path: tuple, block: Block) -> None:
    if block.value and block.line:
        draft.add(path, block.value, block.line)
    for line in block.items:
        draft.add(path, line.text, line)

"""The levels section: each level's name, fields and pay, and a pay table matched to the levels."""

from __future__ import annotations

import re
from itertools import takewhile
from typing import Optional

from generator.profile import salary, table, vocab
from generator.profile.draft import Draft
from generator.profile.handlers import note_block, place_fact, value_text
from generator.profile.sections import Block, Line, Section, heading_text, is_level_field_line, is_prose, to_blocks


def levels(draft: Draft, section: Section) -> None:
    """Each short line followed by level fields opens a level; its fields fill it."""
    acronyms = acronyms_of(section.lines)
    rows = [line for line in section.lines if table.is_row(line)]
    for head, lines in _level_groups([line for line in section.lines if not table.is_row(line)]):
        if head is None:
            for line in lines:
                draft.note(line)
        else:
            _level(draft, head, lines, acronyms)
    table.place_rows(draft, rows)


def _level_groups(lines: list[Line]) -> list[tuple[Optional[Line], list[Line]]]:
    groups: list[tuple[Optional[Line], list[Line]]] = [(None, [])]
    in_list = False  # under a bare 'Core Responsibilities:' label, lines are its items
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        head = _is_level_head(line, following) or _heads_indented_fields(line, lines[index + 1:])
        if head and not (in_list and _looks_like_item(line, following)):
            groups.append((line, []))
            in_list = False
            continue
        groups[-1][1].append(line)
        pair = line.key_value()
        if pair:
            in_list = not pair[1]
    return [group for group in groups if group[0] or group[1]]


def _looks_like_item(line: Line, following: Optional[Line]) -> bool:
    """A short last duty ('Testify in court') before 'Salary Range:' is a duty, not a level's name.

    Under an open list, a line opens a level only when a level field other than pay
    follows it, or it is set like a name (Title Case, capitals, or says 'level').
    """
    pair = following.key_value() if following else None
    if pair and vocab.section_field("levels", pair[0]) != "salary":
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line.text) if w.casefold() not in _SMALL_WORDS]
    named = words and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)
    return not (named or "level" in line.text.casefold())


def _heads_indented_fields(line: Line, rest: list[Line]) -> bool:
    """'Helper / Entry Welder' over indented bullets that hold a level field ('- Pay: $36K - $44K')."""
    if line.bullet or line.number is not None or is_prose(line.text) or line.key_value():
        return False
    under = list(takewhile(lambda after: after.indent > line.indent, rest))
    return any(is_level_field_line(after) for after in under)


def _is_level_head(line: Line, following: Optional[Line]) -> bool:
    if line.bullet or line.number is not None:
        # a bulleted or numbered line is an item (a duty), unless level fields are indented under it
        nested = following is not None and following.indent > line.indent and not following.bullet
        return nested and not is_prose(line.text) and is_level_field_line(following)
    pair = line.key_value()
    if pair and vocab.section_field("levels", pair[0]):
        return False
    if pair and pair[1] and salary.parse_range(pair[1]) and len(pair[0].split()) <= 5:
        return True  # one-line level: 'Apprentice: $40,000–$50,000'
    if pair and pair[1]:
        return False
    if not pair and _one_line_level(line.text):
        return True  # 'Entry Level – $40,000 to $52,000'
    return not is_prose(heading_text(line.text)) and is_level_field_line(following)


def _one_line_level(text: str) -> bool:
    money = salary.find_money(text)
    if not money or not re.search(r"[–—-]\s*$|\(\s*$", text[:money[0].start]):
        return False
    name = re.sub(r"[\s:–—\-(,|]+$", "", text[:money[0].start]).strip()
    return bool(name) and len(name.split()) <= 6 and salary.parse_range(text[money[0].start:]) is not None


def _level_name(line: Line, acronyms: set[str]) -> tuple[str, Optional[dict]]:
    """'Entry Level ($35,000–$45,000)' -> ('Entry Level', range); 'ENTRY LEVEL' -> 'Entry Level'."""
    name, pay = _level_name_and_pay(line)
    return title_case(name, acronyms), pay


def _level_name_and_pay(line: Line) -> tuple[str, Optional[dict]]:
    text = heading_text(line.text)
    pair = line.key_value()
    if pair and pair[1]:
        return pair[0], salary.parse_range(pair[1])
    money = salary.find_money(text)
    if not money:
        return text, None
    name = re.sub(r"[\s:–—\-(,|]+$", "", text[:money[0].start]).strip()
    return (name, salary.parse_range(text[money[0].start:])) if name else (text, None)


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
                "de", "du", "des", "la", "le", "da", "del", "van", "von", "der", "et"}
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X)$")


def title_case(name: str, acronyms: set[str]) -> str:
    """A name typed in capitals, in Title Case: 'MASTER ELECTRICIAN (SENIOR)' -> 'Master Electrician (Senior)'.

    Words the document writes in capitals inside ordinary text (HVAC, RN) and
    Roman numerals stay as they are; names with lower-case letters are left alone.
    """
    if any(c.islower() for c in name) or not any(c.isalpha() for c in name):
        return name
    def word(match: re.Match) -> str:
        token = match.group(0)
        if token in acronyms or _ROMAN.match(token):
            return token
        lower = token.lower()
        first = match.start() == 0 or name[:match.start()].rstrip()[-1:] in "(/–—-:"
        return lower if lower in _SMALL_WORDS and not first else lower[:1].upper() + lower[1:]
    return re.sub(r"[A-Z][A-Z'’]*", word, name)


def acronyms_of(lines: list[Line]) -> set[str]:
    """Capitalised words (2+ letters) that lines with lower-case text use: 'HVAC', 'EHR', 'RN'."""
    found: set[str] = set()
    for line in lines:
        if any(c.islower() for c in line.text):
            found.update(re.findall(r"\b[A-Z]{2,}\b", line.text))
    return found


def _level(draft: Draft, head: Line, lines: list[Line], acronyms: set[str]) -> None:
    name, pay = _level_name(head, acronyms)
    draft.add(("levels",), {"name": name}, head)
    path = ("levels", len(draft.data["levels"]) - 1)
    if pay:
        draft.put(path + ("salary",), pay, head)
    for block in to_blocks("levels", lines):
        handler = _LEVEL_FIELDS.get(block.field or "")
        if handler and block.line:
            handler(draft, path, block)
        elif block.key is None and block.items and all(line.bullet for line in block.items):
            for line in block.items:  # the duties listed under a level's name, without a label
                draft.add(path + ("responsibilities",), line.text, line)
        elif not place_fact(draft, block):
            note_block(draft, block)


def _level_list(draft: Draft, path: tuple, block: Block) -> None:
    field = block.field or ""
    if block.value:
        values = vocab.split_list(block.value) if field == "job_titles" else _split_duties(block.value)
        for value in values:
            draft.add(path + (field,), value, block.line)
    for line in block.items:
        values = vocab.split_list(line.text) if field == "job_titles" else [line.text]
        for value in values:
            draft.add(path + (field,), value, line)


def _split_duties(text: str) -> list[str]:
    parts = [part.strip() for part in text.split(";") if part.strip()]
    return parts or [text]


def _level_text(draft: Draft, path: tuple, block: Block) -> None:
    text = " ".join(filter(None, [block.value] + [line.text for line in block.items]))
    if text:
        draft.text(path + (block.field,), text, block.line)


def _level_salary(draft: Draft, path: tuple, block: Block) -> None:
    pay = salary.parse_range(value_text(block))
    if pay is None:
        note_block(draft, block, "could not read a salary range from this text")
    else:
        draft.put(path + ("salary",), pay, block.line)


_LEVEL_FIELDS = {
    "job_titles": _level_list, "responsibilities": _level_list, "salary": _level_salary,
    "education": _level_text, "experience": _level_text,
}

"""Place the blocks of each known section into profile fields (or notes, with a warning)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile
from typing import Callable, Optional

from generator.profile import items as parse
from generator.profile import places, salary, table, vocab
from generator.profile.draft import Draft
from generator.profile.sections import Block, Line, Section, heading_text, is_level_field_line, is_prose, to_blocks

PARAGRAPH = "\n\n"


def block_lines(block: Block) -> list[Line]:
    """The key line (if any) and the item lines of a block."""
    return ([block.line] if block.line else []) + block.items


def note_block(draft: Draft, block: Block, what: str = "could not place this text") -> None:
    """Keep every line of a block in notes."""
    for line in block_lines(block):
        draft.note(line, what)


def _value_text(block: Block) -> str:
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
    value = _value_text(block)
    parsed = _FACT_PARSERS[name](block.key or "", value)
    if parsed is None:
        note_block(draft, block, f"could not read {name.replace('_', ' ')} from this text")
        return True
    if name == "sources":
        draft.add(("sources",), parsed, line)
    else:
        draft.put(FACT_PATHS.get(name, (name,)), parsed, line)
    if name == "annual_openings" and len(value.split()) >= 6:  # a sentence says more than its number
        draft.text(("outlook", "summary"), value, line, PARAGRAPH)
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


_FACT_PARSERS: dict[str, Callable[[str, str], object]] = {
    "median_pay": salary.parse_median,
    "growth": salary.parse_growth,
    "annual_openings": lambda key, value: salary.parse_count(value),
    "number_of_jobs": salary.parse_jobs,
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


# --- levels ----------------------------------------------------------------------------------

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
    pay = salary.parse_range(_value_text(block))
    if pay is None:
        note_block(draft, block, "could not read a salary range from this text")
    else:
        draft.put(path + ("salary",), pay, block.line)


_LEVEL_FIELDS = {
    "job_titles": _level_list, "responsibilities": _level_list, "salary": _level_salary,
    "education": _level_text, "experience": _level_text,
}


# --- how to become one -------------------------------------------------------------------------

def how_to_become(draft: Draft, section: Section) -> None:
    """Education, high school (and its courses), postsecondary, licensing, certifications, advancement."""
    default = "advancement" if section.kind == "advancement" else "education"
    lines = [piece for line in section.lines for piece in _inline_labels(line)]
    for block in to_blocks(section.kind, lines):
        if place_fact(draft, block):
            continue
        field = block.field
        if field == "licensing":
            _licensing(draft, block)
        elif field == "high_school":
            _high_school(draft, block)
        elif field == "skills":
            _skill_block(draft, block)
        elif field in ("education", "postsecondary", "advancement") or block.key is None:
            _how_text(draft, field or default, block)
        else:
            note_block(draft, block)


_INLINE_LABEL = re.compile(r"(?<=[.!?])\s+(?=[A-Z][\w'’/-]*(?:\s+(?:[A-Z&][\w'’/-]*|of|and|or|for|the)){0,3}:\s)")


def _inline_labels(line: Line) -> list[Line]:
    """'… in fabrication shops. Alternative Paths: Community colleges …' is two thoughts, each on a
    line of its own (the same source line)."""
    if line.bullet or line.number is not None:
        return [line]
    pieces = _INLINE_LABEL.split(line.text)
    return [line] if len(pieces) == 1 else [replace(line, text=piece) for piece in pieces]


_PLAIN_HOW_KEYS = re.compile(r"^(?:post ?secondary(?: education| training| options)?|education(?: and training)?"
                             r"|(?:career )?advancement|training|college|requirements?|degree)$")


def _how_text(draft: Draft, field: str, block: Block) -> None:
    """The field's text; a part the source labels itself ('Alternative Paths: …', 'Apprenticeship:
    Union programs …') is a detail of its own, with its label, never merged into the field; the list
    a sentence about credentials introduces is certifications; another list keeps a line per item."""
    plain = block.key is None or _PLAIN_HOW_KEYS.match(vocab.norm(block.key))
    parts: list[tuple[Optional[str], list[tuple[str, bool]], Optional[Line]]] = [(None if plain else block.key, [], block.line)]
    if block.value:
        parts[0][1].append((block.value, False))
    for index, line in enumerate(block.items):
        listed = _list_entry(line) and _after_lead_in(block.items[:index])
        if listed and _credentials_lead_in(block.items[:index]):
            _add_certification(draft, line)  # the list 'Common certifications … include:' introduced
        elif line.text.rstrip().endswith(":") and _credentials_lead_in(block.items[:index + 1]):
            draft.text(("how_to_become", "licensing"), line.text, line, PARAGRAPH)
        elif _detail_label(line) and not listed:
            label, text = _detail_label(line)
            parts.append((label, [(text, False)], line))
        elif len(parts) > 1 and parts[-1][0] and line.text[:1].isupper() and not listed:
            parts.append((None, [(line.text, False)], line))  # a sentence of its own after a labelled one
        else:
            parts[-1][1].append((line.text, listed))
    sep = " " if block.key is None else "\n"  # loose lines are one paragraph; a key's lines stay lines
    for label, texts, line in parts:
        line = line or next(iter(block.items), None)
        if texts and line is not None and label:
            draft.add(("how_to_become", "details"), {"label": label, "text": " ".join(t for t, _ in texts)}, line)
        elif texts and line is not None:
            joined = texts[0][0] + "".join(("\n" if listed else sep) + text for text, listed in texts[1:])
            draft.text(("how_to_become", field), joined, line, PARAGRAPH)


_CREDENTIAL = re.compile(r"\b(?:certif\w*|licen[cs]\w*|credentials?)\b", re.I)


def _list_entry(line: Line) -> bool:
    """A line that reads as an entry of a list: bulleted, or 'Name — who or what' with a short name."""
    if line.bullet:
        return True
    head = re.split(r"\s+[–—-]\s+|:\s", line.text, maxsplit=1)
    return len(head) == 2 and len(head[0].split()) <= 10 and not vocab.reads_as_clause(head[0])


def _lead_in(before: list[Line]) -> Optional[Line]:
    """The sentence ending in ':' that the entries at the end of `before` follow, if any."""
    rest = list(before)
    while rest and _list_entry(rest[-1]) and not rest[-1].text.rstrip().endswith(":"):
        rest.pop()
    last = rest[-1] if rest else None
    return last if last and last.text.rstrip().endswith(":") and len(last.text.split()) > 3 else None


def _after_lead_in(before: list[Line]) -> bool:
    """The lines before end with a sentence ending in ':' and the entries it introduces."""
    return _lead_in(before) is not None


def _credentials_lead_in(before: list[Line]) -> bool:
    """The list being read was introduced by a sentence about credentials ('… certifications … include:')."""
    lead = _lead_in(before)
    return lead is not None and bool(_CREDENTIAL.search(lead.text))


def _add_certification(draft: Draft, line: Line) -> None:
    cert = parse.parse_certification(line.text)
    if cert:
        draft.add(("how_to_become", "certifications"), cert, line)
    else:
        draft.text(("how_to_become", "licensing"), line.text, line, "\n")


def _detail_label(line: Line) -> Optional[tuple[str, str]]:
    """('Alternative Paths', text) for a line that opens with a short label of its own."""
    pair = line.key_value()
    if not pair or not pair[1] or len(pair[0].split()) > 4 or not pair[0][:1].isupper():
        return None
    return None if vocab.reads_as_clause(pair[0]) else pair


def _licensing(draft: Draft, block: Block) -> None:
    key = vocab.norm(block.key or "")
    certs_only = "certif" in key and "licens" not in key
    listed = vocab.short_list(block.value, max_words=10) if certs_only and block.value else None
    if listed:
        for item in listed:
            draft.add(("how_to_become", "certifications"), parse.parse_certification(item), block.line)
    elif block.value:
        draft.text(("how_to_become", "licensing"), block.value, block.line)
    for line in block.items:
        cert = parse.parse_certification(line.text)
        if cert and (line.bullet or not is_prose(line.text) or "issuer" in cert or "description" in cert):
            draft.add(("how_to_become", "certifications"), cert, line)
        else:
            draft.text(("how_to_become", "licensing"), line.text, line, "\n")


def _high_school(draft: Draft, block: Block) -> None:
    path = ("how_to_become", "high_school")
    if block.value:
        draft.text(path, block.value, block.line)
        for course in parse.school_courses(block.value):
            draft.add(("how_to_become", "high_school_courses"), course, block.line)
    for line in block.items:
        courses = vocab.short_list(line.text) or ([line.text.rstrip(".")] if not is_prose(line.text) else [])
        if is_prose(line.text):
            draft.text(path, line.text, line)
            courses = parse.school_courses(line.text)
        for course in courses:
            draft.add(("how_to_become", "high_school_courses"), course, line)


# --- skills and tools ------------------------------------------------------------------------

def skills(draft: Draft, section: Section) -> None:
    """'Core Skills:' items become skills; 'Tools:' items become tool categories."""
    default = "tools" if section.kind == "tools" else "skills"
    for block in to_blocks(section.kind, section.lines):
        if place_fact(draft, block):
            continue
        field = block.field or (default if block.key is None else None)
        if field == "skills":
            _skill_block(draft, block)
        elif field == "tools":
            _tool_block(draft, block, block.key or section.title or "Tools")
        else:
            note_block(draft, block)


_LIST_OF_SKILLS = set("skills skill core key essential important soft technical hard transferable qualities abilities "
                      "other general main top required personal interpersonal and".split())


def _skill_block(draft: Draft, block: Block) -> None:
    named = block.key and not set(vocab.norm(block.key).split()) <= _LIST_OF_SKILLS
    if block.value and named and block.line:
        draft.add(("skills",), block.line.text, block.line)  # 'Math skills: Calculating …' is one skill, named
    elif block.value:
        for skill in vocab.short_list(block.value) or [block.value]:
            draft.add(("skills",), skill, block.line)
    one_per_line = len(block.items) >= 2  # a list written one per line: each line is one skill
    for line in block.items:
        whole = one_per_line or line.key_value()  # 'Business skills: costing, inventory' is one skill
        for skill in ([line.text] if whole else vocab.short_list(line.text) or [line.text]):
            draft.add(("skills",), skill, line)


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

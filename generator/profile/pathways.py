"""How to become one: education, high school, postsecondary, licensing and certifications,
advancement, and the parts the source labels itself ('Alternative Paths: …')."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from generator.profile import items as parse
from generator.profile import vocab
from generator.profile.draft import Draft
from generator.profile.handlers import PARAGRAPH, note_block, place_fact, skill_block
from generator.profile.sections import Block, Line, Section, is_prose, lead_in, to_blocks


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
            skill_block(draft, block)
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
        before = block.items[:index]
        same_form = not before or before[-1].text.rstrip().endswith(":") or before[-1].bullet == line.bullet
        listed = _list_entry(line) and same_form and _after_lead_in(before)
        if listed and _credentials_lead_in(before):
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
    """The sentence ending in ':' that the entries at the end of `before` follow, if any (the
    entries of one list are set alike: all bulleted, or none)."""
    rest = list(before)
    while rest and _list_entry(rest[-1]) and not rest[-1].text.rstrip().endswith(":"):
        if rest[-1].bullet != before[-1].bullet:
            return None
        rest.pop()
    last = rest[-1] if rest else None
    return last if lead_in(last) else None


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


_LICENSING_LABEL = set("licensing licensure license licenses licence licences certification certifications "
                       "certificate certificates credential credentials and registration exams exam required "
                       "common professional optional".split())


def _licensing(draft: Draft, block: Block) -> None:
    key = vocab.norm(block.key or "")
    certs_only = "certif" in key and "licens" not in key
    listed = vocab.short_list(block.value, max_words=10) if certs_only and block.value else None
    named = block.line is not None and block.value and not set(key.split()) <= _LICENSING_LABEL
    if named:  # 'Microsoft Certified: Azure Fundamentals - Microsoft' names a credential, not a list
        draft.add(("how_to_become", "certifications"), parse.parse_certification(block.line.text)
                  or {"name": block.line.text}, block.line)
    elif listed:
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

"""Plain-text profile -> Profile: find the title, sections and facts; keep what cannot be placed."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any, Optional

from pydantic import ValidationError

from generator.errors import ImportTextError, printable
from generator.profile import handlers, levels, lists, pathways
from generator.profile.draft import Draft
from generator.profile.model import Profile, ProfileWarning
from generator.profile.sections import Line, Section, heading_text, looks_like_heading, segment, to_lines
from generator.profile.source import read_source
from generator.profile.text import decode_bytes
from generator.profile.vocab import global_field
from generator.profile.vocab import reads_as_clause as vocab_clause
from generator.yaml_model import field_path

HANDLERS = {
    "preamble": handlers.overview, "overview": handlers.overview, "pay": handlers.overview,
    "levels": levels.levels, "how_to_become": pathways.how_to_become, "advancement": pathways.how_to_become,
    "skills": handlers.skills, "tools": handlers.skills, "skills_tools": handlers.skills,
    "work_environment": handlers.work_environment, "outlook": handlers.outlook,
    "related": lists.related, "specialties": lists.specialties, "resources": lists.resources, "regional": lists.regional, "sources": lists.sources,
}
FACT_FIELDS = ("median_pay", "growth", "number_of_jobs", "specialty_areas", "typical_education", "work_experience", "levels", "how_to_become",
               "skills", "tools", "work_environment", "outlook", "related_occupations", "resources", "regional")
_TITLE_PREFIX = re.compile(r"^(?:career|occupation(?:al)?|job)?\s*(?:profile|title|overview)?\s*:\s*", re.I)
# the occupation's SOC code: "SOC 47-2111", "SOC code: 47-2111", or "(47-2111)" beside the title
_SOC = re.compile(r"(?:O\*NET-)?\bSOC(?:\s+code)?\s*[:#]?\s*(\d{2}-\d{4})\b", re.I)
_TITLE_SOC = re.compile(r"\s*[(\[]\s*(?:SOC\s*(?:code)?\s*[:#]?\s*)?(\d{2}-\d{4})\s*[)\]]", re.I)
_TITLE_SUFFIX = re.compile(r"\s*[-–—:|]\s*(?:an?\s+)?(?:career|occupation(?:al)?|job)\s+(?:profile|overview|guide|brochure)$", re.I)


def import_file(path: Path | str) -> tuple[Profile, list[str]]:
    """Read a plain-text profile (UTF-8, or UTF-16 with BOM) and import it."""
    path = Path(path)
    raw = read_source(path, ImportTextError)
    return import_text(decode_bytes(raw, printable(path)), printable(path))


def import_text(text: str, name: str) -> tuple[Profile, list[str]]:
    """Turn the text of a plain-text profile into a Profile and a list of warnings."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise ImportTextError(f"{name}: not a text file (binary data)")
    text, dropped = without_pictographs(text)
    lines = to_lines(text)
    if not lines:
        raise ImportTextError(f"{name}: empty file: no profile to import")
    draft = Draft(name)
    for line_no, chars in dropped:
        draft.warnings.append(f"{name}:{line_no}: warning: left out {chars}: a pictograph the brochure's faces "
                              "cannot print")
    draft.data["title"] = _title(lines[0], name, levels.acronyms_of(lines[1:]))
    draft.where[("title",)] = lines[0].no
    _soc_code(draft, lines)
    sections = segment([line for line in lines[1:2] if not is_decoration(line)] + lines[2:])
    for section in sections:
        HANDLERS.get(section.kind or "", lists.unknown)(draft, section)
    lists.fallback_facts(draft, lines[1:])
    if not _has_profile_content(draft, sections):
        raise ImportTextError(f"{name}: no profile sections or facts found (is this a career profile?)")
    draft.notes = [note for note in draft.notes if not _SOC.fullmatch(note.strip())]  # kept as `soc`
    if draft.notes:
        draft.data["notes"] = draft.notes
    return _validate(draft), draft.warnings


_SUBTITLE = re.compile(r"^(?:an?\s+)?(?:career|occupation(?:al)?|job)\s+(?:profile|overview|guide|brochure|fact sheet)$", re.I)


# Emoji and pictographs (and the joiners and variation selectors that build them): no face of the
# brochure has them, so they would print as boxes. Dingbats (✓ ➤) are left: they mark bullets.
_PICTOGRAPH = re.compile("[\U0001F000-\U0001FAFF\u2600-\u26FF\u2B50-\u2B55\uFE0F\u200D]+[ \t]?")


def without_pictographs(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text without pictographs, and (line number, what was left out) for each line that had one."""
    dropped = []
    for no, line in enumerate(text.split("\n"), start=1):
        found = "".join(m.group(0).strip() for m in _PICTOGRAPH.finditer(line))
        if found:
            dropped.append((no, found))
    return (_PICTOGRAPH.sub("", text), dropped) if dropped else (text, dropped)


def is_decoration(line: Line) -> bool:
    """A subtitle under the title that only says what the document is ('Career Profile')."""
    return bool(_SUBTITLE.match(heading_text(line.text)))


def _title(line: Line, name: str, acronyms: set[str] = frozenset()) -> str:
    """The first line is the occupation's name; a heading or a fact there means it is missing."""
    pair = line.key_value()
    if looks_like_heading(line) or (pair and pair[1] and global_field(pair[0])):
        raise ImportTextError(f'{name}:{line.no}: no title line: the text starts with "{line.raw}"; '
                              "put the occupation's name on the first line")
    text = _TITLE_SOC.sub("", heading_text(line.raw))
    text = _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", text)).strip()
    text = levels.title_case(text, acronyms)  # 'PLUMBERS, PIPEFITTERS, AND STEAMFITTERS' like level names
    if not text or (text.endswith((".", "!", "?")) and vocab_clause(text)):
        raise ImportTextError(f'{name}:{line.no}: no title line: "{line.raw[:60]}" reads as a sentence; '
                              "put the occupation's name on the first line")
    return text


def _soc_code(draft: Draft, lines: list[Line]) -> None:
    """The SOC code beside the title ('(47-2111)') or on a line of its own ('SOC code: 47-2111')."""
    found = _TITLE_SOC.search(lines[0].raw)
    where = lines[0] if found else None
    for line in lines[1:] if not found else ():
        found = _SOC.search(line.raw)
        if found:
            where = line
            break
    if found:
        draft.data["soc"], draft.where[("soc",)] = found.group(1), where.no


def _has_profile_content(draft: Draft, sections: list[Section]) -> bool:
    known = any(section.kind not in (None, "preamble") for section in sections)
    return known or any(field in draft.data for field in FACT_FIELDS if field != "overview")


def _validate(draft: Draft) -> Profile:
    """Build the Profile; a validation error becomes one line naming the fact's line."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProfileWarning)
        try:
            profile = Profile.model_validate(draft.data)
        except ValidationError as exc:
            raise ImportTextError(_error_line(exc.errors()[0], draft)) from None
    for warning in caught:
        if issubclass(warning.category, ProfileWarning):
            field = str(warning.message).split(":", 1)[0].strip()
            line = draft.where.get((field,))
            draft.warnings.append(f"{draft.name}:{line}: warning: {warning.message}" if line
                                  else f"{draft.name}: warning: {warning.message}")
    return profile


def _error_line(error: dict[str, Any], draft: Draft) -> str:
    loc = tuple(error["loc"])
    line = _line_of(loc, draft.where)
    message = error["msg"].removeprefix("Value error, ")
    where = f"{draft.name}:{line}:" if line else f"{draft.name}:"
    return f"{where} {field_path(loc)}: {message}"


def _line_of(loc: tuple, where: dict[tuple, int]) -> Optional[int]:
    for size in range(len(loc), 0, -1):
        if loc[:size] in where:
            return where[loc[:size]]
    return None

"""Split a plain-text profile into lines, sections (by heading) and keyed blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from generator.profile import vocab

_BULLET = re.compile(r"^(?:[•●○◦▪▫■□‣∙·⁃➢➤►▸✓✔*+]|[-–—](?=\s))\s*")
_NUMBERED_ITEM = re.compile(r"^(?P<num>\d{1,2})[.)]\s+(?=\S)")
_NUMBERED_HEAD = re.compile(
    r"^(?:(?:section|part|chapter)\s+(?P<a>\d{1,2})\s*[:.)–—-]?\s*|(?P<b>\d{1,2})\s*(?:[.):]|\s[-–—])\s*)(?P<body>\S.*)$", re.I
)
_RULE = re.compile(r"^[\s=_*~#\-–—.·•]{3,}$")
_KEY = re.compile(r"^(?P<key>[^:]{1,60}?)\s*:\s*(?P<value>.*)$")
_MARKDOWN = re.compile(r"^#{1,6}\s+")
_QUOTE = re.compile(r"^(?:>\s*)+")  # a Markdown block quote
_DECOR = re.compile(r"^[\s*_=#~]+|[\s*_=#~]+$")
_SENTENCE_END = (".", "!", "?", ":", ";", "”", '"', ")")


@dataclass
class Line:
    """One non-blank input line, with its bullet or number stripped."""

    no: int
    raw: str
    text: str
    bullet: bool = False
    number: Optional[int] = None
    indent: int = 0  # columns of white space before the line (a tab counts as four)

    def key_value(self) -> Optional[tuple[str, str]]:
        """('Median Pay', '$50,250') for 'Median Pay: $50,250' (or 'Median Pay - $50,250', when the
        key names a field), else None."""
        match = _KEY.match(self.text) or _dash_key(self.text)
        if not match:
            return None
        key, value = match["key"].strip(), match["value"].strip()
        clause = vocab.reads_as_clause(re.sub(r"\bMay\b", "", key)) and not vocab.global_field(key)
        if len(key.split()) > 4 and clause:
            return None  # 'Demand will shift toward digital work: websites, …' is a sentence
        clock = re.search(r"(?<![\d\-–])\d{1,2}$", key) and re.match(r"\d{2}(?![\d%.,])", value)
        if value.startswith("//") or clock:
            return None
        if len(key.split()) > 8 or not re.search(r"[^\W\d_]", key):
            return None
        return key, value


# Fields whose name may be set off by a dash; not certifications, skills or tools, whose entries are
# often written 'AWS Certified Developer – Associate' or 'Cloud platforms – AWS, Azure'.
_DASH_FIELDS = {"job_titles", "responsibilities", "salary", "experience", "education", "high_school", "postsecondary",
                "advancement", "schedules", "industries", "settings", "drivers", "summary"}
_DASH_KEY_WORDS = vocab.HEADING_WORDS | set("""
titles title day experience focus openings per year entry wage annual median projected hourly typical years
range background who lowest highest bottom percent percentile
""".split())
_DASH_KEY = re.compile(r"^(?P<key>[^:]{1,50}?)\s+[-–—]\s+(?P<value>\S.*)$")


def _dash_key(text: str) -> Optional[re.Match]:
    """'Pay - $36,500 - $46,000 per year': a dash after a field's name sets it off like a colon."""
    match = _DASH_KEY.match(text)
    if not match:
        return None
    key = match["key"]
    words = [w for w in vocab.norm(key).replace("'", " ").split() if not w.isdigit()]
    if not words or not all(word in _DASH_KEY_WORDS for word in words):
        return None  # 'Experienced Reporter – $52,000 to $75,000' is a level, not 'Experience'
    named = vocab.global_field(key) or any(vocab.section_field(kind, key) in _DASH_FIELDS for kind in vocab.SECTION_FIELDS)
    return match if named else None


@dataclass
class Section:
    """A heading and the lines under it; kind None means a section we do not know."""

    kind: Optional[str]
    heading: Optional[Line]
    lines: list[Line] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The heading text without numbering or decoration."""
        return heading_text(self.heading.text) if self.heading else ""


@dataclass
class Block:
    """A 'Key: value' line (or none, for loose text) and the item lines that follow it."""

    key: Optional[str]
    field: Optional[str]
    value: str
    line: Optional[Line]
    items: list[Line] = field(default_factory=list)


def to_lines(text: str) -> list[Line]:
    """Non-blank, non-rule lines, numbered from 1; hard-wrapped continuations joined."""
    lines: list[Line] = []
    raws = text.split("\n")
    margin = wrap_margin(raws)
    last_length, last_indent = 0, -1  # of the previous physical line (a joined line's raw grows)
    for no, raw in enumerate(raws, start=1):
        stripped = without_emphasis(_QUOTE.sub("", raw.strip().replace("\u00a0", " ")))
        if not stripped or _RULE.match(stripped):
            last_length = 0
            continue
        line = _make_line(no, stripped)
        indent = len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip())
        line.indent = indent
        parallel = indent > 0 and indent == last_indent and not line.text[:1].islower()  # indented items
        if lines and last_length and not parallel and _continues(lines[-1], line, last_length, margin):
            lines[-1].text += " " + line.text
            lines[-1].raw += " " + line.raw
        else:
            lines.append(line)
        last_length, last_indent = len(raw.rstrip()), indent
    return lines


_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


def without_emphasis(text: str) -> str:
    """Markdown emphasis is formatting, not text: '**Patrol Officer**' -> 'Patrol Officer'."""
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    return _ITALIC.sub(r"\1", text)


def wrap_margin(raws: list[str]) -> int:
    """The column a hard-wrapped text was wrapped at (0 when its lines run free).

    Hard-wrapped text has no long lines and many lines ending near one right margin.
    """
    lengths = [len(r.rstrip()) for r in raws if r.strip()]
    if len(lengths) < 8 or max(lengths) > 100:
        return 0
    widest = max(lengths)
    near = sum(1 for n in lengths if n >= widest - 15)
    return widest if near >= max(4, len(lengths) // 5) else 0


def _make_line(no: int, stripped: str) -> Line:
    bullet = _BULLET.match(stripped)
    if bullet and not re.match(r"^[-–—−]\s*\d", stripped):
        return Line(no, stripped, stripped[bullet.end():].strip(), bullet=True)
    numbered = _NUMBERED_ITEM.match(stripped)
    if numbered:
        return Line(no, stripped, stripped[numbered.end():].strip(), number=int(numbered["num"]))
    return Line(no, stripped, stripped)


def _continues(previous: Line, line: Line, previous_length: int, margin: int) -> bool:
    """A hard-wrapped line: the previous line ran to the margin without ending, this one goes on.

    In a text wrapped at a known margin a line may go on with a capital or a figure
    ('…Steamfitter, Service' / 'Plumber'); elsewhere only a lower-case start counts.
    """
    if line.bullet or line.number is not None or previous.text.endswith(_SENTENCE_END):
        return False
    if vocab.is_heading_phrase(line.text) and vocab.section_kind(line.text):
        return False
    if line.text[:1].islower():
        return previous_length >= 50 or (margin and previous_length >= margin - 20)
    if not margin or previous_length < margin - 20 or _NUMBERED_HEAD.match(line.text) or is_upper_heading(line.text):
        return False
    pair = line.key_value()
    return not (pair and (vocab.global_field(pair[0]) or any(vocab.section_field(k, pair[0]) for k in vocab.SECTION_FIELDS)))


def heading_text(text: str) -> str:
    """'2. Role Breakdown by Level:' -> 'Role Breakdown by Level'."""
    text = _MARKDOWN.sub("", text.strip())
    match = _NUMBERED_HEAD.match(text)
    if match:
        text = match["body"]
    text = _DECOR.sub("", text).strip()
    return text.rstrip(":").strip()


def numbered_heading(line: Line) -> Optional[tuple[int, str]]:
    """(3, 'How to Become One') for '3. How to Become One' or 'Section 3: ...'."""
    match = _NUMBERED_HEAD.match(_DECOR.sub("", line.raw))
    if not match:
        return None
    body = match["body"].strip()
    if body.endswith((".", ",", ";")) or len(body.split()) > 8 or not body[:1].isalpha():
        return None
    if re.search(r":\s*\S", body):
        return None
    return int(match["a"] or match["b"]), body.rstrip(":").strip()


def is_upper_heading(text: str) -> bool:
    """An all-capitals line that can stand as a heading ('A DAY IN THE LIFE', 'TOP-PAYING INDUSTRIES (hourly)')."""
    body = re.sub(r"\s*\([^()]*\)\s*", " ", heading_text(text)).strip()
    # only letters with a case count: a line in Arabic, Hebrew, Chinese or Japanese is not in capitals
    letters = [c for c in body if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or ":" in body.rstrip(":"):
        return False
    words = body.split()
    return len(words) <= 8 and (len(words) >= 2 or len(letters) >= 8)


def is_level_field_line(line: Optional[Line]) -> bool:
    """True for 'Job Titles: ...', 'Salary Range:', 'Experience: ...' and the like."""
    if line is None:
        return False
    pair = line.key_value()
    return bool(pair and vocab.section_field("levels", pair[0]))


def is_prose(text: str) -> bool:
    """A sentence rather than a label: ends like a sentence or runs long."""
    return text.rstrip().endswith((".", "!", "?", ".”", '."', ".)")) or len(text.split()) >= 9


# Fields that collect the lines after their key (lists, or text with a list under it).
ITEM_FIELDS = {
    "licensing", "high_school", "job_titles", "responsibilities", "skills", "tools", "industries", "drivers",
    "summary", "top_paying_industries", "hot_markets", "trends", "books", "courses", "videos", "podcasts",
    "communities", "sources", "education", "experience", "postsecondary", "advancement", "settings", "schedules",
    "specialty_areas",
}
# Headline facts: one line each, never continued by the lines after them.
SINGLE_LINE_FIELDS = {"median_pay", "growth", "annual_openings", "typical_education", "work_experience", "salary",
                      "number_of_jobs"}


@dataclass
class _Scan:
    """Numbering seen so far while scanning for headings."""

    last_heading: int = 0
    last_item: Optional[int] = None


def segment(lines: list[Line]) -> list[Section]:
    """Group lines under their headings; lines before the first heading form the 'preamble'."""
    sections = [Section("preamble", None)]
    scan = _Scan()
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        found = _heading(line, following, sections[-1], scan)
        if found is None:
            sections[-1].lines.append(line)
            scan.last_item = line.number if line.number is not None else scan.last_item
            continue
        kind, number = found
        sections.append(Section(kind, line))
        scan.last_heading = number or scan.last_heading
        scan.last_item = None
    return sections


def _heading(line: Line, following: Optional[Line], current: Section, scan: _Scan):
    """(kind, number) when the line opens a section, else None."""
    if line.bullet:
        return None
    if _MARKDOWN.match(line.raw):
        nested = current.heading is not None and 0 < _md_level(current.heading.raw) < _md_level(line.raw)
        if nested and current.kind is not None:
            return None  # '### Level 1 – New Graduate PTA' under '## Career Levels' is content
        return vocab.section_kind(heading_text(line.raw)), None
    numbered = numbered_heading(line)
    if numbered:
        return _numbered(numbered, current, scan)
    pair = line.key_value()
    if pair and pair[1]:
        return None
    body = heading_text(line.text)
    same = lambda kind: vocab.family(kind) == vocab.family(current.kind)  # noqa: E731
    upper = is_upper_heading(line.text) and not is_level_field_line(following)
    # in a text whose headings are in capitals, a line in capitals is the next heading
    sibling = upper and current.heading is not None and is_upper_heading(current.heading.text)
    sub_key = line.text.rstrip().endswith(":") or current.kind == "levels"
    if sub_key and current.kind and vocab.section_field(current.kind, body):
        kind = vocab.section_kind(body)
        # set as the headings are: 'Top-Paying Industries (May 2024 median):' after 'Work Environment:' is
        # the next section (of another kind); 'Pay by Level:' after 'Career Levels:' one only over a table
        set_like = vocab.is_heading_phrase(body) and _set_like(line, current.heading)
        table_next = following is not None and "|" in following.text
        if kind and (((sibling or set_like) and not same(kind)) or (set_like and table_next)):
            return kind, None
        return None
    kind = vocab.section_kind(body) if vocab.is_heading_phrase(body) else None
    if kind and (not same(kind) or _set_like(line, current.heading)):
        return kind, None  # 'What They Do:' after 'Summary:' is the next heading, of the same kind
    if upper:
        kind = vocab.section_kind(body)
        return None if kind and same(kind) and not sibling else (kind, None)
    if _titled_label(line) and _set_like(line, current.heading) and not is_level_field_line(following) \
            and following is not None and not following.bullet:
        return vocab.section_kind(body), None  # 'Frequently Asked Questions:' set as the headings are
    return None


def _titled_label(line: Line) -> bool:
    """'Rates and Business Notes:' alone on its line: a short phrase in Title Case ending in ':'."""
    text = line.text.rstrip()
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.casefold() not in vocab.SMALL_WORDS]
    return (text.endswith(":") and ":" not in text[:-1] and 1 <= len(text.split()) <= 6 and bool(words)
            and all(w[:1].isupper() for w in words))


def _set_like(line: Line, heading: Optional[Line]) -> bool:
    """A heading phrase set as the section's own heading is: alone on its line, ending in ':'."""
    return heading is not None and not heading.bullet and not line.bullet and heading.text.rstrip().endswith(":") \
        and line.text.rstrip().endswith(":") and heading_text(line.text) != heading_text(heading.text)


def _numbered(numbered: tuple[int, str], current: Section, scan: _Scan):
    number, body = numbered
    kind = vocab.section_kind(body)
    continues_list = scan.last_item is not None and number == scan.last_item + 1
    next_heading = number == scan.last_heading + 1
    if kind:
        if vocab.family(kind) != vocab.family(current.kind) or (next_heading and not continues_list):
            return kind, number
        return None
    if next_heading and scan.last_heading >= 1 and not continues_list and not is_prose(body):
        return None if body[:1].islower() else (None, number)
    return None


def _md_level(raw: str) -> int:
    """How many '#' open a markdown heading (0 for none)."""
    match = re.match(r"^(#{1,6})\s", raw.strip())
    return len(match.group(1)) if match else 0


def looks_like_heading(line: Line) -> bool:
    """True when a line reads as a section heading (used to spot a missing title)."""
    if numbered_heading(line):
        return True
    body = heading_text(line.raw if _MARKDOWN.match(line.raw) else line.text)  # '# Software Developers' is a title
    return vocab.is_heading_phrase(body) and vocab.section_kind(body) is not None


_MONEY_START = re.compile(r"^(?:\$|US\$|USD)\s*\d")
# Facts that a 'Key: $amount' line may name; any other 'Name: $amount' is a list item (an industry's pay).
MONEY_FIELDS = SINGLE_LINE_FIELDS | {"number_of_jobs"}


_LIST_LABEL = re.compile(r"\b(?:top|highest|best)[ -]paying\b")


def _is_item(pair: tuple[str, str], name: Optional[str], current: Optional[Block], open_: bool) -> bool:
    """A 'Name: value' line that is an entry of a list, not a new label."""
    key, value = pair
    if _LIST_LABEL.match(vocab.norm(key)):
        return False  # 'Top-paying states: California ($104,820), …' opens a list of its own
    if ";" in key or (_MONEY_START.match(value) and name not in MONEY_FIELDS):
        return True  # 'Hospitals; State, Local, and Private: $96,830'
    # 'Bilingual skills: ...' under 'Core Skills:' is one of the skills
    return bool(open_ and value and current is not None and not current.value and name and name == current.field)


def _bare_label(kind: Optional[str], line: Line) -> Optional[tuple[str, str]]:
    """'Tools' alone on its line inside Skills & Tools is the label 'Tools:' without its colon."""
    words = line.text.split()
    if line.bullet or line.number is not None or not words or len(words) > 4 or line.text.endswith("."):
        return None
    if vocab.is_heading_phrase(line.text) and vocab.section_field(kind, line.text):
        return line.text.rstrip(":"), ""
    return None


def to_blocks(kind: Optional[str], lines: list[Line]) -> list[Block]:
    """Cut a section's lines at each 'Key:' line its kind knows (or any bare 'Label:' line)."""
    blocks: list[Block] = []
    current, open_ = None, False
    listing = False  # in the bulleted list a sentence ending in ':' introduced
    for line in lines:
        listing = line.bullet and (listing or bool(current and _introduces_list(current)))
        pair = line.key_value() or _bare_label(kind, line)
        name = vocab.field_of(kind, pair[0]) if pair else None
        if pair and (_is_item(pair, name, current, open_) or (listing and not vocab.global_field(pair[0]))):
            pair = name = None  # 'HashiCorp Certified: Terraform Associate' in a list of certifications
        if pair and (name or not pair[1]):
            current = Block(pair[0], name, pair[1], line)
            blocks.append(current)
            open_ = not pair[1] or (name in ITEM_FIELDS and name not in SINGLE_LINE_FIELDS)
            continue
        # in a level, 'Focus: …' after 'Experience: 2–4 years' is a fact of its own, not more experience
        labelled = kind == "levels" and pair is not None and bool(pair[1]) and current is not None and bool(current.value)
        if current is None or not open_ or labelled or _outdented(current, line):
            current = Block(None, None, "", None)
            blocks.append(current)
            open_ = True
        current.items.append(line)
    return blocks


def lead_in(line: Optional[Line]) -> bool:
    """A sentence that introduces a list ('… most employers look for include:'), not a bare label."""
    return line is not None and not line.bullet and line.text.rstrip().endswith(":") and len(line.text.split()) > 3


def _introduces_list(block: Block) -> bool:
    """The block's last line introduces a list."""
    return lead_in(block.items[-1] if block.items else block.line)


def _outdented(block: Block, line: Line) -> bool:
    """A bulleted 'Key:' with its items indented under it ends where a bullet comes back to its margin."""
    key = block.line
    nested = key is not None and key.bullet and bool(block.items) and block.items[0].indent > key.indent
    return nested and line.bullet and line.indent <= key.indent

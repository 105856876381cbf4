"""Parse single list items: certifications, books, related occupations, sources, school courses."""

from __future__ import annotations

import re
from typing import Optional

from generator.profile import vocab
from generator.profile.sections import is_prose

_CERT_ISSUED = re.compile(
    r"\s*\((?:issued|offered|awarded|administered|granted|conferred|provided)\s+by\s+(?:the\s+)?([^)]+)\)\s*\.?$", re.I
)
_SEPARATOR = re.compile(r"\s+[–—-]\s+|:\s+|\s+\|\s+"
                        r"|,\s+(?=(?:offered|issued|awarded|administered|granted|provided|conferred|run)\s+by\b)")
_LEAD_IN = re.compile(
    r"^(?:(?:certification|certificate|credential|license|licence|exam(?:ination)?|designation|program)\s+)?"
    r"(?:(?:is|are)\s+)?"
    r"(?:(?:offered|issued|awarded|administered|granted|provided|conferred|available|given|run)\s+)?"
    r"(?:by|from|through|via)\s+"
    r"(?:(?:organi[sz]ations?|bodies|groups|associations|boards)\s+(?:like|such\s+as|including)\s+)?"
    r"(?:the\s+)?",
    re.I,
)
_SCHOOL_MARKER = re.compile(
    r"(?:\b(?:focus on|courses in|classes in|include|includes|including|such as|like|take|taking|study|studying)\b|:)\s+",
    re.I,
)
_NOT_A_SUBJECT = re.compile(r"^(?:every|each|your|my|our|plus|also|all|any|some|more|extra|a|an|the|as|at|on|in)\b", re.I)
_URL = re.compile(r"https?://[^\s)\]>,]+|www\.[^\s)\]>,]+")
_AS_OF = re.compile(
    r"\(?\s*(?:data\s+)?(?:as\s+of|accessed|retrieved|updated|current\s+as\s+of)\s*:?\s*([^);]+?)\s*\)?\s*\.?$", re.I
)
_DATA_DATE = re.compile(r"\(\s*(?P<date>(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d{2})\s+data\b[^()]*\)\s*\.?\s*$")
_LABEL_WORDS = {"and", "courses", "course", "certifications", "certification", "certificates", "training", "books",
                "book", "reading", "podcasts", "podcast", "videos", "video", "communities", "community", "forums",
                "groups", "websites", "online", "resources", "recommended", "further", "channels", "youtube"} - {"youtube"}
_GENERIC = {"podcast", "podcasts", "video", "videos", "community", "communities", "forum", "forums", "book",
            "books", "course", "courses", "online courses", "groups", "channels", "websites"}


_ISSUED_INSIDE = re.compile(
    r"\b(?:offered|issued|awarded|administered|granted|conferred|provided|certified)\s+by\s+(?:the\s+)?"
    r"(?P<who>[A-Z][^.;,]*?)\s*(?:[.;,]|$)"
)
_ORG_WORD = re.compile(r"\b(Board|Association|Council|Institute|Society|Commission|Academy|Organi[sz]ation|Department"
                       r"|Agency|Bureau|Alliance|Federation|Foundation|College|University)\b")
_EXAM_NAME = re.compile(r"\b(?:Exam|Examination|Test|Certification|Certificate|License|Licence|Credential)\.?$")


def parse_certification(text: str) -> Optional[dict]:
    """'RHIT (Registered ...) – Certification by the AHIMA.' -> {'name', 'issuer', 'description'}.

    What follows the name is kept verbatim as the description unless it is only
    the issuer ('– AHIMA', '– Issued by the NBRC'); an issuer named inside a
    longer description ('… offered by AACN') is also taken out as `issuer`.
    """
    text = text.strip()
    issued = _CERT_ISSUED.search(text)
    if issued:
        return {"name": text[:issued.start()].strip(), "issuer": issued.group(1).strip(),
                "description": issued.group(0).strip().strip("().").strip()}
    by_dash = _issuer_after_last_dash(text)
    if by_dash:
        return by_dash
    parts = _name_split(text)
    if (len(parts) == 2 and parts[0].strip() and parts[1].strip() and len(parts[0].split()) <= 12
            and not vocab.reads_as_clause(parts[0])):
        return _name_and_rest(parts[0].strip(), parts[1].strip())
    if len(text.split()) <= 12 and not is_prose(text):
        return {"name": text.rstrip(".")}
    return None


def _name_split(text: str) -> list[str]:
    """[name, rest] at the separator before 'Offered by …' if there is one, else at the first separator."""
    for match in _SEPARATOR.finditer(text):
        if _LEAD_IN.match(text[match.end():]) and _LEAD_IN.match(text[match.end():]).end() > 0:
            return [text[:match.start()], text[match.end():]]
    return _SEPARATOR.split(text, maxsplit=1)


_CREDENTIAL_WORD = re.compile(r"^(?:Certified|Registered|Licensed)\b|\b(?:Certification|Certificate|License|Licence"
                              r"|Credential|Specialist|Associate|Professional|Exam|Examination)s?(?:\s*\([^)]*\))?$")


def _issuer_after_comma(name: str) -> tuple[str, Optional[str]]:
    """'NATE certification, North American Technician Excellence' -> ('NATE certification', issuer);
    two credentials on one line ('CCA, Certified Coding Specialist') stay as they are."""
    head, comma, tail = name.rpartition(", ")
    words = tail.split()
    if not comma or not head or not words or len(words) > 8 or vocab.reads_as_clause(tail) or _CREDENTIAL_WORD.search(tail):
        return name, None
    named = all(w[:1].isupper() or w.lower() in ("of", "for", "on", "and", "the", "&") or w[:1] in "(&"
                for w in words)
    return (head, tail) if named or _ORG_WORD.search(tail.title()) else (name, None)


_SMALL = ("of", "for", "on", "and", "the", "&", "in", "de")


def _names_an_organisation(text: str) -> bool:
    """'Amazon Web Services', 'National Center for Competency Testing (NCCT)': a name, not a sentence."""
    words = text.split()
    if not words or len(words) > 10 or text.endswith(".") or vocab.reads_as_clause(text) or _CREDENTIAL_WORD.search(text):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL or w[:1] in "(&" for w in words)


def _issuer_after_last_dash(text: str) -> Optional[dict]:
    """'AWS Certified Developer – Associate - Amazon Web Services': the issuer is named last, after
    the last dash; the dashes before it belong to the credential's name."""
    dashes = list(re.finditer(r"\s+[–—-]\s+", text))
    if not dashes:
        return None
    head, tail = text[:dashes[-1].start()].strip(), text[dashes[-1].end():].strip()
    if not head or not _names_an_organisation(tail) or vocab.reads_as_clause(head):
        return None
    return {"name": head, "issuer": tail}


def _name_and_rest(name: str, rest: str) -> dict:
    lead = _LEAD_IN.match(rest)
    if lead and lead.end() > 0:  # '– Offered by organizations like AAPC and AHIMA.': the text is kept as written
        issuer = re.split(r"\s*[;]\s*|\.\s+", rest[lead.end():], maxsplit=1)[0]
        return {"name": name, "issuer": issuer.strip().rstrip(".").strip(), "description": rest}
    if _is_issuer(rest) or (len(rest.split()) <= 4 and _names_an_organisation(rest)):
        return {"name": name, "issuer": rest}
    who = re.split(r"\s*;\s*", rest, maxsplit=1)[0].rstrip(".")
    if who != rest.rstrip(".") and _names_an_organisation(who):  # 'American Translators Association; offered in …'
        return {"name": name, "issuer": who, "description": rest}
    if _names_an_organisation(rest.rstrip(".")) and rest.endswith("."):
        return {"name": name, "issuer": rest.rstrip("."), "description": rest}
    name, issuer = _issuer_after_comma(name)
    if issuer:
        return {"name": name, "issuer": issuer, "description": rest}
    cert = {"name": name, "description": rest}
    inside = _ISSUED_INSIDE.search(rest)
    if inside:
        cert["issuer"] = inside.group("who").strip()
    return cert


def _is_issuer(text: str) -> bool:
    """'DANB', 'American Welding Society (AWS)': an organisation's name, not a description."""
    words = text.split()
    if len(words) > 8 or text.endswith(".") or _EXAM_NAME.search(text):
        return False
    if len(words) == 1 and re.fullmatch(r"[A-Z][A-Z&\-]{1,9}", text):
        return True
    return bool(_ORG_WORD.search(text)) and all(w[:1].isupper() or w.lower() in ("of", "for", "on", "and", "the", "&")
                                               or w.startswith("(") for w in words)


def parse_book(text: str) -> dict:
    """'Title by A and B' -> {'title': 'Title', 'authors': ['A', 'B']}."""
    match = re.match(r"^(?P<title>.+)\s+by\s+(?P<authors>[^()]+?)(?:\s*\((?P<extra>[^)]*)\))?\s*\.?$", text)
    if not match:
        return {"title": _unquote(text.rstrip("."))}
    title = _unquote(match["title"].strip().rstrip(",;:–—-").strip())
    authors = vocab.split_list(match["authors"], split_and=True)
    return {"title": title, "authors": authors}


def _unquote(text: str) -> str:
    pairs = {'"': '"', "“": "”", "‘": "’", "'": "'", "*": "*", "_": "_"}
    if len(text) > 2 and text[0] in pairs and text.endswith(pairs[text[0]]):
        return text[1:-1].strip()
    return text


def parse_related(text: str, split: bool = True) -> list[dict]:
    """'Medical Assistants: Perform tasks.' -> [{'name': 'Medical Assistants', 'description': ...}]."""
    for separator in (r":\s+", r"\s+[–—-]\s+"):
        parts = re.split(separator, text, maxsplit=1)
        if len(parts) == 2 and parts[0].strip() and parts[1].strip():
            return [{"name": parts[0].strip(), "description": parts[1].strip()}]
    names = vocab.short_list(text, max_words=6) if split else None
    if names:
        return [{"name": name} for name in names]
    return [{"name": text.strip().rstrip(".").strip()}]


def parse_source(text: str) -> Optional[dict]:
    """'BLS OOH – https://... (data as of 2024)' -> {'name', 'url', 'data_as_of'}."""
    source: dict = {}
    url = _URL.search(text)
    rest = text
    if url:
        source["url"] = url.group(0).rstrip(".")
        rest = text[:url.start()] + " " + text[url.end():]
    data_date = _DATA_DATE.search(rest)
    as_of = _AS_OF.search(rest)
    if data_date:  # '(May 2024 data, retrieved April 18, 2025)': the figures' own date
        source["data_as_of"] = data_date["date"]
        rest = rest[:data_date.start()]
    elif as_of:
        source["data_as_of"] = as_of.group(1).strip().rstrip(".")
        rest = rest[:as_of.start()]
    else:
        year = re.search(r"\(\s*((?:19|20)\d{2})\s*\)\s*\.?\s*$", rest)
        if year:
            source["data_as_of"] = year.group(1)
            rest = rest[:year.start()]
    name = re.sub(r"[\s:–—\-|,;(]+$", "", rest.strip()).strip()
    name = re.sub(r"^[\s:–—\-|,;]+", "", name).strip()
    if not name:
        if not url:
            return None
        name = source["url"]
    return {"name": name, **source}


def school_courses(text: str) -> list[str]:
    """'Focus on biology, computer science, and anatomy courses.' -> ['biology', 'computer science', 'anatomy']."""
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        candidates = [m.end() for m in _SCHOOL_MARKER.finditer(sentence)][::-1] + [0]
        for start in candidates:
            items = _course_list(sentence[start:])
            if items:
                return items
    return []


def _course_list(text: str) -> list[str]:
    text = re.sub(r"\s*[.!?]\s*$", "", text.strip())
    text = re.sub(r"\s+(?:are|is|will|can|may|helps?|would|should)\b.*$", "", text, flags=re.I)
    text = re.sub(r"\s+(?:courses|classes|subjects|coursework)(?:\s+\w+){0,3}$", "", text, flags=re.I)
    items = vocab.split_list(text, split_and=True)
    if len(items) < 2 or any(len(item.split()) > 3 or _NOT_A_SUBJECT.match(item) or vocab.reads_as_clause(item)
                             for item in items):
        return []
    return items


def resource_item(text: str, fallback: Optional[str]) -> tuple[Optional[str], str]:
    """(list name, text) for one resource line, classified by its own prefix, else keywords."""
    prefix, _, rest = text.partition(":")
    kinds = vocab.resource_kinds(prefix) if rest.strip() and len(prefix.split()) <= 4 else []
    kind = kinds[0] if kinds else None
    value: str = text
    if kind and (vocab.norm(prefix) in _GENERIC or set(vocab.norm(prefix).split()) <= _LABEL_WORDS):
        value = rest.strip()  # 'Courses & Certifications: Becker; Roger' is a label, then the entries
    if kind is None:
        kind = fallback or next(iter(vocab.resource_kinds(text)), None)
        if kind is None and re.search(r"\sby\s+[A-Z]", text):
            kind = "books"
    return kind, value

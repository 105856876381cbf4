"""A profile's translated twin: `NAME.es.yaml` beside `NAME.yaml` (or `NAME.txt`).

The twin holds the base profile's text fields in another language, in the base's shape: the same
keys, lists of entries (levels, certifications, industries...) with as many entries in the same
order, each with its text only. Figures (pay, growth, counts, years), pay periods and web addresses
are never in a twin: they come from the base profile, so the two editions cannot disagree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from generator.errors import ProfileError, printable
from generator.profile.model import Profile
from generator.profile.source import read_source
from generator.profile.text import decode_bytes
from generator.translated import translated
from generator.yaml_model import read_yaml_mapping

LANGUAGE_CODE_LENGTH = 2
ADDRESSES = {"url"}  # text fields that are not words to translate


def twin_path(path: Path, lang: str) -> Path:
    """data/x.yaml -> data/x.es.yaml (or an existing x.es.yml; a .txt profile's twin is YAML too)."""
    short = path.with_name(f"{path.stem}.{lang}.yml")
    return short if short.is_file() else path.with_name(f"{path.stem}.{lang}.yaml")


def twin_base(path: Path) -> Path:
    """data/x.es.yaml -> data/x.yaml: the profile a twin translates."""
    return path.with_name(Path(path.stem).stem + path.suffix)


def twin_language(path: Path, languages: list[str]) -> Optional[str]:
    """'es' for data/x.es.yaml when 'es' is a language with a catalogue, else None (a plain-text
    profile is never a twin)."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return None
    code = Path(path.stem).suffix.lstrip(".")
    return code if len(code) == LANGUAGE_CODE_LENGTH and code in languages else None


def merge_twin(base: Profile, text: str, name: str) -> tuple[Profile, list[str]]:
    """The base profile with a twin's text in place, or ProfileError (one `FILE:LINE: field:` line each)."""
    data, root, unreadable = read_yaml_mapping(text, name)  # the base profile's safeguards
    if unreadable:
        raise ProfileError(unreadable)
    return translated(base.model_dump(), data, Profile, ADDRESSES, root, name), []


def load_twin(path: Path, base: Profile) -> tuple[Profile, list[str]]:
    """Read a twin file and merge it over its base profile."""
    raw = read_source(path, lambda message: ProfileError([message]))
    return merge_twin(base, decode_bytes(raw, printable(path)), printable(path))

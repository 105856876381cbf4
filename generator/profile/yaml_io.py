"""Read and write profiles as YAML, with line numbers for every field error."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.errors import ProfileError, printable
from generator.profile.model import Profile, ProfileWarning
from generator.profile.source import read_source
from generator.profile.text import decode_bytes
from generator.yaml_model import parse_yaml_model


def parse_profile(text: str, name: str = "<profile>") -> tuple[Profile, list[str]]:
    """Validate YAML text; return the profile and its warnings, or raise ProfileError."""
    profile, problems, warnings = parse_yaml_model(text, name, Profile, ProfileWarning)
    if problems:
        raise ProfileError(problems)
    return profile, warnings


def load_profile(path: Path | str) -> tuple[Profile, list[str]]:
    """Read a YAML profile file (UTF-8 or UTF-16 with BOM)."""
    path = Path(path)
    raw = read_source(path, lambda message: ProfileError([message]))
    return parse_profile(decode_bytes(raw, printable(path)), printable(path))


_BREAKS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


class _Dumper(yaml.SafeDumper):
    """Strings holding characters YAML reads as line breaks (U+0085, U+2028...) are double-quoted, escaped."""


def _string(dumper: yaml.SafeDumper, value: str):
    style = '"' if _BREAKS.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _string)


def dump_profile(profile: Profile) -> str:
    """YAML text of a profile, fields in model order, empty fields left out; loads back unchanged."""
    data = _whole_numbers(profile.model_dump(mode="json", exclude_defaults=True))
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def _whole_numbers(value):
    """50250.0 -> 50250, so amounts read as people write them."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _whole_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole_numbers(v) for v in value]
    return value

"""Read and write profiles as YAML, with line numbers for every field error."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Iterable, Optional

import yaml
from pydantic import ValidationError

from generator.errors import ProfileError
from generator.profile.model import Profile, ProfileWarning
from generator.profile.text import decode_bytes


def field_path(loc: Iterable[Any]) -> str:
    """('levels', 1, 'salary') -> 'levels[1].salary'."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(profile)"


def _node_line(root: Optional[yaml.Node], loc: Iterable[Any]) -> Optional[int]:
    """1-based line of the YAML node at `loc`, or of its nearest ancestor."""
    node, line = root, None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        node = _child(node, part)
    if node is not None:
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node, part: Any) -> Optional[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None


def _message(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown field (check the spelling)"
    if error["type"] == "missing":
        return "required field is missing"
    text = error["msg"]
    return text.removeprefix("Value error, ")


def _error_loc(error: dict) -> tuple:
    """Drop pydantic's union/tag parts so the path is the YAML path."""
    return tuple(part for part in error["loc"] if not (isinstance(part, str) and part[:1].isupper()))


def parse_profile(text: str, name: str = "<profile>") -> tuple[Profile, list[str]]:
    """Validate YAML text; return the profile and its warnings, or raise ProfileError."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"{mark.line + 1}:" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ProfileError([f"{name}:{line} YAML syntax error: {problem}"]) from None
    if not isinstance(data, dict):
        raise ProfileError([f"{name}:1: (profile): expected a mapping of fields, got {type(data).__name__}"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ProfileWarning)
        try:
            profile = Profile.model_validate(data)
        except ValidationError as exc:
            raise ProfileError(_problems(exc, root, name)) from None
    notes = [f"{name}: warning: {w.message}" for w in caught if issubclass(w.category, ProfileWarning)]
    return profile, notes


def _problems(exc: ValidationError, root: Optional[yaml.Node], name: str) -> list[str]:
    lines = []
    for error in exc.errors():
        loc = _error_loc(error)
        line = _node_line(root, loc)
        where = f"{name}:{line}:" if line else f"{name}:"
        lines.append(f"{where} {field_path(loc)}: {_message(error)}")
    return lines


def load_profile(path: Path | str) -> tuple[Profile, list[str]]:
    """Read a YAML profile file (UTF-8 or UTF-16 with BOM)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProfileError([f"{path}: cannot read: {exc.strerror}"]) from None
    text = decode_bytes(raw, str(path))
    return parse_profile(text, str(path))


def dump_profile(profile: Profile) -> str:
    """YAML text of a profile, fields in model order, empty fields left out."""
    data = profile.model_dump(mode="json", exclude_defaults=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)

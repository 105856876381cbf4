"""A profile's translated twin: `NAME.es.yaml` beside `NAME.yaml` (or `NAME.txt`).

The twin holds the base profile's text fields in another language, in the base's shape: the same
keys, lists of entries (levels, certifications, industries...) with as many entries in the same
order, each with its text only. Figures (pay, growth, counts, years), pay periods and web addresses
are never in a twin: they come from the base profile, so the two editions cannot disagree.
"""

from __future__ import annotations

import types
import typing
import warnings
from pathlib import Path
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from generator.errors import ProfileError
from generator.profile.model import Profile, ProfileWarning
from generator.profile.source import read_source
from generator.profile.text import decode_bytes
from generator.yaml_model import field_path, node_line, problems_of, read_yaml_mapping

LANGUAGE_CODE_LENGTH = 2


def twin_path(path: Path, lang: str) -> Path:
    """data/x.yaml -> data/x.es.yaml (a .txt profile's twin is YAML too)."""
    return path.with_name(f"{path.stem}.{lang}.yaml")


def twin_language(path: Path, languages: list[str]) -> Optional[str]:
    """'es' for data/x.es.yaml when 'es' is a language with a catalogue, else None."""
    code = Path(path.stem).suffix.lstrip(".")
    return code if len(code) == LANGUAGE_CODE_LENGTH and code in languages else None


def _kind(annotation) -> tuple[str, Any]:
    """('text' | 'texts' | 'model' | 'models' | 'figure', model class) for a field's annotation."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if annotation is str:
        return "text", None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if item is str:
            return "texts", None
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "models", item
    return "figure", None


ADDRESSES = {"url"}  # text fields that are not words to translate
FIGURE = "a figure or address: it comes from the base profile; leave it out of the translation"


def _merge(base: Any, twin: Any, model: type[BaseModel], loc: tuple, problems: list[tuple]) -> Any:
    """`base` (a model's data) with the twin's text fields in place; problems as (loc, message)."""
    if not isinstance(twin, dict):
        problems.append((loc, "expected a mapping of fields, as in the base profile"))
        return base
    if base is None:
        problems.append((loc, "the base profile has none; a translation only translates what is there"))
        return base
    merged = dict(base)
    for key, value in twin.items():
        field = model.model_fields.get(key) if isinstance(key, str) else None
        where = loc + (key,)
        if field is None:
            problems.append((where, "unknown field (check the spelling)"))
            continue
        kind, inner = _kind(field.annotation)
        if kind == "figure" or key in ADDRESSES:
            problems.append((where, FIGURE))
        elif kind == "model":
            merged[key] = _merge(base.get(key), value, inner, where, problems)
        elif kind == "models":
            merged[key] = _merge_entries(base.get(key) or [], value, inner, where, problems)
        else:
            merged[key] = value
    return merged


def _merge_entries(base: list, twin: Any, model: type[BaseModel], loc: tuple, problems: list[tuple]) -> list:
    if not isinstance(twin, list) or len(twin) != len(base):
        count = len(twin) if isinstance(twin, list) else "no"
        problems.append((loc, f"the base profile has {len(base)} entries here and the translation {count}; "
                              "translate each one, in the same order"))
        return base
    return [_merge(b, t, model, loc + (i,), problems) for i, (b, t) in enumerate(zip(base, twin))]


def merge_twin(base: Profile, text: str, name: str) -> tuple[Profile, list[str]]:
    """The base profile with a twin's text in place, or ProfileError (one `FILE:LINE: field:` line each)."""
    data, root, unreadable = read_yaml_mapping(text, name)  # the base profile's safeguards
    if unreadable:
        raise ProfileError(unreadable)
    problems: list[tuple] = []
    merged = _merge(base.model_dump(), data, Profile, (), problems)
    if problems:
        raise ProfileError([f"{name}:{node_line(root, loc) or 1}: {field_path(loc)}: {message}"
                            for loc, message in problems])
    with warnings.catch_warnings():  # the figures' warnings were the base profile's, already given
        warnings.simplefilter("ignore", ProfileWarning)
        try:
            profile = Profile.model_validate(merged)
        except ValidationError as exc:
            raise ProfileError(problems_of(exc, root, name)) from None
    return profile, []


def load_twin(path: Path, base: Profile) -> tuple[Profile, list[str]]:
    """Read a twin file and merge it over its base profile."""
    raw = read_source(path, lambda message: ProfileError([message]))
    return merge_twin(base, decode_bytes(raw, str(path)), str(path))

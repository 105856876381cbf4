"""A translation merged over the data it translates: text fields only, in the data's own shape.

Used by a profile's twin (NAME.es.yaml) and a brand file's `translations:`. The model's field
types decide what may be translated: plain text and lists of text; mappings and lists of entries
are walked (a list must keep its number of entries and their order); anything else (figures,
web addresses, colours) and the fields named in `never` stay the original's.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel


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


FIGURE = "not words (a figure, an address, a colour): the translation keeps the original's; leave it out"


def _merge(base: Any, twin: Any, model: type[BaseModel], loc: tuple, problems: list[tuple],
           never: frozenset[str]) -> Any:
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
        if kind == "figure" or key in never:
            problems.append((where, FIGURE))
        elif kind == "model":
            merged[key] = _merge(base.get(key), value, inner, where, problems, never)
        elif kind == "models":
            merged[key] = _merge_entries(base.get(key) or [], value, inner, where, problems, never)
        else:
            merged[key] = value
    return merged


def _merge_entries(base: list, twin: Any, model: type[BaseModel], loc: tuple, problems: list[tuple],
                   never: frozenset[str]) -> list:
    if not isinstance(twin, list) or len(twin) != len(base):
        count = len(twin) if isinstance(twin, list) else "no"
        problems.append((loc, f"the base profile has {len(base)} entries here and the translation {count}; "
                              "translate each one, in the same order"))
        return base
    return [_merge(b, t, model, loc + (i,), problems, never) for i, (b, t) in enumerate(zip(base, twin))]


def merge_text(base: dict, data: Any, model: type[BaseModel], never=frozenset()) -> tuple[dict, list[tuple]]:
    """`base` (a model's data) with the translation's text in place, and the problems found as
    (field path, message); the caller validates the result and names the file and line."""
    problems: list[tuple] = []
    merged = _merge(base, data, model, (), problems, frozenset(never))
    return merged, problems

"""A translation merged over the data it translates: text fields only, in the data's own shape.

Used by a profile's twin (NAME.es.yaml) and a brand file's `translations:`. The model's field
types decide what may be translated: plain text and lists of text; mappings and lists of entries
are walked (a list must keep its number of entries and their order); anything else (figures,
web addresses, colours) and the fields named in `never` stay the original's.
"""

from __future__ import annotations

import re
import types
import typing
import warnings
from typing import Any, Optional, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.errors import ProfileError
from generator.yaml_model import field_path, node_line, problems_of

M = TypeVar("M", bound=BaseModel)


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
        elif kind == "texts" and (not isinstance(value, list) or len(value) != len(base.get(key) or [])):
            count = len(value) if isinstance(value, list) else "no"
            problems.append((where, f"the original has {len(base.get(key) or [])} entries here and the "
                                    f"translation {count}; translate each one, in the same order"))
        else:
            slipped = _new_figures(base.get(key), value)
            if slipped:
                problems.append((where, f"the figure {slipped[0]!r} is not in the original's text: a "
                                        "translation keeps the original's figures (pay, counts, years)"))
            merged[key] = value
    return merged


_FIGURE = re.compile(r"\d(?:[\d,.\u00a0\u202f ]*\d)?")


def _figures(text: Any) -> list[str]:
    """The figures in a text or list of texts, digits only ('$52,000' and '52.000 $' are '52000')."""
    texts = text if isinstance(text, list) else [text]
    return [re.sub(r"\D", "", m.group(0)) for t in texts if isinstance(t, str) for m in _FIGURE.finditer(t)]


def _new_figures(original: Any, translation: Any) -> list[str]:
    """Figures of the translation that the original's text does not have."""
    have = set(_figures(original))
    return [f for f in _figures(translation) if f not in have]


def _merge_entries(base: list, twin: Any, model: type[BaseModel], loc: tuple, problems: list[tuple],
                   never: frozenset[str]) -> list:
    if not isinstance(twin, list) or len(twin) != len(base):
        count = len(twin) if isinstance(twin, list) else "no"
        problems.append((loc, f"the original has {len(base)} entries here and the translation {count}; "
                              "translate each one, in the same order"))
        return base
    return [_merge(b, t, model, loc + (i,), problems, never) for i, (b, t) in enumerate(zip(base, twin))]


def merge_text(base: dict, data: Any, model: type[BaseModel], never=frozenset()) -> tuple[dict, list[tuple]]:
    """`base` (a model's data) with the translation's text in place, and the problems found as
    (field path, message); the caller validates the result and names the file and line."""
    problems: list[tuple] = []
    merged = _merge(base, data, model, (), problems, frozenset(never))
    return merged, problems


def translated(base: dict, data: Any, model: type[M], never, root: Optional[yaml.Node], name: str,
               prefix: tuple = ()) -> M:
    """The original (`base`, a model's data) with the translation at `prefix` in file `name` merged
    in and validated, or ProfileError with one `FILE:LINE: field: message` line per problem. The
    original's own warnings were given when it was read: they are not repeated."""
    merged, problems = merge_text(base, data, model, never)
    if problems:
        raise ProfileError([f"{name}:{node_line(root, prefix + loc) or 1}: {field_path(prefix + loc)}: {message}"
                            for loc, message in problems])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return model.model_validate(merged)
        except ValidationError as exc:
            raise ProfileError(problems_of(exc, root, name, prefix)) from None

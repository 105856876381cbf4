"""Load YAML into a pydantic model; every error names file, line and field path."""

from __future__ import annotations

import re
import warnings
from typing import Any, Iterable, Optional, Type, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.errors import printable

# libyaml's parser when PyYAML was built with it (the wheels are): 5-10x faster than the pure-Python
# one, the same documents and marks, and a nesting limit of its own
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

M = TypeVar("M", bound=BaseModel)


class _DataLoader(SAFE_LOADER):
    """The safe loader, reading a number only as people write one: '0x10', '017' read as octal, and
    YAML 1.1's sexagesimal '1:30' (90) are text, so pay written that way is refused, not misread;
    an integer of more digits than any figure has is text too (never a 5,000-digit int). '.inf' and
    '.nan' stay floats, so the field that holds one is refused as not finite."""


_DataLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")]
    for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()
}
_DataLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$"),
                                  list("-+0123456789"))
_DataLoader.add_implicit_resolver("tag:yaml.org,2002:float",
                                  re.compile(r"^(?:[-+]?(?:[0-9]{1,18}\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?"
                                             r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
                                  list("-+0123456789."))


def field_path(loc: Iterable[Any]) -> str:
    """('levels', 1, 'salary') -> 'levels[1].salary'."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{printable(part)}" if path else printable(part)
    return path or "(top level)"


def _child(node: yaml.Node, part: Any) -> tuple[Optional[yaml.Node], Optional[int]]:
    """The child node at `part` and the line that names it (its key's line in a mapping)."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == part:
                return value, key.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part], node.value[part].start_mark.line + 1
    return None, None


def node_line(root: Optional[yaml.Node], loc: Iterable[Any]) -> Optional[int]:
    """1-based line of the field at `loc`, or of its nearest ancestor that exists."""
    node, line = root, (root.start_mark.line + 1 if root is not None else None)
    for part in loc:
        node, found = _child(node, part) if node is not None else (None, None)
        if found is None:
            break
        line = found
    return line


def _message(error: dict) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown field (check the spelling)"
    if error["type"] == "missing":
        return "required field is missing"
    return error["msg"].removeprefix("Value error, ")


def _yaml_loc(error: dict) -> tuple:
    """Drop pydantic's union-member parts (class names) so the path is the YAML path."""
    return tuple(p for p in error["loc"] if not (isinstance(p, str) and p[:1].isupper()))


def problems_of(exc: ValidationError, root: Optional[yaml.Node], name: str, prefix: tuple = ()) -> list[str]:
    """One `FILE:LINE: path: message` line per validation error (of the mapping at `prefix` in the file)."""
    lines = []
    for error in exc.errors():
        loc = prefix + _yaml_loc(error)
        line = node_line(root, loc)
        where = f"{name}:{line}:" if line else f"{name}:"
        lines.append(f"{where} {field_path(loc)}: {_message(error)}")
    return lines


MAX_DEPTH = 40  # a profile nests five or six levels; anything past this is not a profile


def _too_deep(root: Optional[yaml.Node]) -> Optional[int]:
    """The line where nesting passes MAX_DEPTH, else None (walked without recursion)."""
    stack = [(root, 1)] if root is not None else []
    seen: set[int] = set()  # an alias points at a node already walked: walk it once
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node.start_mark.line + 1
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)
    return None


def _twice(root: Optional[yaml.Node]) -> Optional[tuple[tuple, int, int]]:
    """(path of a key, its first line, its second line) for a key a mapping holds twice, else None
    (YAML's last-one-wins would silently drop the first)."""
    stack: list[tuple[yaml.Node, tuple]] = [(root, ())] if root is not None else []
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            lines: dict[str, int] = {}
            for key, value in node.value:
                line = key.start_mark.line + 1
                if isinstance(key, yaml.ScalarNode) and key.value in lines:
                    return path + (key.value,), lines[key.value], line
                if isinstance(key, yaml.ScalarNode):
                    lines[key.value] = line
                stack.append((value, path + (key.value if isinstance(key, yaml.ScalarNode) else "?",)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, path + (index,)) for index, child in enumerate(node.value))
    return None


def read_yaml_mapping(text: str, name: str) -> tuple[Optional[dict], Optional[yaml.Node], list[str]]:
    """YAML text as a mapping and its node tree (for line numbers), read safely: no tags, nesting
    bounded, aliases walked once; or (None, None, one problem line)."""
    try:
        loader = _DataLoader(text)
        try:
            root = loader.get_single_node()
            deep = _too_deep(root)
            if deep is not None:
                return None, None, [f"{name}:{deep}: nested more than {MAX_DEPTH} levels deep; a profile is not"]
            twice = _twice(root)
            if twice is not None:
                path, first, second = twice
                return None, None, [f"{name}:{second}: {field_path(path)}: given twice (lines {first} and {second}); "
                                    "keep one"]
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:" if mark else f"{name}:"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, None, [f"{where} YAML syntax error: {problem}"]
    except RecursionError:
        return None, None, [f"{name}: nested too deeply to read; a profile is not"]
    if not isinstance(data, dict):
        kind = "nothing" if data is None else type(data).__name__
        return None, None, [f"{name}:1: (top level): expected a mapping of fields, got {kind}"]
    return data, root, []


def parse_yaml_model(
    text: str, name: str, model: Type[M], warning_type: Type[Warning] = UserWarning
) -> tuple[M, list[str], list[str]]:
    """Validate YAML text as `model`: (instance or None, problems, warnings)."""
    data, root, problems = read_yaml_mapping(text, name)
    if problems:
        return None, problems, []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", warning_type)
        try:
            instance = model.model_validate(data)
        except ValidationError as exc:
            return None, problems_of(exc, root, name), []
    notes = [f"{name}: warning: {w.message}" for w in caught if issubclass(w.category, warning_type)]
    return instance, [], notes


def safe_load(text: str) -> Any:
    """yaml.safe_load with libyaml's parser when there is one (templates and catalogues)."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def compose(text: str) -> Optional[yaml.Node]:
    """yaml.compose with the safe loader (libyaml's when there is one): nodes with line marks."""
    return yaml.compose(text, Loader=SAFE_LOADER)

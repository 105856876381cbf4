"""Fixed words per language: one catalogue per language in templates/lang/, the same keys in each.

A build chooses its language once (`use("es")`, like Django's `translation.override`), and every
fixed word of the audiences, charts and framing lines comes from `t(key)`; numbers, money, lists
and dates are set by Babel in the catalogue's locale. Nothing here knows about PDF or Word.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from contextvars import ContextVar
from functools import lru_cache
from typing import Iterator, Optional

from generator.errors import TemplateError
from generator.resources import bundled
from generator.yaml_model import safe_load

LANG_DIR = bundled("templates") / "lang"
DEFAULT = "en"


class Catalogue:
    """One language's words: nested keys ('cover.openings') to strings or lists, with {named} slots."""

    def __init__(self, code: str, tree: dict, source: bytes = b""):
        self.code = code
        self.tree = tree
        self.source = source  # the file as read (the chart cache's key holds it)
        about = tree.get("language", {})
        self.name: str = about.get("name", code)
        self.tag: str = about.get("tag", code)  # BCP 47, for document metadata: 'es-US'
        self.locale: str = about.get("locale", code)  # Babel's: 'es_US'

    def get(self, key: str):
        node = self.tree
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise TemplateError(f"templates/lang/{self.code}.yaml: missing key '{key}'")
            node = node[part]
        return node

    def has(self, key: str) -> bool:
        try:
            self.get(key)
            return True
        except TemplateError:
            return False

    def text(self, key: str, **values) -> str:
        value = self.get(key)
        if not isinstance(value, str):
            raise TemplateError(f"templates/lang/{self.code}.yaml: '{key}' is not a text")
        return value.format(**values) if values else value


def languages() -> list[str]:
    """The language codes with a catalogue ('en', 'es')."""
    return sorted(p.stem for p in LANG_DIR.glob("*.yaml"))


@lru_cache(maxsize=None)
def load(code: str) -> Catalogue:
    path = LANG_DIR / f"{code}.yaml"
    if not path.is_file():
        raise TemplateError(f"unknown language {code!r} (known: {', '.join(languages())})")
    source = path.read_bytes()
    tree = safe_load(source.decode("utf-8"))
    if not isinstance(tree, dict):
        raise TemplateError(f"{path}: not a mapping of keys to words")
    return Catalogue(code, tree, source)


_active: ContextVar[Optional[Catalogue]] = ContextVar("catalogue", default=None)


def active() -> Catalogue:
    return _active.get() or load(DEFAULT)


@contextlib.contextmanager
def use(code: str) -> Iterator[Catalogue]:
    """Build in language `code` inside the block."""
    token = _active.set(load(code))
    try:
        yield _active.get()
    finally:
        _active.reset(token)


def t(key: str, **values) -> str:
    """The active language's text for `key`, its {slots} filled with `values` (data, never re-read)."""
    return active().text(key, **values)


def words(key: str) -> list:
    value = active().get(key)
    return list(value) if isinstance(value, list) else [value]


def key_paths(tree, prefix: str = "") -> set[str]:
    """Every leaf key of a catalogue tree, dotted ('audiences.students.hook')."""
    if not isinstance(tree, dict):
        return {prefix}
    paths: set[str] = set()
    for key, value in tree.items():
        paths |= key_paths(value, f"{prefix}.{key}" if prefix else str(key))
    return paths


# --- numbers, money and lists in the active locale (Babel) -------------------------------------

def decimal(value: float) -> str:
    """3300000 -> '3,300,000'; 3.3 -> '3.3' (US English and US Spanish alike)."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=active().locale, decimal_quantization=False)


def currency(value: float, pattern: str = "") -> str:
    """50250 -> '$50,250'; 24.16 -> '$24.16'; 18.5 -> '$18.50' (cents only when the source has them);
    a CLDR `pattern` ('¤#,##0.#') sets it otherwise."""
    pattern = pattern or ("\u00a4#,##0" if float(value).is_integer() else "\u00a4#,##0.00")
    return _currency(value, pattern, active().locale)


@lru_cache(maxsize=1024)  # a profile's few dozen figures, set again by every audience and chart
def _currency(value: float, pattern: str, locale: str) -> str:
    from babel.numbers import format_currency

    return format_currency(value, "USD", format=pattern, locale=locale, currency_digits=False)


def percent(value: float) -> str:
    """9 -> '9%'; 8.5 -> '8.5%' (the figure as given, in the locale's percent pattern)."""
    from babel.numbers import format_percent

    return format_percent(value / 100, locale=active().locale, decimal_quantization=False)


def join(items: list[str], last: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b, and c' / 'a, b y c'; last='or' -> 'a, b, or c' / 'a, b o c'."""
    from babel.lists import format_list

    items = [i for i in items if i]
    if not items:
        return ""
    return format_list(items, style="or" if last == "or" else "standard", locale=active().locale)


_MONTHS = ("january february march april may june july august september october november december").split()
_SOURCE_DATE = re.compile(r"^\s*([A-Za-z]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})\s*$")


def source_date(text: str) -> str:
    """A source's English date ('May 2024', 'May 15, 2024') in the language being built ('mayo de
    2024'); English, a bare year and anything else are printed as the source gives them."""
    match = _SOURCE_DATE.match(text or "")
    month = next((i for i, name in enumerate(_MONTHS, 1) if match and name.startswith(match[1].casefold())
                  and len(match[1]) >= 3), None)
    if active().code == DEFAULT or month is None:
        return text
    from babel.dates import format_date

    try:
        when = date(int(match[3]), month, int(match[2] or 1))
    except ValueError:
        return text
    return format_date(when, t("dates.day_month_year" if match[2] else "dates.month_year"), locale=active().locale)

"""Local pay from BLS's OEWS tables: the areas a reader asks for, the occupation a profile names.

`load_tables(files, release)` opens (and the first time indexes) each table; `find_areas` turns
what a user typed ('CA', '06', 'Riverside-San Bernardino-Ontario, CA') into BLS's areas;
`local_pay(tables, areas, soc, title)` gives one occupation's figures there and in the U.S., as
BLS publishes them. Nothing here knows about PDF or Word.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from generator.errors import InputError, printable
from generator.wages.index import open_index
from generator.wages.table import release_of

MAX_AREAS = 3
US_AREA = "99"
TOP_CODES_2025 = ("115.00", "239,200")  # BLS's '#' bound since May 2024 (its field notes)
_RELEASE = re.compile(r"^(May|November)\s+(\d{4})$", re.IGNORECASE)


@dataclass(frozen=True)
class Area:
    """An area BLS publishes figures for: its code, title, type (1 U.S., 2 state, 4 metro, 6 nonmetro)."""

    code: str
    title: str
    kind: str = ""
    state: str = ""


@dataclass(frozen=True)
class AreaWages:
    """One occupation in one area, each figure BLS's text ('61810', '#', '*', '**' or '')."""

    area: Area
    jobs: str = ""
    hourly: tuple[str, ...] = ()  # 10th, 25th, median, 75th, 90th percentile
    annual: tuple[str, ...] = ()
    annual_only: bool = False  # BLS publishes annual wages only
    hourly_only: bool = False
    published: bool = True  # False: the table has no row for this occupation here

    @property
    def period(self) -> str:
        """'hour' when BLS publishes hourly wages only (or no annual one), else 'year'."""
        if self.hourly_only or (not self.annual_only and all(v in ("", "*") for v in self.annual)
                                and any(v not in ("", "*") for v in self.hourly)):
            return "hour"
        return "year"

    def figures(self, period: Optional[str] = None) -> tuple[str, ...]:
        return self.hourly if (period or self.period) == "hour" else self.annual


@dataclass(frozen=True)
class LocalPay:
    """An occupation's pay in the areas asked for and in the U.S., from one OEWS release."""

    code: str
    title: str
    release: str  # 'May 2025'
    areas: tuple[AreaWages, ...]
    us: Optional[AreaWages] = None
    top_codes: tuple[str, ...] = TOP_CODES_2025  # (hourly, annual) bound of '#'


@dataclass
class Tables:
    """The wage tables a build reads, each indexed: [(file, index)] and their one release."""

    files: list[tuple[Path, sqlite3.Connection]]
    release: str

    def areas(self) -> list[Area]:
        seen: dict[str, Area] = {}
        for _, db in self.files:
            for code, title, kind, state in db.execute("SELECT * FROM areas"):
                seen.setdefault(_code(code), Area(code, title, kind, state))
        return sorted(seen.values(), key=lambda a: (a.kind != "1", a.title.casefold()))


def _code(text: str) -> str:
    return text.lstrip("0") or "0"


def _words(text: str) -> str:
    """A name as compared: case, punctuation and '&'/'and' aside."""
    text = text.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", text).replace(" and ", " ").split())


def load_tables(files: list[Path], release: str = "", folder: Optional[Path] = None,
                need_release: bool = True) -> Tables:
    """Every table, indexed; its release from the file name as BLS names it, or `release` (never
    guessed; every table of one build from the same release)."""
    if release and not _RELEASE.match(release.strip()):
        raise InputError(f"--wages-release: '{printable(release)}' is not an OEWS release such as 'May 2025'")
    releases = {}
    for path in files:
        named = release.strip() or release_of(path)
        if not named and need_release:
            raise InputError(f"{printable(path)}: the file name does not say the OEWS release (BLS names its "
                             f"tables like state_M2025_dl.xlsx); give --wages-release 'May 2025'")
        releases[path] = named
    if len(set(releases.values())) > 1:
        listed = ", ".join(f"{printable(p.name)} {r}" for p, r in releases.items())
        raise InputError(f"--wages: the tables are from different OEWS releases ({listed}); use one release")
    opened = [(path, open_index(path, folder)) for path in files]
    return Tables(opened, next(iter(releases.values())))


def _closest(query: str, areas: list[Area], count: int = 3) -> list[str]:
    by_words = {_words(a.title): a.title for a in areas}
    return [by_words[w] for w in difflib.get_close_matches(_words(query), list(by_words), n=count, cutoff=0.0)]


def find_area(tables: Tables, query: str) -> Area:
    """The area a user names: by BLS code ('06'), state abbreviation ('CA') or name (case and
    punctuation aside; a part of one name will do); else one line with the closest names."""
    areas = tables.areas()
    text = query.strip()
    if text.isdigit():
        found = [a for a in areas if _code(a.code) == _code(text)]
    elif len(text) == 2 and text.isalpha():
        found = [a for a in areas if a.kind == "2" and a.state.upper() == text.upper()]
    else:
        found = [a for a in areas if _words(a.title) == _words(text)]
        found = found or [a for a in areas if _words(text) and f" {_words(text)} " in f" {_words(a.title)} "]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        names = "; ".join(a.title for a in found[:10]) + (" …" if len(found) > 10 else "")
        raise InputError(f"--area: '{printable(query)}' names {len(found)} areas: {printable(names)}; give one "
                         f"name whole or its BLS code")
    closest = "; ".join(_closest(text, areas))
    raise InputError(f"--area: no area '{printable(query)}' in the wage tables; the closest: {printable(closest)} "
                     f"(career-brochure areas FILE lists them)")


def matching_areas(tables: Tables, text: str = "") -> list[Area]:
    """The tables' areas whose name or code holds `text` (all without it)."""
    wanted = _words(text)
    return [a for a in tables.areas() if not wanted or wanted in _words(a.title) or _code(text.strip()) == _code(a.code)]


def find_areas(tables: Tables, queries: list[str]) -> list[Area]:
    if len(queries) > MAX_AREAS:
        raise InputError(f"--area: {len(queries)} areas given; a brochure prints at most {MAX_AREAS}")
    found = [find_area(tables, query) for query in queries]
    return list({_code(a.code): a for a in found}.values())


def occupation(tables: Tables, soc: str, title: str) -> tuple[str, str] | list[str]:
    """(code, BLS title) of the occupation a profile names by SOC code or title; else the three
    closest titles."""
    titles: dict[str, str] = {}
    for _, db in tables.files:
        for code, name in db.execute("SELECT OCC_CODE, OCC_TITLE FROM occupations"):
            titles.setdefault(code, name)
    if soc and soc in titles:
        return soc, titles[soc]
    if not soc:
        wanted = _words(title)
        for code, name in sorted(titles.items()):
            if _words(name) == wanted:
                return code, name
    by_words = {_words(name): name for name in titles.values()}
    return [by_words[w] for w in difflib.get_close_matches(_words(title), list(by_words), n=3, cutoff=0.0)]


def _wages(row: sqlite3.Row, area: Area) -> AreaWages:
    hourly = tuple(row[f"H_{p}"] for p in ("PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90"))
    annual = tuple(row[f"A_{p}"] for p in ("PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90"))
    return AreaWages(area, row["TOT_EMP"], hourly, annual, row["ANNUAL"].upper() == "TRUE",
                     row["HOURLY"].upper() == "TRUE")


def _rows_for(tables: Tables, code: str) -> dict[str, sqlite3.Row]:
    """The occupation's row in every area of every table (a detailed row before a broad one)."""
    found: dict[str, sqlite3.Row] = {}
    for _, db in tables.files:
        db.row_factory = sqlite3.Row
        for row in db.execute("SELECT * FROM rows WHERE OCC_CODE = ? ORDER BY O_GROUP != 'detailed'", (code,)):
            found.setdefault(_code(row["AREA"]), row)
    return found


def local_pay(tables: Tables, areas: list[Area], code: str, title: str) -> LocalPay:
    """The occupation `code` in each area (an area without its row says so) and in the U.S."""
    rows = _rows_for(tables, code)
    wages = tuple(_wages(rows[_code(a.code)], a) if _code(a.code) in rows else AreaWages(a, published=False)
                  for a in areas if _code(a.code) != US_AREA)
    us = rows.get(US_AREA)
    bounds = _top_codes(tables)
    return LocalPay(code, title, tables.release, wages,
                    _wages(us, Area(US_AREA, us["AREA_TITLE"], "1", "US")) if us else None, bounds)


def _top_codes(tables: Tables) -> tuple[str, ...]:
    import json

    for _, db in tables.files:
        (value,) = db.execute("SELECT value FROM meta WHERE key = 'top_codes'").fetchone()
        if json.loads(value):
            return tuple(json.loads(value))
    return TOP_CODES_2025 if tables.release.endswith(("2024", "2025")) else ()

"""Read a BLS OEWS table (.xlsx or .csv, as BLS publishes it) into rows of text.

The sheet is found by BLS's column names, whatever its name; names are read in upper or lower
case. A figure is kept as BLS writes it, as text: a number without its thousands separators
('61810', '24.24') or one of BLS's codes ('*', '**', '#', '~'), or '' where the cell is empty.
Only cross-industry, all-ownership rows describe an area as a whole; the others are skipped.

Files are data: an .xlsx is read by python-calamine (or, a large sheet, streamed by
generator/wages/xlsx.py), which read the values a workbook stores and never evaluate a formula
or follow an external link.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from generator.errors import InputError, printable

MAX_FILE_BYTES = 200 * 1024 * 1024  # BLS's all-data workbook is ~80 MB; its CSV ~250 MB zipped away
MAX_XLSX_UNPACKED = 2 * 1024 * 1024 * 1024  # what an .xlsx's parts may unpack to (its ~400,000 rows: ~700 MB)
MAX_XLSX_RATIO = 200  # unpacked / packed, per part: more is a zip bomb, not a table
MAX_ROWS = 1_000_000  # the all-data file has ~400,000 rows
HEADER_ROWS = 12  # the column names are within the sheet's first rows (BLS's own: the first)

KEYS = ("AREA", "AREA_TITLE", "OCC_CODE", "OCC_TITLE")
FIGURES = ("TOT_EMP", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90",
           "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90")
OPTIONAL = ("AREA_TYPE", "PRIM_STATE", "NAICS", "OWN_CODE", "O_GROUP", "ANNUAL", "HOURLY")
REQUIRED = KEYS + FIGURES
CODES = ("*", "**", "#", "~")
ALL_INDUSTRIES = "000000"
ALL_OWNERSHIPS = "1235"  # private, local, state and federal government together

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


@dataclass(frozen=True)
class Row:
    """One area x occupation, each value BLS's text (see the module's docstring)."""

    line: int  # the row's number in its sheet or file (1 = the first)
    values: dict[str, str]


def _error(path: Path, message: str) -> InputError:
    return InputError(f"{printable(path)}: {message}")


def _checked_file(path: Path) -> None:
    """A regular file no larger than MAX_FILE_BYTES (a pipe or device never blocks the tool)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _error(path, f"cannot read: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise _error(path, "not a regular file; give an OEWS table (.xlsx or .csv)")
    if info.st_size > MAX_FILE_BYTES:
        raise _error(path, f"{info.st_size:,} bytes is too large for a wage table (limit {MAX_FILE_BYTES:,})")
    if info.st_size == 0:
        raise _error(path, "the file is empty; give an OEWS table (.xlsx or .csv)")


def _checked_zip(path: Path) -> None:
    """An .xlsx whose parts unpack to at most MAX_XLSX_UNPACKED, none more than MAX_XLSX_RATIO
    times its packed size."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise _error(path, "not an .xlsx workbook (not a zip file); give an OEWS table (.xlsx or .csv)") from None
    total = sum(part.file_size for part in parts)
    if total > MAX_XLSX_UNPACKED:
        raise _error(path, f"unpacks to {total:,} bytes, more than a wage table may (limit {MAX_XLSX_UNPACKED:,})")
    for part in parts:
        if part.file_size > 1024 * 1024 and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1):
            raise _error(path, f"{printable(part.filename)} unpacks {part.file_size // max(part.compress_size, 1):,} "
                               f"times its size: not a wage table")


def _cell(value) -> str:
    """A cell as text: 50430.0 -> '50430', 24.2 -> '24.2', True -> 'TRUE', None -> ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value).strip()


def _header(row: list) -> dict[str, int] | None:
    """{column name: index} when the row holds BLS's key column names, else None."""
    names = {_cell(cell).upper(): index for index, cell in reversed(list(enumerate(row)))}
    return names if all(key in names for key in KEYS) else None


STREAM_ABOVE = 48 * 1024 * 1024  # a sheet whose XML unpacks to more is streamed (generator/wages/xlsx.py)


def _xlsx_sheets(path: Path) -> Iterator[Iterator[list]]:
    """Each sheet's rows: read by python-calamine (fast, but it holds a sheet whole: ~2.5 KB a row),
    or streamed in little memory when a sheet is large (BLS's metro table: ~500 MB held, ~30 MB
    streamed, in 10 s against 32 s; benchmarks/local_pay.py)."""
    from generator.wages import xlsx  # lxml: only for a workbook

    try:
        with zipfile.ZipFile(path) as archive:
            parts, strings = xlsx.sheet_parts(archive)
            large = any(archive.getinfo(part).file_size > STREAM_ABOVE for part in parts)
    except (zipfile.BadZipFile, KeyError, OSError, xlsx.XMLError) as exc:
        raise _error(path, f"cannot read the workbook ({printable(exc)})") from None
    yield from (_streamed(path, parts, strings) if large else _calamine(path))


def _calamine(path: Path) -> Iterator[Iterator[list]]:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        for index in range(len(workbook.sheet_names)):
            yield iter(workbook.get_sheet_by_index(index).iter_rows())
    except CalamineError as exc:
        raise _error(path, f"cannot read the workbook ({printable(exc)})") from None


def _streamed(path: Path, parts: list[str], strings_part) -> Iterator[Iterator[list]]:
    from generator.wages import xlsx

    try:
        with zipfile.ZipFile(path) as archive:
            strings = xlsx.shared_strings(archive, strings_part)
            for part in parts:
                yield _guarded(path, xlsx.rows(archive, part, strings))
    except (zipfile.BadZipFile, KeyError, OSError, xlsx.XMLError) as exc:
        raise _error(path, f"cannot read the workbook ({printable(exc)})") from None


def _guarded(path: Path, rows: Iterator[list]) -> Iterator[list]:
    """The rows, a broken part's error as one line naming the file."""
    from generator.wages.xlsx import XMLError

    try:
        yield from rows
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, XMLError) as exc:
        raise _error(path, f"cannot read the workbook ({printable(exc)})") from None


def _csv_sheet(path: Path) -> Iterator[list]:
    with open(path, "rb") as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace", newline="")
        try:
            yield from csv.reader(text)
        except csv.Error as exc:
            raise _error(path, f"not a CSV table ({printable(exc)})") from None


def _sheets(path: Path) -> Iterator[Iterator[list]]:
    kind = path.suffix.lower()
    if kind in (".xlsx", ".xlsm"):
        _checked_zip(path)
        return _xlsx_sheets(path)
    if kind == ".csv":
        return iter([_csv_sheet(path)])
    raise _error(path, f"a wage table is .xlsx or .csv, not {printable(kind or 'a file without a suffix')}")


def _columns(path: Path) -> tuple[Iterator[list], dict[str, int], int]:
    """The first sheet with BLS's column names: (its rows after the names, {name: index}, the
    names' row number)."""
    best: set[str] = set()
    for rows in _sheets(path):
        for number, row in zip(range(1, HEADER_ROWS + 1), rows):
            names = _header(row)
            if names is not None:
                missing = [name for name in REQUIRED if name not in names]
                if missing:
                    raise _error(path, f"not an OEWS table: no column {', '.join(missing)} (BLS's column names)")
                return rows, names, number
            best = max(best, {_cell(c).upper() for c in row} & set(REQUIRED), key=len)
    missing = [name for name in REQUIRED if name not in best]
    raise _error(path, f"not an OEWS table: no column {', '.join(missing)} (BLS's column names)")


def figure(text: str, path: Path, line: int, column: str) -> str:
    """BLS's figure as plain digits ('2,330' -> '2330'), a BLS code, or '' (else one line naming it)."""
    if text == "" or text in CODES:
        return text
    if _NUMBER.match(text):
        return text.replace(",", "").lstrip("+")
    raise _error(path, f"{line}: {column}: '{printable(text)[:40]}' is neither a figure nor one of BLS's codes "
                       f"({' '.join(CODES)})")


def _whole_area(values: dict[str, str]) -> bool:
    """A cross-industry, all-ownership row (a table without those columns holds nothing else)."""
    naics = values.get("NAICS", "")
    own = values.get("OWN_CODE", "")
    return naics in ("", ALL_INDUSTRIES, "0") and own in ("", ALL_OWNERSHIPS)


def read_rows(path: Path) -> Iterator[Row]:
    """Every cross-industry, all-ownership row of the table, figures checked; one line and exit 2
    for a file that is not an OEWS table, an empty one, or a garbled figure."""
    path = Path(path)
    _checked_file(path)
    rows, names, header_line = _columns(path)
    wanted = [(name, names[name]) for name in (*REQUIRED, *OPTIONAL) if name in names]
    count = 0
    for line, row in enumerate(rows, header_line + 1):
        if line - header_line > MAX_ROWS:
            raise _error(path, f"more than {MAX_ROWS:,} rows: larger than any OEWS table")
        cells = [_cell(row[index]) if index < len(row) else "" for _, index in wanted]
        if not any(cells):
            continue
        values = dict(zip((name for name, _ in wanted), cells))
        if not _whole_area(values):
            continue
        for name in FIGURES:
            values[name] = figure(values[name], path, line, name)
        count += 1
        yield Row(line, values)
    if count == 0:
        raise _error(path, "the table holds no rows (an OEWS table has one per area and occupation)")


def release_of(path: Path) -> str:
    """'May 2025' from BLS's file names (state_M2025_dl.xlsx, all_data_M_2025.xlsx), else ''."""
    match = re.search(r"(?:^|_)M_?(\d{4})(?:_|\.|$)", Path(path).name, re.IGNORECASE)
    return f"May {match.group(1)}" if match else ""

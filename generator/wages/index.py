"""A wage table indexed once: an SQLite file per table content, kept in the user's cache folder.

Reading BLS's metro workbook (~200,000 rows) takes seconds; looking one occupation up in its index
takes milliseconds. The index is named by a SHA-256 of the table's bytes and of this code's FORMAT,
so an edited or replaced table is indexed again and a stale index is never found. It is written
to a temporary name and renamed into place, so two builds indexing at once each get a whole file
(the second rename replaces the first with the same content). `CAREER_BROCHURE_CACHE=off` keeps
the index in memory for the one build.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import tempfile
from pathlib import Path
from typing import Optional

from generator.wages.table import FIGURES, read_rows

FORMAT = 1  # bump when the index's layout or what it keeps changes
COLUMNS = ("AREA", "AREA_TITLE", "AREA_TYPE", "PRIM_STATE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "ANNUAL",
           "HOURLY", *FIGURES)
_TOP_CODE = re.compile(r"\$([\d.,]+)\s+per hour or \$([\d,]+)\s+per year", re.IGNORECASE)


def digest(path: Path) -> str:
    """The table's content, as the index's name."""
    with open(path, "rb") as handle:
        found = hashlib.file_digest(handle, "sha256")
    found.update(f"format={FORMAT}".encode())
    return found.hexdigest()[:40]


def wages_dir(environ=os.environ) -> Optional[Path]:
    """Where indexes are kept (beside the chart cache), or None when the cache is off."""
    from generator.chart_cache import cache_dir

    charts = cache_dir(environ)
    return None if charts is None else charts.parent / "wages"


def _create(db: sqlite3.Connection, path: Path) -> None:
    db.execute(f"CREATE TABLE rows (line INTEGER, {', '.join(c + ' TEXT' for c in COLUMNS)})")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    batch = []
    for row in read_rows(path):
        batch.append((row.line, *(row.values.get(c, "") for c in COLUMNS)))
        if len(batch) >= 5000:
            db.executemany(f"INSERT INTO rows VALUES ({', '.join('?' * (len(COLUMNS) + 1))})", batch)
            batch = []
    db.executemany(f"INSERT INTO rows VALUES ({', '.join('?' * (len(COLUMNS) + 1))})", batch)
    db.execute("CREATE INDEX by_occupation ON rows (OCC_CODE)")
    db.execute("CREATE TABLE areas AS SELECT AREA, AREA_TITLE, AREA_TYPE, PRIM_STATE FROM rows "
               "GROUP BY AREA ORDER BY AREA_TITLE")
    db.execute("CREATE TABLE occupations AS SELECT OCC_CODE, OCC_TITLE FROM rows GROUP BY OCC_CODE")
    db.execute("INSERT INTO meta VALUES ('top_codes', ?)", (json.dumps(top_code_bounds(path)),))
    db.commit()


def top_code_bounds(path: Path) -> list[str]:
    """BLS's '#' bounds as its workbook's field notes give them (['115.00', '239,200']), or []."""
    if path.suffix.lower() != ".xlsx":
        return []
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    for index, name in enumerate(workbook.sheet_names):
        if not re.search(r"field|note|description", name, re.IGNORECASE):
            continue
        for row in workbook.get_sheet_by_index(index).iter_rows():
            found = _TOP_CODE.search(" ".join(str(cell) for cell in row))
            if found and any(str(cell).strip() == "#" for cell in row):
                return [found.group(1), found.group(2)]
    return []


def open_index(path: Path, folder: Optional[Path] = None) -> sqlite3.Connection:
    """The table's index, read-only: made (and kept in `folder`) the first time, opened after."""
    folder = wages_dir() if folder is None else folder
    if folder is None:
        db = sqlite3.connect(":memory:")
        _create(db, path)
        return db
    target = folder / f"{digest(path)}.sqlite"
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        temp = Path(name)
        try:
            db = sqlite3.connect(temp)
            try:
                _create(db, path)
            finally:
                db.close()
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
    return sqlite3.connect(f"file:{target}?mode=ro", uri=True)

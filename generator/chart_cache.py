"""Chart art kept between runs: the same profile, style and language draw the same charts, so a
second build takes them from disk and never imports Matplotlib (0.2 s) or draws (0.2 s).

Content-addressed, like ccache: the key is a SHA-256 of everything the art depends on (the
profile, the style, the image types, the language catalogue, the chart code and the versions of
Matplotlib and Babel, the font files), so a stale entry is never found, only a fresh one.
Entries are JSON (never pickle: a cache file is data, not code), written atomically; one that
does not read back as chart art is ignored and redrawn. `CAREER_BROCHURE_CACHE` names the folder
(default `$XDG_CACHE_HOME/career-brochure/charts`, else `~/.cache/career-brochure/charts`);
`off` turns the cache off. It keeps the MAX_ENTRIES most recently used entries; deleting the
folder is always safe.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from generator.atomic import write_bytes_atomic
from generator.compose.display_list import from_plain
from generator.compose.model import ChartArt, ChartData, ChartSeries
from generator.resources import PACKAGE

ENV = "CAREER_BROCHURE_CACHE"
FORMAT = 3  # bump when the entry layout changes (2: a vector display list instead of SVG; 3: dates)
MAX_ENTRIES = 400  # about 70 MB (an entry is ~180 KB): the least recently used go first
_CODE = ("charts/__init__.py", "charts/canvas.py", "charts/industry.py", "charts/money.py", "charts/output.py",
         "charts/salary.py", "charts/theme.py", "charts/vector.py", "money.py", "i18n.py", "chart_cache.py",
         "compose/model.py", "compose/display_list.py", "charts/local.py", "charts/data.py", "compose/local_pay.py", "colour.py")


def cache_dir(environ=os.environ) -> Optional[Path]:
    """The cache folder, or None when the cache is off."""
    named = environ.get(ENV, "").strip()
    if named.casefold() in ("off", "0", "no", "false"):
        return None
    if named:
        return Path(named).expanduser()
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "career-brochure" / "charts"


@lru_cache(maxsize=None)
def _fingerprint() -> str:
    """The chart code and the libraries that draw and format: any change starts a new cache."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(str(FORMAT).encode())
    for name in _CODE:
        digest.update((PACKAGE / name).read_bytes())
    for package in ("matplotlib", "babel"):
        try:
            digest.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=?".encode())
    return digest.hexdigest()


def _font_stamp(path: str) -> str:
    try:
        info = os.stat(path)
        return f"{path}:{info.st_size}:{info.st_mtime_ns}"
    except OSError:
        return f"{path}:missing"


def entry_key(profile, style, types: tuple[str, ...], catalogue: bytes, fonts: tuple[str, ...], local=None) -> str:
    """The SHA-256 naming one profile's charts (and its local pay's) in one style, language and set
    of image types."""
    digest = hashlib.sha256(_fingerprint().encode())
    for part in (profile.model_dump_json(), style.model_dump_json(), ",".join(types),
                 repr(local), *(_font_stamp(f) for f in fonts)):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(catalogue)
    return digest.hexdigest()


def _to_json(charts: dict[str, ChartArt]) -> bytes:
    entries = [{"chart_id": a.chart_id, "vector": a.vector, "png": base64.b64encode(a.png).decode(),
                "width_in": a.width_in, "height_in": a.height_in, "alt_text": a.alt_text, "period": a.period,
                "median": a.median, "converted": a.converted, "as_of": a.as_of, "median_as_of": a.median_as_of,
                "data": asdict(a.data) if a.data is not None else None}
               for a in charts.values()]
    return json.dumps({"format": FORMAT, "charts": entries}, sort_keys=True).encode("utf-8")


def _from_json(data: bytes) -> Optional[dict[str, ChartArt]]:
    """The chart art in a cache entry, or None if it is not one (damaged, old, or not ours)."""
    try:
        tree = json.loads(data)
        if tree.get("format") != FORMAT:
            return None
        charts = {}
        for e in tree["charts"]:
            art = ChartArt(str(e["chart_id"]), from_plain(e["vector"]),
                           base64.b64decode(e["png"], validate=True), float(e["width_in"]), float(e["height_in"]),
                           str(e["alt_text"]), str(e["period"]), bool(e["median"]), bool(e["converted"]),
                           str(e["as_of"]), str(e["median_as_of"]), _data(e.get("data")))
            if art.period not in ("year", "hour") or not (0 < art.width_in < 20 and 0 < art.height_in < 20):
                return None
            charts[art.chart_id] = art
        return charts
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _data(tree) -> Optional[ChartData]:
    """A chart's data as the cache holds it (asdict's lists back into tuples)."""
    if tree is None:
        return None
    series = tuple(ChartSeries(str(s["name"]), tuple(float(v) for v in s["values"]), str(s["role"]),
                               tuple(str(label) for label in s["labels"])) for s in tree["series"])
    median = tree["median"]
    return ChartData(tuple(str(c) for c in tree["categories"]), series, float(tree["axis_min"]),
                     float(tree["axis_max"]), str(tree["number_format"]), str(tree["tick_format"]),
                     float(tree["major_unit"]), tuple(float(v) for v in tree["plot"]),
                     None if median is None else float(median), str(tree["median_label"]), float(tree["font_pt"]),
                     tuple(None if v is None else float(v) for v in tree["marks"]), float(tree["name_pt"]),
                     float(tree["tick_pt"]), str(tree["axis_title"]), bool(tree["median_dashed"]))


def cached(key: str, draw: Callable[[], dict[str, ChartArt]], folder: Optional[Path]) -> dict[str, ChartArt]:
    """The charts stored under `key`, else drawn now and stored (a folder that cannot be written
    leaves the build as it would be without a cache)."""
    if folder is None:
        return draw()
    path = folder / key[:2] / f"{key}.json"
    try:
        found = _from_json(path.read_bytes()) if path.is_file() else None
    except OSError:
        found = None
    if found is not None:
        try:
            os.utime(path)  # recently used: the last to be pruned
        except OSError:
            pass
        return found
    charts = draw()
    try:
        write_bytes_atomic(path, _to_json(charts))
        prune(folder)
    except OSError:
        pass
    return charts


def prune(folder: Path, keep: int = MAX_ENTRIES) -> int:
    """Remove the least recently used entries beyond `keep`; how many were removed."""
    entries = sorted(folder.glob("??/*.json"), key=lambda p: p.stat().st_mtime if p.exists() else 0)
    stale = entries[:max(0, len(entries) - keep)]
    for entry in stale:
        entry.unlink(missing_ok=True)
    return len(stale)

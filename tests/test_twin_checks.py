"""A translated twin keeps the original's lists and figures: a list of texts with more or fewer
entries, or text that slips in a figure the original does not have, is refused (exit 2, one line
per problem, FILE:LINE: field: …), for `validate` and `build`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "data" / "medical-records-specialists.yaml"
TWIN = ROOT / "data" / "medical-records-specialists.es.yaml"

SKILL = "- Atención a los detalles para verificar que los datos sean exactos y estén completos.\n"
SCHEDULE = "  schedules: La mayoría trabaja a tiempo completo."

CASES = [
    ("a skill fewer", lambda t: t.replace(SKILL, ""), "skills", "has 4 entries here and the translation 3"),
    ("a skill more", lambda t: t.replace(SKILL, SKILL + "- Otra habilidad más.\n"), "skills",
     "has 4 entries here and the translation 5"),
    ("an industry fewer", lambda t: t.replace("  - centros de salud\n", "", 1), "work_environment.industries",
     "entries here and the translation"),
    ("pay slipped into text", lambda t: t.replace(SCHEDULE, SCHEDULE[:-1] + " y ganan $90–$95 la hora."),
     "work_environment.schedules", "the figure '90'"),
    ("a percentage slipped in", lambda t: t.replace(SCHEDULE, SCHEDULE[:-1] + ", un 900% más."),
     "work_environment.schedules", "the figure '900'"),
]


@pytest.mark.parametrize("command", ["validate", "build"])
@pytest.mark.parametrize("name,change,field,says", CASES, ids=[c[0] for c in CASES])
def test_a_twin_that_changes_lists_or_figures_is_refused(tmp_path, name, change, field, says, command):
    base = tmp_path / BASE.name
    shutil.copy(BASE, base)
    twin = tmp_path / TWIN.name
    text = TWIN.read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    twin.write_text(changed, encoding="utf-8")
    args = [str(twin)] if command == "validate" else [str(base), "--lang", "es", "-o", str(tmp_path / "out")]
    result = subprocess.run([sys.executable, "-m", "generator", command, *args], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith(f"{twin}:") and f": {field}: " in lines[0], lines
    assert says in lines[0], lines
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.pdf"))


def test_the_bundled_twin_is_valid():
    result = subprocess.run([sys.executable, "-m", "generator", "validate", str(TWIN)], capture_output=True,
                            text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr

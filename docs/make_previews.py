"""Regenerate the README's preview images from the default brochures.

Run: python docs/make_previews.py   (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.build import BuildOptions, build  # noqa: E402

DPI = "60"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = build([], BuildOptions(formats=("pdf",), output=Path(tmp)))
        for pdf in sorted(p for p in result.written if p.suffix == ".pdf"):
            prefix = ROOT / "docs" / pdf.stem
            subprocess.run(["pdftoppm", "-r", DPI, "-png", str(pdf), str(prefix)], check=True)
            print(f"docs/{pdf.stem}-*.png")


if __name__ == "__main__":
    main()

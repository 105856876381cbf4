"""Where the bundled templates and profiles live: beside a checkout, or inside the wheel."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The checkout's top-level folder `name`, else the copy installed with the package."""
    checkout = PACKAGE.parent / name
    return checkout if checkout.is_dir() else PACKAGE / name

"""The date both writers stamp on a document: reproducible, and meaningful where the profile says."""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone

from generator.errors import BuildError

FIXED_DATE = datetime(2024, 1, 1, 0, 0, 0)  # when neither the build nor the profile gives a date
MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _from_data_date(text: str) -> datetime | None:
    """'2024-05-15', 'May 2024', '2024': the date the profile's figures are as of."""
    iso = re.search(r"\b(19|20)(\d\d)-(\d\d)-(\d\d)\b", text)
    if iso:
        try:
            return datetime(int(iso.group(1) + iso.group(2)), int(iso.group(3)), int(iso.group(4)))
        except ValueError:
            pass
    year = re.search(r"\b(19\d\d|20\d\d)\b", text)
    if not year:
        return None
    month = re.search(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+" + year.group(1),
                      text, re.I)
    return datetime(int(year.group(1)), MONTHS[month.group(1).lower()] if month else 1, 1)


def document_date(data_date: str = "") -> datetime:
    """SOURCE_DATE_EPOCH (naive UTC) when set; else the profile's data date; else a fixed date."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if raw:
        try:
            stamp = int(raw)
        except ValueError:
            raise BuildError(f"SOURCE_DATE_EPOCH is not a whole number of seconds: {raw!r}") from None
        return datetime.fromtimestamp(stamp, tz=timezone.utc).replace(tzinfo=None)
    return _from_data_date(data_date) or FIXED_DATE

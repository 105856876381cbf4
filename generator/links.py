"""Which addresses may become links or QR codes: http(s) and mailto, nothing that breaks out."""

from __future__ import annotations

import re

_LINK = re.compile(r"^(?:https?://[^\s/?#\"'<>`\\]+[^\s\"'<>`\\]*|mailto:[^\s@\"'<>`\\]+@[^\s\"'<>`\\]+)$", re.I)


def is_web_link(url: str) -> bool:
    """True for an http(s) or mailto address with nothing that could break out of a link."""
    return bool(_LINK.match(url)) and not any(ord(c) < 32 or ord(c) == 127 for c in url)

"""Right-to-left scripts (Hebrew, Arabic) in profile text: the one test both writers use."""

from __future__ import annotations

import re
import unicodedata

RTL_LETTERS = "\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
RTL_CHAR = re.compile(f"[{RTL_LETTERS}]")
# a run of right-to-left words, with the spaces and punctuation between them
RTL_RUN = re.compile(f"[{RTL_LETTERS}]+(?:[\\s\\-–—'’\"“”,:;()]+[{RTL_LETTERS}]+)*")


def has_rtl(text: str) -> bool:
    """True when the text holds Hebrew or Arabic."""
    return bool(RTL_CHAR.search(text))


def reads_right_to_left(text: str) -> bool:
    """True when the text's first strong letter is Hebrew or Arabic (its base direction)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False

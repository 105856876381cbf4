"""Text bound for XML (Word's parts, the PDF's XMP metadata): data, never markup."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (C0 controls except tab/newline/CR, lone surrogates, U+FFFE/F).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: object) -> str:
    """Text as data: drop characters XML cannot hold; never interpret markup."""
    return _XML_INVALID.sub("", str(text))

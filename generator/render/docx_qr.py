"""A QR code as PNG bytes for the Word writer (ReportLab's encoder, drawn with Pillow)."""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from typing import Optional


@lru_cache(maxsize=4)  # a profile's audiences print the same address: encoded once (pure Python, ~15 ms)
def qr_png(url: str, box: int = 12, border: int = 4, dpi: int = 300) -> Optional[bytes]:
    """PNG of a QR code for `url`, or None if it cannot be encoded here."""
    try:
        from PIL import Image, ImageDraw
        from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

        code = QRCode(None, QRErrorCorrectLevel.M)  # version None: smallest that fits
        code.addData(url)
        code.make()
    except Exception:  # no encoder, or data too long: the URL text is printed anyway
        return None
    count = code.getModuleCount()
    size = (count + 2 * border) * box
    image = Image.new("1", (size, size), 1)
    draw = ImageDraw.Draw(image)
    for row in range(count):
        for col in range(count):
            if code.isDark(row, col):
                x, y = (col + border) * box, (row + border) * box
                draw.rectangle([x, y, x + box - 1, y + box - 1], fill=0)
    out = BytesIO()
    image.save(out, format="PNG", dpi=(dpi, dpi))
    return out.getvalue()

"""The look: text colours readable on their backgrounds; type sizes as the brief says."""

from __future__ import annotations

import pytest

from generator.compose.templates import load_style

PAIRS = [  # (text colour, background) as the PDF writer inks them
    ("text", "white"), ("muted", "white"), ("primary", "white"), ("accent_text", "white"),
    ("text", "tint"), ("muted", "tint"), ("primary", "tint"),
    ("white", "primary"), ("tint", "primary"),
]


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("text,background", PAIRS)
def test_text_colours_pass_wcag_aa(text, background):
    colours = load_style().colours
    assert contrast(colours[text].rgb, colours[background].rgb) >= 4.5


def test_big_number_accent_on_primary_passes_large_text_contrast():
    colours = load_style().colours
    assert contrast(colours["accent"].rgb, colours["primary"].rgb) >= 3.0  # 38 pt heavy: large text


def test_body_text_is_pure_black_ink_in_print():
    assert load_style().colours["text"].cmyk == (0.0, 0.0, 0.0, 1.0)

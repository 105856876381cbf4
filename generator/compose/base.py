"""What every section builder shares: the context it may look at, and the few ways the profile's
lists and texts become blocks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from generator.compose import wording as w
from generator.compose.model import Block, Bullets, ChartArt, Paragraph
from generator.compose.templates import AudienceSpec, SectionSpec
from generator.i18n import t
from generator.profile.model import Profile


@dataclass(frozen=True)
class Context:
    """What every builder may look at besides the profile: the charts and the reader."""

    charts: dict[str, ChartArt]
    audience: Optional[AudienceSpec] = None
    brand: object = None  # a LoadedBrand: the organisation handing the brochure out, if any
    local: object = None  # a wages.LocalPay: the occupation's pay in the areas asked for, if any

    @property
    def education_words(self) -> str:
        return self.audience.education_words if self.audience else "term"


Builder = Callable[[Profile, SectionSpec, Context], tuple[Block, ...]]


CUT_LEAST = 2  # a list is cut by two items or more: "…and 1 more" would take the line the item takes


def limit(items: list, spec: SectionSpec) -> list:
    """The first `spec.max_items` items, when that leaves out CUT_LEAST or more; else all of them."""
    return items[: spec.max_items] if spec.max_items and len(items) - spec.max_items >= CUT_LEAST else items


def more_line(items: list, spec: SectionSpec) -> tuple[Block, ...]:
    """'…and 3 more in the full profile.' under a list `spec.max_items` cuts short (else nothing)."""
    left = len(items) - len(limit(items, spec))
    return (Paragraph(t("phrases.and_more", count=left), "note"),) if left > 0 else ()


def bullets(items: list[str], spec: SectionSpec) -> tuple[Block, ...]:
    items = [i for i in items if i]
    shown = limit(items, spec)
    return (Bullets(tuple(shown)),) + more_line(items, spec) if shown else ()


def labelled(pairs: list[tuple[str, str]], spec: SectionSpec) -> tuple[Block, ...]:
    pairs = [(k, " ".join(w.paragraphs(v))) for k, v in pairs if v]
    shown = limit(pairs, spec)
    if not shown:
        return ()
    return (Bullets(tuple(v for _, v in shown), tuple(k for k, _ in shown)),) + more_line(pairs, spec)


def paragraphs(text: Optional[str], role: str = "body", first_role: Optional[str] = None) -> list[Block]:
    """The source's paragraphs as separate blocks (the first may get its own role)."""
    parts = w.paragraphs(text)
    return [Paragraph(part, first_role if first_role and i == 0 else role) for i, part in enumerate(parts)]

"""What every section builder shares: the context it may look at, and the few ways the profile's
lists and texts become blocks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from generator.compose import wording as w
from generator.compose.model import Block, Bullets, ChartArt, Paragraph
from generator.compose.templates import AudienceSpec, SectionSpec
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


def limit(items: list, spec: SectionSpec) -> list:
    return items[: spec.max_items] if spec.max_items else items


def bullets(items: list[str], spec: SectionSpec) -> tuple[Block, ...]:
    items = limit([i for i in items if i], spec)
    return (Bullets(tuple(items)),) if items else ()


def labelled(pairs: list[tuple[str, str]], spec: SectionSpec) -> tuple[Block, ...]:
    pairs = limit([(k, " ".join(w.paragraphs(v))) for k, v in pairs if v], spec)
    if not pairs:
        return ()
    return (Bullets(tuple(v for _, v in pairs), tuple(k for k, _ in pairs)),)


def paragraphs(text: Optional[str], role: str = "body", first_role: Optional[str] = None) -> list[Block]:
    """The source's paragraphs as separate blocks (the first may get its own role)."""
    parts = w.paragraphs(text)
    return [Paragraph(part, first_role if first_role and i == 0 else role) for i, part in enumerate(parts)]

"""A career center's brand file: who hands the brochure out, how to reach them, what to do next.

YAML, typed and validated like a profile (FILE:LINE: field: message, exit 2); `career-brochure
schema --brand` prints its JSON Schema. Nothing here knows about PDF or Word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

from pydantic import AfterValidator, Field, field_validator

from generator.errors import ProfileError, printable
from generator.links import is_web_link
from generator.logo_check import raster_problem, svg_problem
from generator.profile.model import Model
from generator.profile.text import decode_bytes
from generator.profile.source import read_source
from generator.yaml_model import compose, node_line, parse_yaml_model

LOGO_KINDS = {".svg": "svg", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}
LOGO_WIDTH_IN = 1.3  # the logo's printed width in the contact block
MIN_PPI = 300


class BrandWarning(UserWarning):
    """Something a brand file's owner should fix; the build goes on."""


def _http(value: str) -> str:
    if not (value.lower().startswith(("http://", "https://")) and is_web_link(value)):
        raise ValueError(f"{value!r} is not an http(s) address")
    return value


HttpAddress = Annotated[str, AfterValidator(_http)]  # a web page; never javascript:, file: or the like


class BrandColour(Model):
    rgb: str = Field(description='"#RRGGBB"')
    cmyk: Optional[tuple[float, float, float, float]] = Field(
        None, description="Print values 0-1 (C, M, Y, K); derived from rgb, with a warning, when missing.")

    @field_validator("rgb")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            raise ValueError(f"{value!r} is not a colour like \"#1F5C4A\"")
        return value.upper()

    @field_validator("cmyk")
    @classmethod
    def _unit(cls, value):
        if value is not None and not all(0.0 <= v <= 1.0 for v in value):
            raise ValueError("each of C, M, Y, K is between 0 and 1")
        return value


class BrandColours(Model):
    primary: BrandColour = Field(description="Cover and headings; white text sits on it.")
    accent: Optional[BrandColour] = Field(None, description="Highlights: the big number, bullets, rules.")
    light: Optional[BrandColour] = Field(None, description="Tinted panels; body text sits on it.")


class Contact(Model):
    address: Optional[str] = None
    phone: Optional[str] = None
    email: Optional[str] = None
    website: Optional[HttpAddress] = None
    hours: Optional[str] = None

    @field_validator("email")
    @classmethod
    def _email(cls, value):
        # an address only: 'x@y.edu?bcc=…' would make a link that mails someone else too
        if value is not None and not re.fullmatch(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}",
                                                  value):
            raise ValueError(f"{value!r} is not an e-mail address")
        return value


class NextStep(Model):
    name: str
    where: Optional[str] = None
    length: Optional[str] = Field(None, description='How long it takes, e.g. "2 semesters".')
    link: Optional[HttpAddress] = None
    occupations: list[str] = Field([], description="The occupations this step leads to, as profiles title them "
                                                   "(a program for one career); none: it suits every brochure.")


class Brand(Model):
    """The organisation that hands the brochures out."""

    name: str = Field(description="The organisation's name, as it should print.")
    logo: Optional[str] = Field(None, description="SVG (kept vector), or PNG/JPEG of 300 ppi at 1.3 in wide; "
                                                  "a path relative to the brand file.")
    colours: Optional[BrandColours] = None
    contact: Optional[Contact] = None
    event: Optional[str] = Field(None, description='"Spring Career Fair · Booth 12 · April 9"')
    qr: Optional[HttpAddress] = Field(None, description="Where the QR code leads (their own page); http(s) only.")
    next_steps: list[NextStep] = Field(default_factory=list, max_length=8,
                                       description="Local training programs or next steps.")
    language: Optional[str] = Field(None, description='Default document language, e.g. "en-US".')
    area: list[str] = Field(default_factory=list, max_length=3,
                            description='The career center\'s own areas for local pay from BLS\'s wage tables '
                                        '(build --wages): BLS codes, names or a state\'s abbreviation, e.g. '
                                        '["CA", "Riverside-San Bernardino-Ontario, CA"]; --area overrides them.')
    translations: dict[str, dict] = Field(
        default_factory=dict,
        description="The brand's words in other languages, by language code (es: {name, event, contact: {address, "
                    "hours}, next_steps: [{name, where, length}]}): text only, in the brand's own shape; addresses, "
                    "phone, colours and logo stay the brand's.")

    @field_validator("area", mode="before")
    @classmethod
    def _one_or_more(cls, value):
        return [value] if isinstance(value, str) else value


# What a translation never changes: how to reach the organisation, its look, and the translations
UNTRANSLATED = frozenset({"email", "phone", "logo", "colours", "language", "translations", "area"})


@dataclass(frozen=True)
class Logo:
    """The logo file's bytes and what they are."""

    data: bytes
    kind: str  # svg, png or jpeg
    alt: str  # the organisation's name


@dataclass(frozen=True)
class LoadedBrand:
    brand: Brand
    logo: Optional[Logo]
    path: str
    translated: tuple = ()  # (language code, Brand) for each of the brand file's `translations`

    def in_language(self, code: str) -> "LoadedBrand":
        """The brand in language `code` (its translation merged in), else as written."""
        brand = dict(self.translated).get(code)
        if brand is None:
            return self
        logo = Logo(self.logo.data, self.logo.kind, brand.name) if self.logo else None
        return LoadedBrand(brand, logo, self.path)


def brand_schema() -> dict:
    return Brand.model_json_schema()


def load_brand(path: Path | str) -> tuple[LoadedBrand, list[str]]:
    """A brand file: (brand, warnings), or ProfileError with one line per problem."""
    path = Path(path)
    raw = read_source(path, lambda message: ProfileError([message]))
    text = decode_bytes(raw, printable(path))
    brand, problems, notes = parse_yaml_model(text, printable(path), Brand, BrandWarning)
    if problems:
        raise ProfileError(problems)
    translated = tuple((code, _translation(brand, code, text, printable(path))) for code in sorted(brand.translations))
    logo = None
    if brand.logo:
        logo, logo_notes = _read_logo(path, brand, text)
        notes += logo_notes
    return LoadedBrand(brand, logo, str(path), translated), notes


def _translation(brand: Brand, code: str, text: str, name: str) -> Brand:
    """The brand with its `translations: CODE:` words in place (checked like a profile's twin)."""
    from generator.translated import translated

    root = compose(text)
    return translated(brand.model_dump(exclude={"translations"}), brand.translations[code], Brand, UNTRANSLATED,
                      root, name, ("translations", code))


def _line(text: str, *where) -> str:
    root = compose(text)
    line = node_line(root, where)
    return f":{line}" if line else ""


def _read_logo(path: Path, brand: Brand, text: str) -> tuple[Logo, list[str]]:
    where = f"{path}{_line(text, 'logo')}: logo"
    file = (path.parent / brand.logo).resolve()
    kind = LOGO_KINDS.get(file.suffix.lower())
    if kind is None:
        raise ProfileError([f"{where}: {brand.logo!r} is not an SVG, PNG or JPEG file"])
    if not file.is_file():
        raise ProfileError([f"{where}: file not found: {brand.logo}"])
    data = read_source(file, lambda message: ProfileError([f"{where}: {message}"]))
    notes = []
    if kind == "svg":
        problem = svg_problem(data)
        if problem:
            raise ProfileError([f"{where}: {printable(brand.logo)}: {problem}"])
    else:
        problem, size = raster_problem(data, kind)
        if problem:
            raise ProfileError([f"{where}: {printable(brand.logo)}: {problem}"])
        ppi = size / LOGO_WIDTH_IN
        if ppi < MIN_PPI:
            notes.append(f"{where}: warning: {size} px wide is {ppi:.0f} ppi at its printed width of "
                         f"{LOGO_WIDTH_IN} in (print needs {MIN_PPI}); it will look soft. An SVG logo stays sharp.")
    return Logo(data, kind, brand.name), notes




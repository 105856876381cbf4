"""Layouts, audiences and styles: validated data files in templates/."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from generator import i18n
from generator.errors import TemplateError
from generator.resources import bundled
from generator.yaml_model import parse_yaml_model, problems_of, read_yaml_mapping

TEMPLATES_DIR = bundled("templates")
_UNITS = {"pt": 1.0, "in": 72.0, "mm": 72.0 / 25.4, "cm": 72.0 / 2.54}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(pt|in|mm|cm)?\s*$")


def to_points(value: str | float) -> float:
    """'0.3in' -> 21.6; '3mm' -> 8.50; plain numbers are points."""
    if isinstance(value, (int, float)):
        return float(value)
    match = _LENGTH.match(value)
    if not match:
        raise ValueError(f"not a length: {value!r} (use e.g. 0.3in, 3mm or 12pt)")
    return float(match.group(1)) * _UNITS[match.group(2) or "pt"]


# Every colour role the writers paint with (render/pdf_styles.py inks, panel backgrounds).
COLOUR_ROLES = {"primary", "primary_light", "accent", "accent_text", "tint", "text", "muted", "rule", "white"}
PAPERS = ("letter", "a4")


class Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Length = float  # points, after to_points()


# The sections compose.cover makes, which a layout's cover panels may name in `accepts`.
COVER_SECTIONS = ("brand_mark", "cover", "hook", "event", "big_number", "key_facts")


class ColumnSpec(Spec):
    panel: str
    role: Literal["cover", "flow", "back"]
    narrow: bool = False
    share: float = Field(1.0, gt=0, description="Width relative to the row's other columns.")
    background: Literal["none", "primary", "tint"] = "none"
    accepts: list[str] = Field([], description="Only these section ids go here (cover panels).")
    padding_y: Optional[Length] = Field(None, description="Top/bottom margin of a strip (>= 0.25in at the trim).")
    view: Optional[str] = Field(None, description="Panels a reader sees at once share a view (default: the page); "
                                                  "a numbered step list stays in one view.")

    @field_validator("padding_y", mode="before")
    @classmethod
    def _pad(cls, value):
        return None if value is None else to_points(value)

    @field_validator("accepts")
    @classmethod
    def _known_sections(cls, value: list[str]) -> list[str]:
        unknown = [v for v in value if v not in COVER_SECTIONS]
        if unknown:
            raise ValueError(f"unknown cover section {unknown[0]!r} (known: {', '.join(COVER_SECTIONS)})")
        return value


class RowSpec(Spec):
    height: Optional[Length] = Field(None, description="Row height; the one row without it takes the rest.")
    fit: bool = Field(False, description="Size the row to what its content needs (at most `max_height`).")
    max_height: Optional[Length] = Field(None, description="The most a `fit` row may take (default: its height).")
    columns: list[ColumnSpec] = Field(..., min_length=1)

    @field_validator("height", "max_height", mode="before")
    @classmethod
    def _height(cls, value):
        return None if value is None else to_points(value)


class PageSpec(Spec):
    rows: list[RowSpec] = Field(..., min_length=1)


class TypeScaleSpec(Spec):
    title: float = Field(..., gt=0)
    hook: float = Field(..., gt=0)
    big_number: float = Field(..., gt=0)
    fact_value: float = Field(..., gt=0)
    heading: float = Field(..., gt=0)
    subheading: float = Field(..., gt=0)
    body: float = Field(..., ge=8)
    caption: float = Field(..., ge=6)
    link: float = Field(..., ge=8.5, description="Contact lines, e-mail and web addresses (never under 8.5 pt).")
    leading: float = Field(..., ge=1.0, le=2.0)


class LayoutSpec(Spec):
    """A layout: paper sizes, pages of rows of panel columns, type scale."""

    name: str
    description: str
    paper: dict[Literal["letter", "a4"], tuple[Length, Length]]
    bleed: dict[Literal["letter", "a4"], Length]
    padding: Length
    narrow_by: Length = 0.0
    docx_columns: int = Field(1, ge=1, le=3)
    folded: bool = Field(False, description="Every panel is parted from the next by a fold: a paragraph "
                                            "never goes on from one panel to the next.")
    pages: list[PageSpec] = Field(..., min_length=1)
    reading_order: list[str]
    type_scale: TypeScaleSpec
    page_numbers: list[int] = Field([], description="Pages (from 1) that print their number at the foot's outer corner.")

    @field_validator("paper", mode="before")
    @classmethod
    def _paper(cls, value):
        return {k: tuple(to_points(x) for x in v) for k, v in value.items()} if isinstance(value, dict) else value

    @field_validator("bleed", mode="before")
    @classmethod
    def _bleed(cls, value):
        return {k: to_points(v) for k, v in value.items()} if isinstance(value, dict) else value

    @field_validator("padding", "narrow_by", mode="before")
    @classmethod
    def _len(cls, value):
        return to_points(value)

    def fitted_rows(self) -> list[list[str]]:
        """The panels of each row that shrinks to its content (a closing band's columns), left to right."""
        return [[c.panel for c in r.columns] for p in self.pages for r in p.rows if r.fit]

    @field_validator("paper", "bleed", mode="after")
    @classmethod
    def _every_paper(cls, value):
        missing = [p for p in PAPERS if p not in value]
        if missing:
            raise ValueError(f"missing paper size(s): {', '.join(missing)} (every layout builds on letter and a4)")
        return value

    @model_validator(mode="after")
    def _panels_in_order(self) -> "LayoutSpec":
        names = [c.panel for p in self.pages for r in p.rows for c in r.columns]
        if len(set(names)) != len(names):
            raise ValueError("a panel name is used twice")
        if sorted(names) != sorted(self.reading_order):
            raise ValueError(f"reading_order must list each panel once: {', '.join(names)}")
        wrong = [n for n in self.page_numbers if not 1 <= n <= len(self.pages)]
        if wrong:
            raise ValueError(f"page_numbers: page {wrong[0]} is not one of the layout's {len(self.pages)} pages")
        return self


StepKind = Literal["high_school", "education", "postsecondary", "routes", "certification", "first_job",
                   "experience", "advancement"]


class StepSpec(Spec):
    """One step of a pathway: what it is made of, and its title for this reader."""

    kind: StepKind
    title: str
    whole: bool = Field(False, description="The whole text of the profile's field, not its first sentence.")


class SectionSpec(Spec):
    """One section of an audience: which builder, its heading, how essential."""

    id: str
    heading: str
    priority: int = Field(1, ge=1, le=9, description="1 is never dropped; higher drops first.")
    essential: Literal["no", "always", "without_brand"] = Field(
        "no", description="Part of the call to action, never dropped (as priority 1): always, or when no brand "
                          "hands the brochure out (help that a brand's own contact and next steps replace).")
    intro: Optional[str] = Field(None, description="A framing line; {count} / {Count} is the number of items, in words.")
    max_items: Optional[int] = Field(None, ge=1, description="A list two or more items longer than this is cut "
                                                           "to it, with '…and N more in the full profile'.")
    fit_items: Optional[int] = Field(None, ge=1, description="Before the section is left out to fit, its lists "
                                                           "may be cut to this many items (with '…and N more').")
    steps: list[StepSpec] = Field([], description="The pathway's steps, in order (section id 'pathway').")
    text: Optional[str] = Field(None, description="Fixed text of a section that does not come from the profile.")
    link: Optional[str] = Field(None, pattern=r"^https://", description="A web address printed as a link under `text`.")
    figures: list[Literal["median", "middle_half", "jobs"]] = Field(
        ["median"], description="What local pay (section id 'local_pay') prints of each area, from BLS's tables.")


class BigNumberSpec(Spec):
    fact: Literal["median_annual", "median_hourly"]
    label: str


class CoverSpec(Spec):
    big_number: BigNumberSpec
    facts: list[Literal["growth", "openings", "education", "median_hourly", "experience", "jobs"]] = []


GrowthId = Literal["much_faster", "faster", "average", "slower", "little_change", "decline"]


class AudienceSpec(Spec):
    """An audience: the reader, default layout, cover, sections in order."""

    name: str
    reader: str = Field(..., description="Who reads it, in the language being built ('students', 'estudiantes').")
    description: str
    default_layout: str
    type_factor: float = Field(1.0, ge=0.8, le=1.3)
    hook: str = Field(..., description="The cover line (used when no growth-specific hook applies).")
    hooks: dict[GrowthId, str] = Field({}, description="Cover lines by job-outlook category (templates/wording/growth.yaml).")
    hook_unsourced: Optional[str] = Field(None, description="The cover line for a profile that names no source, "
                                                             "where `hook` speaks of sources.")
    education_words: Literal["term", "plain", "both"] = Field(
        "term", description="BLS education terms as written, in plain words, or both (templates/wording/education.yaml).")
    cover: CoverSpec
    sections: list[SectionSpec]
    back: list[SectionSpec] = []
    filler: Optional[SectionSpec] = Field(None, description="Ruled lines for a flow panel a short profile leaves blank.")
    says_left_out: bool = Field(False, description="Sections left out to fit are named on the page, under "
                                                     "the sources (which have the whole profile).")


class GrowthCategory(Spec):
    id: GrowthId
    labels: list[str]
    min_percent: float


class GrowthTable(Spec):
    """BLS job-outlook categories: label words and the growth that reaches each."""

    categories: list[GrowthCategory] = Field(..., min_length=1)


class EducationCategory(Spec):
    """A category by its id; its printed words are the language catalogue's (education.<id>)."""

    id: str
    term: str = Field(..., description="The BLS term as it appears in English profiles.")
    also: list[str] = Field([], description="Other ways profiles write it, in any language.")


class EducationTable(Spec):
    """BLS entry-level education categories in plain words."""

    categories: list[EducationCategory] = Field(..., min_length=1)


class ColourSpec(Spec):
    rgb: str = Field(..., pattern=r"^#[0-9A-Fa-f]{6}$")
    cmyk: tuple[float, float, float, float]


class FontsSpec(Spec):
    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    heavy: str
    fallback: str
    fallback_bold: str
    # Chinese, Japanese, Korean: TrueType faces from the system when installed (e.g. Debian's
    # fonts-droid-fallback, fonts-nanum); each one found is tried in this order
    fallback_wide: list[str] = []


class SpacingSpec(Spec):
    before_heading: float
    after_heading: float
    after_block: float


class StyleSpec(Spec):
    fonts: FontsSpec
    colours: dict[str, ColourSpec]
    spacing: SpacingSpec
    title_factor: float = Field(1.0, gt=0.3, le=1.5, description="Cover title size relative to the scale.")

    @field_validator("colours")
    @classmethod
    def _needed(cls, colours):
        missing = COLOUR_ROLES - set(colours)
        if missing:
            raise ValueError(f"missing colours: {', '.join(sorted(missing))}")
        return colours


def _template_path(kind: str, name: str) -> Path:
    path = TEMPLATES_DIR / kind / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(names(kind)) or "none"
        raise TemplateError(f"unknown {kind[:-1]} {name!r} (known: {known})")
    return path


def _load(kind: str, name: str, model):
    path = _template_path(kind, name)
    spec, problems, _ = parse_yaml_model(path.read_text(encoding="utf-8"), str(path), model)
    if problems:
        raise TemplateError("\n".join(problems))
    return spec


def names(kind: str) -> list[str]:
    """Names of the templates of one kind ('layouts', 'audiences', 'styles')."""
    return sorted(p.stem for p in (TEMPLATES_DIR / kind).glob("*.yaml"))


@lru_cache(maxsize=None)
def load_layout(name: str) -> LayoutSpec:
    return _load("layouts", name, LayoutSpec)


def load_audience(name: str, lang: Optional[str] = None) -> AudienceSpec:
    """An audience with its words in `lang` (default: the language being built, see generator.i18n)."""
    return _audience(name, lang or i18n.active().code)


@lru_cache(maxsize=None)
def _audience(name: str, lang: str) -> AudienceSpec:
    path = _template_path("audiences", name)
    catalogue = i18n.load(lang)
    raw, root, problems = read_yaml_mapping(path.read_text(encoding="utf-8"), str(path))
    if problems:
        raise TemplateError("\n".join(problems))
    try:  # the file's structure with the catalogue's words, checked against the file's own lines
        return AudienceSpec.model_validate(_worded(raw, catalogue, f"audiences.{name}", path))
    except ValidationError as exc:
        raise TemplateError("\n".join(problems_of(exc, root, f"{path} ({lang})"))) from None


_SECTION_WORDS = ("heading", "intro", "text", "link")


def _worded(raw: dict, catalogue: "i18n.Catalogue", key: str, path: Path) -> dict:
    """An audience file's structure with the catalogue's words for it: description, cover lines,
    the big number's label, and each section's heading, intro, fixed text, link and step titles."""
    words = catalogue.get(key)
    worded = {**raw, "reader": words["reader"], "description": words["description"], "hook": words["hook"],
              "hooks": dict(words.get("hooks") or {}), "hook_unsourced": words.get("hook_unsourced")}
    cover = dict(raw.get("cover") or {})
    cover["big_number"] = {**cover.get("big_number", {}), "label": words["big_number"]}
    worded["cover"] = cover

    def section(spec: dict, where: str) -> dict:
        words_key = f"{key}.{where}" if where == "filler" else f"{key}.{where}.{spec.get('id')}"
        if not catalogue.has(words_key):
            raise TemplateError(f"{path}: {where}: section {spec.get('id')!r} has no words in "
                                f"templates/lang/{catalogue.code}.yaml ({words_key}); check the id")
        found = catalogue.get(words_key)
        out = {**spec, **{k: found[k] for k in _SECTION_WORDS if k in found}}
        if spec.get("steps"):
            out["steps"] = [{**step, "title": catalogue.text(f"{words_key}.steps.{step['kind']}")}
                            for step in spec["steps"]]
        return out

    worded["sections"] = [section(s, "sections") for s in raw.get("sections") or []]
    worded["back"] = [section(s, "back") for s in raw.get("back") or []]
    if raw.get("filler"):
        worded["filler"] = section(raw["filler"], "filler")
    return worded


@lru_cache(maxsize=None)
def load_style(name: str = "default") -> StyleSpec:
    return _load("styles", name, StyleSpec)


@lru_cache(maxsize=None)
def load_growth_table() -> GrowthTable:
    return _load("wording", "growth", GrowthTable)


@lru_cache(maxsize=None)
def load_education_table() -> EducationTable:
    return _load("wording", "education", EducationTable)


SYSTEM_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
                    Path("/Library/Fonts"), Path("C:/Windows/Fonts"))


def optional_fonts(filenames: list[str]) -> tuple[str, ...]:
    """Each of `filenames` found in templates/fonts or a system font folder (those missing are left out)."""
    found: list[str] = []
    for name in filenames:
        local = TEMPLATES_DIR / "fonts" / name
        if local.is_file():
            found.append(str(local))
            continue
        for folder in SYSTEM_FONT_DIRS:
            match = next(iter(folder.rglob(name)), None) if folder.is_dir() else None
            if match:
                found.append(str(match))
                break
    return tuple(found)


@lru_cache(maxsize=None)
def _matplotlib_data() -> Path:
    """Matplotlib's mpl-data folder, found without importing Matplotlib (0.2 s a build that may
    not draw a chart would pay)."""
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    folder = Path(next(iter(spec.submodule_search_locations))) / "mpl-data" if spec else None
    if folder is None or not folder.is_dir():
        import matplotlib

        folder = Path(matplotlib.get_data_path())
    return folder


def font_path(filename: str) -> str:
    """A font file from templates/fonts, else from Matplotlib's bundled fonts."""
    local = TEMPLATES_DIR / "fonts" / filename
    if local.is_file():
        return str(local)
    bundled = _matplotlib_data() / "fonts" / "ttf" / filename
    if bundled.is_file():
        return str(bundled)
    raise TemplateError(f"font file not found: {filename} (looked in {local.parent})")

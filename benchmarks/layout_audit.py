"""Layout audit: the designer's rules measured over many profiles, branded and not.

    python benchmarks/layout_audit.py            # every fixture profile, the seed cut and whole
    python benchmarks/layout_audit.py --brand    # ... and each with the example brand too

Prints, per layout: the body sizes used (and how many brochures shrank type), how many left
sections out, the emptiest column of a brochure that left something out, and counts of rule
breaks (notes lines beside left-out content, call to action left out, paragraphs over a fold or a
sheet side or mid-sentence, step lists over two views). Composes only (no PDF is written).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.brand import load_brand  # noqa: E402
from generator.pipeline import branded_style  # noqa: E402
from generator.charts import render_charts  # noqa: E402
from generator.compose import compose, draft  # noqa: E402
from generator.compose.fitting import content_height  # noqa: E402
from generator.compose.model import Paragraph, Steps, WritingLines  # noqa: E402
from generator.compose.templates import TEMPLATES_DIR, load_audience, load_layout  # noqa: E402
from generator.profile.importer import import_file, import_text  # noqa: E402
from generator.profile.yaml_io import load_profile  # noqa: E402
from generator.render import measure  # noqa: E402

FIX = ROOT / "tests" / "fixtures"
SEED = FIX / "import" / "seed-medical-records-specialists.txt"
ENDS = (".", "!", "?", ":", "。", ".”", '."', ".)")


def profiles():
    yield "bundled", load_profile(ROOT / "data" / "medical-records-specialists.yaml")[0]
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for share in (1 / 3, 1 / 2, 2 / 3):
        yield f"seed-cut-{round(share * 100)}", import_text("\n".join(lines[:int(len(lines) * share)]), "cut")[0]
    for path in sorted((FIX / "profiles").glob("*.txt")) + sorted((FIX / "by-others").glob("*.txt")):
        yield path.stem, import_file(path)[0]


def blocks(panel):
    return [b for s in panel.sections for b in s.blocks]


def before(brochure, index):
    panels = [p for p in brochure.panels[:index] if p.role == brochure.panels[index].role and p.sections]
    return panels[-1] if panels else None


def audit(brochure, spec, brand, drafted) -> dict:
    found = defaultdict(int)
    lines = any(isinstance(b, WritingLines) for p in brochure.panels for b in blocks(p))
    found["notes lines beside left-out content"] += bool(brochure.dropped and lines)
    ids = {s.section_id for sections in drafted.by_role.values() for s in sections}
    essential = {s.id for s in [*spec.sections, *spec.back]
                 if s.essential == "always" or (s.essential == "without_brand" and brand is None)}
    found["call to action left out"] += bool(((essential | {"contact", "sources"}) & ids) - brochure.kept)
    for index, panel in enumerate(brochure.panels):
        body = [b for b in blocks(panel) if not (isinstance(b, Paragraph) and b.role == "continued")]
        if body and isinstance(body[0], Paragraph) and body[0].continued:
            prior = before(brochure, index)
            found["paragraph over a fold or side"] += prior.page != panel.page or panel.folded
            text = [b for b in blocks(prior) if isinstance(b, Paragraph)][-1].text.rstrip()
            found["paragraph mid-sentence between columns"] += not text.endswith(ENDS)
        steps = next((b for b in blocks(panel) if isinstance(b, Steps)), None)
        if steps is not None and steps.start > 1:
            found["step list over two views"] += before(brochure, index).view != panel.view
    return found


def emptiest(brochure) -> float:
    shares = [1 - content_height(p, measure, brochure.style) / p.text_height
              for p in brochure.panels if p.role != "cover" and p.sections]
    return max(shares, default=0.0)


def main(with_brand: bool) -> None:
    brands = [None] + ([load_brand(TEMPLATES_DIR / "brands" / "riverside.yaml")[0]] if with_brand else [])
    sizes, shrunk, dropped, empty, breaks, count = (defaultdict(set), defaultdict(int), defaultdict(int),
                                                    defaultdict(float), defaultdict(lambda: defaultdict(int)),
                                                    defaultdict(int))
    start = time.perf_counter()
    for name, profile in profiles():
        for brand in brands:
            style = branded_style(brand)[0]
            charts = render_charts(profile, style)
            for audience in ("students", "job-seekers", "counselors"):
                spec = load_audience(audience)
                layout = load_layout(spec.default_layout)
                brochure = compose(profile, name, spec, layout, "letter", style, charts, measure, brand)
                count[layout.name] += 1
                sizes[layout.name].add(round(brochure.style.type.body, 2))
                shrunk[layout.name] += brochure.scale < 1.0
                dropped[layout.name] += bool(brochure.dropped)
                if brochure.dropped:
                    empty[layout.name] = max(empty[layout.name], emptiest(brochure))
                for rule, n in audit(brochure, spec, brand, draft(profile, spec, charts, brand)).items():
                    breaks[layout.name][rule] += n
    print(f"{sum(count.values())} brochures in {time.perf_counter() - start:.1f} s")
    for layout in sorted(count):
        print(f"{layout}: {count[layout]} brochures; body {sorted(sizes[layout])} pt "
              f"({shrunk[layout]} shrank); {dropped[layout]} left sections out, their emptiest column "
              f"{empty[layout]:.0%} empty")
        for rule in ("notes lines beside left-out content", "call to action left out",
                     "paragraph over a fold or side", "paragraph mid-sentence between columns",
                     "step list over two views"):
            print(f"    {rule}: {breaks[layout][rule]}")


if __name__ == "__main__":
    main("--brand" in sys.argv[1:])

"""The peer for the speed benchmark: the same students tri-fold made the WeasyPrint way (HTML with
inline Matplotlib SVG charts, laid out by CSS), timed as a whole process like ours.

    python benchmarks/weasyprint_peer.py export PROFILE OUT.json   # our brochure's content (untimed)
    python benchmarks/weasyprint_peer.py render IN.json OUT.pdf    # the peer (timed by bench.py)

`export` runs with this project installed: it composes the students tri-fold and writes its
panels (place, size, colour) and their blocks as plain data, with the numbers behind the two
charts. `render` imports only WeasyPrint, Matplotlib and the standard library: it draws both
charts as SVG with Matplotlib, writes one HTML page per side with each panel an absolutely placed
box in the brochure's type sizes and Lato, and has WeasyPrint write the PDF. The peer is given
what our fitting decided (which sections, which panel, what size) and does no fitting of its own,
so the comparison favours it. bench.py runs `render` in a virtual environment of its own
(`pip install weasyprint matplotlib`; Debian's pango), since WeasyPrint is no dependency of ours.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def export(profile_path: str, out: str) -> None:
    """The students tri-fold of a profile as plain data (our package, untimed)."""
    sys.path.insert(0, str(ROOT))
    from dataclasses import asdict, is_dataclass

    from generator.gather import read_profile
    from generator.charts import render_charts
    from generator.compose import compose
    from generator.compose.templates import load_audience, load_layout, load_style
    from generator.render import measure

    profile, _ = read_profile(Path(profile_path))
    style = load_style()
    audience = load_audience("students")
    brochure = compose(profile, "peer", audience, load_layout(audience.default_layout), "letter", style,
                       render_charts(profile, style, ("vector",)), measure)

    def block_data(block) -> dict:
        kind = type(block).__name__
        if kind == "Chart":
            return {"kind": kind, "chart": block.art.chart_id, "caption": block.caption, "alt": block.art.alt_text}
        if kind == "Logo":
            return {"kind": kind}
        return {"kind": kind, **{k: v for k, v in asdict(block).items()}} if is_dataclass(block) else {"kind": kind}

    levels = [(lv.name, float(lv.salary.min), float(lv.salary.max)) for lv in profile.levels
              if lv.salary and lv.salary.min is not None and lv.salary.max is not None]
    industries = [(i.industry, float(i.pay)) for i in (profile.regional.top_paying_industries if profile.regional else [])]
    data = {
        "page": [brochure.page_width, brochure.page_height], "pages": brochure.page_count,
        "type": asdict(brochure.style.type), "colours": {k: v.rgb for k, v in brochure.style.colours.items()},
        "fonts": str(ROOT / "templates" / "fonts"),
        "charts": {"salary_by_level": levels, "industry_pay": industries},
        "panels": [{"page": p.page, "x": p.x, "y": p.y, "width": p.width, "height": p.height,
                    "padding": p.padding, "pad_y": p.pad_y, "background": p.background,
                    "blocks": [block_data(b) for s in p.sections for b in s.blocks]} for p in brochure.panels],
    }
    Path(out).write_text(json.dumps(data, default=str), encoding="utf-8")


def _chart_svg(kind: str, rows: list, colours: dict, fonts: str) -> str:
    """A horizontal bar chart as inline SVG (Matplotlib, text kept as text, in Lato)."""
    import io

    import matplotlib

    matplotlib.use("svg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    for face in sorted(Path(fonts).glob("Lato-*.ttf")):
        font_manager.fontManager.addfont(str(face))
    matplotlib.rcParams.update({"svg.fonttype": "none", "font.family": "Lato", "font.size": 7.5})
    figure = Figure(figsize=(3.1, 0.45 + 0.36 * len(rows)))
    axes = figure.add_axes((0.38, 0.18, 0.58, 0.78))
    names = [row[0] for row in rows]
    if kind == "salary_by_level":
        axes.barh(names, [r[2] - r[1] for r in rows], left=[r[1] for r in rows], color=colours["primary"])
        labels = [f"${r[1]:,.0f}–${r[2]:,.0f}" for r in rows]
        ends = [r[2] for r in rows]
    else:
        axes.barh(names, [r[1] for r in rows], color=colours["primary"])
        labels = [f"${r[1]:,.0f}" for r in rows]
        ends = [r[1] for r in rows]
    for y, (end, label) in enumerate(zip(ends, labels)):
        axes.annotate(label, (end, y), xytext=(3, 0), textcoords="offset points", va="center")
    axes.invert_yaxis()
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _escape(text: str) -> str:
    from html import escape

    return escape(str(text))


def _block_html(block: dict, charts: dict, colours: dict, fonts: str) -> str:
    kind = block["kind"]
    if kind == "Heading":
        level = min(block["level"] + 1, 3)
        return f"<h{level}>{_escape(block['text'])}</h{level}>"
    if kind == "Paragraph":
        return f'<p class="{block["role"]}">{_escape(block["text"])}</p>'
    if kind == "Bullets":
        labels = block["labels"] or [""] * len(block["items"])
        return "<ul>" + "".join(f"<li>{'<b>' + _escape(l) + ':</b> ' if l else ''}{_escape(i)}</li>"
                                for l, i in zip(labels, block["items"])) + "</ul>"
    if kind == "Steps":
        return f'<ol start="{block["start"]}">' + "".join(
            f"<li><b>{_escape(s['title'])}</b><br>{_escape(s['text'])}</li>" for s in block["steps"]) + "</ol>"
    if kind == "BigNumber":
        return f'<div class="big">{_escape(block["fact"]["value"])}</div><p>{_escape(block["fact"]["label"])}</p>'
    if kind == "KeyFacts":
        return '<dl class="facts">' + "".join(f"<dt>{_escape(f['value'])}</dt><dd>{_escape(f['label'])}</dd>"
                                              for f in block["facts"]) + "</dl>"
    if kind == "Chart":
        rows = charts.get(block["chart"]) or []
        svg = _chart_svg(block["chart"], rows, colours, fonts) if rows else ""
        return f'<figure role="img" aria-label="{_escape(block["alt"])}">{svg}<figcaption>{_escape(block["caption"])}' \
               f"</figcaption></figure>"
    if kind == "Table":
        head = "".join(f"<th>{_escape(h)}</th>" for h in block["header"])
        rows = "".join("<tr>" + "".join(f"<td>{_escape(c)}</td>" for c in row) + "</tr>" for row in block["rows"])
        return f"<table><tr>{head}</tr>{rows}</table>"
    if kind in ("Link", "QRCode"):
        return f'<p class="caption"><a href="{_escape(block["url"])}">{_escape(block.get("text") or block["url"])}</a></p>'
    if kind == "WritingLines":
        return '<div class="lines"></div>'
    return ""


def render(data_path: str, out: str) -> None:
    """The peer: charts, HTML and CSS, WeasyPrint (only these, in this process)."""
    from weasyprint import HTML

    data = json.loads(Path(data_path).read_text(encoding="utf-8"))
    t, colours, fonts = data["type"], data["colours"], data["fonts"]
    width, height = data["page"]
    faces = "".join(f'@font-face {{ font-family: Lato; src: url("file://{fonts}/Lato-{name}.ttf"); '
                    f"font-weight: {weight}; font-style: {style}; }}"
                    for name, weight, style in (("Regular", 400, "normal"), ("Bold", 700, "normal"),
                                                ("Italic", 400, "italic"), ("Black", 900, "normal")))
    css = f"""{faces}
@page {{ size: {width}pt {height}pt; margin: 0; }}
body {{ margin: 0; font-family: Lato; font-size: {t['body']}pt; line-height: {t['leading']}; color: {colours['text']}; }}
.page {{ position: relative; width: {width}pt; height: {height}pt; page-break-after: always; overflow: hidden; }}
.panel {{ position: absolute; box-sizing: border-box; overflow: hidden; }}
.primary {{ background: {colours['primary']}; color: white; }}
h1 {{ font-size: {t['title']}pt; font-weight: 900; margin: 0 0 6pt; line-height: 1.06; }}
h2 {{ font-size: {t['heading']}pt; font-weight: 900; color: {colours['primary']}; margin: 8pt 0 3pt; }}
h3 {{ font-size: {t['subheading']}pt; font-weight: 700; margin: 6pt 0 2pt; }}
p {{ margin: 0 0 4pt; }} .caption {{ font-size: {t['caption']}pt; color: {colours['muted']}; }}
.intro {{ font-style: italic; }} .hook {{ font-size: {t['hook']}pt; }}
ul, ol {{ margin: 0 0 4pt; padding-left: 1.1em; }} li {{ margin-bottom: 2pt; }}
.big {{ font-size: {t['big_number']}pt; font-weight: 900; line-height: 1.05; }}
dl.facts dt {{ font-size: {t['fact_value']}pt; font-weight: 900; }} dl.facts dd {{ margin: 0 0 4pt; }}
figure {{ margin: 0 0 4pt; }} figure svg {{ width: 100%; height: auto; }}
table {{ border-collapse: collapse; width: 100%; font-size: {t['body'] * 0.92}pt; }}
td, th {{ border-bottom: 0.5pt solid {colours['rule']}; padding: 2pt 3pt; text-align: left; }}
.lines {{ height: 60pt; background: repeating-linear-gradient(transparent 0 17pt, {colours['rule']} 17pt 17.6pt); }}
"""
    pages = []
    for page in range(data["pages"]):
        boxes = []
        for panel in (p for p in data["panels"] if p["page"] == page):
            top = height - panel["y"] - panel["height"]
            body = "".join(_block_html(b, data["charts"], colours, fonts) for b in panel["blocks"])
            boxes.append(f'<div class="panel {"primary" if panel["background"] == "primary" else ""}" style="'
                         f'left:{panel["x"]}pt; top:{top}pt; width:{panel["width"]}pt; height:{panel["height"]}pt; '
                         f'padding:{panel["pad_y"]}pt {panel["padding"]}pt">{body}</div>')
        pages.append(f'<div class="page">{"".join(boxes)}</div>')
    html = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Peer</title><style>{css}</style>' \
           f'</head><body>{"".join(pages)}</body></html>'
    HTML(string=html, base_url=str(Path(data_path).parent)).write_pdf(out, pdf_variant="pdf/ua-1")


if __name__ == "__main__":
    command, source, target = sys.argv[1:4]
    {"export": export, "render": render}[command](source, target)

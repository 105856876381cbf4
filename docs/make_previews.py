"""Regenerate the README's preview images from the default brochures.

Run: python docs/make_previews.py   (needs pdftoppm from poppler-utils; the Word-beside-print
pair also needs LibreOffice's soffice)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.build import BuildOptions, build  # noqa: E402

DPI = "60"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = build([], BuildOptions(output=Path(tmp)))
        for pdf in sorted(p for p in result.written if p.suffix == ".pdf"):
            prefix = ROOT / "docs" / pdf.stem
            subprocess.run(["pdftoppm", "-r", DPI, "-png", str(pdf), str(prefix)], check=True)
            print(f"docs/{pdf.stem}-*.png")
        if shutil.which("soffice"):
            word_beside_print(Path(tmp), next(p for p in result.written if p.name == "job-seekers-flyer.docx"))
        branded = build([], BuildOptions(audiences=("students",), formats=("pdf",), output=Path(tmp) / "brand",
                                         brand=ROOT / "templates" / "brands" / "riverside.yaml"))
        pdf = branded.written[0]
        subprocess.run(["pdftoppm", "-r", DPI, "-png", str(pdf), str(ROOT / "docs" / "branded-students-trifold")],
                       check=True)
        print("docs/branded-students-trifold-*.png")
        spanish = build([], BuildOptions(audiences=("students",), formats=("pdf",), output=Path(tmp) / "es",
                                         languages=("es",)))
        pdf = spanish.written[0]
        subprocess.run(["pdftoppm", "-r", DPI, "-png", str(pdf), str(ROOT / "docs" / pdf.stem)], check=True)
        print(f"docs/{pdf.stem}-*.png")
        local_pay(Path(tmp) / "local")


def local_pay(tmp: Path) -> None:
    """The job seekers' flyer's back with BLS's figures for California and Riverside (the test tables)."""
    oews = ROOT / "tests" / "fixtures" / "oews"
    options = BuildOptions(audiences=("job-seekers",), formats=("pdf",), output=tmp,
                           wages=tuple(oews / f"{name}_M2025_dl.xlsx" for name in ("state", "MSA", "national")),
                           areas=("CA", "Riverside-San Bernardino-Ontario, CA"))
    pdf = build([], options).written[0]
    subprocess.run(["pdftoppm", "-r", DPI, "-f", "2", "-l", "2", "-png", str(pdf),
                    str(ROOT / "docs" / "local-pay-job-seekers-flyer")], check=True)
    print("docs/local-pay-job-seekers-flyer-2.png")


def word_beside_print(tmp: Path, docx: Path) -> None:
    """The Word edition (converted by LibreOffice) beside the PDF, first page of each."""
    from PIL import Image

    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp / "word"), str(docx)],
                   check=True, capture_output=True, timeout=180)
    pages = []
    for name, pdf in (("word", tmp / "word" / "job-seekers-flyer.pdf"), ("print", docx.with_suffix(".pdf"))):
        subprocess.run(["pdftoppm", "-r", "45", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp / name)], check=True)
        pages.append(Image.open(next(tmp.glob(f"{name}-*.png"))))
    pair = Image.new("RGB", (sum(p.width for p in pages) + 16, max(p.height for p in pages)), "#888888")
    pair.paste(pages[0], (0, 0))
    pair.paste(pages[1], (pages[0].width + 16, 0))
    pair.save(ROOT / "docs" / "job-seekers-flyer-word-beside-print.png")
    print("docs/job-seekers-flyer-word-beside-print.png")


if __name__ == "__main__":
    main()

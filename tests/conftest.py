"""Shared fixtures: the bundled profile, its charts, built brochures."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.gather import DEFAULT_PROFILE

ROOT = Path(__file__).resolve().parents[1]

# Every build in the tests (and the tool runs they start) draws its charts: a chart cache left by
# an earlier run would hide what a test counts. tests/test_chart_cache.py turns it on where it tests it.
os.environ["CAREER_BROCHURE_CACHE"] = "off"


# With REQUIRE_TOOLS=1 (set by .ci/run, which installs them) a test that would skip because a tool it
# reads the output with is missing fails instead: a green run never hides an unchecked file.
_MISSING_TOOL = re.compile(r"not installed|not available|missing|needs |no wide face", re.I)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("REQUIRE_TOOLS") == "1":
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if _MISSING_TOOL.search(reason):
            report.outcome = "failed"
            report.longrepr = f"REQUIRE_TOOLS=1, but: {reason}"


def run_tool(*args: str) -> str:
    """Output of a poppler/qpdf command; the test is skipped where the tool is missing."""
    if shutil.which(args[0]) is None:
        pytest.skip(f"{args[0]} is not installed (apt-get install poppler-utils qpdf)")
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def seed_profile():
    from generator.profile.yaml_io import load_profile

    return load_profile(DEFAULT_PROFILE)[0]


@pytest.fixture(scope="session")
def style_spec():
    from generator.compose.templates import load_style

    return load_style()


@pytest.fixture(scope="session")
def seed_charts(seed_profile, style_spec):
    from generator.charts import render_charts

    return render_charts(seed_profile, style_spec)


def make_brochure(profile, audience: str, layout: str | None = None, paper: str = "letter", charts=None):
    """Compose one brochure the way `build` does."""
    from generator.charts import render_charts
    from generator.compose import compose
    from generator.compose.templates import load_audience, load_layout, load_style
    from generator.render import measure

    spec = load_audience(audience)
    style = load_style()
    charts = render_charts(profile, style) if charts is None else charts
    return compose(profile, "test", spec, load_layout(layout or spec.default_layout), paper, style, charts, measure)


@pytest.fixture(scope="session")
def built(tmp_path_factory, seed_profile, seed_charts):
    """The default PDFs, screen and print-shop versions: {(audience, bleed): path}."""
    from generator.render import pdf

    folder = tmp_path_factory.mktemp("pdf")
    paths = {}
    for audience in ("students", "job-seekers", "counselors"):
        brochure = make_brochure(seed_profile, audience, charts=seed_charts)
        for bleed in (False, True):
            path = folder / f"{brochure.file_stem}{'-bleed' if bleed else ''}.pdf"
            pdf.write(brochure, path, bleed=bleed)
            paths[(audience, bleed)] = path
    return paths

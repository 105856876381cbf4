"""`career-brochure validate` and `schema`: YAML profiles checked with one line per problem."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "medical-records-specialists.yaml"


def _cli(*args: str):
    return CliRunner().invoke(main, list(args))


def _variant(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = DATA.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in result.stderr
    return lines[0]


def test_data_profile_is_valid():
    result = _cli("validate", str(DATA))
    assert result.exit_code == 0 and "1 profile(s) valid" in result.stdout


def test_negative_pay(tmp_path):
    path = _variant(tmp_path, "neg.yaml", "  annual: 50250", "  annual: -50250")
    line = _one_error_line(_cli("validate", str(path)))
    assert line.endswith(f"{path}:6: median_pay.annual: Input should be greater than 0")


def test_yaml_syntax_error_names_line(tmp_path):
    path = _variant(tmp_path, "syntax.yaml", "title: Medical Records Specialists", "title: [unclosed")
    line = _one_error_line(_cli("validate", str(path)))
    assert f"{path}:2:" in line and "YAML syntax error" in line


def test_wrong_type(tmp_path):
    path = _variant(tmp_path, "type.yaml", "  annual: 50250", "  annual: lots")
    line = _one_error_line(_cli("validate", str(path)))
    assert f"{path}:6: median_pay.annual:" in line and "valid number" in line


def test_unknown_field_named(tmp_path):
    path = _variant(tmp_path, "unknown.yaml", "median_pay:", "medain_pay:")
    line = _one_error_line(_cli("validate", str(path)))
    key_line = path.read_text(encoding="utf-8").splitlines().index("medain_pay:") + 1
    assert line.startswith(f"{path}:{key_line}: medain_pay: unknown field")  # the key's own line


def test_min_above_max_in_yaml(tmp_path):
    path = _variant(tmp_path, "range.yaml", "    min: 35000", "    min: 55000")
    line = _one_error_line(_cli("validate", str(path)))
    assert re.search(rf"{re.escape(str(path))}:\d+: levels\[0\]\.salary: min 55000 is above max 45000", line)


def test_utf16_bom_yaml_accepted(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes(DATA.read_text(encoding="utf-8").encode("utf-16"))
    result = _cli("validate", str(path))
    assert result.exit_code == 0, result.stderr


def test_schema_is_json_with_median_pay():
    result = _cli("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert "median_pay" in schema["properties"]


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02"])
def test_empty_or_binary_yaml_rejected(tmp_path, content):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    line = _one_error_line(_cli("validate", str(path)))
    assert str(path) in line


def test_hourly_far_from_annual_is_a_warning_not_an_error(tmp_path):
    path = _variant(tmp_path, "hourly.yaml", "  hourly: 24.16", "  hourly: 30.5")
    result = _cli("validate", str(path))
    assert result.exit_code == 0
    assert f"{path}: warning: median_pay: hourly 30.5 x 2080 = 63,440, far from annual 50,250" in result.stderr


def test_level_names_must_be_unique(tmp_path):
    path = _variant(tmp_path, "levels.yaml", "- name: Mid Level", "- name: entry level")
    line = _one_error_line(_cli("validate", str(path)))
    assert "levels: level name 'entry level' appears twice" in line


def test_growth_percent_must_be_sane(tmp_path):
    path = _variant(tmp_path, "growth.yaml", "  percent: 9", "  percent: 5000")
    line = _one_error_line(_cli("validate", str(path)))
    assert "growth.percent" in line

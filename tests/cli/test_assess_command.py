"""`pairaid assess`: the outcome for valid files, a clear message and no traceback for bad ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.core.builders import observed, visit


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pairaid", *args], capture_output=True, text=True, input=stdin,
                          timeout=60)


def write(tmp_path: Path, data: Any, name: str = "visit.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_json_outcome_has_the_contract_fields(tmp_path: Path) -> None:
    file = write(tmp_path, visit(observations=observed(3, warmth="significant_concern")))
    result = run("assess", file, "--json")
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    for key in ("level", "levels", "urgent", "provisional", "final_level", "reasons", "services", "warnings"):
        assert key in outcome
    assert outcome["level"] == "specialist"
    assert {r["rule"] for r in outcome["reasons"]} == {"single_significant", "universal"}


def test_readable_output_names_level_and_reasons(tmp_path: Path) -> None:
    file = write(tmp_path, visit(observations=observed(3), mood={"epds": {"total": 3, "self_harm_item": 1}}))
    result = run("assess", file)
    assert result.returncode == 0, result.stderr
    assert "Suggested level: Specialist" in result.stdout
    assert "URGENT" in result.stdout
    assert "Specialist: The parent's answers suggest thoughts of self-harm" in result.stdout
    assert "self_harm_risk" not in result.stdout  # rule ids are for --json, never for a person to read


def test_safeguarding_puts_the_front_door_first(tmp_path: Path) -> None:
    file = write(tmp_path, visit(safeguarding={"indicators": ["disclosure_of_harm"]}))
    out = run("assess", file).stdout
    assert out.startswith("!! SAFEGUARDING")
    assert "999" in out.split("Suggested level")[0]


def test_reads_standard_input() -> None:
    result = run("assess", "-", "--json", stdin=json.dumps(visit()))
    assert result.returncode == 0
    assert json.loads(result.stdout)["level"] == "universal"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (visit(observations={"warmth": {"rating": "good"}}), "observations.warmth.rating: 'good' is not one of"),
        ('{"format": "pairaid.assessment/1", "contact": ', "line 1, column"),
        ("[1, 2]", "an assessment file is a JSON object"),
        (visit(decision={"override_level": "universal"}, observations=observed(3, warmth="significant_concern")),
         "needs a written reason"),
    ],
)
def test_bad_input_is_a_message_not_a_traceback(tmp_path: Path, content: Any, message: str) -> None:
    result = run("assess", write(tmp_path, content))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_file(tmp_path: Path) -> None:
    result = run("assess", str(tmp_path / "nope.json"))
    assert result.returncode == 1 and "no such file" in result.stderr and "Traceback" not in result.stderr


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"x": "Zoë"}'.encode("latin-1"))
    result = run("assess", str(path))
    assert result.returncode == 1 and "not UTF-8" in result.stderr


def test_pathway_map_writes_a_pdf_naming_the_services(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "map.pdf"
    result = run("pathway", "map", "-o", str(out))
    assert result.returncode == 0, result.stderr
    reader = PdfReader(str(out))
    assert 1 <= len(reader.pages) <= 2
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Acacia Family Support" in text
    assert "0121 303 1888" in text  # the front door


def test_pathway_map_into_a_missing_folder_is_a_message(tmp_path: Path) -> None:
    result = run("pathway", "map", "-o", str(tmp_path / "nope" / "map.pdf"))
    assert result.returncode == 1 and "Traceback" not in result.stderr and result.stderr.startswith("pairaid:")

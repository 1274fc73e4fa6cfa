"""`pairaid summary`: exit codes and messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from pairaid.cli import main
from tests.report.helpers import FIXTURES, visit_data

PATHWAY = str(FIXTURES / "pathway.yaml")


def write_visit(folder: Path, **changes: object) -> Path:
    data = visit_data()
    data.update(changes)
    path = folder / "visit.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_writes_each_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    visit = write_visit(tmp_path)
    for kind in ("referral", "parent", "supervision"):
        out = tmp_path / f"{kind}.pdf"
        code = main(
            [
                "summary",
                str(visit),
                "-o",
                str(out),
                "--copy",
                kind,
                "--recipient",
                "Dr Ann Example",
                "--pathway",
                PATHWAY,
            ]
        )
        assert code == 0
        assert f"Wrote the {kind} copy to {out}" in capsys.readouterr().out
        page = PdfReader(str(out)).pages[0].extract_text()
        assert ("Dr Ann Example" in page) == (kind == "referral"), "the parent and supervision copies name no professional"
        assert "DRAFT — not finalised" in page


def test_referral_is_the_default_copy(tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    assert main(["summary", str(write_visit(tmp_path)), "-o", str(out), "--pathway", PATHWAY]) == 0
    assert "Referral summary" in PdfReader(str(out)).pages[0].extract_text()


def test_missing_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["summary", str(tmp_path / "none.json"), "-o", str(tmp_path / "s.pdf"), "--pathway", PATHWAY])
    assert code == 1
    assert "none.json: no such file" in capsys.readouterr().err


def test_missing_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing" / "s.pdf"
    code = main(["summary", str(write_visit(tmp_path)), "-o", str(out), "--pathway", PATHWAY])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("pairaid: ") and "does not exist" in err and "Traceback" not in err
    assert not out.parent.exists()


def test_invalid_record_names_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    visit = write_visit(tmp_path, observations={"warmth": {"rating": "good"}})
    assert main(["summary", str(visit), "-o", str(tmp_path / "s.pdf"), "--pathway", PATHWAY]) == 1
    assert "observations.warmth.rating" in capsys.readouterr().err
    assert not (tmp_path / "s.pdf").exists()


def test_unknown_copy_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["summary", str(write_visit(tmp_path)), "-o", str(tmp_path / "s.pdf"), "--copy", "draft"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'draft'" in capsys.readouterr().err


def test_output_is_required(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["summary", str(write_visit(tmp_path))])
    assert exit_info.value.code == 2
    assert "-o/--output" in capsys.readouterr().err

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


def at_risk(folder: Path) -> Path:
    data = visit_data()
    data["needs"]["domestic_abuse"] = {"status": "current", "note": "Partner checks her phone."}
    path = folder / "risk.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_parent_copy_at_risk_needs_safe_to_take_home(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "parent.pdf"
    base = ["summary", str(at_risk(tmp_path)), "-o", str(out), "--copy", "parent", "--pathway", PATHWAY]
    assert main(base) == 1
    err = capsys.readouterr().err
    assert "safe for this parent to take home, because domestic abuse is recorded as current" in err
    assert "--safe-to-take-home" in err and not out.exists()
    assert main([*base, "--safe-to-take-home"]) == 0
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert "A supportive partner" not in text and "محمد" not in text


def test_also_remove_takes_words_out_of_the_supervision_copy(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sup.pdf"
    visit = str(write_visit(tmp_path))
    assert main(["summary", visit, "-o", str(out), "--copy", "supervision", "--also-remove", "Ann",
                 "--also-remove", "the hub", "--pathway", PATHWAY]) == 0
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(str(out)).pages).split())
    assert "Ann" not in text.split() and "the hub" not in text and "[removed]" in text
    assert main(["summary", visit, "-o", str(out), "--also-remove", "Ann", "--pathway", PATHWAY]) == 1
    assert "--also-remove is for the supervision copy" in capsys.readouterr().err


def consented(folder: Path, **decision: object) -> Path:
    data = visit_data()
    data["decision"].update(decision)
    path = folder / "consented.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_records_add_then_summary_of_the_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = ["--data-dir", str(tmp_path / "data")]
    assert main(["records", "add", str(consented(tmp_path)), "--pathway", PATHWAY, *data_dir]) == 0
    draft_id = capsys.readouterr().out.split()[-1]
    out = tmp_path / "draft.pdf"
    assert main(["summary", "--record", draft_id[:8], "-o", str(out), "--pathway", PATHWAY, *data_dir]) == 0
    assert "DRAFT — not finalised" in PdfReader(str(out)).pages[0].extract_text()
    assert "(marked DRAFT: not a finalised record)" in capsys.readouterr().out

    final = consented(tmp_path, provisional_reason=None)
    final_data = json.loads(final.read_text(encoding="utf-8"))
    final_data["id"] = "0d6f1c2e-9b8a-4c3d-8e7f-112233445566"
    final.write_text(json.dumps(final_data, ensure_ascii=False), encoding="utf-8")
    assert main(["records", "add", str(final), "--finalise", "--pathway", PATHWAY, *data_dir]) == 0
    final_id = capsys.readouterr().out.split()[-1]
    assert final_id == "0d6f1c2e-9b8a-4c3d-8e7f-112233445566"
    out = tmp_path / "final.pdf"
    assert main(["summary", "--record", final_id, "-o", str(out), "--pathway", PATHWAY, *data_dir]) == 0
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "DRAFT" not in text and final_id in " ".join(PdfReader(str(out)).pages[-1].extract_text().split())


def test_records_add_finalise_runs_the_apps_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = visit_data()
    data["consent"] = {"family_agrees": "not_asked"}
    path = tmp_path / "v.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    data_dir = ["--data-dir", str(tmp_path / "data")]
    assert main(["records", "add", str(path), "--finalise", "--pathway", PATHWAY, *data_dir]) == 1
    err = capsys.readouterr().err
    assert "not finalised" in err and "consent.sharing_basis" in err and "nothing was saved" in err
    assert main(["records", "list", *data_dir]) == 0
    assert "No records." in capsys.readouterr().out


def test_a_parent_copy_of_a_record_records_the_safe_to_take_home_answer(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = ["--data-dir", str(tmp_path / "data")]
    assert main(["records", "add", str(at_risk(tmp_path)), "--pathway", PATHWAY, *data_dir]) == 0
    record_id = capsys.readouterr().out.split()[-1]
    out = tmp_path / "p.pdf"
    assert main(["summary", "--record", record_id, "--copy", "parent", "--safe-to-take-home", "-o", str(out),
                 "--pathway", PATHWAY, *data_dir]) == 0
    capsys.readouterr()
    assert main(["records", "audit", record_id, "--json", *data_dir]) == 0
    events = json.loads(capsys.readouterr().out)
    assert {"kind": "safe_to_take_home", "detail": {"copy": "parent"}} in [
        {"kind": e["kind"], "detail": e["detail"]} for e in events]


def test_records_export_supervision_also_removes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = ["--data-dir", str(tmp_path / "data")]
    assert main(["records", "add", str(consented(tmp_path)), "--pathway", PATHWAY, *data_dir]) == 0
    record_id = capsys.readouterr().out.split()[-1]
    bundle = tmp_path / "s.pairaid"
    assert main(["records", "export", record_id, str(bundle), "--supervision", "--also-remove", "Ann",
                 *data_dir]) == 0
    text = bundle.read_text(encoding="utf-8")
    assert "Ann " not in text and "Khai" not in text and "[removed] <[email]>" in text
    assert main(["records", "export", record_id, str(bundle), "--also-remove", "Ann", *data_dir]) == 1
    assert "--also-remove is for a supervision bundle" in capsys.readouterr().err

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pairaid.cli import main
from pairaid.store import Store
from pairaid.store.paths import ENV_VAR
from tests.store.helpers import assess, summary, visit


@pytest.fixture
def filled(data_dir: Path) -> str:
    with Store.open(data_dir) as store:
        data = visit()
        info = store.create_draft(data, summary=summary(data))
        assessment, outcome = assess(data)
        store.finalise(info.id, 1, assessment, outcome)
        draft = visit(name="Łukasz Wójcik", nhs="401 023 2137")
        store.create_draft(draft, summary=summary(draft))
        return info.id


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_and_search_with_data_dir_before_or_after(filled: str, data_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "records", "list")
    assert code == 0 and "Zoë Brontë" in out and "Łukasz Wójcik" in out and "943 476 5919" in out
    code, out, _ = run(capsys, "records", "list", "--data-dir", str(data_dir), "--text", "wojcik", "--json")
    rows = json.loads(out)
    assert [r["baby_name"] for r in rows] == ["Łukasz Wójcik"]
    code, out, _ = run(capsys, "records", "list", "--status", "final", "--data-dir", str(data_dir))
    assert "Zoë Brontë" in out and "Łukasz" not in out


def test_environment_variable_names_the_folder(filled: str, data_dir: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(data_dir))
    code, out, _ = run(capsys, "records", "show", filled[:8])
    assert code == 0 and f"Record {filled} (version 2, final)" in out


def test_review_sign_off_and_audit(filled: str, data_dir: Path, capsys) -> None:
    d = ["--data-dir", str(data_dir)]
    code, out, _ = run(capsys, *d, "records", "review", filled[:8], "--reviewer", "Ann Hall", "--verdict",
                       "challenge", "--level", "targeted", "--comment", "Worth a second visit", "--sign-off")
    assert code == 0 and "signed off" in out
    code, out, _ = run(capsys, *d, "records", "show", filled)
    assert "Review" in out and "Ann Hall: challenge, suggests targeted, signed off" in out
    code, out, _ = run(capsys, *d, "records", "audit", filled, "--json")
    assert [e["kind"] for e in json.loads(out)][-2:] == ["reviewed", "signed_off"]


def test_export_import_between_folders(filled: str, data_dir: Path, tmp_path: Path, capsys) -> None:
    bundle = tmp_path / "visit.pairaid"
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "records", "export", filled, str(bundle),
                       "--supervision")
    assert code == 0 and "no identifiers" in out
    code, out, _ = run(capsys, "records", "import", str(bundle), "--data-dir", str(tmp_path / "sup"))
    assert code == 0 and f"Imported record {filled}" in out
    code, out, _ = run(capsys, "records", "list", "--data-dir", str(tmp_path / "sup"))
    assert "Z.B." in out and "Zoë" not in out


def test_user_errors_are_messages_not_tracebacks(filled: str, data_dir: Path, tmp_path: Path, capsys) -> None:
    d = ["--data-dir", str(data_dir)]
    code, _, err = run(capsys, *d, "records", "show", "ffffffff")
    assert code == 1 and "no record with id ffffffff" in err
    bad = tmp_path / "bad.pairaid"
    bad.write_text('{"format": "pairaid.bundle/1", "sha256": "00"}', "utf-8")
    code, _, err = run(capsys, *d, "records", "import", str(bad))
    assert code == 1 and "changed after it was exported" in err and "Traceback" not in err
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "pairaid.db").write_bytes(b"junk" * 100)
    code, _, err = run(capsys, "records", "list", "--data-dir", str(tmp_path / "junk"))
    assert code == 1 and "not an SQLite database" in err and "left as it is" in err


def test_a_conflict_is_listed_and_resolved_from_the_command_line(tmp_path: Path, capsys) -> None:
    """Both computers changed a draft: the import keeps the bundle's copy beside this one, `records conflicts`
    lists it, and `records resolve --keep bundle` takes its content (nothing was overwritten before that)."""
    here, there = tmp_path / "here", tmp_path / "there"
    data = visit()
    with Store.open(here) as a, Store.open(there) as b:
        info = a.create_draft(data, summary=summary(data))
        b.import_bundle(a.export_bundle(info.id, tmp_path / "v1"))
        a.save_draft(info.id, {**data, "strengths": ["stable_home"]}, 1, summary=summary(data))
        a.export_bundle(info.id, tmp_path / "v2")
        b.save_draft(info.id, {**data, "strengths": ["family_network"]}, 1, summary=summary(data))
    code, out, _ = run(capsys, "records", "--data-dir", str(there), "import", str(tmp_path / "v2.pairaid"))
    assert code == 0 and "Kept as a conflict" in out and "pairaid records resolve" in out
    code, out, _ = run(capsys, "records", "--data-dir", str(there), "conflicts")
    copy_id = out.split()[0]
    assert code == 0 and f"bundle's copy of {info.id}" in out
    code, out, _ = run(capsys, "records", "--data-dir", str(there), "resolve", copy_id, "--keep", "bundle")
    assert code == 0 and "keeps the bundle's content" in out
    with Store.open(there) as b:
        assert b.load(info.id).data["strengths"] == ["stable_home"] and b.conflicts() == []
    code, out, _ = run(capsys, "records", "--data-dir", str(there), "conflicts")
    assert code == 0 and out.startswith("No conflicts")
    code, _, err = run(capsys, "records", "--data-dir", str(there), "resolve", copy_id, "--keep", "bundle")
    assert code == 1 and "Traceback" not in err

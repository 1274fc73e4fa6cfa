"""`pairaid records` never ends in a traceback: a read-only or locked database, an export into a missing folder,
a silly --limit and a forged bundle each give a message naming the file and what to do."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pairaid.cli import main
from pairaid.core.canonical import sha256_hex
from pairaid.store import Store, database_path
from pairaid.store import connection as connection_module
from tests.broken_databases import CAUSES, broken
from tests.store.helpers import assess, summary, visit


@pytest.fixture
def final_id(data_dir: Path) -> str:
    with Store.open(data_dir) as store:
        data = visit()
        info = store.create_draft(data, summary=summary(data))
        assessment, outcome = assess(data)
        store.finalise(info.id, 1, assessment, outcome)
        return info.id


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("cause", list(CAUSES))
def test_each_fault_of_the_database_is_said_as_the_app_says_it(cause: str, tmp_path: Path, capsys,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    with broken(cause, tmp_path, monkeypatch) as data_dir:  # checks afterwards that the file is untouched
        code, out, err = run(capsys, "records", "list", "--data-dir", str(data_dir))
    assert code == 1 and out == "" and "Traceback" not in err
    title, advice = CAUSES[cause]
    assert err.startswith(f"pairaid: {title}.\n") and "pairaid.db: " in err and advice in err


def test_a_lock_held_longer_than_pairaid_waits(final_id: str, data_dir: Path, capsys,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection_module, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(database_path(data_dir), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        code, _, err = run(capsys, "records", "review", final_id[:8], "--data-dir", str(data_dir),
                           "--reviewer", "Ann Hall", "--verdict", "agree")
    finally:
        other.close()
    assert code != 0 and "another program has held the records database" in err
    assert "set it aside" not in err


def test_export_into_a_missing_folder(final_id: str, data_dir: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "records", "export", final_id[:8], str(tmp_path / "nowhere" / "x"),
                       "--data-dir", str(data_dir))
    assert code != 0 and "nowhere: no such folder" in err


@pytest.mark.parametrize("limit", ["1e23", "99999999999999999999999", "-5", "0"])
def test_a_limit_that_is_not_a_sensible_whole_number(data_dir: Path, capsys, limit: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["records", "list", "--data-dir", str(data_dir), f"--limit={limit}"])
    assert exit_.value.code == 2
    assert "is not a whole number from 1 to 1,000,000" in capsys.readouterr().err


@pytest.mark.parametrize("version", [-5, 2**63])
def test_a_bundle_with_an_impossible_version(final_id: str, data_dir: Path, tmp_path: Path, capsys,
                                             version: int) -> None:
    path = Path(run(capsys, "records", "export", final_id[:8], str(tmp_path / "v"), "--data-dir",
                    str(data_dir))[1].split()[1])
    bundle = json.loads(path.read_text("utf-8"))
    bundle["record"]["version"] = version
    bundle.pop("signature", None)  # a forger cannot sign
    bundle["sha256"] = sha256_hex({k: v for k, v in bundle.items() if k != "sha256"})
    path.write_text(json.dumps(bundle), "utf-8")
    code, _, err = run(capsys, "records", "import", str(path), "--data-dir", str(tmp_path / "elsewhere"))
    assert code != 0 and f"record.version: {version} is out of range" in err


@pytest.mark.parametrize("cause", ["read-only folder", "in use", "damaged"])
def test_a_summary_of_a_saved_record_says_the_fault_in_the_same_words(cause: str, tmp_path: Path, capsys,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with broken(cause, tmp_path, monkeypatch) as data_dir:
        code, _, err = run(capsys, "summary", "--record", "abcdef12", "--data-dir", str(data_dir),
                           "-o", str(tmp_path / "out.pdf"))
    assert code == 1 and "Traceback" not in err and err.startswith(f"pairaid: {CAUSES[cause].title}.\n")
    assert not (tmp_path / "out.pdf").exists()

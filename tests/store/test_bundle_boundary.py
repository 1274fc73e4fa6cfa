"""Bundles at the boundary: every column is derived from the record itself, ids and versions are checked, a
hostile file gives a message (never a traceback), and an export that fails or is killed leaves no temporary
file holding identified data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pairaid.core.canonical import sha256_hex
from pairaid.store import BundleError, Store
from tests.store.helpers import summary, visit
from tests.store.test_bundles import final_record

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def other(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "supervisor")
    yield s
    s.close()


def resealed(path: Path, change: Any) -> Path:
    """The bundle at `path` changed by `change(bundle)` and sealed again, as a forger would."""
    bundle = json.loads(path.read_text("utf-8"))
    change(bundle)
    bundle.pop("signature", None)  # a forger cannot sign
    bundle["sha256"] = sha256_hex({k: v for k, v in bundle.items() if k != "sha256"})
    out = path.with_name("forged.pairaid")
    out.write_text(json.dumps(bundle), "utf-8")
    return out


def test_listed_columns_come_from_the_record_not_the_bundles_summary(store: Store, other: Store,
                                                                    tmp_path: Path) -> None:
    record_id = final_record(store)
    path = store.export_bundle(record_id, tmp_path / "visit")

    def lie(bundle: dict[str, Any]) -> None:
        bundle["record"]["summary"].update(baby_name="Şükrü Öztürk", nhs_number="4010232137",
                                           final_level="universal", safeguarding=False, urgent=False)

    imported = other.import_bundle(resealed(path, lie))
    original = store.load(record_id)
    assert (imported.baby_name, imported.nhs_number, imported.final_level) == \
        (original.baby_name, original.nhs_number, original.final_level)
    assert other.search(text="Öztürk") == [] and other.search(text="4010232137") == []


@pytest.mark.parametrize(("where", "value", "message"), [
    (("record", "version"), -5, r"record.version: -5 is out of range"),
    (("record", "version"), 2**63, "record.version: 9223372036854775808 is out of range"),
    (("record", "version"), "7", "not a whole number"),
    (("record", "id"), "../../etc/passwd", "not a record id"),
    (("record", "id"), "9B2E4F1C-0000-4000-8000-000000000000", "as pairaid writes ids"),
    (("record", "amendment_of"), "x' OR 1=1 --", "not a record id"),
])
def test_forged_versions_and_ids_are_refused_with_a_message(store: Store, other: Store, tmp_path: Path,
                                                          where: tuple[str, str], value: Any, message: str) -> None:
    path = store.export_bundle(final_record(store), tmp_path / "visit")

    def forge(bundle: dict[str, Any]) -> None:
        bundle[where[0]][where[1]] = value

    with pytest.raises(BundleError, match=message):
        other.import_bundle(resealed(path, forge))
    assert other.recent() == []


def test_a_review_of_another_record_is_refused(store: Store, other: Store, tmp_path: Path) -> None:
    record_id = final_record(store)
    store.add_review(record_id, reviewer="Ann Hall", verdict="agree", comment="", signed_off=True)
    path = store.export_bundle(record_id, tmp_path / "visit")

    def move(bundle: dict[str, Any]) -> None:
        bundle["reviews"][0]["record_id"] = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"

    with pytest.raises(BundleError, match="review in the bundle is of another record"):
        other.import_bundle(resealed(path, move))


def test_deep_nesting_and_huge_numbers_give_messages(other: Store, tmp_path: Path) -> None:
    deep = tmp_path / "deep.pairaid"
    deep.write_text('{"format": "pairaid.bundle/1", "record": ' + "[" * 100_000 + "]" * 100_000 + "}", "utf-8")
    with pytest.raises(BundleError, match="nested too deeply"):
        other.import_bundle(deep)
    huge = tmp_path / "huge.pairaid"
    huge.write_text('{"format": "pairaid.bundle/1", "n": ' + "9" * 5000 + "}", "utf-8")
    with pytest.raises(BundleError, match="more than 4,300 digits"):
        other.import_bundle(huge)


def test_export_into_a_missing_folder_says_so(store: Store, tmp_path: Path) -> None:
    record_id = final_record(store)
    with pytest.raises(BundleError, match="no such folder"):
        store.export_bundle(record_id, tmp_path / "not-there" / "visit")
    assert not (tmp_path / "not-there").exists()


def test_a_failed_export_leaves_no_temporary_file(store: Store, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    record_id = final_record(store)
    out = tmp_path / "out"
    out.mkdir()

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt  # Ctrl+C (or the app's SIGTERM handler) while the data is being written

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.export_bundle(record_id, out / "visit")
    assert list(out.iterdir()) == []


def test_a_killed_exports_temporary_file_is_removed_by_the_next_export(store: Store, tmp_path: Path) -> None:
    """A real process killed (SIGKILL) in the middle of writing a bundle: its temporary file, full of identified
    data, is removed when the next export starts in that folder."""
    data_dir = tmp_path / "killed-data"
    out = tmp_path / "out"
    out.mkdir()
    with Store.open(data_dir) as victim:
        data = visit()
        record_id = victim.create_draft(data, summary=summary(data)).id
        victim.own_fingerprint()  # its signing key made now, so the child's first fsync is the bundle's
    child = subprocess.Popen(
        [sys.executable, "-c", (
            "import os, signal, sys\n"
            "from pathlib import Path\n"
            "from pairaid.store import Store\n"
            "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
            "Store.open(Path(sys.argv[1])).export_bundle(sys.argv[2], Path(sys.argv[3]))\n"),
         str(data_dir), record_id, str(out / "visit")],
        cwd=ROOT,
    )
    assert child.wait(timeout=60) == -9
    leftovers = list(out.iterdir())
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".visit.pairaid.") and leftovers[0].suffix == ".tmp"
    assert "Zoë Brontë" in leftovers[0].read_text("utf-8")  # what a killed export leaves behind
    store.export_bundle(final_record(store), out / "next")
    assert sorted(p.name for p in out.iterdir()) == ["next.pairaid"]

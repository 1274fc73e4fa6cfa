"""One amendment per final record, enforced by the database; a sign-off counts only for a final record whose
content is exactly what the reviewer signed off, and only from a verified reviewer."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pairaid.core.canonical import sha256_hex
from pairaid.store import AmendmentExists, BundleError, Store
from tests.store.helpers import assess, summary, visit
from tests.store.test_bundles import final_record


@pytest.fixture
def other(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "supervisor")
    yield s
    s.close()


def test_two_windows_amending_at_once_share_one_amendment(store: Store, data_dir: Path) -> None:
    record_id = final_record(store)
    with Store.open(data_dir) as second_window:
        first = store.amend(record_id)
        assert second_window.amend(record_id).id == first.id


def test_the_database_refuses_a_second_amendment(store: Store) -> None:
    record_id = final_record(store)
    store.amend(record_id)
    with pytest.raises(sqlite3.IntegrityError, match="already has an amendment"):
        store._conn.execute(
            "INSERT INTO records (id, version, status, created_at, updated_at, amendment_of) "
            "VALUES ('b2c7d1e0-0000-4000-8000-000000000001', 1, 'draft', 'x', 'x', ?)", (record_id,))


def test_amending_again_after_the_amendment_is_final_says_so(store: Store) -> None:
    record_id = final_record(store)
    amendment = store.amend(record_id)
    data = {**visit(), "strengths": ["family_network"]}
    version = store.save_draft(amendment.id, data, amendment.version, summary=summary(data))
    store.finalise(amendment.id, version, *assess(data))
    with pytest.raises(Exception, match="amended; only a final record"):
        store.amend(record_id)
    assert store.amend(amendment.id).amendment_of == amendment.id  # the amendment itself can be amended


def test_an_imported_second_amendment_is_refused_with_a_message(store: Store, other: Store, tmp_path: Path) -> None:
    record_id = final_record(store)
    other.import_bundle(store.export_bundle(record_id, tmp_path / "original"))
    theirs = store.amend(record_id)
    mine = other.amend(record_id)
    assert mine.id != theirs.id
    with pytest.raises(BundleError, match="already has an amendment on this computer"):
        other.import_bundle(store.export_bundle(theirs.id, tmp_path / "theirs"))
    assert other.info(mine.id).amendment_of == record_id


def test_amend_error_type(store: Store) -> None:
    record_id = final_record(store)
    amendment = store.amend(record_id)
    # an amendment made elsewhere and finalised while this one is open is still one amendment: the error names it
    store._conn.execute("UPDATE records SET status = 'final' WHERE id = ?", (amendment.id,))
    store._conn.commit()
    with pytest.raises(AmendmentExists, match=amendment.id):
        store.amend(record_id)


def test_a_sign_off_counts_for_the_content_it_saw(store: Store) -> None:
    record_id = final_record(store)
    review = store.add_review(record_id, reviewer="Ann Hall", verdict="agree", comment="", signed_off=True)
    record = store.load(record_id)
    assert record.signed_off and review.content_sha == record.content_sha
    # the same review holding another content's fingerprint (of an earlier copy, say) does not count
    store._conn.execute("UPDATE reviews SET content_sha = ? WHERE id = ?", ("0" * 64, review.id))
    store._conn.commit()
    assert not store.load(record_id).signed_off and not store.search()[0].signed_off


def test_a_signed_off_review_of_a_draft_is_not_a_sign_off(store: Store, other: Store, tmp_path: Path) -> None:
    record_id = final_record(store)
    store.add_review(record_id, reviewer="Ann Hall", verdict="agree", comment="", signed_off=True)
    path = store.export_bundle(record_id, tmp_path / "visit")
    bundle = json.loads(path.read_text("utf-8"))
    bundle["record"]["status"] = "draft"  # the same content and review, but as a draft
    bundle["sha256"] = sha256_hex({k: v for k, v in bundle.items() if k not in ("sha256", "signature")})
    bundle.pop("signature", None)
    path.write_text(json.dumps(bundle), "utf-8")
    held = other.import_bundle(path)
    assert held.status == "draft" and held.reviews and not held.signed_off


def test_the_supervisors_sign_off_of_the_de_identified_copy_counts_on_the_practitioners_record(
        store: Store, other: Store, tmp_path: Path) -> None:
    record_id = final_record(store)
    copy = other.import_bundle(store.export_bundle(record_id, tmp_path / "out", supervision=True))
    other.add_review(copy.id, reviewer="Ann Hall", verdict="agree", comment="", signed_off=True)
    assert other.load(copy.id).signed_off
    back = store.import_bundle(other.export_bundle(copy.id, tmp_path / "back"))
    assert back.signed_off is back.reviews[0].verified

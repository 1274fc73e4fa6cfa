from __future__ import annotations

import json
from pathlib import Path

import pytest

from pairaid.store import BundleError, RecordReadOnly, Store
from tests.store.helpers import assess, summary, visit

IDENTIFIERS = ("Zoë", "Brontë", "محمد", "943 476 5919", "9434765919", "B15 2TT", "07700 900123",
               "2026-10-01", "Ladywood")


def final_record(store: Store, data: dict | None = None) -> str:
    data = data or visit()
    info = store.create_draft(data, summary=summary(data))
    assessment, outcome = assess(data)
    store.finalise(info.id, info.version, assessment, outcome, pathway_id="birmingham", pathway_version="2026.1")
    return info.id


@pytest.fixture
def other(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "supervisor")
    yield s
    s.close()


def test_round_trip_to_another_computer(store: Store, other: Store, tmp_path: Path) -> None:
    record_id = final_record(store)
    store.add_review(record_id, reviewer="Ann Hall", verdict="agree", comment="Clear", signed_off=True)
    path = store.export_bundle(record_id, tmp_path / "visit")
    assert path.name == "visit.pairaid" and oct(path.stat().st_mode)[-3:] == "600"
    imported = other.import_bundle(path)
    original = store.load(record_id)
    assert imported.data == original.data and imported.outcome == original.outcome
    assert (imported.status, imported.version, imported.pathway_id) == ("final", 2, "birmingham")
    assert [r.id for r in imported.reviews] == [r.id for r in original.reviews]
    assert not imported.signed_off, "a sign-off from a sender whose key was never trusted does not count"
    assert not imported.deidentified
    assert other.search(text="zoe")[0].id == record_id


def test_supervision_bundle_holds_no_identifiers(store: Store, tmp_path: Path) -> None:
    record_id = final_record(store)
    store.add_review(record_id, reviewer="Ann Hall", verdict="challenge", comment="Did Zoë feed well?")
    text = store.export_bundle(record_id, tmp_path / "s.pairaid", supervision=True).read_text("utf-8")
    for identifier in IDENTIFIERS:
        assert identifier not in text
    bundle = json.loads(text)
    baby = bundle["record"]["data"]["family"]["baby"]
    assert (baby["name"], baby["age_weeks"]) == ("Z.B.", 7)
    assert not {"date_of_birth", "nhs_number"} & set(baby)
    assert not {"postcode", "gp_practice"} & set(bundle["record"]["data"]["family"])
    assert bundle["deidentified"] is True
    assert bundle["reviews"][0]["comment"] == "Did Z.B. feed well?"


def test_supervisor_loop_brings_the_review_back_without_touching_the_data(
    store: Store, other: Store, tmp_path: Path
) -> None:
    record_id = final_record(store)
    copy = other.import_bundle(store.export_bundle(record_id, tmp_path / "out", supervision=True))
    assert copy.deidentified and copy.read_only and copy.baby_name == "Z.B." and copy.nhs_number is None
    review = other.add_review(record_id, reviewer="Ann Hall", verdict="challenge", comment="Consider targeted",
                              suggested_level="targeted")
    back = store.import_bundle(other.export_bundle(record_id, tmp_path / "back"))
    assert [r.id for r in back.reviews] == [review.id]
    assert back.data["family"]["baby"]["name"] == "Zoë Brontë" and not back.deidentified
    again = store.import_bundle(tmp_path / "back.pairaid")  # importing twice adds nothing
    assert len(again.reviews) == 1


def tamper(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_changed_bundle_is_refused(store: Store, other: Store, tmp_path: Path) -> None:
    path = store.export_bundle(final_record(store), tmp_path / "b")
    tamper(path, '"final_level": "universal"', '"final_level": "statutory"')
    with pytest.raises(BundleError, match="changed after it was exported"):
        other.import_bundle(path)
    assert other.recent() == []


def test_a_resealed_bundle_with_bad_content_is_refused(store: Store, other: Store, tmp_path: Path) -> None:
    from pairaid.core.canonical import sha256_hex

    path = store.export_bundle(final_record(store), tmp_path / "b")
    bundle = json.loads(path.read_text("utf-8"))
    bundle["record"]["data"]["contact"]["type"] = "sometime"
    bundle.pop("signature", None)  # a forger cannot sign
    bundle["sha256"] = sha256_hex({k: v for k, v in bundle.items() if k != "sha256"})
    path.write_text(json.dumps(bundle), "utf-8")
    with pytest.raises(BundleError, match=r"contact\.type"):
        other.import_bundle(path)


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.99])
def test_a_truncated_bundle_is_refused(store: Store, other: Store, tmp_path: Path, keep: float) -> None:
    path = store.export_bundle(final_record(store), tmp_path / "b")
    raw = path.read_bytes()
    path.write_bytes(raw[: int(len(raw) * keep)])
    with pytest.raises(BundleError, match="incomplete"):
        other.import_bundle(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00garbage", "not a text file"),
        (b"hello, world", "not valid JSON"),
        (b'{"format": "pairaid.assessment/1"}', "not a pairaid bundle"),
        (b"[1, 2, 3]", "not a pairaid bundle"),
    ],
)
def test_foreign_files_are_refused(other: Store, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.pairaid"
    path.write_bytes(content)
    with pytest.raises(BundleError, match=message):
        other.import_bundle(path)


def test_a_missing_file(other: Store, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="no such file"):
        other.import_bundle(tmp_path / "none.pairaid")


def test_a_newer_local_version_is_never_overwritten(store: Store, other: Store, tmp_path: Path) -> None:
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    old_bundle = store.export_bundle(info.id, tmp_path / "v1")
    other.import_bundle(old_bundle)
    other.save_draft(info.id, {**data, "strengths": ["stable_home"]}, 1, summary=summary(data))
    with pytest.raises(BundleError, match="newer version"):
        other.import_bundle(old_bundle)
    assert other.load(info.id).data["strengths"] == ["stable_home"]


def test_a_newer_draft_replaces_an_older_local_draft(store: Store, other: Store, tmp_path: Path) -> None:
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    other.import_bundle(store.export_bundle(info.id, tmp_path / "v1"))
    store.save_draft(info.id, {**data, "strengths": ["stable_home"]}, 1, summary=summary(data))
    updated = other.import_bundle(store.export_bundle(info.id, tmp_path / "v2"))
    assert updated.version == 2 and updated.data["strengths"] == ["stable_home"]


def test_both_sides_changed_since_they_met_keeps_both_as_a_conflict(store: Store, other: Store,
                                                                    tmp_path: Path) -> None:
    """Divergent import: the version numbers say nothing (here the bundle is even "newer"); the fingerprints of
    the content both last had show both sides changed, so neither overwrites the other."""
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    other.import_bundle(store.export_bundle(info.id, tmp_path / "v1"))
    version = store.save_draft(info.id, {**data, "strengths": ["stable_home"]}, 1, summary=summary(data))
    store.save_draft(info.id, {**data, "strengths": ["stable_home", "family_network"]}, version,
                     summary=summary(data))
    other.save_draft(info.id, {**data, "strengths": ["sure_start"]}, 1, summary=summary(data))
    copy = other.import_bundle(store.export_bundle(info.id, tmp_path / "v3"))
    assert copy.conflict_of == info.id and copy.id != info.id and copy.read_only
    assert copy.data["strengths"] == ["stable_home", "family_network"]
    assert other.load(info.id).data["strengths"] == ["sure_start"]  # this computer's work is untouched
    assert [c.id for c in other.conflicts()] == [copy.id]
    assert other.import_bundle(tmp_path / "v3.pairaid").id == copy.id  # the same bundle again: no second copy
    with pytest.raises(RecordReadOnly, match="conflicts"):
        other.save_draft(copy.id, data, copy.version, summary=summary(data))
    kept = other.resolve_conflict(copy.id, keep="bundle")
    assert kept.id == info.id and kept.data["strengths"] == ["stable_home", "family_network"]
    assert other.conflicts() == [] and kept.version == 3
    assert [e.kind for e in other.audit(info.id)][-1] == "conflict_resolved"
    store.save_draft(info.id, {**data, "strengths": ["family_network"]}, 3, summary=summary(data))
    assert other.import_bundle(store.export_bundle(info.id, tmp_path / "v4")).data["strengths"] == \
        ["family_network"], "after taking the bundle's copy, the sender's next change is an update, not a conflict"


def test_a_conflict_resolved_in_favour_of_this_computer(store: Store, other: Store, tmp_path: Path) -> None:
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    other.import_bundle(store.export_bundle(info.id, tmp_path / "v1"))
    store.save_draft(info.id, {**data, "strengths": ["stable_home"]}, 1, summary=summary(data))
    other.save_draft(info.id, {**data, "strengths": ["sure_start"]}, 1, summary=summary(data))
    copy = other.import_bundle(store.export_bundle(info.id, tmp_path / "v2"))
    assert other.resolve_conflict(copy.id, keep="this_computer").data["strengths"] == ["sure_start"]
    assert other.conflicts() == [] and other.search(text="zoe")[0].id == info.id


def test_the_same_bundle_again_after_keeping_this_computers_copy_raises_no_conflict(store: Store, other: Store,
                                                                                    tmp_path: Path) -> None:
    """The choice stands: the set-aside content is remembered, so re-importing that bundle (a second copy of an
    email, a memory stick read twice) changes nothing; a later change by the sender is a new conflict."""
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    other.import_bundle(store.export_bundle(info.id, tmp_path / "v1"))
    version = store.save_draft(info.id, {**data, "strengths": ["stable_home"]}, 1, summary=summary(data))
    other.save_draft(info.id, {**data, "strengths": ["sure_start"]}, 1, summary=summary(data))
    sent = store.export_bundle(info.id, tmp_path / "v2")
    other.resolve_conflict(other.import_bundle(sent).id, keep="this_computer")

    again = other.import_bundle(sent)
    assert again.id == info.id and again.conflict_of is None and again.data["strengths"] == ["sure_start"]
    assert other.conflicts() == []
    assert other.audit(info.id)[-1].detail["source"] == "conflict_resolved_before"
    other.save_draft(info.id, {**data, "strengths": ["sure_start", "parent_insight"]}, again.version,
                     summary=summary(data))
    assert other.import_bundle(sent).conflict_of is None and other.conflicts() == [], "still settled after an edit"

    store.save_draft(info.id, {**data, "strengths": ["family_network"]}, version, summary=summary(data))
    newer = other.import_bundle(store.export_bundle(info.id, tmp_path / "v3"))
    assert newer.conflict_of == info.id, "content the user has not seen is a new conflict"


def test_keeping_the_bundles_copy_then_the_same_bundle_again_changes_nothing(store: Store, other: Store,
                                                                             tmp_path: Path) -> None:
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    other.import_bundle(store.export_bundle(info.id, tmp_path / "v1"))
    store.save_draft(info.id, {**data, "strengths": ["stable_home"]}, 1, summary=summary(data))
    other.save_draft(info.id, {**data, "strengths": ["sure_start"]}, 1, summary=summary(data))
    sent = store.export_bundle(info.id, tmp_path / "v2")
    kept = other.resolve_conflict(other.import_bundle(sent).id, keep="bundle")
    again = other.import_bundle(sent)
    assert (again.id, again.version, again.data["strengths"]) == (info.id, kept.version, ["stable_home"])
    assert other.conflicts() == []


def test_supervision_bundle_removes_hand_marked_words_and_keeps_a_short_reference(store: Store,
                                                                                   tmp_path: Path) -> None:
    from pairaid.core.deidentify import short_reference

    data = visit(needs={"housing": {"status": "current", "note": "Mrs Patel next door helps; ZOE's cot is damp"}})
    record_id = final_record(store, data)
    text = store.export_bundle(record_id, tmp_path / "s", supervision=True, also_remove=["mrs patel"]).read_text()
    bundle = json.loads(text)
    assert "Patel" not in text
    assert bundle["record"]["data"]["needs"]["housing"]["note"] == "[removed] next door helps; Z.B.'s cot is damp"
    reference = bundle["record"]["data"]["id"]
    assert reference == short_reference(record_id) and store.resolve_id(reference) == record_id

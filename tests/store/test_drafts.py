from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pairaid.core.assessment import parse_assessment
from pairaid.core.engine import OverrideError
from pairaid.store import (
    RecordNotFound,
    RecordReadOnly,
    Store,
    VersionConflict,
    database_path,
)
from tests.store.helpers import NAMES, NHS_NUMBERS, TODAY, assess, summary, visit


def test_draft_round_trip_keeps_every_character(store: Store) -> None:
    data = visit(name="রহমান চক্রবর্তী", parent_voice={"words": "“He knows my voice” — محمد"})
    info = store.create_draft(data, summary=summary(data))
    assert info.version == 1 and info.status == "draft"
    record = store.load(info.id)
    assert record.data == {**data, "id": info.id}
    assert record.baby_name == "রহমান চক্রবর্তী"
    assert record.nhs_number == "9434765919"


def test_incomplete_and_invalid_drafts_are_kept_as_typed(store: Store) -> None:
    data = {"contact": {"date": "2026-13-45"}, "family": {"baby": {"nhs_number": "999 123 4560"}}}
    info = store.create_draft(data, summary=summary(data))
    assert store.load(info.id).data["contact"]["date"] == "2026-13-45"


def test_each_save_bumps_the_version_and_is_read_back(store: Store) -> None:
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    version = info.version
    for word in ("calm", "calmer", "calmest"):
        data["parent_voice"]["words"] = word
        version = store.save_draft(info.id, data, version, summary=summary(data))
    assert version == 4
    assert store.load(info.id).data["parent_voice"]["words"] == "calmest"


def test_uuid_in_the_data_becomes_the_record_id_once(store: Store) -> None:
    data = visit(id="8c0e2c9e-52a1-4c7e-9d55-1f4f4a7c0b11")
    first = store.create_draft(data, summary=summary(data))
    second = store.create_draft(data, summary=summary(data))
    assert first.id == "8c0e2c9e-52a1-4c7e-9d55-1f4f4a7c0b11"
    assert second.id != first.id
    assert store.load(second.id).data["id"] == second.id


def test_two_stores_on_one_file_conflict_instead_of_overwriting(data_dir: Path) -> None:
    with Store.open(data_dir) as window_a, Store.open(data_dir) as window_b:
        data = visit()
        info = window_a.create_draft(data, summary=summary(data))
        a_version = window_a.save_draft(info.id, {**data, "strengths": ["stable_home"]}, 1, summary=summary(data))
        with pytest.raises(VersionConflict) as err:
            window_b.save_draft(info.id, {**data, "strengths": ["family_network"]}, 1, summary=summary(data))
        assert (err.value.expected, err.value.actual) == (1, a_version)
        assert window_b.load(info.id).data["strengths"] == ["stable_home"]
        reloaded = window_b.load(info.id)
        window_b.save_draft(info.id, {**data, "strengths": ["family_network"]}, reloaded.version,
                            summary=summary(data))
        assert window_a.load(info.id).data["strengths"] == ["family_network"]


def test_saving_an_unknown_record(store: Store) -> None:
    with pytest.raises(RecordNotFound):
        store.save_draft("0b5f1f4e-0000-4000-8000-000000000000", {}, 1, summary=summary({}))


def finalised(store: Store, data: dict) -> tuple[str, int]:
    info = store.create_draft(data, summary=summary(data))
    assessment, outcome = assess(data)
    version = store.finalise(info.id, info.version, assessment, outcome, pathway_id="birmingham",
                             pathway_version="2026.1")
    return info.id, version


def test_a_final_record_is_read_only(store: Store) -> None:
    record_id, version = finalised(store, visit())
    record = store.load(record_id)
    assert (record.status, record.version, record.final_level) == ("final", 2, "universal")
    assert record.outcome is not None and record.outcome["level"] == "universal"
    assert record.pathway_id == "birmingham" and record.finalised_at is not None
    with pytest.raises(RecordReadOnly):
        store.save_draft(record_id, visit(), version, summary=summary(visit()))


def test_the_database_itself_refuses_silent_changes_to_a_final_record(store: Store) -> None:
    record_id, _ = finalised(store, visit())
    conn = sqlite3.connect(database_path(Path(store.path).parent))
    try:
        for sql in (
            "UPDATE record_bodies SET data = '{}' WHERE record_id = ?",
            "UPDATE records SET final_level = 'statutory' WHERE id = ?",
            "UPDATE records SET status = 'draft' WHERE id = ?",
            "DELETE FROM records WHERE id = ?",
            "DELETE FROM audit WHERE record_id = ?",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="pairaid"):
                conn.execute(sql, (record_id,))
    finally:
        conn.close()


def test_finalise_checks_the_outcome_belongs_to_the_assessment(store: Store) -> None:
    data = visit(decision={"override_level": "targeted"})
    info = store.create_draft(data, summary=summary(data))
    assessment = parse_assessment(data, today=TODAY)
    _, plain_outcome = assess(visit())  # computed without the override
    with pytest.raises(ValueError, match="final level"):
        store.finalise(info.id, 1, assessment, plain_outcome)
    assert store.load(info.id).status == "draft"


def test_finalise_refuses_a_lowering_without_a_reason(store: Store) -> None:
    concern = visit(observations={"warmth": {"rating": "significant_concern"},
                                  "responding": {"rating": "some_concern"},
                                  "noticing_cues": {"rating": "some_concern"}})
    _, outcome = assess(concern)
    assert outcome.level == "specialist"
    lowered = parse_assessment({**concern, "decision": {"override_level": "universal"}}, today=TODAY)
    info = store.create_draft(concern, summary=summary(concern))
    with pytest.raises(OverrideError, match="reason"):
        store.finalise(info.id, 1, lowered, outcome)
    assert store.load(info.id).status == "draft"


def test_stale_finalise_is_a_conflict(store: Store) -> None:
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    store.save_draft(info.id, data, 1, summary=summary(data))
    assessment, outcome = assess(data)
    with pytest.raises(VersionConflict):
        store.finalise(info.id, 1, assessment, outcome)


def test_amendment_keeps_the_earlier_final_version(store: Store) -> None:
    record_id, _ = finalised(store, visit())
    draft = store.amend(record_id)
    assert draft.amendment_of == record_id and draft.status == "draft"
    assert store.amend(record_id).id == draft.id  # one open amendment at a time
    assert store.info(record_id).status == "final"
    corrected = visit(strengths=["supportive_partner"])
    version = store.save_draft(draft.id, corrected, draft.version, summary=summary(corrected))
    assessment, outcome = assess(corrected)
    store.finalise(draft.id, version, assessment, outcome)
    old, new = store.load(record_id), store.load(draft.id)
    assert (old.status, old.amended_by) == ("amended", draft.id)
    assert old.data["strengths"] == []
    assert new.status == "final" and new.data["strengths"] == ["supportive_partner"]
    with pytest.raises(Exception, match="only a final record"):
        store.amend(record_id)


@pytest.fixture
def history(store: Store) -> Store:
    dates = ["2026-10-02", "2026-10-15", "2026-11-01", "2026-11-20", "2026-11-25"]
    for i, (name, visit_date) in enumerate(zip(NAMES, dates, strict=True)):
        data = visit(name=name, nhs=NHS_NUMBERS[i % 3] if i < 3 else None,
                     contact={"date": visit_date, "type": "additional"})
        if i % 2:
            finalised(store, data)
        else:
            store.create_draft(data, summary=summary(data, assess(data)[1]))
    return store


def names(infos: list) -> list[str]:
    return [i.baby_name for i in infos]


def test_search_by_name_ignores_accents_and_case(history: Store) -> None:
    assert names(history.search(text="zoe bronte")) == ["Zoë Brontë"]
    assert names(history.search(text="WÓJCIK")) == ["Łukasz Wójcik"]
    assert names(history.search(text="minh")) == ["Nguyễn Thị Minh Khai"]
    assert names(history.search(text="عبد")) == ["محمد عبد الله"]
    assert names(history.search(text="চক্রবর্তী")) == ["রহমান চক্রবর্তী"]
    assert history.search(text="nobody") == []


def test_search_by_nhs_number_ignores_spaces(history: Store) -> None:
    assert names(history.search(text="401 023 2137")) == ["Łukasz Wójcik"]
    assert names(history.search(text="4010232137")) == ["Łukasz Wójcik"]
    assert names(history.search(text="5919")) == ["Zoë Brontë"]


def test_search_by_status_level_and_dates(history: Store) -> None:
    assert names(history.search(status="final")) == ["محمد عبد الله", "Łukasz Wójcik"]
    assert len(history.search(level="universal")) == 5
    assert history.search(level="statutory") == []
    assert names(history.search(date_from="2026-10-15", date_to="2026-11-01")) == [
        "Nguyễn Thị Minh Khai", "Łukasz Wójcik"]


def test_recent_is_newest_change_first(history: Store) -> None:
    assert names(history.recent(2)) == ["রহমান চক্রবর্তী", "محمد عبد الله"]
    first = history.search(text="zoe")[0]
    history.save_draft(first.id, visit(), first.version, summary=summary(visit()))
    assert history.recent(1)[0].id == first.id


def test_resolve_id_by_prefix(history: Store) -> None:
    info = history.recent(1)[0]
    assert history.resolve_id(info.id[:8]) == info.id
    with pytest.raises(RecordNotFound):
        history.resolve_id("ffffffff-none")

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

import pytest

from pairaid.core.assessment import parse_assessment
from pairaid.store import AuditDetailError, RecordNotFound, Store, database_path
from tests.store.helpers import TODAY, assess, summary, visit

PERSONAL = ("Zoë", "Brontë", "محمد", "9434765919", "943 476 5919", "B15 2TT", "07700", "Ladywood", "sing",
            "housing is damp")


def concern_visit() -> dict:
    return visit(
        observations={"warmth": {"rating": "significant_concern"}, "responding": {"rating": "some_concern"},
                      "noticing_cues": {"rating": "some_concern"}},
        decision={"override_level": "targeted", "override_reason": "Zoë's mum said the housing is damp",
                  "override_by": "Şükrü Öztürk"},
    )


def full_life(store: Store, tmp_path: Path) -> str:
    data = concern_visit()
    info = store.create_draft(data, summary=summary(data))
    assessment = parse_assessment(data, today=TODAY)
    from pairaid.core.default_rules import default_rules
    from pairaid.core.engine import evaluate

    outcome = evaluate(assessment, default_rules())
    assert outcome.override is not None
    store.finalise(info.id, info.version, assessment, outcome)
    store.log_event(info.id, "pdf_made", {"copy": "referral", "recipient_role": "gp"})
    store.log_event(info.id, "pdf_made", {"copy": "parent", "recipient_role": "family"})
    store.export_bundle(info.id, tmp_path / "out", supervision=True)
    store.add_review(info.id, reviewer="Ann Hall", verdict="challenge", comment="Zoë: think specialist",
                     suggested_level="specialist", signed_off=True)
    return info.id


def test_the_life_of_a_record_is_in_its_audit_trail(store: Store, tmp_path: Path) -> None:
    record_id = full_life(store, tmp_path)
    events = store.audit(record_id)
    assert [e.kind for e in events] == ["created", "level_suggested", "overridden", "finalised", "pdf_made",
                                        "pdf_made", "exported", "reviewed", "signed_off"]
    by_kind = {e.kind: e.detail for e in events}
    assert by_kind["level_suggested"]["level"] == "specialist"
    assert by_kind["overridden"] == {"from_level": "specialist", "to_level": "targeted"}
    assert by_kind["finalised"]["final_level"] == "targeted"
    assert [e.detail["copy"] for e in events if e.kind == "pdf_made"] == ["referral", "parent"]
    assert by_kind["exported"]["supervision"] is True
    assert by_kind["reviewed"]["verdict"] == "challenge"
    assert all(e.record_id == record_id and e.at is not None for e in events)
    # the override reason lives in the record, not in the trail
    assert store.load(record_id).data["decision"]["override_reason"].startswith("Zoë's mum")


def test_no_personal_data_in_audit_rows_or_logs(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    record_id = full_life(store, tmp_path)
    other = Store.open(tmp_path / "other")
    other.import_bundle(tmp_path / "out.pairaid")
    other.close()
    conn = sqlite3.connect(database_path(Path(store.path).parent))
    rows = conn.execute("SELECT kind, detail FROM audit").fetchall()
    conn.close()
    dump = json.dumps(rows, ensure_ascii=False) + caplog.text
    assert record_id in caplog.text
    for personal in PERSONAL:
        assert personal not in dump


@pytest.mark.parametrize(
    ("kind", "detail", "message"),
    [
        ("pdf_made", {"recipient": "Dr Smith"}, "not allowed"),
        ("pdf_made", {"recipient_role": "Zoë's GP"}, "no spaces or free text"),
        ("overridden", {"from_level": "universal", "to_level": "targeted", "reason": "mum said"}, "not allowed"),
        ("pdf_made", {"copy": "x" * 65}, "no spaces or free text"),
        ("pdf_made", {"copy": ["referral"]}, "no spaces or free text"),
        ("gossip", None, "unknown audit event kind"),
    ],
)
def test_audit_detail_allow_list(store: Store, kind: str, detail: dict | None, message: str) -> None:
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    with pytest.raises(AuditDetailError, match=message) as err:
        store.log_event(info.id, kind, detail)
    assert "Zoë" not in str(err.value) and "Dr Smith" not in str(err.value)
    assert [e.kind for e in store.audit(info.id)] == ["created"]


def test_events_need_a_record(store: Store) -> None:
    with pytest.raises(RecordNotFound):
        store.log_event("0b5f1f4e-0000-4000-8000-000000000000", "pdf_made", {"copy": "referral"})


def test_reviews_need_a_final_record_and_valid_values(store: Store) -> None:
    data = visit()
    info = store.create_draft(data, summary=summary(data))
    with pytest.raises(Exception, match="still a draft"):
        store.add_review(info.id, reviewer="Ann Hall", verdict="agree", comment="")
    assessment, outcome = assess(data)
    store.finalise(info.id, 1, assessment, outcome)
    with pytest.raises(ValueError, match="verdict"):
        store.add_review(info.id, reviewer="Ann Hall", verdict="maybe", comment="")
    with pytest.raises(ValueError, match="suggested level"):
        store.add_review(info.id, reviewer="Ann Hall", verdict="challenge", comment="", suggested_level="high")
    review = store.add_review(info.id, reviewer="Ann Hall", verdict="agree", comment="Good", signed_off=True)
    record = store.load(info.id)
    assert record.reviews == [review] and record.signed_off and record.status == "final"

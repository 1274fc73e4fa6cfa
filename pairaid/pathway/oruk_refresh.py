"""Keep a pathway current from its council's Open Referral UK feed, as a change its owner approves.

Each pathway service is matched to the feed by its recorded `oruk_id`, else by name and provider (one match on
each side, or none). A changed name, provider or contact detail is updated; a service the feed retired is made
inactive; each such service is marked with a `review` block saying what changed (and verified.status
needs_review, so the app says "check before referring"). Services new in the feed are added inactive for
review; services with an ORUK id that the (complete) feed no longer lists are flagged. A level, need, age or
eligibility is never changed: what the feed says about them is reported, not applied. The feed never makes an
inactive service active either; that too is left to a person.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pairaid.pathway.oruk_feed import Feed
from pairaid.pathway.oruk_import import Imported

_SPACE = re.compile(r"\s+")


@dataclass
class FieldChange:
    field: str
    before: Any
    after: Any
    applied: bool
    note: str | None = None

    def text(self) -> str:
        def say(value: Any) -> str:
            if value in (None, [], ""):
                return "(none)"
            return "; ".join(value) if isinstance(value, list) else str(value)

        core = f"{self.field}: {say(self.before)} → {say(self.after)}"
        if not self.applied:
            core = f"{self.field}: the feed says {say(self.after)}; kept {say(self.before)}"
        return f"{core} ({self.note})" if self.note else core

    def as_dict(self) -> dict[str, Any]:
        out = {"field": self.field, "before": self.before, "after": self.after, "applied": self.applied}
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Entry:
    """What the refresh did to one service."""

    kind: str  # updated | retired | gone | added | unchanged | not_in_feed | not_compared | not_added
    service_id: str | None
    name: str | None
    oruk_id: str | None = None
    match: str | None = None  # oruk_id | name_and_provider
    changes: list[FieldChange] = field(default_factory=list)
    message: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "service_id": self.service_id, "name": self.name}
        for key in ("oruk_id", "match", "message"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.changes:
            out["changes"] = [c.as_dict() for c in self.changes]
        return out


@dataclass
class Refreshed:
    services: list[dict[str, Any]]
    entries: list[Entry]
    warnings: list[str]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _key(name: Any, provider: Any) -> tuple[str, str]:
    def fold(text: Any) -> str:
        return _SPACE.sub(" ", text).strip().casefold() if isinstance(text, str) else ""

    return fold(name), fold(provider)


def _numbers(contact: dict[str, Any]) -> list[str]:
    shown = [contact["phone"]] if isinstance(contact.get("phone"), str) else []
    for phone in contact.get("phones") or []:
        if isinstance(phone, dict) and isinstance(phone.get("number"), str):
            label = phone.get("label")
            shown.append(f"{label}: {phone['number']}" if isinstance(label, str) and label else phone["number"])
    return shown


def _compare(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """What differs between the pathway's service and the feed's, applied or not."""
    changes = []
    for key in ("name", "provider"):
        if new.get(key) and new.get(key) != old.get(key):
            changes.append(FieldChange(key, old.get(key), new[key], True))
        elif old.get(key) and not new.get(key):
            changes.append(FieldChange(key, old[key], None, False, "the feed gives none"))
    old_contact, new_contact = _dict(old.get("contact")), _dict(new.get("contact"))
    before, after = _numbers(old_contact), _numbers(new_contact)
    if after and after != before:
        changes.append(FieldChange("contact.phones", before, after, True))
    elif before and not after:
        changes.append(FieldChange("contact.phones", before, [], False, "the feed publishes no number"))
    for key in ("url", "email"):
        if new_contact.get(key) and new_contact[key] != old_contact.get(key):
            changes.append(FieldChange(f"contact.{key}", old_contact.get(key), new_contact[key], True))
        elif old_contact.get(key) and not new_contact.get(key):
            changes.append(FieldChange(f"contact.{key}", old_contact[key], None, False, "the feed gives none"))
    if old.get("status", "active") != "active":
        changes.append(FieldChange("status", old.get("status"), "active", False,
                                   "the feed lists it as active; set status: active once it is reviewed"))
    new_ages = new.get("ages") or {}
    if ("min_months" in new_ages or "max_months" in new_ages) and new_ages != old.get("ages"):
        changes.append(FieldChange("ages", old.get("ages"), new_ages, False,
                                   "ages are never changed by a refresh; change them by hand if the feed is right"))
    if new.get("eligibility") and new.get("eligibility") != old.get("eligibility"):
        changes.append(FieldChange("eligibility", old.get("eligibility"), new["eligibility"], False,
                                   "eligibility is never changed by a refresh"))
    return changes


def _apply(service: dict[str, Any], new: dict[str, Any], changes: list[FieldChange]) -> None:
    contact = dict(service.get("contact") or {})
    for change in changes:
        if not change.applied:
            continue
        if change.field in ("name", "provider"):
            service[change.field] = change.after
        elif change.field == "contact.phones":
            contact.pop("phone", None)
            contact.pop("phones", None)
            contact.update({k: v for k, v in (new.get("contact") or {}).items() if k in ("phone", "phones")})
        elif change.field.startswith("contact."):
            contact[change.field.split(".", 1)[1]] = change.after
        elif change.field == "status":
            service["status"] = change.after
        elif change.field == "oruk_id":
            service["oruk_id"] = change.after
    if contact:
        service["contact"] = {k: contact[k] for k in ("phone", "phones", "url", "email", "hours") if k in contact}


def _mark(service: dict[str, Any], lines: list[str], today: dt.date, *, unverify: bool) -> None:
    review = _dict(service.get("review"))
    earlier = [c for c in review.get("changes") or [] if isinstance(c, str) and c not in lines]
    service["review"] = {"since": today, "changes": earlier + lines}
    if unverify:
        verified = dict(service.get("verified") or {})
        verified["status"] = "needs_review"
        service["verified"] = verified


def refresh(pathway_services: list[dict[str, Any]], feed: Feed, imported: Imported, *,
            today: dt.date) -> Refreshed:
    """The pathway's services kept current from the feed (new list; the input is not changed)."""
    by_id = {s["oruk_id"].lower(): s for s in imported.services}
    retired = {d.service_id.lower(): d for d in imported.decisions if d.decision == "skipped" and d.service_id}
    faulty = {d.service_id.lower(): d for d in imported.decisions if d.decision == "fault" and d.service_id}
    feed_names: dict[tuple[str, str], list[str]] = {}
    for item in feed.services:
        data = item.data
        organization = _dict(data.get("organization"))
        feed_names.setdefault(_key(data.get("name"), organization.get("name")), []).append(item.service_id.lower())
    path_names: dict[tuple[str, str], int] = {}
    for service in pathway_services:
        if isinstance(service, dict):
            k = _key(service.get("name"), service.get("provider"))
            path_names[k] = path_names.get(k, 0) + 1

    entries: list[Entry] = []
    warnings: list[str] = []
    out: list[dict[str, Any]] = []
    used: set[str] = set()
    for original in pathway_services:
        if not isinstance(original, dict):
            out.append(original)
            continue
        service = dict(original)
        sid, name = service.get("id"), service.get("name")
        oid = service.get("oruk_id") if isinstance(service.get("oruk_id"), str) else None
        match, found = None, None
        if oid:
            match, found = "oruk_id", oid.lower()
            if found not in by_id and found not in retired and found not in faulty:
                found = None
        else:
            k = _key(name, service.get("provider"))
            candidates = feed_names.get(k, [])
            if len(candidates) == 1 and path_names.get(k) == 1 and candidates[0] not in used:
                match, found = "name_and_provider", candidates[0]
        entry = Entry("unchanged", sid, name, oid, match if found else None)
        entries.append(entry)
        out.append(service)
        if found is None:
            if oid and feed.complete:
                entry.kind, entry.message = "gone", "no longer in the feed: check whether the service still runs"
                _mark(service, [f"no longer in the council's feed (ORUK id {oid}): check whether it still runs"],
                      today, unverify=True)
            elif oid:
                entry.kind = "not_compared"
                entry.message = "not in the pages given, but the feed is incomplete, so it is not flagged"
            else:
                entry.kind, entry.message = "not_in_feed", "not from the feed: left as it is"
            continue
        used.add(found)
        if found in faulty:
            entry.kind = "not_compared"
            entry.message = f"the feed's entry could not be read ({faulty[found].field}: {faulty[found].reason})"
            continue
        changes: list[FieldChange] = []
        if match == "name_and_provider":
            feed_id = by_id[found]["oruk_id"] if found in by_id else retired[found].service_id
            changes.append(FieldChange("oruk_id", None, feed_id, True,
                                       "matched by name and provider: check it is the same service"))
        if found in retired:
            word = retired[found].value
            if service.get("status", "active") == "active":
                changes.append(FieldChange("status", "active", "inactive", True, f"the feed marks it {word}"))
            entry.kind = "retired"
        else:
            changes += _compare(service, by_id[found])
            entry.kind = "updated" if changes else "unchanged"
        if not changes:
            if entry.kind == "retired":
                entry.message = f"the feed marks it {retired[found].value}; already inactive here"
            continue
        entry.changes = changes
        entry.oruk_id = entry.oruk_id or next((c.after for c in changes if c.field == "oruk_id"), None)
        _apply(service, by_id.get(found, {}), changes)
        touched = any(c.applied and c.field != "oruk_id" for c in changes)
        _mark(service, [c.text() for c in changes], today, unverify=touched)

    taken = {s.get("id") for s in out if isinstance(s, dict)}
    for new in imported.services:
        if new["oruk_id"].lower() in used:
            continue
        if new["id"] in taken:
            entries.append(Entry("not_added", new["id"], new["name"], new["oruk_id"], message=(
                f"new in the feed, but the pathway already has a service with the id '{new['id']}'; add it by "
                "hand with another id")))
            continue
        added = dict(new)
        added["status"] = "inactive"
        added["verified"] = {**added.get("verified", {}), "status": "needs_review"}
        _mark(added, ["new in the council's feed: check its level, needs, ages and contact details, then set "
                      "status: active"], today, unverify=True)
        out.append(added)
        taken.add(new["id"])
        entries.append(Entry("added", new["id"], new["name"], new["oruk_id"],
                             message="added inactive, for review"))
    if not feed.complete:
        warnings.append("the feed given is not complete (or has no paging facts), so services missing from it are "
                        "not flagged as gone; give every page of the feed to check that")
    return Refreshed(out, entries, warnings)

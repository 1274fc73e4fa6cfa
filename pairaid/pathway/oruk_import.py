"""Turn the services of an Open Referral UK feed into pathway services, never inventing a fact.

What the feed does not say stays unknown and is said so: no published ages gives no age limits and a note to
check eligibility; a minimum age of 16 or more describes the parent, not the baby (`eligibility.client`); every
published phone is kept, in order, with its label. A field that cannot be read as published (a non-numeric age,
`"contacts": 5`) is a Fault: the service is skipped and the file, service id, field and value reported.
Services the feed marks inactive, defunct or temporarily closed are skipped and listed.
Each decision is recorded for the import report (`ServiceDecision`).
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from typing import Any

from pairaid.core import vocab
from pairaid.pathway.formats import email_problem, format_phone, phone_digits, url_problem
from pairaid.pathway.html_text import html_to_text
from pairaid.pathway.oruk import ID_TAXONOMY, LEVEL_TAXONOMY, NEED_TAXONOMY, REFERRAL_TAXONOMY, STAGE_TAXONOMY
from pairaid.pathway.oruk_feed import Fault, Feed, FeedService, name_of, shown

PARENT_AGE_YEARS = 16  # a minimum age from here on describes the parent, not the baby
MAX_AGE_YEARS = 130
RETIRED = {"inactive": "inactive", "defunct": "defunct", "temporarily closed": "temporarily closed"}
CHECK_ELIGIBILITY = "check eligibility with the service before referring"

_PREGNANCY = re.compile(r"\b(pregnan\w*|ante-?natal|expectant|expecting|mums?[- ]to[- ]be|mothers?[- ]to[- ]be)\b",
                        re.IGNORECASE)
_AFTER_BIRTH = re.compile(
    r"\b(post-?natal|post-?partum|after (the )?birth|bab(y|ies)|infants?|new-?borns?|child(ren)?|toddlers?|"
    r"under[- ]?\d+s?|aged?|months?|years?|parents? of|families with)\b", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")
_NUMBER_TEXT = re.compile(r"^\s*\d+(\.\d+)?\s*$")
_LABEL_MAX = 60
_NOT_VOICE = {"text": "text", "sms": "text", "fax": "fax", "textphone": "textphone", "minicom": "textphone"}


class ServiceFault(Exception):
    """A field of one service that cannot be read as published."""

    def __init__(self, field: str, value: Any, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.value = shown(value)
        self.message = message


@dataclass
class Note:
    field: str
    message: str
    value: Any = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"field": self.field, "message": self.message}
        if self.value is not None:
            out["value"] = self.value
        return out


@dataclass
class ServiceDecision:
    """What became of one service of the feed."""

    file: str
    position: str
    service_id: str | None
    name: str | None
    decision: str  # imported | skipped | fault
    reason: str | None = None
    field: str | None = None
    value: Any = None
    pathway_id: str | None = None
    merged_from: tuple[str, ...] = ()
    notes: list[Note] = dataclasses.field(default_factory=list)
    carried: list[str] = dataclasses.field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "position": self.position, "service_id": self.service_id,
                               "name": self.name, "decision": self.decision}
        for key in ("reason", "field", "value", "pathway_id"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.merged_from:
            out["merged_from"] = list(self.merged_from)
        if self.carried:
            out["carried_over"] = self.carried
        if self.notes:
            out["notes"] = [n.as_dict() for n in self.notes]
        return out


def fault_decision(fault: Fault) -> ServiceDecision:
    return ServiceDecision(fault.file, fault.position, fault.service_id, fault.name, "fault", fault.message,
                           fault.field, fault.value)


# Reading fields as published ---------------------------------------------------------------------------


def _list(holder: dict[str, Any], key: str, where: str) -> list[Any]:
    value = holder.get(key)
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        raise ServiceFault(f"{where}{key}", value, f"expected a list, found {type(value).__name__}; the "
                           "publisher's feed is malformed here")
    return value


def _objects(holder: dict[str, Any], key: str, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    out = []
    for i, item in enumerate(_list(holder, key, where)):
        if not isinstance(item, dict):
            raise ServiceFault(f"{where}{key}[{i}]", item, "expected an object; the publisher's feed is malformed")
        out.append((f"{where}{key}[{i}].", item))
    return out


def _text(holder: dict[str, Any], key: str, where: str = "", *, html: bool = False) -> str | None:
    value = holder.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ServiceFault(f"{where}{key}", value, "expected text")
    if isinstance(value, float) and not math.isfinite(value):
        raise ServiceFault(f"{where}{key}", value, "expected text")
    text = str(value)
    if _SURROGATE.search(text):
        raise ServiceFault(f"{where}{key}", value, "holds characters that are not valid text (broken encoding)")
    text = html_to_text(text) if html else text.strip()
    return text or None


def _age(holder: dict[str, Any], key: str, where: str) -> float | None:
    value = holder.get(key)
    if value is None or value == "":
        return None
    name = f"{where}{key}"
    if isinstance(value, str) and _NUMBER_TEXT.match(value):
        value = float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ServiceFault(name, value, "is not a number of years; ORUK ages are numbers, e.g. 0 or 18. The "
                           "service is skipped rather than given a guessed age")
    if not math.isfinite(value) or not 0 <= value <= MAX_AGE_YEARS:
        raise ServiceFault(name, value, f"is not an age in years (0 to {MAX_AGE_YEARS}); the service is skipped "
                           "rather than given a guessed age")
    return float(value)


def _years(value: float) -> str:
    return f"{value:g}"


# Facts -----------------------------------------------------------------------------------------------------


def _terms(service: dict[str, Any]) -> list[tuple[str, str]]:
    """(taxonomy, value) of every taxonomy term, from 3.0 `attributes` and 1.0 `service_taxonomys`."""
    out: list[tuple[str, str]] = []
    for where, attribute in _objects(service, "attributes"):
        term = attribute.get("taxonomy_term")
        if term is None:
            continue
        if not isinstance(term, dict):
            raise ServiceFault(f"{where}taxonomy_term", term, "expected an object")
        raw_detail = term.get("taxonomy_detail")
        detail: dict[str, Any] = raw_detail if isinstance(raw_detail, dict) else {}
        at = f"{where}taxonomy_term."
        taxonomy = _text(term, "taxonomy", at) or _text(detail, "name", f"{at}taxonomy_detail.") or ""
        value = _text(term, "code", at) or _text(term, "term", at) or _text(term, "name", at)
        if value:
            out.append((taxonomy, value))
    for where, link in _objects(service, "service_taxonomys"):
        linked = link.get("taxonomy")
        if isinstance(linked, dict) and (name := _text(linked, "name", f"{where}taxonomy.")):
            out.append((_text(linked, "vocabulary", f"{where}taxonomy.") or "", name))
    return out


def _phones(service: dict[str, Any], notes: list[Note]) -> list[tuple[str | None, str]]:
    """(label, number) of every UK number published for the service, in order, each number once."""
    found: list[tuple[str | None, str]] = []
    seen: set[str] = set()
    holders: list[tuple[str, dict[str, Any], str | None]] = [("", service, None)]
    for where, contact in _objects(service, "contacts"):
        holders.append((where, contact, _text(contact, "title", where) or _text(contact, "name", where)))
    for where, place in _objects(service, "service_at_locations"):
        location = place.get("location")
        if isinstance(location, dict):
            holders.append((f"{where}location.", location, None))
    for where, holder, contact_label in holders:
        for at, phone in _objects(holder, "phones", where):
            number = _text(phone, "number", at)
            if number is None:
                continue
            digits = phone_digits(number)
            if digits is None:
                notes.append(Note(f"{at}number", "not a UK phone number, so it was left out", number))
                continue
            if digits in seen:
                continue
            seen.add(digits)
            label = _text(phone, "description", at)
            if label and len(label) > _LABEL_MAX:  # a paragraph is no label: kept as a note instead
                notes.append(Note(f"{at}description", f"said of {format_phone(digits)}", label))
                label = None
            label = label or contact_label
            kind = _NOT_VOICE.get((_text(phone, "type", at) or "").lower())
            if kind:
                label = f"{label} ({kind})" if label else kind.capitalize()
            if extension := _text(phone, "extension", at):
                label = f"{label}, extension {extension}" if label else f"Extension {extension}"
            found.append((label, format_phone(digits)))
    return found


def _contact(service: dict[str, Any], notes: list[Note]) -> dict[str, Any]:
    contact: dict[str, Any] = {}
    numbers = _phones(service, notes)
    if numbers and numbers[0][0] is None:
        contact["phone"] = numbers.pop(0)[1]
    if numbers:
        contact["phones"] = [{"label": label, "number": n} if label else {"number": n} for label, n in numbers]
    url = _text(service, "url")
    if url and not url_problem(url):
        contact["url"] = url
    elif url:
        notes.append(Note("url", "not a web address, so it was left out", url))
    email = _text(service, "email")
    if email and not email_problem(email):
        contact["email"] = email
    elif email:
        notes.append(Note("email", "not an email address, so it was left out", email))
    return contact


def _eligibility_texts(service: dict[str, Any]) -> list[str]:
    texts = [t for t in (_text(service, "eligibility_description", html=True),) if t]
    for where, rule in _objects(service, "eligibilitys"):
        if text := _text(rule, "eligibility", where, html=True):
            texts.append(text)
    return texts


def _age_ranges(service: dict[str, Any]) -> list[tuple[float | None, float | None]]:
    """Every (minimum, maximum) age in years the service publishes, in 3.0 fields or 1.0 `eligibilitys`."""
    ranges = []
    own = (_age(service, "minimum_age", ""), _age(service, "maximum_age", ""))
    if own != (None, None):
        ranges.append(own)
    for where, rule in _objects(service, "eligibilitys"):
        pair = (_age(rule, "minimum_age", where), _age(rule, "maximum_age", where))
        if pair != (None, None) and pair not in ranges:
            ranges.append(pair)
    for low, high in ranges:
        if low is not None and high is not None and low > high:
            raise ServiceFault("minimum_age", low, f"is more than the maximum age ({_years(high)}), so the "
                               "service would take nobody; the service is skipped")
    return ranges


def _ages(service: dict[str, Any], stage_terms: list[str], notes: list[Note],
          eligibility: dict[str, Any]) -> dict[str, Any]:
    texts = _eligibility_texts(service)
    said = " ".join(texts)
    pregnancy = "antenatal" in stage_terms or bool(_PREGNANCY.search(said))
    ranges = _age_ranges(service)
    if "antenatal-only" in stage_terms:
        return {"antenatal": True, "after_birth": False}
    if len(ranges) > 1:
        listed = "; ".join(f"{_years(lo) if lo is not None else '?'}–{_years(hi) if hi is not None else '?'}"
                           for lo, hi in ranges)
        notes.append(Note("ages", f"the feed publishes several age ranges ({listed} years): no age limits "
                          f"were set; {CHECK_ELIGIBILITY}"))
        return {"antenatal": True}
    if not ranges:
        if texts and _PREGNANCY.search(said) and not _AFTER_BIRTH.search(said):
            notes.append(Note("ages", "no ages published and the eligibility is pregnancy only, so the service "
                              "is for pregnancy only", said))
            return {"antenatal": True, "after_birth": False}
        notes.append(Note("ages", f"no ages published: no age limits were set; {CHECK_ELIGIBILITY}"))
        return {"antenatal": True}
    low, high = ranges[0]
    if low is not None and low >= PARENT_AGE_YEARS:
        eligibility["client"] = "any_parent"
        notes.append(Note("minimum_age", f"a minimum age of {_years(low)} years describes the parent, not the "
                          "baby: no baby age limit was set and eligibility.client is any_parent", low))
        return {"antenatal": True}
    ages: dict[str, Any] = {"antenatal": pregnancy, "min_months": round((low or 0) * 12)}
    if high is not None:
        ages["max_months"] = round(high * 12)
        if high >= PARENT_AGE_YEARS:
            notes.append(Note("maximum_age", f"ages {_years(low or 0)} to {_years(high)} years were read as the "
                              "child's age; if the service is for parents too, set eligibility.client", high))
    if low is None:
        notes.append(Note("minimum_age", "no minimum age published: read as from birth", None))
    return ages


def _cost(service: dict[str, Any]) -> str | None:
    options = []
    for where, option in _objects(service, "cost_options"):
        amount = option.get("amount")
        if isinstance(amount, str) and _NUMBER_TEXT.match(amount):
            amount = float(amount)
        if amount not in (None, "") and (isinstance(amount, bool) or not isinstance(amount, (int, float))
                                         or not math.isfinite(amount)):
            raise ServiceFault(f"{where}amount", amount, "expected an amount of money, a number")
        parts = [f"{amount:g}" if isinstance(amount, (int, float)) else None,
                 _text(option, "amount_description", where),
                 _text(option, "option", where)]
        text = " ".join(p for p in parts[:2] if p)
        if parts[2]:
            text = f"{text} ({parts[2]})" if text else parts[2]
        if text:
            options.append(text)
    return "; ".join(options) or _text(service, "fees_description", html=True) or _text(service, "fees", html=True)


def slug(text: str) -> str:
    value = re.sub(r"[^a-z0-9_-]+", "-", text.lower()).strip("-_")
    return value or "service"


def _provider(service: dict[str, Any]) -> str | None:
    organization = service.get("organization")
    if organization is None:
        return None
    if not isinstance(organization, dict):
        raise ServiceFault("organization", organization, "expected an object")
    return _text(organization, "name", "organization.", html=True)


def map_service(item: FeedService, *, source: str, default_level: str) -> tuple[dict[str, Any], list[Note]]:
    """The pathway service (plain data) for one active feed service, and notes for a person's eye.
    Raises ServiceFault for a field that cannot be read as published."""
    service = item.data
    notes: list[Note] = []
    name = _text(service, "name", html=True)
    if name is None:
        raise ServiceFault("name", service.get("name"), "the service has no name; it is skipped rather than "
                           "listed under a made-up one")
    terms = _terms(service)

    def by(taxonomy: str) -> list[str]:
        return [v for t, v in terms if t == taxonomy]

    levels = [v for v in by(LEVEL_TAXONOMY) if v in vocab.LEVELS]
    needs = [v for v in by(NEED_TAXONOMY) if v in vocab.SERVICE_NEEDS]
    unknown = [v for v in by(NEED_TAXONOMY) if v not in vocab.SERVICE_NEEDS]
    if unknown:
        notes.append(Note(NEED_TAXONOMY, f"need terms pairaid does not know were left out: {', '.join(unknown)}"))
    if not levels:
        notes.append(Note("level", f"no {LEVEL_TAXONOMY} term: the level '{default_level}' is a placeholder; "
                          "set the real level"))
    if not needs:
        notes.append(Note("needs", "no need tags: add the needs this service serves"))
    referral_terms = set(by(REFERRAL_TAXONOMY))
    eligibility: dict[str, Any] = {}
    ages = _ages(service, by(STAGE_TAXONOMY), notes, eligibility)
    description = _text(service, "description", html=True)
    eligibility_text = " ".join(_eligibility_texts(service))
    if eligibility_text:
        description = f"{description}\nWho it is for (from the feed): {eligibility_text}" if description else (
            f"Who it is for (from the feed): {eligibility_text}")
    review = not levels or not needs
    own_id = next(iter(by(ID_TAXONOMY)), None)
    languages = []
    for i, language in enumerate(_list(service, "languages", "")):
        if isinstance(language, str):  # some feeds send plain names
            value = _text({"name": language}, "name", f"languages[{i}].")
        elif isinstance(language, dict):
            where = f"languages[{i}]."
            value = _text(language, "name", where) or _text(language, "language", where)
        else:
            raise ServiceFault(f"languages[{i}]", language, "expected a language name or object")
        if value:
            languages.append(value)
    out: dict[str, Any] = {
        "id": slug(own_id or item.service_id),
        "name": name,
        "provider": _provider(service),
        "level": levels[0] if levels else default_level,
        "needs": needs,
        "ages": ages,
        "referral": {
            "self": "self" in referral_terms,
            "professional": "professional" in referral_terms or not referral_terms,
            "how": _text(service, "application_process", html=True),
        },
        "contact": _contact(service, notes),
        "eligibility": eligibility,
        "languages": languages,
        "cost": _cost(service),
        "description": description,
        "status": "inactive" if review else "active",
        "verified": {
            "status": "needs_review" if review else "unverified",
            "source": f"{source}, service {item.service_id}",
            "note": _note_text(notes),
        },
        "oruk_id": item.service_id,
    }
    return drop_empty(out), notes


def _note_text(notes: list[Note]) -> str | None:
    parts = []
    for note in notes:
        value = f" ('{note.value}')" if isinstance(note.value, str) else ""
        parts.append(f"{note.field}: {note.message}{value}")
    return "; ".join(parts) or None


def drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = drop_empty(value)
        if value is None or value == {} or (value == [] and key != "needs"):
            continue
        out[key] = value
    return out


def retired(item: FeedService) -> str | None:
    """The feed's word for a service it no longer runs (inactive, defunct, temporarily closed), or None."""
    status = item.data.get("status")
    if isinstance(status, str):
        return RETIRED.get(status.strip().lower())
    return None


@dataclass
class Imported:
    services: list[dict[str, Any]]
    decisions: list[ServiceDecision]


def import_feed(feed: Feed, *, source: str, default_level: str = "targeted") -> Imported:
    """Every active service of the feed as a pathway service, and a decision for every service read."""
    decisions = [fault_decision(f) for f in feed.faults]
    mapped: list[tuple[ServiceDecision, dict[str, Any]]] = []
    for item in feed.services:
        decision = ServiceDecision(item.file, item.position, item.service_id, name_of(item.data), "imported",
                                   merged_from=item.merged_from)
        decisions.append(decision)
        if word := retired(item):
            decision.decision, decision.field, decision.value = "skipped", "status", word
            decision.reason = f"the feed marks it {word}"
            continue
        try:
            service, notes = map_service(item, source=source, default_level=default_level)
        except ServiceFault as fault:
            decision.decision, decision.field, decision.value = "fault", fault.field, fault.value
            decision.reason = fault.message
            continue
        status = item.data.get("status")
        if not (isinstance(status, str) and status.strip().lower() == "active"):
            # No status, or one ORUK does not define: never assume the service runs.
            service["status"] = "inactive"
            service["verified"]["status"] = "needs_review"
            notes.append(Note("status", "the feed does not say the service is active: imported inactive",
                              shown(status)))
            service["verified"]["note"] = _note_text(notes)
        decision.pathway_id, decision.notes = service["id"], notes
        decision.carried = [k for k in service if k not in ("id", "verified", "oruk_id")]
        mapped.append((decision, service))
    # Two feed ids giving one pathway id (e.g. "ABC" and "abc"): all are skipped rather than one renamed.
    users: dict[str, list[str]] = {}
    for decision, service in mapped:
        users.setdefault(service["id"], []).append(decision.service_id or "")
    services = []
    for decision, service in mapped:
        shared = users[service["id"]]
        if len(shared) == 1:
            services.append(service)
            continue
        decision.decision, decision.field, decision.value = "fault", "id", decision.service_id
        decision.reason = (f"services {', '.join(shared)} all give the pathway id '{service['id']}'; all are "
                           "skipped rather than one renamed")
        decision.notes, decision.carried, decision.pathway_id = [], [], None
    return Imported(services, decisions)

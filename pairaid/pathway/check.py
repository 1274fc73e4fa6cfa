"""`pairaid pathway check`: every problem of a pathway file in one run, each with its file, line, service id
and field, in sentences a commissioner can act on. Errors stop the file being used; warnings do not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from pairaid.core import vocab
from pairaid.core.errors import error_path
from pairaid.core.input_files import InputFileError
from pairaid.core.input_files import read_text as read_input_text
from pairaid.core.pathway import Pathway, postcode_district
from pairaid.pathway.check_messages import clean_loc, message, prune_union_errors, suggest
from pairaid.pathway.formats import email_problem, phone_problem, url_problem
from pairaid.pathway.yamlread import Marks, YamlSyntaxError, read_yaml

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    severity: Severity
    file: str
    line: int | None
    service: str | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = f"service '{self.service}', {self.field}" if self.service else self.field
        if not what:
            return f"{where}: {self.severity}: {self.message}"
        return f"{where}: {self.severity}: {what}: {self.message}"


@dataclass
class CheckResult:
    file: str
    pathway: Pathway | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return self.pathway is not None and not self.errors


def check_file(path: str | Path, *, today: dt.date | None = None) -> CheckResult:
    """Read and check a pathway file. Unreadable files give one error, never an exception."""
    file = str(path)
    try:
        text = read_input_text(path, kind="pathway")
    except InputFileError as exc:
        # the message starts with the file's name; the Problem names the file already
        return _fail(file, str(exc).removeprefix(f"{file}: "))
    return check_text(text, file, today=today)


check_pathway_file = check_file


def _fail(file: str, message: str, line: int | None = None) -> CheckResult:
    return CheckResult(file, None, [Problem("error", file, line, None, "", message)])


def check_text(text: str, file: str = "<pathway>", *, today: dt.date | None = None) -> CheckResult:
    try:
        data, marks = read_yaml(text)
    except YamlSyntaxError as exc:
        return _fail(file, f"{exc}; look at this line and the one before it", exc.line)
    if not isinstance(data, dict):
        return _fail(file, "a pathway file is a YAML mapping starting with `format: pairaid.pathway/1`")
    checker = _Checker(file, data, marks, today or dt.date.today())
    return checker.run()


# The checks ---------------------------------------------------------------------------------------


def _is_district(value: str) -> bool:
    """A postcode district such as B15 (any case or spacing), not a whole postcode."""
    return postcode_district(value) == value.replace(" ", "").upper()


def _has_number(contact: dict[str, Any]) -> bool:
    """Whether a service's contact holds any phone number, main or labelled."""
    raw = contact.get("phones")
    phones: list[Any] = raw if isinstance(raw, list) else []
    numbers = [contact.get("phone"), *(p.get("number") for p in phones if isinstance(p, dict))]
    return any(isinstance(n, str) and n.strip() for n in numbers)


class _Checker:
    def __init__(self, file: str, data: dict[str, Any], marks: Marks, today: dt.date) -> None:
        self.file = file
        self.data = data
        self.marks = marks
        self.today = today
        self.problems: list[Problem] = []

    def add(self, severity: Severity, loc: tuple[Any, ...], message: str, line: int | None = None) -> None:
        service = None
        shown = loc
        if len(loc) >= 2 and loc[0] == "services" and isinstance(loc[1], int):
            services = self.data.get("services")
            item = services[loc[1]] if isinstance(services, list) and loc[1] < len(services) else None
            sid = item.get("id") if isinstance(item, dict) else None
            service = str(sid) if isinstance(sid, str) and sid else f"number {loc[1] + 1} (no id)"
            shown = loc[2:]
        line = line or self.marks.line_of(self.data, loc)
        self.problems.append(Problem(severity, self.file, line, service, error_path(shown), message))

    def run(self) -> CheckResult:
        for path, key, line in self.marks.duplicate_keys:
            self.add("error", (*path, key),
                     f"'{key}' appears twice in the same place; YAML would keep only the last one, so merge them",
                     line)
        duplicate_ids = self._services()
        self._front_door()
        self._header()
        self._rules_and_notes()
        self._urgent_route()
        self._prevalence()
        pathway = self._validate(duplicate_ids)
        self.problems.sort(key=lambda p: (p.line or 0, p.severity != "error"))
        return CheckResult(self.file, pathway, self.problems)

    def _validate(self, duplicate_ids: bool) -> Pathway | None:
        try:
            return Pathway.model_validate(self.data)
        except ValidationError as exc:
            # The file's own checks ran first; a field they already reported is not reported twice.
            reported = [(p.service, p.field) for p in self.problems if p.severity == "error"]
            for error in prune_union_errors([dict(e) for e in exc.errors()]):
                loc = tuple(error["loc"])
                if duplicate_ids and not loc and "used more than once" in str(error.get("msg")):
                    continue  # already reported with its line
                before = len(self.problems)
                self.add("error", clean_loc(loc), message(error))
                added = self.problems[-1]
                if any(service == added.service and (field == added.field or field.startswith(
                        (added.field + "[", added.field + "."))) for service, field in reported):
                    del self.problems[before:]
            return None

    # pathway: review date, area ----------------------------------------------------------------

    def _header(self) -> None:
        info = self.data.get("pathway")
        if not isinstance(info, dict):
            return
        review_by = info.get("review_by")
        # a date with a time (2027-05-26T10:00) is a datetime, which cannot be compared with a date; the model
        # check reports it as a field error
        if type(review_by) is dt.date and review_by < self.today:
            self.add(
                "warning", ("pathway", "review_by"),
                f"the pathway passed its review date ({review_by.isoformat()}); check every service with its "
                "provider, then set a new review_by date",
            )
        area = info.get("area")
        if not isinstance(area, dict):
            return
        for key in ("postcode_districts", "shared_districts"):
            if isinstance(area.get(key), list):
                for i, district in enumerate(area[key]):
                    self._district(("pathway", "area", key, i), district)

    def _district(self, loc: tuple[Any, ...], value: Any) -> None:
        if not isinstance(value, str) or not _is_district(value):
            self.add(
                "error", loc,
                f"'{value}' is not a postcode district; write the first half of a postcode, e.g. B15",
            )

    def _phone(self, loc: tuple[Any, ...], value: Any) -> None:
        if isinstance(value, str) and value.strip():
            problem = phone_problem(value)
            if problem:
                self.add("error", loc, problem)
        elif isinstance(value, int) and not isinstance(value, bool):
            self.add("error", loc, f"{value} should be text; put the phone number in quotes, e.g. \"{value}\"")

    def _url(self, loc: tuple[Any, ...], value: Any) -> None:
        if isinstance(value, str) and value.strip():
            problem = url_problem(value)
            if problem:
                self.add("error", loc, problem)

    def _front_door(self) -> None:
        if "national" not in self.data:
            self.add("error", ("national",),
                     "is required but missing: add the numbers every family in England can use at any hour, e.g. "
                     "national: {urgent_mental_health: NHS 111 and choose the mental health option (24 hours), "
                     "emergency: \"999, or go to A&E, if anyone's life is at risk\"}")
        door = self.data.get("front_door")
        if not isinstance(door, dict):
            return
        for key in ("phone", "out_of_hours", "emergency"):
            self._phone(("front_door", key), door.get(key))
        self._url(("front_door", "url"), door.get("url"))

    # services ------------------------------------------------------------------------------------

    def _services(self) -> bool:
        services = self.data.get("services")
        if not isinstance(services, list):
            return False
        area = self.data.get("pathway", {}).get("area", {}) if isinstance(self.data.get("pathway"), dict) else {}
        area_districts: set[Any] = set()
        if isinstance(area, dict):
            for key in ("postcode_districts", "shared_districts"):
                if isinstance(area.get(key), list):
                    area_districts.update(area[key])
        area_districts = {d.replace(" ", "").upper() for d in area_districts if isinstance(d, str)}
        first_line: dict[str, int | None] = {}
        duplicates = False
        for i, service in enumerate(services):
            if not isinstance(service, dict):
                continue
            sid = service.get("id")
            if isinstance(sid, str):
                if sid in first_line:
                    duplicates = True
                    where = f"line {first_line[sid]}" if first_line[sid] else "another service"
                    self.add("error", ("services", i, "id"),
                             f"the id '{sid}' is already used by the service on {where}; give each service its own id")
                else:
                    first_line[sid] = self.marks.line_of(self.data, ("services", i, "id"))
            self._service(i, service, area_districts)
        return duplicates

    def _service(self, i: int, service: dict[str, Any], area_districts: set[str]) -> None:
        at = ("services", i)
        contact = service.get("contact")
        contact = contact if isinstance(contact, dict) else {}
        self._phone((*at, "contact", "phone"), contact.get("phone"))
        phones = contact.get("phones")
        numbers = [contact.get("phone")]
        for j, phone in enumerate(phones if isinstance(phones, list) else []):
            if isinstance(phone, dict):
                self._phone((*at, "contact", "phones", j, "number"), phone.get("number"))
                numbers.append(phone.get("number"))
        self._url((*at, "contact", "url"), contact.get("url"))
        email = contact.get("email")
        if isinstance(email, str) and email.strip() and (problem := email_problem(email)):
            self.add("error", (*at, "contact", "email"), problem)
        verified = service.get("verified")
        verified = verified if isinstance(verified, dict) else {}
        source = verified.get("source")
        if isinstance(source, str) and source.startswith(("http:", "https:", "www.")):
            self._url((*at, "verified", "source"), source)
        areas = service.get("areas")
        if isinstance(areas, list):
            for j, district in enumerate(areas):
                self._district((*at, "areas", j), district)
                if (isinstance(district, str) and area_districts and _is_district(district)
                        and district.replace(" ", "").upper() not in area_districts):
                    self.add("warning", (*at, "areas", j),
                             f"'{district}' is not one of the pathway area's postcode districts; families there are "
                             "warned they are outside the area. Add it to pathway.area.postcode_districts if it "
                             "belongs")
        self._eligibility(at, service)
        active = service.get("status", "active") == "active"
        referral = service.get("referral")
        referral = referral if isinstance(referral, dict) else {}
        details = [*numbers, contact.get("url"), contact.get("email")]
        has_contact = any(isinstance(d, str) and d.strip() for d in details)
        if active and referral.get("self") is False and referral.get("professional", True) is False:
            self.add("warning", (*at, "referral"),
                     "neither families (self: true) nor professionals (professional: true) can refer, so nobody "
                     "can reach this service; say who can refer")
        elif active and not has_contact and not (isinstance(referral.get("how"), str) and referral["how"].strip()):
            self.add("warning", (*at, "referral", "how"),
                     "there is no way to refer: no phone, web address or email, and no `how`; add one so a "
                     "practitioner knows what to do next")
        status = verified.get("status", "unverified")
        review = service.get("review")
        changes = review.get("changes") if isinstance(review, dict) else None
        if isinstance(changes, list) and changes:
            self.add("warning", (*at, "review"),
                     "a refresh from the council's feed found: " + "; ".join(str(c) for c in changes)
                     + ". Check it with the provider, then delete the `review` block")
        if status == "needs_review":
            self.add("warning", (*at, "verified", "status"),
                     "this service needs review (for example, imported without a level of need): check its level, "
                     "needs and contact details, then set verified.status and status: active")
        elif status != "verified" and has_contact:
            self.add("warning", (*at, "verified", "status"),
                     "the contact details are not verified, so the app marks them 'check before referring'; check "
                     "them with the provider, then set verified.status: verified and verified.checked to the date")

    def _eligibility(self, at: tuple[Any, ...], service: dict[str, Any]) -> None:
        eligibility = service.get("eligibility")
        required = eligibility.get("requires_needs") if isinstance(eligibility, dict) else None
        needs = service.get("needs")
        if not isinstance(required, list) or not isinstance(needs, list):
            return
        for j, need in enumerate(required):
            if isinstance(need, str) and need in vocab.NEEDS and need not in needs:
                self.add("warning", (*at, "eligibility", "requires_needs", j),
                         f"the service is only suggested when {need} is current, but {need} is not in its `needs`; "
                         "add it to `needs` so the summary can say why the service fits")

    # rules, notes, prevalence ------------------------------------------------------------------------

    def _rules_and_notes(self) -> None:
        rules_block = self.data.get("rules")
        rules = rules_block.get("rules") if isinstance(rules_block, dict) else None
        rule_ids: set[str] = set()
        levels: set[str] = set()
        if isinstance(rules, list):
            for rule in rules:
                if isinstance(rule, dict):
                    if isinstance(rule.get("id"), str):
                        rule_ids.add(rule["id"])
                    if rule.get("level") in vocab.LEVELS:
                        levels.add(rule["level"])
            missing = [lvl for lvl in vocab.LEVELS if lvl not in levels]
            if missing and levels:
                names = " and ".join(missing) if len(missing) <= 2 else ", ".join(missing)
                what = "the level" if len(missing) == 1 else "the levels"
                they = "it" if len(missing) == 1 else "they"
                self.add("warning", ("rules", "rules"),
                         f"no rule gives {what} {names}, so {they} can never be suggested; add a rule or check "
                         "that this is intended")
        notes = self.data.get("notes")
        if isinstance(notes, list):
            for i, note in enumerate(notes):
                when = note.get("when") if isinstance(note, dict) else None
                named = when.get("rules") if isinstance(when, dict) else None
                if isinstance(named, list) and rule_ids:
                    for j, rid in enumerate(named):
                        if rid not in rule_ids:
                            self.add("error", ("notes", i, "when", "rules", j),
                                     f"'{rid}' is not a rule id in this file{suggest(rid, sorted(rule_ids))}; "
                                     f"use one of {', '.join(sorted(rule_ids))}")

    def _urgent_route(self) -> None:
        """An urgent rule must lead to a service the practitioner can phone today (hazard: urgent route without
        contacts)."""
        rules_block = self.data.get("rules")
        rules = rules_block.get("rules") if isinstance(rules_block, dict) else None
        services = self.data.get("services")
        if not isinstance(rules, list) or not isinstance(services, list):
            return
        for i, rule in enumerate(rules):
            if not isinstance(rule, dict) or rule.get("urgent") is not True or not isinstance(rule.get("serves"), list):
                continue
            serves = [n for n in rule["serves"] if isinstance(n, str)]
            level = rule.get("level")
            # a rule brings in only services of its own level (assessment.md §9)
            reachable = any(
                isinstance(s, dict) and s.get("status", "active") == "active" and s.get("level") == level
                and isinstance(s.get("needs"), list) and not set(serves).isdisjoint(s["needs"])
                and isinstance(s.get("contact"), dict) and _has_number(s["contact"])
                for s in services
            )
            if not reachable:
                rid = rule.get("id", f"number {i + 1}")
                self.add("error", ("rules", "rules", i, "serves"),
                         f"the urgent rule '{rid}' serves {', '.join(serves) or 'no need'}, but no active {level} "
                         "service for it has a phone number, so the urgent route would have no one to ring; add one "
                         "at the rule's level (for example NHS 111, mental health option: phone \"111\")")

    def _prevalence(self) -> None:
        block = self.data.get("prevalence")
        routes = block.get("routes") if isinstance(block, dict) else None
        if not isinstance(routes, list):
            return
        seen: set[str] = set()
        total = 0.0
        for i, route in enumerate(routes):
            if not isinstance(route, dict):
                continue
            rid = route.get("id")
            if isinstance(rid, str):
                if rid in seen:
                    self.add("error", ("prevalence", "routes", i, "id"),
                             f"the route id '{rid}' is used twice; give each route its own id")
                seen.add(rid)
            if isinstance(route.get("proportion"), (int, float)):
                total += float(route["proportion"])
        if routes and abs(total - 1.0) > 1e-6:
            self.add("warning", ("prevalence", "routes"),
                     f"the proportions add up to {total:.4g}, not 1; the estimate will not cover every child")

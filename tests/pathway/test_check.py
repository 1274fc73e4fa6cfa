"""The pathway checker: each malformed fixture gives its precise message, with file, line, service and field."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pairaid.core.default_rules import default_rules
from pairaid.pathway.check import check_file, check_text
from pairaid.pathway.loading import PathwayError, load_pathway
from pairaid.pathway.schema import schema_text
from pairaid.resources import default_pathway_path, resource_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pathways"
MALFORMED = FIXTURES / "malformed"
TODAY = dt.date(2026, 11, 26)


def only(name: str) -> str:
    result = check_file(MALFORMED / f"{name}.yaml", today=TODAY)
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return str(result.problems[0]).removeprefix(str(MALFORMED) + "/")


CASES = {
    "unknown_key": "unknown_key.yaml:28: error: service 'first', contact.phnoe: 'phnoe' is not a field pairaid "
    "knows (did you mean 'phone'?); fix the spelling or remove it (unknown fields are refused so nothing is "
    "silently lost)",
    "unknown_level": "unknown_level.yaml:24: error: service 'first', level: 'targetted' is not a known level "
    "(did you mean 'targeted'?); use one of universal, targeted, specialist, statutory",
    "unknown_domain": "unknown_domain.yaml:18: error: rules.rules[1].when.rating.domain: 'wramth' is not a known "
    "observation area (domain) (did you mean 'warmth'?); use one of noticing_cues, responding, warmth, handling, "
    "pacing, availability, talk_about_baby, parent_feelings, baby_engagement, baby_regulation, "
    "baby_comfort_seeking, feeding_together, exploration_support, limits_and_guidance, frightening",
    "unknown_rule": "unknown_rule.yaml:16: error: notes[0].when.rules[0]: 'relationshp' is not a rule id in this "
    "file (did you mean 'relationship'?); use one of mood, relationship, safeguarding, universal",
    "duplicate_id": "duplicate_id.yaml:30: error: service 'first', id: the id 'first' is already used by the "
    "service on line 22; give each service its own id",
    "duplicate_key": "duplicate_key.yaml:24: error: service 'first', name: 'name' appears twice in the same place; "
    "YAML would keep only the last one, so merge them",
    "ages_reversed": "ages_reversed.yaml:26: error: service 'first', ages: min_months (12) is more than max_months "
    "(6), so the service would take no baby; correct one of them",
    "bad_phone": "bad_phone.yaml:28: error: service 'first', contact.phone: '0121 496 000' is not a UK phone "
    "number; write only the number, with an area code, e.g. 0121 496 0000 or 07700 900000 (or 999, 111 or "
    "116 123 for national lines); put opening hours in `hours`",
    "bad_url": "bad_url.yaml:28: error: service 'first', contact.url: 'www.example.org' is not a web address; "
    "write it in full, starting https://, e.g. https://www.example.org/",
    "past_review": "past_review.yaml:7: warning: pathway.review_by: the pathway passed its review date "
    "(2020-01-01); check every service with its provider, then set a new review_by date",
    "no_referral": "no_referral.yaml:27: warning: service 'first', referral: neither families (self: true) nor "
    "professionals (professional: true) can refer, so nobody can reach this service; say who can refer",
    "no_way_to_refer": "no_way_to_refer.yaml:27: warning: service 'first', referral.how: there is no way to "
    "refer: no phone, web address or email, and no `how`; add one so a practitioner knows what to do next",
    "unverified": "unverified.yaml:29: warning: service 'first', verified.status: the contact details are not "
    "verified, so the app marks them 'check before referring'; check them with the provider, then set "
    "verified.status: verified and verified.checked to the date",
    "levels_unreachable": "levels_unreachable.yaml:16: warning: rules.rules: no rule gives the levels targeted "
    "and specialist, so they can never be suggested; add a rule or check that this is intended",
    "yaml_syntax": "yaml_syntax.yaml:5: error: not valid YAML: did not find expected key; look at this line and "
    "the one before it",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_malformed_fixture_gives_its_precise_message(name: str) -> None:
    assert only(name) == CASES[name]


def test_unknown_need_names_the_tag_and_suggests_the_right_one() -> None:
    message = only("unknown_need")
    assert message.startswith(
        "unknown_need.yaml:25: error: service 'first', needs[1]: 'housin' is not a known need tag "
        "(did you mean 'housing'?); use one of parental_mental_health,"
    )
    assert "maternity" in message


def test_every_problem_is_reported_in_one_run() -> None:
    result = check_file(MALFORMED / "many_problems.yaml", today=TODAY)
    fields = [(p.line, p.field) for p in result.errors]
    assert fields == [(24, "level"), (26, "ages"), (28, "contact.phone"), (28, "contact.url")]
    assert result.pathway is None and not result.ok


def test_warnings_do_not_stop_a_file_being_used() -> None:
    result = check_file(MALFORMED / "unverified.yaml", today=TODAY)
    assert result.ok and result.pathway is not None and not result.errors


def test_birmingham_passes_its_own_check_with_no_errors() -> None:
    result = check_file(default_pathway_path(), today=TODAY)
    assert result.ok, [str(p) for p in result.errors]
    assert len(result.pathway.services) == 22
    # Warnings are only about unverified contact details: nothing else is wrong.
    assert {p.field for p in result.warnings} == {"verified.status"}


def test_the_fictional_pathway_passes() -> None:
    assert check_file(FIXTURES / "riverside.yaml", today=TODAY).ok


def test_birmingham_carries_the_default_rules_exactly() -> None:
    assert load_pathway(default_pathway_path()).rules == default_rules()


def test_birmingham_services_ids_levels_and_front_door() -> None:
    pathway = load_pathway(default_pathway_path())
    levels = {s.id: s.level for s in pathway.services}
    assert levels == {
        "forward-steps": "universal", "family-hubs": "universal", "bwh-maternity": "universal",
        "uhb-maternity": "universal", "mmuh-maternity": "universal", "breastfeeding-helpline": "universal",
        "acacia": "targeted", "home-start": "targeted", "healthy-minds": "targeted", "early-help": "targeted",
        "bswaid": "targeted", "cgl-birmingham": "targeted", "fnp": "targeted", "slt-early-years": "targeted",
        "bsmhft-perinatal": "specialist", "mother-baby-unit": "specialist",
        "maternal-mental-health-service": "specialist", "ftb-under-5s": "specialist",
        "community-paediatrics": "specialist", "neonatal-outreach": "specialist",
        "nhs-111-mental-health": "specialist", "cass": "statutory",
    }
    assert pathway.front_door.phone == "0121 303 1888" and pathway.front_door.out_of_hours == "0121 675 4806"
    assert pathway.pathway.under_twos == 30672 and pathway.pathway.review_by == dt.date(2027, 5, 26)
    assert "B15" in pathway.pathway.area.postcode_districts and "B90" not in pathway.pathway.area.postcode_districts


def test_birmingham_ships_only_the_numbers_seen_in_a_source() -> None:
    pathway = load_pathway(default_pathway_path())
    phones = {s.id: s.contact.phone for s in pathway.services if s.contact.phone}
    assert phones == {
        "breastfeeding-helpline": "0300 100 0212", "acacia": "0121 301 5990", "early-help": "0121 303 1888",
        "bswaid": "0808 800 0028", "cass": "0121 303 1888", "nhs-111-mental-health": "111",
    }
    for weak in ("healthy-minds", "cgl-birmingham", "ftb-under-5s"):
        assert pathway.service(weak).contact.phone is None


def test_load_pathway_raises_with_every_error() -> None:
    with pytest.raises(PathwayError) as caught:
        load_pathway(MALFORMED / "many_problems.yaml")
    assert "4 error(s)" in str(caught.value)


def test_missing_file_and_non_mapping_are_errors_not_exceptions(tmp_path: Path) -> None:
    assert "no such file" in str(check_file(tmp_path / "nope.yaml").errors[0])
    assert "a pathway file is a YAML mapping" in str(check_text("- a\n- b\n").errors[0])
    assert "not UTF-8" in str(check_file(_write(tmp_path / "bin.yaml", b"\xff\xfe")).errors[0])


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_quoted_numbers_hint_when_a_phone_is_written_as_a_number() -> None:
    text = (MALFORMED / "bad_phone.yaml").read_text().replace('phone: "0121 496 000"', "phone: 999")
    messages = [str(p) for p in check_text(text, "x.yaml", today=TODAY).errors]
    assert any("contact.phone: 999 should be text; put the phone number in quotes" in m for m in messages)


def test_committed_schema_is_current() -> None:
    committed = resource_path("schema", "pathway.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: pairaid pathway schema > resources/schema/pathway.schema.json"
    schema = json.loads(committed)
    assert schema["additionalProperties"] is False and "services" in schema["properties"]


def test_a_field_is_reported_once_even_when_validation_also_refuses_it() -> None:
    text = (MALFORMED / "unverified.yaml").read_text(encoding="utf-8")
    text = text.replace("    ages: {antenatal: true, min_months: 0, max_months: 24}\n",
                        "    ages: {antenatal: true, min_months: 0, max_months: 24}\n    areas: [B1, \"B15 2TT\"]\n")
    text = text.replace('phone: "0121 496 0100"', "phone: 999")
    result = check_text(text, "x.yaml", today=TODAY)
    assert [(p.severity, p.field) for p in result.problems] == [("error", "areas[1]"), ("error", "contact.phone")]

"""The bundled observation framework: complete against vocab, plain, and checked on load."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from pairaid.core import vocab
from pairaid.core.framework import EXPECTED_IDS, Framework, default_framework_path, load_framework

BANNED = ("disorganised", "disorganized", "insecure")


def _raw() -> dict[str, Any]:
    return json.loads(default_framework_path().read_text(encoding="utf-8"))


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def test_bundled_file_loads_and_is_cached() -> None:
    framework = load_framework()
    assert isinstance(framework, Framework)
    assert framework.format == "pairaid.framework/1"
    assert load_framework() is framework


def test_explicit_path_loads(tmp_path: Path) -> None:
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(_raw()), encoding="utf-8")
    assert load_framework(path).domain_title("warmth") == load_framework().domain_title("warmth")


@pytest.mark.parametrize(
    ("kind", "ids"),
    [
        ("ratings", vocab.RATINGS),
        ("frightening_ratings", ("no_concern", "some_concern", "significant_concern", "not_observed")),
        ("needs", vocab.NEEDS),
        ("social_care_statuses", vocab.SOCIAL_CARE_STATUSES),
        ("need_statuses", vocab.NEED_STATUSES),
        ("strengths", vocab.STRENGTHS),
        ("safeguarding_indicators", vocab.SAFEGUARDING_INDICATORS),
        ("barriers", vocab.BARRIERS),
        ("wants_help", vocab.WANTS_HELP),
        ("contact_types", vocab.CONTACT_TYPES),
        ("settings", vocab.SETTINGS),
        ("roles", vocab.ROLES),
        ("stages", vocab.STAGES),
        ("levels", vocab.LEVELS),
        ("service_needs", vocab.SERVICE_NEEDS),
    ],
)
def test_every_vocab_id_has_a_label(kind: str, ids: tuple[str, ...]) -> None:
    framework = load_framework()
    for item in ids:
        assert framework.label(kind, item).strip(), f"{kind}.{item} has no label"


def test_needs_have_label_and_hint() -> None:
    framework = load_framework()
    for need in vocab.NEEDS:
        assert framework.label("needs", need) == framework.needs[need].label
        assert framework.needs[need].hint.strip()


def test_frightening_no_concern_reads_none_seen() -> None:
    framework = load_framework()
    assert framework.label("frightening_ratings", "no_concern") == "None seen"
    assert framework.rating_label("frightening", "no_concern") == "None seen"
    assert framework.rating_label("warmth", "no_concern") == "No concern"


def test_unknown_label_is_refused() -> None:
    framework = load_framework()
    with pytest.raises(KeyError):
        framework.label("needs", "nope")
    with pytest.raises(KeyError):
        framework.label("nope", "housing")
    with pytest.raises(KeyError):
        framework.domain("nope")


def test_domains_in_order_with_guidance() -> None:
    framework = load_framework()
    assert [d.id for d in framework.domains] == list(vocab.DOMAINS)
    for domain in framework.domains:
        assert domain.title.strip() and domain.question.strip()
        assert domain.group in framework.groups
        assert framework.domain_title(domain.id) == domain.title
        for text in (
            domain.guidance.strength,
            domain.guidance.some_concern,
            domain.guidance.significant_concern,
            domain.guidance.what_to_note,
        ):
            assert text.strip()
            sentences = [s for s in re.split(r"(?<=[.?!])\s+", text.strip()) if s]
            assert len(sentences) <= 3, f"{domain.id}: guidance too long: {text}"


def test_frightening_significant_says_safeguarding_lead_same_day() -> None:
    text = load_framework().domain("frightening").guidance.significant_concern.lower()
    assert "safeguarding lead" in text
    assert "same day" in text


def test_stages() -> None:
    framework = load_framework()
    antenatal = framework.domains_for_stage("antenatal")
    assert [d.id for d in antenatal] == ["talk_about_baby", "parent_feelings"]
    assert all(d.antenatal_question for d in antenatal)
    assert framework.domain("talk_about_baby").question_for("antenatal") != framework.domain(
        "talk_about_baby"
    ).question_for("0-5")
    young = [d.id for d in framework.domains_for_stage("0-5")]
    assert "baby_comfort_seeking" not in young and "feeding_together" in young and len(young) == 12
    assert [d.id for d in framework.domains_for_stage("6-30")] == list(vocab.DOMAINS)


@pytest.mark.parametrize(
    ("stage", "months", "absent"),
    [
        ("0-5", 0, {"baby_comfort_seeking", "exploration_support", "limits_and_guidance"}),
        ("6-30", 8, {"baby_comfort_seeking", "exploration_support", "limits_and_guidance"}),
        ("6-30", 9, {"exploration_support", "limits_and_guidance"}),
        ("6-30", 11, {"exploration_support", "limits_and_guidance"}),
        ("6-30", 12, set()),
        ("6-30", 30, set()),
    ],
)
def test_domains_for_age(stage: str, months: int, absent: set[str]) -> None:
    ids = [d.id for d in load_framework().domains_for_age(stage, months)]
    assert ids == [d for d in vocab.DOMAINS if d not in absent]


def test_when_each_domain_applies_in_words() -> None:
    framework = load_framework()
    assert framework.applies_text("baby_comfort_seeking") == "applies from 9 months"
    assert framework.applies_text("exploration_support") == "applies from 12 months"
    assert framework.applies_text("warmth") == "applies after birth"
    assert framework.applies_text("parent_feelings") == "applies in pregnancy and after birth"


def test_guidance_agrees_with_the_rules() -> None:
    # Any relationship domain rated significant concern matches single_significant (specialist); frightening
    # behaviour at some concern does too, and at significant concern also prompts the safeguarding lead.
    framework = load_framework()
    for domain_id in vocab.RELATIONSHIP_DOMAINS:
        assert "suggests specialist help" in framework.domain(domain_id).guidance.significant_concern, domain_id
    fright = framework.domain("frightening").guidance
    assert "suggests specialist help" in fright.some_concern
    assert "specialist help" in fright.significant_concern
    feelings = framework.domain("parent_feelings").guidance.significant_concern
    assert "ask them directly whether they have thoughts of harming the baby" in feelings
    assert framework.label("safeguarding_indicators", "parent_thoughts_of_harming_baby") in feelings


def test_new_domains_are_our_own_words() -> None:
    # No proprietary instrument is named or quoted in the observation text (assessment.md: our own wording).
    names = ("NBO", "PIPE", "CARE-Index", "KIPS", "ADBB", "Graded Care", "GCP2", "Solihull", "Mellow", "PIR-GAS",
             "DC:0-5")
    text = json.dumps([d.model_dump() for d in load_framework().domains])
    assert not [n for n in names if n in text]


def test_mood_wording() -> None:
    mood = load_framework().mood
    assert mood.gad2_options == ["Not at all", "Several days", "More than half the days", "Nearly every day"]
    assert "EPDS" in mood.epds_note


def test_missing_domain_is_named() -> None:
    raw = _raw()
    raw["domains"] = [d for d in raw["domains"] if d["id"] != "warmth"]
    with pytest.raises(ValidationError) as info:
        Framework.model_validate(raw)
    assert "domains: missing 'warmth'" in str(info.value)


def test_extra_need_is_named() -> None:
    raw = _raw()
    raw["needs"]["pet_allergy"] = {"label": "Pets", "hint": "A pet"}
    with pytest.raises(ValidationError) as info:
        Framework.model_validate(raw)
    assert "needs: unexpected 'pet_allergy'" in str(info.value)


def test_missing_label_is_named() -> None:
    raw = _raw()
    del raw["safeguarding_indicators"]["disclosure_of_harm"]
    with pytest.raises(ValidationError) as info:
        Framework.model_validate(raw)
    assert "safeguarding_indicators: missing 'disclosure_of_harm'" in str(info.value)


def test_domains_out_of_order_or_repeated() -> None:
    raw = _raw()
    raw["domains"][0], raw["domains"][1] = raw["domains"][1], raw["domains"][0]
    with pytest.raises(ValidationError, match="order"):
        Framework.model_validate(raw)
    raw = _raw()
    raw["domains"].append(raw["domains"][0])
    with pytest.raises(ValidationError, match="repeated 'noticing_cues'"):
        Framework.model_validate(raw)


def test_empty_text_and_unknown_field_refused() -> None:
    raw = _raw()
    raw["domains"][0]["guidance"]["strength"] = "  "
    with pytest.raises(ValidationError):
        Framework.model_validate(raw)
    raw = _raw()
    raw["domains"][0]["colour"] = "red"
    with pytest.raises(ValidationError):
        Framework.model_validate(raw)


def test_expected_ids_cover_every_label_section() -> None:
    sections = {name for name, field in Framework.model_fields.items() if field.annotation is not None}
    assert set(EXPECTED_IDS) <= sections


def test_no_banned_words() -> None:
    texts = _texts(_raw())
    assert texts
    for text in texts:
        for word in BANNED:
            assert word not in text.lower(), f"banned word {word!r} in: {text}"

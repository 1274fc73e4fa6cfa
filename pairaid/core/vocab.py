"""Fixed identifiers of the assessment and pathway contracts (shared/design/assessment.md, pathway.md).

The ids are the contract; their human labels live in resources/framework/framework.json.
"""

from __future__ import annotations

from typing import Literal, get_args

Level = Literal["universal", "targeted", "specialist", "statutory"]
LEVELS: tuple[str, ...] = get_args(Level)
LEVEL_RANK: dict[str, int] = {level: rank for rank, level in enumerate(LEVELS)}

Rating = Literal["strength", "no_concern", "some_concern", "significant_concern", "not_observed"]
RATINGS: tuple[str, ...] = get_args(Rating)
FrighteningRating = Literal["no_concern", "some_concern", "significant_concern", "not_observed"]

ContactType = Literal["antenatal", "new_birth", "six_to_eight_weeks", "one_year", "two_year", "additional"]
CONTACT_TYPES: tuple[str, ...] = get_args(ContactType)
Setting = Literal["home", "clinic", "family_hub", "phone_video", "other"]
SETTINGS: tuple[str, ...] = get_args(Setting)
Role = Literal["health_visitor", "midwife", "nursery_nurse", "family_support", "other"]
ROLES: tuple[str, ...] = get_args(Role)

Stage = Literal["antenatal", "0-5", "6-30"]
STAGES: tuple[str, ...] = get_args(Stage)

DomainId = Literal[
    "noticing_cues",
    "responding",
    "warmth",
    "handling",
    "pacing",
    "availability",
    "talk_about_baby",
    "parent_feelings",
    "baby_engagement",
    "baby_regulation",
    "baby_comfort_seeking",
    "feeding_together",
    "exploration_support",
    "limits_and_guidance",
    "frightening",
]
DOMAINS: tuple[str, ...] = get_args(DomainId)
RELATIONSHIP_DOMAINS: tuple[str, ...] = DOMAINS[:-1]
FRIGHTENING = "frightening"

# When each domain applies (assessment.md §2): in pregnancy or not, and from which (corrected) age in whole
# months after birth; None = not after birth. Every after-birth domain applies up to the 30-month limit.
DOMAIN_ANTENATAL: frozenset[str] = frozenset({"talk_about_baby", "parent_feelings"})
DOMAIN_FROM_MONTHS: dict[str, int] = {
    "noticing_cues": 0,
    "responding": 0,
    "warmth": 0,
    "handling": 0,
    "pacing": 0,
    "availability": 0,
    "talk_about_baby": 0,
    "parent_feelings": 0,
    "baby_engagement": 0,
    "baby_regulation": 0,
    "baby_comfort_seeking": 9,
    "feeding_together": 0,
    "exploration_support": 12,
    "limits_and_guidance": 12,
    "frightening": 0,
}
assert tuple(DOMAIN_FROM_MONTHS) == DOMAINS

# The last whole month of the 0-5 stage; 6-30 starts at 6 months.
FIRST_STAGE_LAST_MONTH = 5


def domain_applies(domain: str, stage: str, months: int | None) -> bool:
    """Whether `domain` is rated at `stage` for a baby of `months` (corrected) whole months (None before birth)."""
    if stage == "antenatal" or months is None:
        return domain in DOMAIN_ANTENATAL
    return months >= DOMAIN_FROM_MONTHS[domain]


def _stages_of(domain: str) -> tuple[str, ...]:
    start = DOMAIN_FROM_MONTHS[domain]
    after_birth = ("0-5", "6-30") if start <= FIRST_STAGE_LAST_MONTH else ("6-30",)
    return (("antenatal",) if domain in DOMAIN_ANTENATAL else ()) + after_birth


# The stages at which a domain can apply (at some age within the stage); which domains apply to one baby
# depends on the age in months too (`domain_applies`).
DOMAIN_STAGES: dict[str, tuple[str, ...]] = {domain: _stages_of(domain) for domain in DOMAINS}

WantsHelp = Literal["yes", "no", "unsure", "not_asked"]
WANTS_HELP: tuple[str, ...] = get_args(WantsHelp)
Barrier = Literal["fear_of_judgement", "feeling_a_failure", "unsure_where_to_go", "practical", "other"]
BARRIERS: tuple[str, ...] = get_args(Barrier)

NeedId = Literal[
    "parental_mental_health",
    "severe_mental_illness_history",
    "domestic_abuse",
    "substance_misuse",
    "parental_learning_disability",
    "young_parent",
    "housing",
    "financial_hardship",
    "social_isolation",
    "language_barrier",
    "immigration_nrpf",
    "child_health",
    "child_send",
    "feeding_difficulty",
    "bereavement_trauma",
    "care_experienced_parent",
    "previous_child_removed",
]
NEEDS: tuple[str, ...] = get_args(NeedId)
NeedStatus = Literal["current", "past", "no", "not_known"]  # no: asked, and it is not so
NEED_STATUSES: tuple[str, ...] = get_args(NeedStatus)
SocialCareStatus = Literal["none", "early_help", "child_in_need", "child_protection", "looked_after"]
SOCIAL_CARE_STATUSES: tuple[str, ...] = get_args(SocialCareStatus)

StrengthId = Literal[
    "supportive_partner",
    "family_network",
    "engaged_with_services",
    "parent_insight",
    "stable_home",
    "responsive_care_seen",
]
STRENGTHS: tuple[str, ...] = get_args(StrengthId)

SafeguardingIndicator = Literal[
    "injury_non_mobile_baby",
    "disclosure_of_harm",
    "domestic_abuse_baby_present",
    "carer_intoxicated_in_sole_care",
    "parent_cannot_keep_baby_safe",
    "parent_thoughts_of_harming_baby",
    "suspected_significant_harm",
]
SAFEGUARDING_INDICATORS: tuple[str, ...] = get_args(SafeguardingIndicator)

# Whose mood the screens describe (assessment.md §3); older files' free words are mapped on loading.
MoodSubject = Literal["birthing_parent", "other_parent"]
MOOD_SUBJECTS: tuple[str, ...] = get_args(MoodSubject)
MOOD_SUBJECT_WORDS: dict[str, str] = {
    "mother": "birthing_parent",
    "mum": "birthing_parent",
    "birth mother": "birthing_parent",
    "father": "other_parent",
    "dad": "other_parent",
    "partner": "other_parent",
    "co-parent": "other_parent",
}

FamilyAgrees = Literal["yes", "no", "not_asked"]
SharingBasis = Literal["consent", "safeguarding", "other"]

# Need tags a service may serve: the competing needs plus these (pathway.md).
SERVICE_ONLY_NEEDS: tuple[str, ...] = (
    "parent_infant_relationship",
    "perinatal_mental_health",
    "urgent_mental_health",
    "parenting",
    "infant_feeding",
    "safeguarding",
    "early_help",
    "maternity",
)
SERVICE_NEEDS: tuple[str, ...] = NEEDS + SERVICE_ONLY_NEEDS
# Nested Literals flatten, so the competing needs are named once (NeedId) and the service-only tags added.
ServiceNeed = Literal[
    NeedId,
    "parent_infant_relationship",
    "perinatal_mental_health",
    "urgent_mental_health",
    "parenting",
    "infant_feeding",
    "safeguarding",
    "early_help",
    "maternity",
]
assert get_args(ServiceNeed) == SERVICE_NEEDS

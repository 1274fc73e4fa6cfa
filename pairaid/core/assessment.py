"""The assessment record (`pairaid.assessment/1`, shared/design/assessment.md §1) as pydantic models.

Validation takes an optional context {"today": date} so tests and amendments can fix "now"; without it the
real date is used. Everything optional defaults to "not recorded".
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from pairaid.core import vocab
from pairaid.core.nhs_number import nhs_number_problem
from pairaid.core.stage import PRETERM_BEFORE_WEEKS, BabyAge, age_in_months, applicable_domains, baby_age, stage_for

FORMAT = "pairaid.assessment/1"
MAX_MONTHS = 30
PATHWAY_MONTHS = 24
MIN_GESTATION_WEEKS = 22
MAX_GESTATION_WEEKS = 44


def _today(info: ValidationInfo) -> dt.date:
    context = info.context or {}
    today = context.get("today")
    return today if isinstance(today, dt.date) else dt.date.today()


class Model(BaseModel):
    """Base for every file model: unknown keys are errors, so a typo never silently vanishes."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)


class Practitioner(Model):
    name: str | None = None
    role: vocab.Role | None = None
    team: str | None = None
    phone: str | None = None
    email: str | None = None


class Contact(Model):
    date: dt.date
    type: vocab.ContactType
    setting: vocab.Setting | None = None
    practitioner: Practitioner = Field(default_factory=Practitioner)
    present: list[str] = Field(default_factory=list)
    interpreter_used: bool | None = None

    @field_validator("date")
    @classmethod
    def _not_in_future(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        if value > _today(info):
            raise ValueError(f"the visit date {value.isoformat()} is in the future; enter the date of the visit")
        return value


class Baby(Model):
    name: str | None = None
    date_of_birth: dt.date | None = None
    due_date: dt.date | None = None
    nhs_number: str | None = None
    born_before_37_weeks: bool | None = None
    gestation_weeks: int | None = Field(default=None, ge=MIN_GESTATION_WEEKS, le=MAX_GESTATION_WEEKS)

    @model_validator(mode="after")
    def _gestation_agrees(self) -> Baby:
        weeks, early = self.gestation_weeks, self.born_before_37_weeks
        if weeks is None or early is None or (weeks < PRETERM_BEFORE_WEEKS) == early:
            return self
        said = "true (born before 37 weeks)" if early else "false (born at 37 weeks or later)"
        raise ValueError(
            f"born_before_37_weeks is {said} but gestation_weeks is {weeks}: correct whichever is wrong"
        )

    @field_validator("date_of_birth")
    @classmethod
    def _born_not_in_future(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if value is not None and value > _today(info):
            raise ValueError(f"the date of birth {value.isoformat()} is in the future")
        return value

    @field_validator("nhs_number")
    @classmethod
    def _nhs_number(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        problem = nhs_number_problem(value)
        if problem:
            raise ValueError(f"'{value}' is not a valid NHS number: {problem}")
        return value


class Carer(Model):
    name: str | None = None
    relationship: str | None = None
    parental_responsibility: bool | None = None
    language: str | None = None
    interpreter_needed: bool | None = None


class HouseholdMember(Model):
    """Someone else living in the home (sibling, grandparent, lodger…); age in the practitioner's words."""

    name: str | None = None
    relationship: str | None = None
    age: str | None = None


class Family(Model):
    baby: Baby = Field(default_factory=Baby)
    household: list[HouseholdMember] = Field(default_factory=list)
    carers: list[Carer] = Field(default_factory=list)
    postcode: str | None = None
    gp_practice: str | None = None


class Observation(Model):
    rating: vocab.Rating = "not_observed"
    note: str | None = None


class FrighteningObservation(Model):
    rating: vocab.FrighteningRating = "not_observed"
    note: str | None = None


class Observations(Model):
    noticing_cues: Observation | None = None
    responding: Observation | None = None
    warmth: Observation | None = None
    handling: Observation | None = None
    pacing: Observation | None = None
    availability: Observation | None = None
    talk_about_baby: Observation | None = None
    parent_feelings: Observation | None = None
    baby_engagement: Observation | None = None
    baby_regulation: Observation | None = None
    baby_comfort_seeking: Observation | None = None
    feeding_together: Observation | None = None
    exploration_support: Observation | None = None
    limits_and_guidance: Observation | None = None
    frightening: FrighteningObservation | None = None

    def rating(self, domain: str) -> str:
        """The rating of a domain; an absent domain is `not_observed`, never "no concern"."""
        entry = getattr(self, domain)
        return entry.rating if entry is not None else "not_observed"

    def note(self, domain: str) -> str | None:
        entry = getattr(self, domain)
        return entry.note if entry is not None else None


class ParentVoice(Model):
    asked: bool | None = None
    words: str | None = None
    wants_help: vocab.WantsHelp = "not_asked"
    barriers: list[vocab.Barrier] = Field(default_factory=list)


class Whooley(Model):
    low_mood: bool
    little_interest: bool

    @property
    def positive(self) -> bool:
        return self.low_mood or self.little_interest


class Gad2(Model):
    nervous: int = Field(ge=0, le=3)
    worrying: int = Field(ge=0, le=3)

    @property
    def total(self) -> int:
        return self.nervous + self.worrying


class Epds(Model):
    """EPDS scores only: the questions are copyrighted and never stored or shown."""

    total: int = Field(ge=0, le=30)
    self_harm_item: int = Field(ge=0, le=3)
    date: dt.date | None = None

    @model_validator(mode="after")
    def _item_within_total(self) -> Epds:
        if self.self_harm_item > self.total:
            raise ValueError(
                f"the self-harm item ({self.self_harm_item}) cannot be more than the total ({self.total})"
            )
        return self


class Mood(Model):
    subject: vocab.MoodSubject = "birthing_parent"
    whooley: Whooley | None = None
    gad2: Gad2 | None = None
    epds: Epds | None = None


    @field_validator("subject", mode="before")
    @classmethod
    def _subject_word(cls, value: Any) -> Any:
        """Older files hold free words ("mother", "dad"): map the known ones, refuse the rest by name."""
        if value is None:
            return "birthing_parent"
        if not isinstance(value, str):
            return value
        word = " ".join(value.strip().casefold().split())
        if word in vocab.MOOD_SUBJECTS:
            return word
        if word in vocab.MOOD_SUBJECT_WORDS:
            return vocab.MOOD_SUBJECT_WORDS[word]
        raise ValueError(
            f"{value!r} is not one of birthing_parent (the parent who gave birth or is pregnant), other_parent "
            "(father, partner or co-parent); choose whose mood the screens describe"
        )


class NeedEntry(Model):
    status: vocab.NeedStatus
    note: str | None = None


class SocialCareEntry(Model):
    status: vocab.SocialCareStatus = "none"
    note: str | None = None


class Needs(Model):
    parental_mental_health: NeedEntry | None = None
    severe_mental_illness_history: NeedEntry | None = None
    domestic_abuse: NeedEntry | None = None
    substance_misuse: NeedEntry | None = None
    parental_learning_disability: NeedEntry | None = None
    young_parent: NeedEntry | None = None
    housing: NeedEntry | None = None
    financial_hardship: NeedEntry | None = None
    social_isolation: NeedEntry | None = None
    language_barrier: NeedEntry | None = None
    immigration_nrpf: NeedEntry | None = None
    child_health: NeedEntry | None = None
    child_send: NeedEntry | None = None
    feeding_difficulty: NeedEntry | None = None
    bereavement_trauma: NeedEntry | None = None
    care_experienced_parent: NeedEntry | None = None
    previous_child_removed: NeedEntry | None = None
    social_care_status: SocialCareEntry | None = None

    def status(self, need: str) -> str | None:
        entry = getattr(self, need)
        return entry.status if entry is not None else None

    def current(self) -> list[str]:
        """Need ids recorded as current, in the contract's order."""
        return [need for need in vocab.NEEDS if self.status(need) == "current"]


class Safeguarding(Model):
    indicators: list[vocab.SafeguardingIndicator] = Field(default_factory=list)
    note: str | None = None
    discussed_with: str | None = None


class Consent(Model):
    family_agrees: vocab.FamilyAgrees = "not_asked"
    sharing_basis: vocab.SharingBasis | None = None
    family_told: bool | None = None


class Decision(Model):
    override_level: vocab.Level | None = None
    override_reason: str | None = None
    override_by: str | None = None
    selected_services: list[str] = Field(default_factory=list)
    next_steps: str | None = None
    review_date: dt.date | None = None
    action_taken: str | None = None  # what was done today; needed to finalise an urgent or statutory outcome
    provisional_reason: str | None = None  # why a provisional level is relied on; needed to finalise it


class Assessment(Model):
    format: Literal["pairaid.assessment/1"]
    id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    contact: Contact
    family: Family = Field(default_factory=Family)
    observations: Observations = Field(default_factory=Observations)
    parent_voice: ParentVoice = Field(default_factory=ParentVoice)
    mood: Mood = Field(default_factory=Mood)
    needs: Needs = Field(default_factory=Needs)
    strengths: list[vocab.StrengthId] = Field(default_factory=list)
    safeguarding: Safeguarding = Field(default_factory=Safeguarding)
    consent: Consent = Field(default_factory=Consent)
    decision: Decision = Field(default_factory=Decision)

    @field_validator("id")
    @classmethod
    def _uuid(cls, value: str) -> str:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise ValueError(f"'{value}' is not a uuid; leave the id out and one is created") from None

    @model_validator(mode="after")
    def _baby_dates(self) -> Assessment:
        baby = self.family.baby
        if baby.date_of_birth is None and baby.due_date is None:
            raise ValueError(
                "family.baby: give the baby's date_of_birth, or the due_date for an antenatal contact"
            )
        if baby.date_of_birth is not None and self.contact.type != "antenatal":
            if baby.date_of_birth > self.contact.date:
                raise ValueError(
                    "family.baby.date_of_birth: the baby's date of birth is after the visit date "
                    f"({self.contact.date.isoformat()})"
                )
            months = age_in_months(baby.date_of_birth, self.contact.date)
            if months > MAX_MONTHS:
                raise ValueError(
                    f"family.baby.date_of_birth: the baby is {months} months old at the visit; pairaid covers "
                    f"pregnancy to {MAX_MONTHS} months"
                )
        return self

    # Derived facts -------------------------------------------------------------------------------

    @property
    def age(self) -> BabyAge | None:
        """The baby's age on the visit date (actual, and corrected when it applies); None before birth."""
        baby = self.family.baby
        if self.contact.type == "antenatal" or baby.date_of_birth is None:
            return None
        return baby_age(baby.date_of_birth, self.contact.date, baby.gestation_weeks)

    @property
    def stage(self) -> vocab.Stage:
        baby = self.family.baby
        return stage_for(self.contact.type, baby.date_of_birth, self.contact.date, baby.gestation_weeks)

    @property
    def age_months(self) -> int | None:
        """Actual completed months on the visit date; None before birth."""
        age = self.age
        return age.months if age is not None else None

    @property
    def corrected_age_months(self) -> int | None:
        """Corrected completed months when corrected age applies (born before 37 weeks, under 24 months)."""
        age = self.age
        return age.corrected_months if age is not None else None

    @property
    def stage_months(self) -> int | None:
        """The age that decides the stage, which domains apply and which services fit: corrected when it
        applies, else actual; None before birth."""
        age = self.age
        return age.stage_months if age is not None else None

    def age_text(self) -> str | None:
        """Both ages in words ("4 months, corrected 2 months"); None before birth."""
        age = self.age
        return age.text() if age is not None else None

    def applicable_domains(self) -> tuple[str, ...]:
        return applicable_domains(self.stage, self.stage_months)

    def notices(self) -> list[str]:
        """Plain-English notices about the record itself (not about the level)."""
        out: list[str] = []
        months = self.age_months
        if months is not None and months > PATHWAY_MONTHS:
            out.append(
                f"The baby is {months} months old: the pathway covers conception to age two, so some services "
                "may no longer take the family."
            )
        baby = self.family.baby
        if baby.born_before_37_weeks and baby.gestation_weeks is None:
            out.append(
                "family.baby.gestation_weeks: the baby was born before 37 weeks; ask for the gestation at birth "
                "(completed weeks) so the corrected age decides which observations apply."
            )
        applicable = self.applicable_domains()
        recorded_elsewhere = [
            d for d in vocab.DOMAINS if d not in applicable and self.observations.rating(d) != "not_observed"
        ]
        if recorded_elsewhere:
            from pairaid.core.framework import load_framework  # labels are data; loaded once and cached

            framework = load_framework()
            at = self._age_words()
            for domain in recorded_elsewhere:
                out.append(
                    f"{framework.domain_title(domain)} ({domain}) was rated, but it does not apply {at} "
                    f"({framework.applies_text(domain)}): the rating is kept and not used."
                )
        return out

    def _age_words(self) -> str:
        text = self.age_text()
        return "in pregnancy" if text is None else f"at {text}"


def parse_assessment(data: Any, today: dt.date | None = None) -> Assessment:
    """Validate a decoded JSON object into an Assessment (raises pydantic.ValidationError)."""
    context = {"today": today} if today else None
    return Assessment.model_validate(data, context=context)

"""What `assess` reports (assessment.md §8), plus the extras the app and summaries need."""

from __future__ import annotations

from pydantic import BaseModel, Field

from pairaid.core import vocab

NOT_ENOUGH_OBSERVED = "Not enough observed yet"


class Reason(BaseModel):
    rule: str
    level: vocab.Level
    text: str
    urgent: bool = False
    # What to do now because this rule matched (shown beside the reason and on the referral copy).
    prompt: str | None = None


class ServiceSuggestion(BaseModel):
    id: str
    level: vocab.Level
    why: list[str]
    urgent: bool = False
    verified: bool = True
    # assessment.md §9: the first five are recommended, the rest "more services" (collapsed, never printed);
    # a sensitive service is never printed on the parent copy.
    recommended: bool = True
    sensitive: bool = False
    # `why` without repeating the reasons for the level, for a screen that lists those reasons just above (the
    # live panel). Not part of the outcome file.
    brief: list[str] = Field(default_factory=list, exclude=True)


class Override(BaseModel):
    from_level: vocab.Level
    to_level: vocab.Level
    reason: str | None = None
    by: str | None = None


class Outcome(BaseModel):
    level: vocab.Level
    levels: list[vocab.Level]
    urgent: bool
    provisional: bool
    final_level: vocab.Level
    reasons: list[Reason]
    services: list[ServiceSuggestion] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    # Beyond §8: actions to take now, how much was observed, and the override as applied.
    prompts: list[str] = Field(default_factory=list)
    safeguarding: bool = False
    coverage: int = Field(default=0, description="applicable domains rated anything but not_observed (N)")
    applicable_domains: int = Field(default=0, description="domains that apply at the baby's (corrected) age (M)")
    nothing_observed: bool = Field(
        default=False, description="provisional with no area observed: show 'Not enough observed yet' for the level"
    )
    override: Override | None = None
    serves: list[str] = Field(default_factory=list, description="need tags named by the matched rules")

    def coverage_text(self) -> str:
        """ "N of M areas observed"."""
        return f"{self.coverage} of {self.applicable_domains} areas observed"

    def provisional_text(self) -> str | None:
        """ "Provisional: N of M areas observed" for a provisional outcome (never show its level bare), else None."""
        return f"Provisional: {self.coverage_text()}" if self.provisional else None

    def level_caption(self) -> str | None:
        """What goes beside (or, with nothing observed, instead of) the level: "Not enough observed yet",
        "Provisional: N of M areas observed", or None when the level stands on its own."""
        if self.nothing_observed:
            return NOT_ENOUGH_OBSERVED
        return self.provisional_text()

    def contract_dict(self) -> dict[str, object]:
        """The §8 fields, then the extras."""
        return self.model_dump(mode="json")

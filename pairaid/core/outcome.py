"""What `assess` reports (assessment.md §8), plus the extras the app and summaries need."""

from __future__ import annotations

from pydantic import BaseModel, Field

from pairaid.core import vocab


class Reason(BaseModel):
    rule: str
    level: vocab.Level
    text: str
    urgent: bool = False


class ServiceSuggestion(BaseModel):
    id: str
    level: vocab.Level
    why: list[str]
    urgent: bool = False
    verified: bool = True
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
    coverage: int = 0
    applicable_domains: int = 0
    override: Override | None = None
    serves: list[str] = Field(default_factory=list, description="need tags named by the matched rules")

    def contract_dict(self) -> dict[str, object]:
        """The §8 fields, then the extras."""
        return self.model_dump(mode="json")

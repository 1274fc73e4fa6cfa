"""Written reasons (an override's, a provisional level's) must say something a reader can check later
(assessment.md §7): at least 20 characters and three words, and not a stock phrase like "ok" or "see notes"."""

from __future__ import annotations

import re

MIN_CHARACTERS = 20
MIN_WORDS = 3

# Words that on their own say nothing about what was seen or decided.
_FILLER = frozenset({
    "ok", "okay", "fine", "n/a", "na", "n.a", "none", "nil", "nothing", "no", "reason", "reasons", "see", "notes",
    "note", "above", "below", "as", "per", "discussed", "record", "records", "recorded", "plan", "same", "previous",
    "previously", "tbc", "tbd", "etc", "x", "xx", "xxx", "the", "a", "an", "in", "on", "to", "with",
})
_WORD = re.compile(r"[^\W_]+(?:[/.'’-][^\W_]+)*", re.UNICODE)


def written_reason_problem(text: str | None) -> str | None:
    """Why `text` is not an acceptable written reason, as a sentence; None when it is acceptable."""
    stripped = " ".join((text or "").split())
    ask = ("Write what you saw or decided, in your own words, so a colleague reading the record later can "
           "follow it")
    if not stripped:
        return f"a written reason is needed. {ask}."
    words = _WORD.findall(stripped)
    if len(stripped) < MIN_CHARACTERS or len(words) < MIN_WORDS:
        return (f"'{stripped}' is too short to explain the decision (at least {MIN_WORDS} words and "
                f"{MIN_CHARACTERS} characters). {ask}.")
    if all(word.casefold() in _FILLER for word in words):
        return f"'{stripped}' does not say what happened. {ask}: not \"ok\", \"n/a\" or \"see notes\"."
    return None

"""What goes into a bundle must be safe to ship: no copyrighted EPDS questions anywhere, and no judgemental
words in the copy a family takes home (hazard log H17 and H18)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pairaid.commands.selftest_visits import SAMPLES
from pairaid.core.assess import assess_with_pathway
from pairaid.core.assessment import parse_assessment
from pairaid.core.summary_content import build_summary
from pairaid.pathway.loading import load_pathway
from pairaid.resources import default_pathway_path

ROOT = Path(__file__).resolve().parents[2]
# Short fragments of EPDS items, enough to recognise a reproduced question (the scale is copyrighted: pairaid
# stores and shows its scores only).
EPDS_FRAGMENTS = (
    "funny side of things",
    "looked forward with enjoyment",
    "blamed myself unnecessarily",
    "anxious or worried for no good reason",
    "scared or panicky",
    "getting on top of me",
    "unhappy that i have had difficulty sleeping",
    "felt sad or miserable",
    "unhappy that i have been crying",
    "thought of harming myself has occurred",
)
# Words that judge a parent rather than describe what happened; none belongs in the parent copy.
JUDGEMENTAL = ("failure", "failing", "neglect", "disorganised", "insecure", "bad mother", "bad father",
               "bad parent", "poor parenting", "inadequate", "non-compliant", "uncooperative", "refused to engage")


def shipped_text_files() -> list[Path]:
    """Every text file that goes into a bundle or an install: code, resources, pathways, and the guides."""
    files = [*(ROOT / "pairaid").rglob("*.py"), *(ROOT / "docs").glob("*.md")]
    for folder in ("resources", "pathways"):
        files += [p for p in (ROOT / folder).rglob("*") if p.suffix in {".json", ".yaml", ".yml", ".svg", ".txt"}]
    return files


def test_nothing_shipped_reproduces_the_epds_questions() -> None:
    files = shipped_text_files()
    assert len(files) > 20
    for file in files:
        text = re.sub(r"\s+", " ", file.read_text(encoding="utf-8").lower())
        for fragment in EPDS_FRAGMENTS:
            assert fragment not in text, f"{file.relative_to(ROOT)} reproduces an EPDS question ('{fragment}')"


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_parent_copy_uses_no_judgemental_words(sample) -> None:  # type: ignore[no-untyped-def]
    pathway = load_pathway(default_pathway_path())
    record = {**sample.record, "parent_voice": {"asked": True, "wants_help": "yes"},
              "strengths": ["supportive_partner", "responsive_care_seen"]}
    assessment = parse_assessment(record)
    outcome = assess_with_pathway(assessment, pathway, strict=False)
    text = build_summary(assessment, outcome, pathway, "parent", "Zoë Brontë",
                         safe_to_take_home=True).plain_text().lower()
    for word in JUDGEMENTAL:
        assert word not in text, f"parent copy says '{word}'"

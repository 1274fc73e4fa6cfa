"""Issue 2: assessing one case in-process, and `pairaid assess` as a whole process.

Floors, measured in the same run: a bare pydantic validation of the same file (in-process), and
`python -c "import pydantic"` (whole process).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_process_seconds, median_seconds, report
from pairaid.core.assess import assess_with_pathway
from pairaid.core.assessment import Assessment
from pairaid.pathway.loading import load_pathway
from pairaid.resources import default_pathway_path

VISIT = {
    "format": "pairaid.assessment/1",
    "id": "8c0e2c9e-52a1-4c7e-9d55-1f4f4a7c0b11",
    "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks", "setting": "home"},
    "family": {"baby": {"name": "Zoë Brontë", "date_of_birth": "2026-10-01", "nhs_number": "943 476 5919"},
               "carers": [{"name": "Łukasz Wójcik", "relationship": "father", "language": "Polish"}],
               "postcode": "B15 2TT"},
    "observations": {d: {"rating": r, "note": "seen at the visit"} for d, r in [
        ("noticing_cues", "some_concern"), ("responding", "significant_concern"), ("warmth", "strength"),
        ("handling", "no_concern"), ("pacing", "some_concern"), ("frightening", "no_concern")]},
    "parent_voice": {"asked": True, "words": "I love him but I'm so tired", "wants_help": "yes"},
    "mood": {"subject": "mother", "whooley": {"low_mood": True, "little_interest": False},
             "gad2": {"nervous": 2, "worrying": 1}, "epds": {"total": 14, "self_harm_item": 0}},
    "needs": {"housing": {"status": "current"}, "financial_hardship": {"status": "current"}},
    "strengths": ["supportive_partner"],
}


def main() -> None:
    print("## assess (issue 2)")
    pathway = load_pathway(default_pathway_path())
    raw = json.dumps(VISIT)

    def bare() -> None:
        Assessment.model_validate_json(raw)

    def full() -> None:
        assess_with_pathway(Assessment.model_validate_json(raw), pathway)

    report("assess one case in-process (validate + rules + services)", median_seconds(full, repeat=2000),
           "bare pydantic validation of the same file", median_seconds(bare, repeat=2000))

    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "visit.json"
        file.write_text(raw, encoding="utf-8")
        exe = sys.executable
        floor = median_process_seconds([exe, "-c", "import pydantic"])
        whole = median_process_seconds([exe, "-m", "pairaid", "assess", str(file), "--json"])
        report("`pairaid assess --json` whole process", whole, 'python -c "import pydantic"', floor, 1.5)


if __name__ == "__main__":
    main()

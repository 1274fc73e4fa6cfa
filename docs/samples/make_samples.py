"""Write the sample PDFs of the three copies and their page images (needs pdftoppm from poppler-utils).

Run from the repository root: .venv/bin/python docs/samples/make_samples.py
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pairaid.core.assess import assess_with_pathway  # noqa: E402
from pairaid.core.assessment import parse_assessment  # noqa: E402  (after the path set-up)
from pairaid.pathway.loading import load_pathway  # noqa: E402
from pairaid.report import render_summary  # noqa: E402

FIXTURES = ROOT / "tests" / "report" / "fixtures"
HERE = Path(__file__).resolve().parent


def main() -> None:
    pathway = load_pathway(FIXTURES / "pathway.yaml")
    data = json.loads((FIXTURES / "visit.json").read_text(encoding="utf-8"))
    data["safeguarding"] = {
        "indicators": ["suspected_significant_harm"],
        "note": "Unexplained bruise on the upper arm; discussed with the safeguarding lead.",
        "discussed_with": "Named nurse for safeguarding",
    }
    data["consent"]["sharing_basis"] = "safeguarding"
    data["family"]["carers"] = data["family"]["carers"][:3]
    data["family"]["household"] = [{"relationship": "sibling", "age": "3 years"}]
    data["decision"]["selected_services"] = ["front-door", "calm-minds"]
    data["decision"]["action_taken"] = ("Phoned the front door at 11:20 and spoke to the duty social worker; a Request "
                                        "for Support follows today.")
    assessment = parse_assessment(data, today=dt.date(2026, 11, 26))
    outcome = assess_with_pathway(assessment, pathway)
    copies = [("referral", "Duty social worker, Testshire Children's Front Door"),
              ("parent", "Nguyễn Thị Minh Khai"), ("supervision", "Clinical supervisor")]
    with tempfile.TemporaryDirectory() as folder:
        for kind, recipient in copies:
            pdf = Path(folder) / f"{kind}.pdf"
            # As from a finalised record (a draft says DRAFT on every page); the practitioner has confirmed the
            # parent copy is safe for this parent to take home.
            render_summary(assessment, outcome, pathway, kind, pdf, recipient, dt.date(2026, 11, 26), final=True,
                           safe_to_take_home=True, also_remove=["the hub"] if kind == "supervision" else ())
            for old in HERE.glob(f"{kind}-page-*.png"):
                old.unlink()
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(HERE / f"{kind}-page")], check=True)


if __name__ == "__main__":
    main()

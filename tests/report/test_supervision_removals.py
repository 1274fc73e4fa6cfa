"""The supervision PDF and the supervision bundle remove the same things, read back from the files."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from pairaid.core.pathway import Pathway
from pairaid.report import render_summary
from pairaid.store import Store
from tests.report.helpers import MADE_ON, make, outcome_for, visit_data

NOTE = ("zoe's cot is by the window; ZOË BRONTË and nguyen thi minh khai's sister Mrs Patel came on 12/03/2026, "
        "again on 14 March 2026 and 2026-03-16. They live at 12a Acacia Road; ring 07700 900321 or "
        "khai@example.org. Khais mum and Brontës gran help.")
GONE = ["Zoë", "zoe", "ZOË", "Brontë", "BRONTË", "nguyen", "Khai", "Patel", "12/03/2026", "14 March 2026",
        "2026-03-16", "Acacia", "07700 900321", "khai@example.org"]
EXPECTED = ("Z.B.'s cot is by the window; Z.B. and N.T.M.K.'s sister [removed] came on [date], again on [date] "
            "and [date]. They live at [address]; ring [phone] or [email]. N.T.M.K.'s mum and B.'s gran help.")


def pdftotext(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


@pytest.mark.skipif(subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0,
                    reason="pdftotext (poppler-utils) is not installed")
def test_the_pdf_and_the_bundle_remove_the_same(tmp_path: Path, pathway: Pathway) -> None:
    data = visit_data()
    data["family"]["baby"]["name"] = "Zoë Brontë"
    data["family"]["carers"] = [{"name": "Nguyễn Thị Minh Khai", "relationship": "mother"},
                                {"name": "Ann Brontë", "relationship": "grandmother"}]
    data["needs"]["housing"] = {"status": "current", "note": NOTE}
    assessment = make(data)
    outcome = outcome_for(assessment, pathway)
    pdf = render_summary(assessment, outcome, pathway, "supervision", tmp_path / "s.pdf", "Supervisor", MADE_ON,
                         also_remove=["mrs patel"])
    store = Store.open(tmp_path / "data")
    try:
        info = store.create_draft(assessment.model_dump(mode="json"), summary=_summary(assessment, outcome))
        bundle_path = store.export_bundle(info.id, tmp_path / "s", supervision=True, also_remove=["mrs patel"])
    finally:
        store.close()
    bundle_text = bundle_path.read_text(encoding="utf-8")
    pdf_text = pdftotext(pdf)
    for word in GONE:
        assert not re.search(rf"\b{re.escape(word)}", pdf_text, re.IGNORECASE), ("pdf", word)
        assert not re.search(rf"\b{re.escape(word)}", bundle_text, re.IGNORECASE), ("bundle", word)
    assert json.loads(bundle_text)["record"]["data"]["needs"]["housing"]["note"] == EXPECTED
    assert EXPECTED in pdf_text.replace("- ", "-")


def _summary(assessment, outcome):  # type: ignore[no-untyped-def]
    from pairaid.store import RecordSummary

    return RecordSummary.from_draft(assessment.model_dump(mode="json"), outcome)

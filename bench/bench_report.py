"""Issue 4: rendering a typical referral copy against a minimal two-page reportlab document with one embedded
TTF, medians measured in the same run (target: at most 2x).

Both write a file to the same temporary folder, in the same warm process (fonts registered once, as in the
app). "Typical": the synthetic family of tests/report/fixtures with two carers (a Vietnamese and an Arabic
name). Also shown: the same family with names in all five scripts, a 20,000-character note, and notes of
100,000 and 1,000,000 characters (fewer repeats), whose ratio to each other shows the layout is linear.

`--no-accel` measures as if the optional C accelerator `rl_accel` were not installed (reportlab then uses its
pure-Python fallbacks); it speeds both sides, so the ratio barely moves.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "--no-accel" in sys.argv:
    sys.modules["_rl_accel"] = None  # reportlab falls back to pure Python, as on a machine without rl_accel

import statistics
import time
from collections.abc import Callable

from bench.common import report
from pairaid.core.assess import assess_with_pathway
from pairaid.core.assessment import parse_assessment
from pairaid.core.outcome import ServiceSuggestion
from pairaid.pathway.loading import load_pathway
from pairaid.report import render_summary

FIXTURES = ROOT / "tests" / "report" / "fixtures"
TODAY = dt.date(2026, 11, 26)


def minimal_two_pages(path: Path) -> None:
    """The floor: two pages of plain paragraphs in one embedded TTF (Noto Sans)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    if "BenchSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchSans", str(ROOT / "resources" / "fonts" / "NotoSans-Regular.ttf")))
    style = ParagraphStyle("b", fontName="BenchSans", fontSize=10, leading=14)
    text = "The baby turned towards her mother's voice and settled when held close. " * 6
    story = [Paragraph(text, style) for _ in range(12)] + [PageBreak()] + [Paragraph(text, style) for _ in range(12)]
    SimpleDocTemplate(str(path), pagesize=A4, initialFontName="BenchSans").build(story)


def interleaved_medians(fn: Callable[[], object], floor: Callable[[], object], repeat: int = 40) -> tuple[float, float]:
    """Medians of `fn` and `floor` run turn about, so a noisy neighbour slows both alike."""
    for _ in range(3 if repeat > 3 else 1):
        fn()
        floor()
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeat):
        for target, times in ((fn, a), (floor, b)):
            start = time.perf_counter()
            target()
            times.append(time.perf_counter() - start)
    return statistics.median(a), statistics.median(b)


def main() -> None:
    from reportlab.lib import rl_accel

    accelerated = type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
    print("## summary PDF (issue 4)")
    print(f"reportlab C accelerator (rl_accel): {'in use' if accelerated else 'not in use'}")
    pathway = load_pathway(FIXTURES / "pathway.yaml")
    data = json.loads((FIXTURES / "visit.json").read_text(encoding="utf-8"))
    typical = copy.deepcopy(data)
    typical["family"]["carers"] = typical["family"]["carers"][:2]
    def with_note(characters: int) -> dict:
        raw = copy.deepcopy(typical)
        text = "Settles when held close; evenings are hardest. "
        raw["observations"]["noticing_cues"]["note"] = (text * (characters // len(text) + 1))[:characters]
        return raw

    long_note = with_note(20_000)

    def case(raw: dict) -> tuple:
        assessment = parse_assessment(raw, today=TODAY)
        outcome = assess_with_pathway(assessment, pathway)
        if not outcome.services:
            outcome = outcome.model_copy(
                update={
                    "services": [
                        ServiceSuggestion(id="calm-minds", level="targeted", why=["mental health"]),
                        ServiceSuggestion(id="little-steps", level="specialist", why=["relationship"], verified=False),
                    ]
                }
            )
        return assessment, outcome

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)

        def floor() -> None:
            minimal_two_pages(out / "floor.pdf")

        seconds: dict[int, float] = {}
        for name, raw, copy_kind, repeat in [
            ("typical referral copy", typical, "referral", 40),
            ("referral copy, names in five scripts", data, "referral", 40),
            ("parent copy", typical, "parent", 40),
            ("referral copy with a 20,000-character note", long_note, "referral", 40),
            ("referral copy with a 100,000-character note", with_note(100_000), "referral", 3),
            ("referral copy with a 1,000,000-character note", with_note(1_000_000), "referral", 3),
        ]:
            assessment, outcome = case(raw)

            def render(a=assessment, o=outcome, k=copy_kind) -> None:
                render_summary(a, o, pathway, k, out / "summary.pdf", "Duty clinician", TODAY)

            value, floor_value = interleaved_medians(render, floor, repeat)
            if "character note" in name:
                seconds[len(raw["observations"]["noticing_cues"]["note"])] = value
            report(
                name,
                value,
                "minimal 2-page reportlab PDF, one embedded TTF",
                floor_value,
                target_ratio=2.0 if name.startswith("typical") else None,
            )
        ratio = seconds[1_000_000] / seconds[100_000]
        print(f"1,000,000 against 100,000 characters: {ratio:.1f}x the time for 10x the text (linear: about 10x)")


if __name__ == "__main__":
    main()

"""Pathway speed at national scale: a generated 10,000-service pathway.

Prints, each beside its floor measured in the same run (medians):
  - reading + checking the file (pairaid.pathway.check.check_text: YAML with line marks, validation, every check)
    beside the floor: reading the same YAML with PyYAML's C loader alone (yaml.load + CSafeLoader);
  - loading it again through the validated-form cache (pairaid.pathway.loading.load_pathway on an unchanged file);
  - matching one assessment (level + services, assess_with_pathway) beside the floor of the rules alone
    (pairaid.core.engine.evaluate, no services).
Targets: checking < 1 s, matching < 5 ms. Run: .venv/bin/python bench/bench_pathway.py [--services N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml

from bench.common import median_seconds
from pairaid.core import vocab
from pairaid.core.assessment import parse_assessment
from pairaid.core.engine import evaluate
from pairaid.pathway.check import check_text
from pairaid.resources import default_pathway_path

TODAY = dt.date(2026, 11, 26)
AREAS = [f"{prefix}{n}" for prefix in ("B", "CV", "DY", "WS", "WV", "M", "LS", "S", "L", "NE") for n in range(1, 41)]


def generate(count: int) -> str:
    """A pathway with Birmingham's header and rules and `count` fictional services spread over 400 districts
    (one in twenty covers the whole area), with drama-range numbers and example.org addresses."""
    base = default_pathway_path().read_text(encoding="utf-8")
    head = base[: base.index("\nservices:")]
    # districts the header already lists as shared with a neighbour stay shared (a district is never in both)
    shared = set(re.findall(r"[A-Z]+[0-9]+", re.search(r"shared_districts: \[([^\]]*)\]", head).group(1)))
    inside = [d for d in AREAS[1:] if d not in shared]
    head = head.replace("postcode_districts: [B1,", "postcode_districts: [" + ", ".join(inside) + ", B1,", 1)
    needs = vocab.SERVICE_NEEDS
    levels = ("universal", "targeted", "targeted", "specialist", "specialist", "statutory")
    parts = [head, "\nservices:\n"]
    for i in range(count):
        chosen = sorted({needs[i % len(needs)], needs[(i * 7 + 3) % len(needs)], needs[(i * 13 + 5) % len(needs)]})
        areas = "[]" if i % 20 == 0 else f"[{AREAS[i % len(AREAS)]}, {AREAS[(i * 3 + 1) % len(AREAS)]}]"
        top = "" if i % 5 == 0 else f", max_months: {12 + i % 24}"
        parts.append(
            f"""  - id: service-{i:05d}
    name: Example family service {i}
    provider: Example provider {i % 300}
    level: {levels[i % len(levels)]}
    needs: [{", ".join(chosen)}]
    ages: {{antenatal: {"true" if i % 3 else "false"}, min_months: 0{top}}}
    areas: {areas}
    referral: {{self: {"true" if i % 2 else "false"}, professional: true, how: "Phone or use the online form."}}
    contact: {{phone: "0121 496 {i % 1000:04d}", url: "https://example.org/services/{i}", email: "team{i}@example.org"}}
    languages: [English]
    cost: free
    description: "A fictional service, generated to measure speed."
    status: {"inactive" if i % 50 == 0 else "active"}
    verified: {{status: verified, source: "https://example.org/", checked: 2026-11-01}}
"""
        )
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    text = generate(args.services)
    print(f"pathway: {args.services:,} services, {len(text) / 1e6:.1f} MB of YAML, {text.count(chr(10)):,} lines")

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    floor_read = median_seconds(lambda: yaml.load(text, Loader=loader), repeat=args.repeat, warmup=0)
    result = check_text(text, "generated.yaml", today=TODAY)
    assert result.ok, [str(p) for p in result.errors[:5]]
    check = median_seconds(lambda: check_text(text, "generated.yaml", today=TODAY), repeat=args.repeat, warmup=0)
    print(f"read + check (cold)      {check:8.3f} s   floor yaml.load(CSafeLoader) {floor_read:8.3f} s   "
          f"target < 1 s   ratio {check / floor_read:.2f}x")

    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as folder:
        os.environ["PAIRAID_CACHE_DIR"] = cache
        from pairaid.pathway.loading import load_pathway

        file = Path(folder) / "generated.yaml"
        file.write_text(text, encoding="utf-8")
        load_pathway(file)  # fills the cache
        warm = median_seconds(lambda: load_pathway(file), repeat=args.repeat, warmup=0)
        print(f"load (cached, unchanged) {warm:8.3f} s   floor yaml.load(CSafeLoader) {floor_read:8.3f} s   "
              f"target < 1 s   ratio {warm / floor_read:.2f}x")

    from pairaid.core.assess import assess_with_pathway

    pathway = result.pathway
    assessment = parse_assessment(
        {
            "format": "pairaid.assessment/1",
            "contact": {"date": "2026-11-20", "type": "six_to_eight_weeks"},
            "family": {"baby": {"date_of_birth": "2026-09-20"}, "postcode": "B15 2TT"},
            "observations": {"warmth": {"rating": "significant_concern"}, "responding": {"rating": "some_concern"},
                             "noticing_cues": {"rating": "no_concern"}},
            "mood": {"epds": {"total": 14, "self_harm_item": 0}},
            "needs": {"housing": {"status": "current"}, "social_isolation": {"status": "current"}},
        },
        today=TODAY,
    )
    outcome = assess_with_pathway(assessment, pathway, today=TODAY)
    rounds = max(args.repeat * 40, 200)
    match = median_seconds(lambda: assess_with_pathway(assessment, pathway, today=TODAY), repeat=rounds, warmup=0)
    rules = median_seconds(lambda: evaluate(assessment, pathway.rules), repeat=rounds, warmup=0)
    print(f"match one assessment     {match * 1000:8.2f} ms  floor evaluate() rules only {rules * 1000:8.2f} ms   "
          f"target < 5 ms   ({len(outcome.services)} services suggested)")
    print(f"                         {'':8}     floor yaml.load(CSafeLoader) {floor_read * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

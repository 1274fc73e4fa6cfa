"""JSON Schema of the pathway format, for editors that check YAML as it is typed."""

from __future__ import annotations

import json
from typing import Any

from pairaid.core.pathway import Pathway


def pathway_schema() -> dict[str, Any]:
    schema = Pathway.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "pairaid pathway file (pairaid.pathway/1)",
        "description": "A locality's map of parent-infant support: levels of need, rules, front door and services. "
        "`pairaid pathway check FILE` makes further checks (phone numbers, web addresses, duplicate ids, lines).",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def schema_text() -> str:
    return json.dumps(pathway_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"

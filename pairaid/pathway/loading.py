"""Load a pathway file for the commands and the app (interim: plain YAML + model validation)."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from pairaid.commands.common import CliError
from pairaid.core.assessment import Assessment
from pairaid.core.engine import evaluate
from pairaid.core.errors import format_validation_error
from pairaid.core.outcome import Outcome
from pairaid.core.pathway import Pathway
from pairaid.resources import default_pathway_path


def load_pathway(path: Path) -> Pathway:
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return Pathway.model_validate(data)


def load_pathway_for_cli(path: str | None) -> Pathway:
    file = Path(path) if path else default_pathway_path()
    try:
        return load_pathway(file)
    except FileNotFoundError:
        raise CliError(f"{file}: no such pathway file") from None
    except ValidationError as exc:
        raise CliError(f"{file}: not a valid pathway:\n  " + "\n  ".join(format_validation_error(exc))) from None


def assess_with_pathway(assessment: Assessment, pathway: Pathway, *, strict: bool = True) -> Outcome:
    return evaluate(assessment, pathway.rules, strict=strict)

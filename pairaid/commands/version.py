"""`pairaid --version`: the program's version and the id and version of every bundled pathway file."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from pairaid import __version__


@dataclass(frozen=True)
class BundledPathway:
    file: Path
    id: str | None = None
    version: str | None = None
    title: str | None = None
    review_by: str | None = None
    problem: str | None = None  # why the file could not be read, in plain words


def bundled_pathway_files() -> list[Path]:
    """The pathway files shipped with the program (found through pairaid.resources only)."""
    from pairaid.resources import pathways_dir

    folder = pathways_dir()
    return sorted(p for p in folder.glob("*.y*ml") if p.is_file()) if folder.is_dir() else []


def read_bundled_pathway(file: Path) -> BundledPathway:
    """Read one bundled file through the pathway loader; a broken file is reported, never raised."""
    from pairaid.pathway.loading import PathwayError, load_pathway

    try:
        pathway = load_pathway(file)
    except PathwayError as exc:
        errors = exc.result.errors or exc.result.problems
        first = str(errors[0]) if errors else str(exc)
        return BundledPathway(file, problem=f"not a usable pathway ({len(errors)} error(s)); first: {first}")
    except Exception as exc:  # an unreadable file: name it and go on with the others
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return BundledPathway(file, problem=f"cannot be read: {first}")
    info = pathway.pathway
    return BundledPathway(
        file,
        id=info.id,
        version=info.version,
        title=info.title,
        review_by=info.review_by.isoformat() if info.review_by else None,
    )


def version_lines() -> tuple[list[str], bool]:
    """The lines `--version` prints, and whether every bundled pathway could be read."""
    lines = [f"pairaid {__version__}"]
    files = bundled_pathway_files()
    if not files:
        return [*lines, "bundled pathways: none found (the installation is incomplete)"], False
    lines.append("bundled pathways:")
    healthy = True
    for entry in (read_bundled_pathway(f) for f in files):
        if entry.problem:
            healthy = False
            lines.append(f"  {entry.file.name}: {entry.problem}")
            continue
        review = f", review by {entry.review_by}" if entry.review_by else ""
        lines.append(f"  {entry.id} {entry.version}: {entry.title}{review}")
    return lines, healthy


def safe_console() -> None:
    """A pathway title or folder name the console's code page cannot show is escaped, never a traceback
    (Windows consoles redirected to a file use the ANSI code page)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def run_version(args: argparse.Namespace) -> int:
    safe_console()
    lines, healthy = version_lines()
    print("\n".join(lines))
    if not healthy:
        print("pairaid: a bundled pathway file is damaged; reinstall pairaid", file=sys.stderr)
        return 1
    return 0

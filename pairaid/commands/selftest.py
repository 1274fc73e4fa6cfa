"""`pairaid --self-test [--data-dir DIR]`: what an IT team runs after installing (from source or a bundle).

Each step prints `ok`, `FAIL` or `skip`, what it checked and the seconds since the start; the last line
says whether the installation passed. Exit 0 only when no step failed. Everything is written to a fresh
temporary folder that is removed afterwards: the user's data folder is looked at (path and permissions) and
its records database opened read-only and checked, but nothing there is ever created or written.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import stat
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pairaid import __version__

if TYPE_CHECKING:
    from pairaid.core.pathway import Pathway

COPIES: tuple[Literal["referral", "parent", "supervision"], ...] = ("referral", "parent", "supervision")


class StepFailed(Exception):
    """A check did not pass; the message says what was wrong, in plain words."""


class StepSkipped(Exception):
    """A check that cannot run here (e.g. Qt not installed); not a failure."""


@dataclass
class Context:
    scratch: Path
    data_dir: str | None
    pathway: Pathway | None = None  # the default pathway once loaded


@dataclass
class StepResult:
    name: str
    status: str  # ok | FAIL | skip
    message: str
    elapsed: float  # seconds since the self-test started


# -- the steps -----------------------------------------------------------------------------------------------


def step_pathways(ctx: Context) -> str:
    """Every bundled pathway passes the pathway checker (errors fail the step; warnings are counted)."""
    from pairaid.commands.version import bundled_pathway_files
    from pairaid.pathway.check import check_file
    from pairaid.resources import default_pathway_path

    files = bundled_pathway_files()
    if not files:
        raise StepFailed("no pathway files were found in the installation")
    errors: list[str] = []
    names: list[str] = []
    warnings = 0
    for file in files:
        result = check_file(file)
        if result.pathway is None or result.errors:
            errors.extend(str(p) for p in (result.errors or result.problems))
            continue
        warnings += len(result.warnings)
        names.append(f"{result.pathway.pathway.id} {result.pathway.pathway.version}")
        if file == default_pathway_path():
            ctx.pathway = result.pathway
    if errors:
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise StepFailed("; ".join(errors[:3]) + more)
    note = f"; {warnings} warning(s), see `pairaid pathway check`" if warnings else ""
    return f"{len(names)} bundled pathway(s) checked: {', '.join(names)}{note}"


def step_framework(ctx: Context) -> str:
    """The observation framework (item wording) and the bundled fonts are present."""
    from pairaid.core import vocab
    from pairaid.core.framework import load_framework
    from pairaid.resources import resource_path

    framework = load_framework()
    missing = [d for d in vocab.DOMAINS if not framework.domain_title(d)]
    if missing:
        raise StepFailed(f"the observation framework has no wording for: {', '.join(missing)}")
    fonts = sorted(resource_path("fonts").glob("*.ttf"))
    if not fonts:
        raise StepFailed(f"no fonts found in {resource_path('fonts')}")
    return f"wording for {len(vocab.DOMAINS)} observation areas; {len(fonts)} fonts"


def step_rules(ctx: Context) -> str:
    """Synthetic visits through the rules of the default pathway give their known levels."""
    from pairaid.commands.selftest_visits import SAMPLES, check_sample
    from pairaid.core.assess import assess_with_pathway
    from pairaid.core.assessment import parse_assessment

    pathway = _pathway(ctx)
    wrong: list[str] = []
    for sample in SAMPLES:
        outcome = assess_with_pathway(parse_assessment(sample.record), pathway, strict=False)
        problem = check_sample(sample, outcome)
        if problem:
            wrong.append(problem)
    if wrong:
        raise StepFailed("; ".join(wrong))
    return f"{len(SAMPLES)} sample visits gave their expected levels"


def step_summary(ctx: Context) -> str:
    """The three copies render to PDFs with text; the supervision copy carries no identifiers."""
    from pairaid.commands.selftest_visits import SAMPLES
    from pairaid.core.assess import assess_with_pathway
    from pairaid.core.assessment import parse_assessment
    from pairaid.core.summary_content import build_summary
    from pairaid.report import render_summary

    pathway = _pathway(ctx)
    sample = next(s for s in SAMPLES if s.level == "specialist" and not s.urgent)
    assessment = parse_assessment(sample.record)
    outcome = assess_with_pathway(assessment, pathway, strict=False)
    folder = ctx.scratch / "summaries"
    folder.mkdir()
    sizes: list[str] = []
    recipient = "Health visiting team (self-test)"
    text = build_summary(assessment, outcome, pathway, "supervision", recipient).plain_text()
    leaked = [value for value in ("Brontë", "943 476 5919", "9434765919") if value in text]
    if leaked:
        raise StepFailed(f"the supervision copy shows identifiers: {', '.join(leaked)}")
    for copy in COPIES:
        target = folder / f"{copy}.pdf"
        render_summary(assessment, outcome, pathway, copy, target, recipient)
        problem = pdf_problem(target)
        if problem:
            raise StepFailed(f"{copy} copy: {problem}")
        sizes.append(f"{copy} {target.stat().st_size // 1024} KB")
    return "3 copies rendered as PDFs with text (" + ", ".join(sizes) + ")"


def pdf_problem(path: Path) -> str | None:
    """Why `path` is not a complete PDF with drawn text, or None. Decodes the content streams with the standard
    library only (ASCII85 and Flate, as reportlab writes them), so it works inside a bundle."""
    if not path.is_file():
        return "no file was written"
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        return "the file is not a PDF"
    if b"%%EOF" not in data[-1024:]:
        return "the PDF is incomplete (no end marker)"
    for body in _pdf_streams(data):
        if b"BT" in body and (b"Tj" in body or b"TJ" in body):
            return None
    return "the PDF has no text on it"


def _pdf_streams(data: bytes) -> list[bytes]:
    """The decoded body of every stream whose length is given directly (enough for reportlab's output)."""
    streams: list[bytes] = []
    for match in re.finditer(rb"stream\r?\n", data):
        header = data[data.rfind(b" obj", 0, match.start()) : match.start()]
        length = re.search(rb"/Length (\d+)(?! \d+ R)", header)
        if not length or header.rstrip().endswith(b"end"):
            continue
        body = data[match.end() : match.end() + int(length.group(1))]
        try:
            if b"/ASCII85Decode" in header:
                body = base64.a85decode(body.strip().removesuffix(b"~>"))
            if b"/FlateDecode" in header:
                body = zlib.decompress(body)
        except (ValueError, zlib.error):
            continue  # a damaged stream simply does not count as text
        streams.append(body)
    return streams


def step_database(ctx: Context) -> str:
    """A scratch database in the temporary folder is created, migrated, written, read back and checked."""
    from pairaid.commands.common import store_problem
    from pairaid.commands.selftest_visits import SAMPLES
    from pairaid.store import RecordSummary, Store, StoreError, database_path
    from pairaid.store.schema import SCHEMA_VERSION

    folder = ctx.scratch / "data"
    try:
        store = Store.open(folder)
    except StoreError as exc:  # the temporary folder's disk is full or read-only: said as the app says it
        raise StepFailed(store_problem(exc, one_line=True)) from None
    try:
        data = SAMPLES[0].record
        info = store.create_draft(data, summary=RecordSummary.from_draft(data))
        store.save_draft(info.id, data, info.version, summary=RecordSummary.from_draft(data))
        record = store.load(info.id)
        if record.data.get("family", {}).get("baby", {}).get("name") != "Zoë Brontë":
            raise StepFailed("a saved draft did not read back the same")
        check = store.integrity_check()
        if check != "ok":
            raise StepFailed(f"SQLite's integrity check failed: {check}")
    finally:
        store.close()
    mode = stat.S_IMODE(database_path(folder).stat().st_mode)
    if os.name == "posix" and mode & 0o077:
        raise StepFailed(f"the database file is readable by others (mode {mode:o}, expected 600)")
    return f"scratch database created and migrated to schema {SCHEMA_VERSION}, saved and read back"


def step_data_folder(ctx: Context) -> str:
    """Where records are kept, whether that folder is private and can be written, and whether its database is
    sound: looked at and opened read-only, never created or written. Each problem is said in the words the app
    uses for it (a read-only folder, a full disk, a database in use, out of reach, empty, foreign or damaged)."""
    from pairaid.commands.common import store_problem
    from pairaid.store import StoreError

    source, folder = _data_folder(ctx.data_dir)
    db = folder / "pairaid.db"
    try:
        return _look_at_data_folder(source, folder, db)
    except StoreError as exc:
        raise StepFailed(store_problem(exc, one_line=True)) from None


def _look_at_data_folder(source: str, folder: Path, db: Path) -> str:
    from pairaid.store.guard import classify_os, place_problem
    from pairaid.store.opening import check_database

    try:
        if not folder.exists():
            return f"{folder} ({source}) does not exist yet; the app creates it on first start"
        if not folder.is_dir():
            raise StepFailed(f"{folder} ({source}) is a file, not a folder")
        mode = stat.S_IMODE(folder.stat().st_mode)
        has_db = db.exists()
        db_mode = stat.S_IMODE(db.stat().st_mode) if has_db else 0
    except OSError as exc:  # a folder that cannot be looked into
        raise classify_os(exc, db, writing=False) from None
    if os.name == "posix":
        if mode & 0o077:
            raise StepFailed(f"{folder} can be read by other users (mode {mode:o}); run: chmod 700 '{folder}'")
        if db_mode & 0o077:
            raise StepFailed(f"{db} can be read by other users; run: chmod 600 '{db}'")
    held = check_database(db) if has_db else "no records database yet"
    problem = place_problem(db, opening=True)  # the app could read its records there but not save any
    if problem is not None:
        raise problem
    what = f"pairaid.db: {held}" if has_db else held
    return f"{folder} ({source}) exists, is private and can be written; {what}"


def _data_folder(cli_value: str | None) -> tuple[str, Path]:
    """The same order as pairaid.store.paths.resolve_data_dir, without creating anything."""
    from pairaid.store.paths import ENV_VAR

    if cli_value:
        return "--data-dir", Path(cli_value).expanduser()
    if os.environ.get(ENV_VAR):
        return f"${ENV_VAR}", Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_data_dir

    return "user data folder", Path(user_data_dir("pairaid", appauthor=False))


def step_window(ctx: Context) -> str:
    """Qt can create and show a window offscreen, with the app icon (SVG) drawn."""
    try:
        import PySide6
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication, QLabel
    except ImportError as exc:
        message = f"PySide6 is not installed or cannot load ({exc}); the desktop app will not start"
        if getattr(sys, "frozen", False):  # a bundle ships Qt: not loading it is a broken installation
            raise StepFailed(message) from None
        raise StepSkipped(message) from None
    from pairaid.resources import resource_path

    app = QApplication.instance() or QApplication(["pairaid-self-test", "-platform", "offscreen"])
    window = QLabel("pairaid self-test")
    icon_file = resource_path("icons", "pairaid.svg")
    icon = QIcon(str(icon_file))
    window.setWindowIcon(icon)
    window.resize(320, 120)
    window.show()
    app.processEvents()
    try:
        if not window.isVisible():
            raise StepFailed("a window could not be shown")
        if window.grab().isNull():
            raise StepFailed("the window could not be drawn")
        if icon.pixmap(64, 64).isNull():
            raise StepFailed(f"the app icon {icon_file} could not be drawn (missing file or SVG image plugin)")
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return f"offscreen window shown and icon drawn (PySide6 {PySide6.__version__})"


STEPS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("pathways", step_pathways),
    ("framework", step_framework),
    ("rules", step_rules),
    ("summary", step_summary),
    ("database", step_database),
    ("data folder", step_data_folder),
    ("window", step_window),
)


def _pathway(ctx: Context) -> Pathway:
    if ctx.pathway is None:
        from pairaid.pathway.loading import load_pathway
        from pairaid.resources import default_pathway_path

        ctx.pathway = load_pathway(default_pathway_path())
    return ctx.pathway


def run_steps(ctx: Context, out: Callable[[StepResult], None]) -> list[StepResult]:
    start = time.perf_counter()
    results: list[StepResult] = []
    for name, step in STEPS:
        try:
            status, message = "ok", step(ctx)
        except StepSkipped as exc:
            status, message = "skip", str(exc)
        except StepFailed as exc:
            status, message = "FAIL", str(exc)
        except Exception as exc:  # any other error is a failed step with its cause named, never a traceback
            first = (str(exc).strip().splitlines() or [""])[0]
            status, message = "FAIL", f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        result = StepResult(name, status, message, time.perf_counter() - start)
        results.append(result)
        out(result)
    return results


def _print(result: StepResult) -> None:
    print(f"{result.status:<4}  {result.name:<12} {result.message}  [{result.elapsed:.2f} s]", flush=True)


def run_self_test(args: argparse.Namespace) -> int:
    from pairaid.commands.version import safe_console

    safe_console()
    print(f"pairaid {__version__} self-test ({'bundle' if getattr(sys, 'frozen', False) else 'source'} install; "
          "scratch files in a temporary folder, your records are not touched)", flush=True)
    try:
        scratch_folder = tempfile.TemporaryDirectory(prefix="pairaid-self-test-")
    except OSError as exc:  # every temporary folder full or read-only: nothing can be tried
        print(f"FAIL  {'scratch':<12} no temporary folder can be made ({exc.strerror or exc}); free some space "
              "or set TMPDIR to a folder you can write to")
        print("self-test FAILED: it could not start")
        return 1
    with scratch_folder as scratch:
        results = run_steps(Context(scratch=Path(scratch), data_dir=getattr(args, "data_dir", None)), _print)
    failed = [r.name for r in results if r.status == "FAIL"]
    skipped = [r.name for r in results if r.status == "skip"]
    passed = len(results) - len(failed) - len(skipped)
    note = f", {len(skipped)} skipped ({', '.join(skipped)})" if skipped else ""
    if failed:
        print(f"self-test FAILED: {len(failed)} of {len(results)} steps failed ({', '.join(failed)}){note}")
        return 1
    print(f"self-test passed: {passed} of {len(results)} steps ok{note}")
    return 0

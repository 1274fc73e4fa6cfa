"""`pairaid --version` and `pairaid --self-test`: what an IT team runs after installing.

Whole-process runs check exit codes and that no traceback ever reaches the user; in-process runs break one
part at a time to show each step can fail (a self-test that cannot fail proves nothing).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pairaid import __version__
from pairaid.cli import main
from pairaid.commands import selftest
from pairaid.resources import pathways_dir
from tests.broken_databases import CAUSES, broken
from tests.disk_faults import fill, folder_mode, small_disk

STEPS = ("pathways", "framework", "rules", "summary", "database", "data folder", "window")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pairaid", *args], capture_output=True, text=True, timeout=120,
                          env=env)


def isolated_env(tmp_path: Path) -> dict[str, str]:
    """A home and XDG folders of our own, so the user data folder the self-test looks at is a temporary one."""
    env = {k: v for k, v in os.environ.items() if k != "PAIRAID_DATA_DIR"}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "home" / "share"),
               QT_QPA_PLATFORM="offscreen")
    return env


def test_version_names_the_program_and_every_bundled_pathway() -> None:
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == f"pairaid {__version__}"
    for file in sorted(pathways_dir().glob("*.yaml")):
        info = yaml.safe_load(file.read_text(encoding="utf-8"))["pathway"]
        assert f"{info['id']} {info['version']}" in result.stdout


def test_self_test_passes_on_this_installation_and_reports_every_step(tmp_path: Path) -> None:
    result = run("--self-test", env=isolated_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for step in STEPS:
        assert any(line.startswith("ok") and f"  {step} " in line for line in lines), (step, result.stdout)
    assert lines[-1].startswith("self-test passed: 7 of 7 steps ok")


def test_self_test_never_creates_or_writes_the_data_folder(tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    named = tmp_path / "records"
    result = run("--self-test", "--data-dir", str(named), env=env)
    assert result.returncode == 0, result.stdout
    assert str(named) in result.stdout and "does not exist yet" in result.stdout
    assert not named.exists()
    assert not (tmp_path / "home" / "share" / "pairaid").exists()


def test_self_test_checks_the_database_read_only_and_leaves_the_folder_exactly_as_it_was(tmp_path: Path) -> None:
    from pairaid.store import RecordSummary, Store

    folder = tmp_path / "records"
    with Store.open(folder) as store:
        store.create_draft({"n": 1}, summary=RecordSummary())
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    result = run("--self-test", "--data-dir", str(folder), env=isolated_env(tmp_path))
    assert result.returncode == 0, result.stdout
    assert "pairaid.db: 1 record(s), schema" in result.stdout and "opened read-only" in result.stdout
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()} == before


@pytest.mark.parametrize(("content", "message"), [
    (b"", r"empty \(0 bytes\)"),
    (b"not a database at all" * 40, "not a pairaid database"),
])
def test_self_test_fails_on_an_empty_or_foreign_database_and_says_what_it_found(
        tmp_path: Path, content: bytes, message: str) -> None:
    folder = tmp_path / "records"
    folder.mkdir(mode=0o700)
    os.chmod(folder, 0o700)
    (folder / "pairaid.db").write_bytes(content)
    os.chmod(folder / "pairaid.db", 0o600)
    with pytest.raises(selftest.StepFailed, match=message):
        selftest.step_data_folder(selftest.Context(scratch=tmp_path / "scratch", data_dir=str(folder)))
    assert (folder / "pairaid.db").read_bytes() == content


@pytest.mark.parametrize("cause", list(CAUSES))
def test_self_test_says_each_fault_of_the_records_database_as_the_app_does(
        cause: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opened read-only, a database in a read-only folder or on a full disk reads fine: the self-test still fails,
    as the app could not save a record there."""
    title, advice = CAUSES[cause]
    # broken() checks afterwards that the file is untouched
    with broken(cause, tmp_path, monkeypatch) as data_dir, pytest.raises(selftest.StepFailed) as failed:
        selftest.step_data_folder(selftest.Context(scratch=tmp_path / "scratch", data_dir=str(data_dir)))
    assert str(failed.value).startswith(f"{title}: ") and "pairaid.db: " in str(failed.value)
    assert advice in str(failed.value)


def test_a_whole_self_test_on_a_read_only_data_folder_fails_that_step_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    with broken("read-only folder", tmp_path, monkeypatch) as data_dir:
        assert main(["--self-test", "--data-dir", str(data_dir)]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if "  data folder " in line)
    assert line.startswith("FAIL") and "The records folder is read-only: " in line and "write access" in line
    assert out.splitlines()[-1].startswith("self-test FAILED: 1 of 7 steps failed (data folder)")


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_self_test_fails_when_the_data_folder_is_readable_by_others(tmp_path: Path) -> None:
    folder = tmp_path / "shared-records"
    folder.mkdir()
    os.chmod(folder, 0o755)
    result = run("--self-test", "--data-dir", str(folder), env=isolated_env(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert any(line.startswith("FAIL") and "chmod 700" in line for line in result.stdout.splitlines())
    assert result.stdout.splitlines()[-1].startswith("self-test FAILED: 1 of 7 steps failed (data folder)")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755  # reported, not changed


# -- each step can fail, and says why, without a traceback -----------------------------------------------------


def broken_pathways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "pathways"
    folder.mkdir()
    text = (pathways_dir() / "birmingham.yaml").read_text(encoding="utf-8")
    (folder / "birmingham.yaml").write_text(text.replace("\nlevels:", "\nlevles:", 1), encoding="utf-8")
    monkeypatch.setattr("pairaid.resources.pathways_dir", lambda: folder)
    return folder


def test_version_reports_a_damaged_bundled_pathway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    broken_pathways(tmp_path, monkeypatch)
    assert main(["--version"]) == 1
    out, err = capsys.readouterr()
    assert "birmingham.yaml: not a usable pathway" in out
    assert "reinstall pairaid" in err


def test_self_test_fails_on_a_pathway_with_a_typo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    broken_pathways(tmp_path, monkeypatch)
    assert main(["--self-test", "--data-dir", str(tmp_path / "unused")]) == 1
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert failed and "pathways" in failed[0] and "levles" in failed[0]
    assert "Traceback" not in out


def test_self_test_fails_when_the_rules_give_a_wrong_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from pairaid.core import assess

    real = assess.assess_with_pathway

    def no_safeguarding(assessment, pathway, **kwargs):  # type: ignore[no-untyped-def]
        outcome = real(assessment, pathway, **kwargs)
        return outcome.model_copy(update={"level": "universal", "final_level": "universal", "safeguarding": False}) \
            if outcome.safeguarding else outcome

    monkeypatch.setattr(assess, "assess_with_pathway", no_safeguarding)
    assert main(["--self-test", "--data-dir", str(tmp_path / "unused")]) == 1
    out = capsys.readouterr().out
    rules = next(line for line in out.splitlines() if "  rules " in line)
    assert rules.startswith("FAIL") and "safeguarding indicator: level 'universal' (expected 'statutory')" in rules


def test_self_test_fails_when_a_copy_is_not_a_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    def bad_render(assessment, outcome, pathway, copy, out_path, recipient=None):  # type: ignore[no-untyped-def]
        Path(out_path).write_text("<html>not a pdf</html>", encoding="utf-8")
        return Path(out_path)

    monkeypatch.setattr("pairaid.report.render_summary", bad_render)
    assert main(["--self-test", "--data-dir", str(tmp_path / "unused")]) == 1
    summary = next(line for line in capsys.readouterr().out.splitlines() if "  summary " in line)
    assert summary.startswith("FAIL") and "referral copy: the file is not a PDF" in summary


def test_self_test_fails_when_the_database_cannot_be_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from pairaid.store import Store

    def refuse(cls, data_dir):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Store, "open", classmethod(refuse))
    assert main(["--self-test", "--data-dir", str(tmp_path / "unused")]) == 1
    database = next(line for line in capsys.readouterr().out.splitlines() if "  database " in line)
    assert database.startswith("FAIL") and "PermissionError" in database


def test_the_scratch_database_on_a_full_disk_fails_its_step_in_the_apps_words(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        fill(disk)
        with pytest.raises(selftest.StepFailed, match=r"^The disk is full: .*Free some space"):
            selftest.step_database(selftest.Context(scratch=disk, data_dir=None))


def test_no_writable_temporary_folder_is_a_failure_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where the self-test makes its scratch folder
    with folder_mode(scratch, 0o500):
        assert main(["--self-test", "--data-dir", str(tmp_path / "unused")]) == 1
    out = capsys.readouterr().out
    assert "no temporary folder can be made (Permission denied)" in out and "TMPDIR" in out
    assert out.splitlines()[-1] == "self-test FAILED: it could not start"


def test_self_test_skips_the_window_step_with_a_note_when_qt_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6", None)  # makes `import PySide6` raise ImportError
    assert main(["--self-test", "--data-dir", str(tmp_path / "unused")]) == 0
    out = capsys.readouterr().out
    window = next(line for line in out.splitlines() if "  window " in line)
    assert window.startswith("skip") and "PySide6 is not installed" in window
    assert out.splitlines()[-1] == "self-test passed: 6 of 7 steps ok, 1 skipped (window)"


# -- the PDF check used inside bundles (no PDF library there) -------------------------------------------------


def test_pdf_check_accepts_text_and_rejects_blank_truncated_and_foreign_files(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    with_text, blank = tmp_path / "text.pdf", tmp_path / "blank.pdf"
    canvas = Canvas(str(with_text))
    canvas.drawString(72, 720, "Łukasz Wójcik: strengths first")
    canvas.save()
    canvas = Canvas(str(blank))
    canvas.line(72, 72, 300, 300)
    canvas.save()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(with_text.read_bytes()[:-200])
    foreign = tmp_path / "foreign.pdf"
    foreign.write_text("hello", encoding="utf-8")

    assert selftest.pdf_problem(with_text) is None
    assert selftest.pdf_problem(blank) == "the PDF has no text on it"
    assert selftest.pdf_problem(truncated) == "the PDF is incomplete (no end marker)"
    assert selftest.pdf_problem(foreign) == "the file is not a PDF"
    assert selftest.pdf_problem(tmp_path / "missing.pdf") == "no file was written"


def test_inside_a_bundle_qt_failing_to_load_is_a_failure_not_a_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6", None)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert main(["--self-test", "--data-dir", str(tmp_path / "unused")]) == 1
    window = next(line for line in capsys.readouterr().out.splitlines() if "  window " in line)
    assert window.startswith("FAIL") and "the desktop app will not start" in window


def test_a_console_that_cannot_show_a_folder_name_gets_it_escaped_not_a_traceback(tmp_path: Path) -> None:
    env = {**isolated_env(tmp_path), "PYTHONIOENCODING": "ascii"}
    result = run("--self-test", "--data-dir", str(tmp_path / "Łukasz Wójcik"), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "\\u0141ukasz W\\xf3jcik" in result.stdout

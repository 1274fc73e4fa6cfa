"""Nasty files at every door: each ends in a result or in a message naming the file, never a traceback or a hang.

The kept corpus is tests/fixtures/nasty/ (small files: NaN, huge numbers, odd encodings, YAML tags and aliases);
files too large or too special to keep (deep nesting, a 3 MB file, a pipe, a device) are made here. Each case
runs in-process under a time limit (pytest-timeout), so a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pairaid.cli import main
from tests.core.builders import visit

CORPUS = Path(__file__).parent.parent / "fixtures" / "nasty"
ASSESSMENTS = sorted(CORPUS.glob("assessment-*.json"))
PATHWAYS = sorted(CORPUS.glob("pathway-*.yaml"))
# files in the corpus that are valid after all (a byte-order mark, as Windows Notepad writes, is accepted)
USABLE = {"assessment-bom.json"}


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.err


def test_the_corpus_is_there() -> None:
    assert len(ASSESSMENTS) >= 10 and len(PATHWAYS) >= 10


@pytest.mark.timeout(60)
@pytest.mark.parametrize("file", ASSESSMENTS, ids=lambda p: p.name)
def test_assessment_corpus_gives_a_message_naming_the_file(file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli(capsys, "assess", str(file))
    if file.name in USABLE:
        assert code == 0, err
        return
    assert code == 1
    assert err.startswith(f"pairaid: {file}"), err
    assert "Traceback" not in err


@pytest.mark.timeout(60)
@pytest.mark.parametrize("file", PATHWAYS, ids=lambda p: p.name)
def test_pathway_corpus_gives_a_message_naming_the_file(file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["pathway", "check", str(file)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{file}" in out and "error" in out, out


@pytest.mark.timeout(60)
@pytest.mark.parametrize("file", PATHWAYS, ids=lambda p: p.name)
def test_assess_with_a_nasty_pathway_is_refused(
    file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    visit_file = tmp_path / "visit.json"
    visit_file.write_text(json.dumps(visit()), encoding="utf-8")
    code, err = run_cli(capsys, "assess", str(visit_file), "--pathway", str(file))
    assert code == 1
    assert str(file) in err


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.timeout(60)
@pytest.mark.parametrize("depth", [65, 1_000, 100_000])
def test_deeply_nested_json_is_refused(depth: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "deep.json"
    file.write_text('{"format": "pairaid.assessment/1", "x": ' + _nested(depth) + "}", encoding="utf-8")
    code, err = run_cli(capsys, "assess", str(file))
    assert code == 1
    assert "nested too deeply" in err and str(file) in err


@pytest.mark.timeout(60)
def test_deeply_nested_yaml_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "deep.yaml"
    file.write_text("format: pairaid.pathway/1\nservices: " + _nested(100_000) + "\n", encoding="utf-8")
    code = main(["pathway", "check", str(file)])
    out = capsys.readouterr().out
    assert code == 1 and str(file) in out


@pytest.mark.timeout(60)
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "visit.json"
    os.mkfifo(fifo)
    code, err = run_cli(capsys, "assess", str(fifo))
    assert code == 1 and "not an ordinary file" in err
    code = main(["pathway", "check", str(fifo)])
    assert code == 1 and "not an ordinary file" in capsys.readouterr().out


@pytest.mark.timeout(60)
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_a_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli(capsys, "assess", "/dev/zero")
    assert code == 1 and "not an ordinary file" in err


@pytest.mark.timeout(60)
def test_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run_cli(capsys, "assess", str(tmp_path))
    assert code == 1 and "is a folder" in err


@pytest.mark.timeout(60)
def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "big.json"
    with file.open("wb") as handle:  # sparse: 3 MB on paper, nothing on disk
        handle.truncate(3 * 1024 * 1024)
    code, err = run_cli(capsys, "assess", str(file))
    assert code == 1 and "largest assessment file" in err and "IT guide" in err


@pytest.mark.timeout(60)
def test_a_one_megabyte_note_is_refused_naming_its_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = visit()
    data["parent_voice"] = {"words": "She said it was hard. " * 50_000}
    file = tmp_path / "visit.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    for command in (["assess", str(file)], ["summary", str(file), "-o", str(tmp_path / "out.pdf")]):
        code, err = run_cli(capsys, *command)
        assert code == 1 and "parent_voice.words" in err and "characters long" in err
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.timeout(60)
def test_a_date_with_a_time_in_a_pathway_is_an_error_on_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pairaid.resources import default_pathway_path

    text = default_pathway_path().read_text(encoding="utf-8")
    marker = "  review_by: "
    start = text.index(marker) + len(marker)
    end = start + len("2027-05-26")
    file = tmp_path / "pathway.yaml"
    file.write_text(text[:start] + text[start:end] + "T10:00:00" + text[end:], encoding="utf-8")
    code = main(["pathway", "check", str(file)])
    out = capsys.readouterr().out
    assert code == 1
    assert "review_by" in out and "Traceback" not in out

"""pairaid.core.input_files: what reaches the parsers is an ordinary, bounded file; every refusal says why."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from pairaid.core.input_files import (
    MAX_DEPTH,
    MAX_TEXT_CHARS,
    SIZE_LIMITS,
    InputFileError,
    long_text_problems,
    nesting_problem,
    parse_json,
    read_assessment_data,
    read_bytes,
    read_json,
)


def test_an_ordinary_file_is_read(tmp_path: Path) -> None:
    file = tmp_path / "a.json"
    file.write_text('{"a": "Zoë"}', encoding="utf-8")
    assert read_json(file, kind="assessment") == {"a": "Zoë"}


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "a.json"
    file.write_bytes(b"\xef\xbb\xbf" + b'{"a": 1}')
    assert read_json(file, kind="assessment") == {"a": 1}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"a": 1}'.encode("utf-16"), "UTF-16"),
        ('{"a": "Zoë"}'.encode("latin-1"), r"not UTF-8 text \(byte 10 "),
    ],
)
def test_other_encodings_are_named(tmp_path: Path, content: bytes, expected: str) -> None:
    file = tmp_path / "a.json"
    file.write_bytes(content)
    with pytest.raises(InputFileError, match=expected):
        read_json(file, kind="assessment")


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    file = tmp_path / "big.json"
    with file.open("wb") as handle:
        handle.truncate(SIZE_LIMITS["assessment"] + 1)
    with pytest.raises(InputFileError, match=r"largest assessment file pairaid accepts is 2 MB"):
        read_bytes(file, kind="assessment")


def test_standard_input_is_bounded_too() -> None:
    stream = io.BytesIO(b"x" * (SIZE_LIMITS["assessment"] + 1))
    with pytest.raises(InputFileError, match="standard input"):
        read_bytes("-", kind="assessment", stdin=stream)
    assert read_bytes("-", kind="assessment", stdin=io.BytesIO(b"{}")) == b"{}"


def test_pipes_folders_and_missing_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputFileError, match="not an ordinary file"):
        read_bytes(fifo, kind="pathway")
    with pytest.raises(InputFileError, match="is a folder"):
        read_bytes(tmp_path, kind="pathway")
    with pytest.raises(InputFileError, match="no such file"):
        read_bytes(tmp_path / "missing.yaml", kind="pathway")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ("[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2), "nested too deeply"),
        ('{"total": ' + "9" * 5000 + "}", "more than 4,300 digits"),
        ('{"total": NaN}', "NaN is not a number JSON allows"),
        ('{"total": Infinity}', "Infinity is not a number JSON allows"),
        ('{"total": 1', "line 1, column 12"),
    ],
)
def test_json_that_python_cannot_take_is_a_message(text: str, expected: str) -> None:
    with pytest.raises(InputFileError, match=expected) as caught:
        parse_json(text, "visit.json")
    assert str(caught.value).startswith("visit.json: ")


def test_nesting_at_the_limit_is_accepted_and_named_past_it() -> None:
    assert nesting_problem(json.loads("[" * MAX_DEPTH + "]" * MAX_DEPTH)) is None
    problem = nesting_problem({"observations": {"warmth": {"note": [[[[[]]]]]}}}, max_depth=4)
    assert problem is not None and problem.startswith("observations.warmth.note[0]")


def test_long_text_is_named_by_its_field() -> None:
    data = {"observations": {"warmth": {"note": "x" * (MAX_TEXT_CHARS + 1)}}, "words": ["ok", "y" * MAX_TEXT_CHARS]}
    problems = long_text_problems(data)
    assert len(problems) == 1
    assert problems[0].startswith("observations.warmth.note: is 20,001 characters long")


def test_an_infinite_number_is_named_by_its_field() -> None:
    assert long_text_problems({"mood": {"epds": {"total": float("inf")}}}) == ["mood.epds.total: inf is not a usable number"]


def test_assessment_data_must_be_an_object(tmp_path: Path) -> None:
    file = tmp_path / "visit.json"
    file.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputFileError, match="is a JSON object"):
        read_assessment_data(file)

"""Reading files people hand to pairaid: bounded in size, depth and kind, every refusal a plain message.

Everything a user can point the app or a command at (an assessment, a pathway, an Open Referral UK feed, a
bundle) comes through here first, so no input ends in a traceback or a hang: a pipe or a device would block
for ever, a 50 MB note would make a PDF take minutes, JSON nested 100,000 deep overflows Python's stack and an
integer of 5,000 digits is refused by Python itself. The limits are stated in the IT guide.
"""

from __future__ import annotations

import json
import math
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

MIB = 1024 * 1024

#: Largest file accepted, by kind. Real files are far smaller: a full assessment is about 10 KB, the
#: Birmingham pathway 25 KB, a council's whole ORUK feed a few MB, a bundle of a caseload a few MB.
SIZE_LIMITS: dict[str, int] = {
    "assessment": 2 * MIB,
    "pathway": 32 * MIB,
    "oruk": 64 * MIB,
    "bundle": 256 * MIB,
    "public_key": 64 * 1024,  # a colleague's public key file is about 200 bytes
}

#: Deepest nesting of lists and objects accepted in any JSON or YAML input (real files nest about 6 deep).
MAX_DEPTH = 64

#: Longest single piece of text in an assessment (a note, the parent's words); about ten typed pages.
MAX_TEXT_CHARS = 20_000


class InputFileError(ValueError):
    """A file that cannot be used, with a message naming it and saying what to do."""


def read_bytes(path: str | Path, *, kind: str, stdin: BinaryIO | None = None) -> bytes:
    """The bytes of a regular file (or of standard input for "-"), refusing pipes, devices and huge files."""
    limit = SIZE_LIMITS[kind]
    name = str(path)
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(limit + 1)
        if len(data) > limit:
            raise InputFileError(f"standard input: {_too_big(kind, limit)}")
        return data
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(f"{name}: no such file; check the path") from None
    except PermissionError:
        raise InputFileError(f"{name}: permission denied; check who can read it") from None
    except OSError as exc:
        raise InputFileError(f"{name}: cannot be read ({exc.strerror or 'system error'})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"{name}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(
            f"{name}: is not an ordinary file (a pipe, device or socket); save the data to a file and open that"
        )
    if info.st_size > limit:
        raise InputFileError(f"{name}: {_too_big(kind, limit, info.st_size)}")
    try:
        # O_NONBLOCK: should the path have become a pipe since the check, opening it must not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise InputFileError(f"{name}: is not an ordinary file; save the data to a file and open that")
            data = file.read(limit + 1)
    except PermissionError:
        raise InputFileError(f"{name}: permission denied; check who can read it") from None
    except OSError as exc:
        raise InputFileError(f"{name}: cannot be read ({exc.strerror or 'system error'})") from None
    if len(data) > limit:
        raise InputFileError(f"{name}: {_too_big(kind, limit)}")
    return data


def _too_big(kind: str, limit: int, size: int | None = None) -> str:
    have = f" is {size / MIB:.1f} MB;" if size is not None else " is too large;"
    most = f"{limit // MIB} MB" if limit >= MIB else f"{limit // 1024} KB"
    return f"this file{have} the largest {kind.replace('_', ' ')} file pairaid accepts is {most} (see the IT guide)"


def decode_text(data: bytes, name: str, *, hint: str = "UTF-8 text") -> str:
    """UTF-8 text (a leading byte-order mark, as Windows Notepad writes, is accepted)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputFileError(f"{name}: is saved as UTF-16, not UTF-8; save it as {hint}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{name}: is not UTF-8 text (byte {exc.start + 1} cannot be read); save it as {hint}"
        ) from None


def read_text(path: str | Path, *, kind: str, stdin: BinaryIO | None = None) -> str:
    """read_bytes, then decode_text."""
    return decode_text(read_bytes(path, kind=kind, stdin=stdin), "standard input" if str(path) == "-" else str(path))


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse_json(text: str, name: str) -> Any:
    """Decoded JSON, bounded in depth; NaN and Infinity refused; every failure an InputFileError."""
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InputFileError(f"{name}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise InputFileError(f"{name}: lists or objects are nested too deeply (more than {MAX_DEPTH} levels)") from None
    except ValueError as exc:
        if "integer string conversion" in str(exc):
            message = "holds a number with more than 4,300 digits; no field takes such a number"
        else:
            message = f"not valid JSON ({exc})"
        raise InputFileError(f"{name}: {message}") from None
    depth_problem = nesting_problem(data)
    if depth_problem:
        raise InputFileError(f"{name}: {depth_problem}")
    return data


def read_json(path: str | Path, *, kind: str, stdin: BinaryIO | None = None) -> Any:
    """A JSON file of the given kind, size-, depth- and kind-checked."""
    name = "standard input" if str(path) == "-" else str(path)
    return parse_json(decode_text(read_bytes(path, kind=kind, stdin=stdin), name, hint="UTF-8 JSON"), name)


def nesting_problem(data: Any, max_depth: int = MAX_DEPTH) -> str | None:
    """Where `data` nests deeper than max_depth (without recursing, so any depth is safe), or None."""
    stack: list[tuple[Any, int, str]] = [(data, 0, "")]
    while stack:
        value, depth, where = stack.pop()
        if isinstance(value, dict):
            items: Iterator[tuple[str, Any]] = ((str(k), v) for k, v in value.items())
        elif isinstance(value, list):
            items = ((f"[{i}]", v) for i, v in enumerate(value))
        else:
            continue
        if depth >= max_depth:
            return f"{where or 'the top level'}: lists or objects are nested too deeply (more than {max_depth} levels)"
        for key, child in items:
            if isinstance(child, dict | list):
                path = f"{where}{key}" if key.startswith("[") else (f"{where}.{key}" if where else key)
                stack.append((child, depth + 1, path))
    return None


def long_text_problems(data: Any, max_chars: int = MAX_TEXT_CHARS) -> list[str]:
    """Every text value longer than max_chars, named by its field path (data must be depth-checked)."""
    problems: list[str] = []
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            if len(value) > max_chars:
                problems.append(
                    f"{where or 'the text'}: is {len(value):,} characters long; the most one field holds is "
                    f"{max_chars:,} (about ten typed pages): shorten it or keep the long text elsewhere"
                )
        elif isinstance(value, dict):
            stack.extend((v, f"{where}.{k}" if where else str(k)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append(f"{where}: {value} is not a usable number")
    return sorted(problems)


def read_assessment_data(path: str | Path, *, stdin: BinaryIO | None = None) -> dict[str, Any]:
    """The JSON object of an assessment file, checked for size, depth and text length (not yet validated)."""
    name = "standard input" if str(path) == "-" else str(path)
    data = read_json(path, kind="assessment", stdin=stdin)
    if not isinstance(data, dict):
        raise InputFileError(f"{name}: an assessment file is a JSON object {{...}}")
    if too_long := long_text_problems(data):
        raise InputFileError(f"{name}: the assessment has {len(too_long)} problem(s):\n  " + "\n  ".join(too_long))
    return data

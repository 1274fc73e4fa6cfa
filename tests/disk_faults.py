"""Real faults of a records database and of the folder and disk under it, for tests: a page damaged on disk, a
folder this process may read but not write (also when the tests run as root, as CI does), and a small disk of its
own that can be filled or made read-only. Nothing here fakes what SQLite or the operating system answer."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Linux capabilities that let root ignore file permissions (linux/capability.h).
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER = 1, 2, 3
_CAPABILITY_VERSION_3 = 0x20080522


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _capabilities(libc: ctypes.CDLL, data: ctypes.Array[_CapData] | None = None) -> ctypes.Array[_CapData]:
    """This thread's capability sets (capget), or set them to `data` (capset)."""
    header = _CapHeader(_CAPABILITY_VERSION_3, 0)
    sets = data if data is not None else (_CapData * 2)()
    call = libc.capset if data is not None else libc.capget
    if call(ctypes.byref(header), sets) != 0:
        raise OSError(ctypes.get_errno(), "capset" if data is not None else "capget")
    return sets


@contextlib.contextmanager
def permissions_bind() -> Iterator[None]:
    """File permissions bind this thread as they bind any user. For root, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
    and CAP_FOWNER leave the thread's effective set for the duration and come back after (they stay permitted);
    capabilities belong to a thread, and SQLite's file calls are made on this one."""
    if os.name != "posix" or os.geteuid() != 0:
        yield
        return
    if not sys.platform.startswith("linux"):
        pytest.skip("root ignores file permissions, and only Linux lets a thread give that up for a while")
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    sets = _capabilities(libc)
    saved = sets[0].effective
    sets[0].effective &= ~((1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH) | (1 << CAP_FOWNER))
    _capabilities(libc, sets)
    try:
        yield
    finally:
        sets[0].effective = saved
        _capabilities(libc, sets)


@contextlib.contextmanager
def folder_mode(folder: Path, mode: int, file_mode: int | None = None) -> Iterator[None]:
    """`folder` (and its pairaid.db, when `file_mode` is given) with these permissions, binding this process;
    restored afterwards so the test's folder can be cleaned up."""
    db = folder / "pairaid.db"
    old_file = db.stat().st_mode & 0o777 if file_mode is not None else None
    if file_mode is not None:
        os.chmod(db, file_mode)
    os.chmod(folder, mode)
    try:
        with permissions_bind():
            yield
    finally:
        os.chmod(folder, 0o700)
        if old_file is not None:
            os.chmod(db, old_file)


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, check=False)


@contextlib.contextmanager
def small_disk(mountpoint: Path, kib: int = 512) -> Iterator[Path]:
    """A tmpfs of `kib` KiB mounted at `mountpoint`, unmounted afterwards. Skips the test where mounting is not
    permitted (it needs root with CAP_SYS_ADMIN)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("a small tmpfs disk needs Linux")
    mountpoint.mkdir(parents=True, exist_ok=True)
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={kib}k,mode=0700", "tmpfs", str(mountpoint))
    if mounted.returncode != 0:
        why = (mounted.stderr.strip().splitlines() or ["mount failed"])[0]
        pytest.skip(f"cannot mount a small tmpfs here ({why})")
    try:
        yield mountpoint
    finally:
        if _run("umount", str(mountpoint)).returncode != 0:
            _run("umount", "-l", str(mountpoint))  # something still holds a file: detach it all the same


def fill(disk: Path) -> None:
    """Write to `disk` until the file system says it is full (ENOSPC)."""
    with (disk / "filler").open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise


def make_read_only(disk: Path) -> None:
    """Remount the small disk read-only: every write is refused with EROFS, as on a read-only share."""
    remounted = _run("mount", "-o", "remount,ro", str(disk))
    assert remounted.returncode == 0, remounted.stderr


def scribble_over_records(db: Path) -> None:
    """Overwrite the root page of the records table in the file itself: real damage, found by SQLite."""
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'records'").fetchone()[0]
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)

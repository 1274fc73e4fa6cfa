"""Where the records database lives, and files only their owner can read.

Order: the `--data-dir` value, then `$PAIRAID_DATA_DIR`, then the platform's user data folder for "pairaid"
(platformdirs). Folders we create are 0700; the database and its companions are 0600.
"""

from __future__ import annotations

import os
from pathlib import Path

from pairaid import folders

ENV_VAR = folders.DATA_DIR_ENV
DB_NAME = "pairaid.db"
DIR_MODE = 0o700
FILE_MODE = 0o600


def resolve_data_dir(cli_value: str | None) -> Path:
    """The data folder to use (pairaid.folders.data_dir), created (0700, with any missing parents) when it does
    not exist yet."""
    return ensure_private_dir(folders.data_dir(cli_value))


def ensure_private_dir(folder: Path) -> Path:
    """Create `folder` readable by its owner only; an existing folder is left as its owner set it."""
    if not folder.exists():
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    elif not folder.is_dir():
        raise NotADirectoryError(f"{folder} is a file, not a folder")
    return folder.resolve()


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_NAME


def make_private_file(path: Path) -> None:
    """Create `path` empty with mode 0600 if missing, and tighten it to 0600 if it exists.

    SQLite creates its -wal and -shm files with the database file's permissions, so doing this before the
    first connection keeps all three private."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running (a temporary file named after a dead one is left over)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True


def remove_leftovers(folder: Path, pattern: str) -> list[Path]:
    """Delete files matching `pattern` (a glob whose name holds "-<pid>" after ".tmp" or ".new") left by a
    process that has died; return what was removed. Files of running processes are left alone."""
    removed: list[Path] = []
    try:
        candidates = list(Path(folder).glob(pattern))
    except OSError:
        return removed
    for leftover in candidates:
        pid_text = leftover.name.rsplit("-", 2)[-2] if leftover.name.count("-") >= 2 else ""
        pid = int(pid_text) if pid_text.isdigit() else -1
        if pid == os.getpid() or pid_alive(pid):
            continue
        try:
            leftover.unlink()
            removed.append(leftover)
        except OSError:
            continue
    return removed

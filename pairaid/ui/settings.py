"""Window state remembered between runs, in an INI file inside the data folder (never the registry).

Only layout, the text size and the id of the last record live here: ids are random uuids, so the file holds
no personal data.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_NAME = "settings.ini"


class WindowSettings:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / SETTINGS_NAME
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    def save_splitter(self, name: str, state: QByteArray) -> None:
        self._settings.setValue(f"splitters/{name}", state)

    def last_record(self) -> str | None:
        value = self._settings.value("session/last_record")
        return str(value) if value else None

    def set_last_record(self, record_id: str | None) -> None:
        if record_id:
            self._settings.setValue("session/last_record", record_id)
        else:
            self._settings.remove("session/last_record")

    def last_section(self) -> str | None:
        value = self._settings.value("session/last_section")
        return str(value) if value else None

    def set_last_section(self, section: str) -> None:
        self._settings.setValue("session/last_section", section)

    def text_size(self) -> int:
        """The text size chosen under View → Text size, in percent (100 until one is chosen)."""
        from pairaid.ui.text_size import DEFAULT_TEXT_SIZE, TEXT_SIZES

        value = self._settings.value("view/text_size")
        try:
            percent = int(str(value))
        except ValueError:  # never set, or edited by hand
            return DEFAULT_TEXT_SIZE
        return percent if percent in TEXT_SIZES else DEFAULT_TEXT_SIZE

    def set_text_size(self, percent: int) -> None:
        self._settings.setValue("view/text_size", percent)

    def sync(self) -> None:
        """Write the file now, readable by its owner only (0600, like the database and the log)."""
        self._settings.sync()
        if self.path.exists():  # not before anything was written, or when the folder was never created
            os.chmod(self.path, 0o600)

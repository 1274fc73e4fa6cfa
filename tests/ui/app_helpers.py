"""Building the real main window on a fresh data folder, and recording the modal dialogs it would show."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pairaid.app import build_window
from pairaid.ui import dialogs
from pairaid.ui.main_window import MainWindow


@dataclass
class DialogLog:
    """Stand-ins for the modal dialogs: answers are queued by the test, every message is kept."""

    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)
    save_paths: list[str | None] = field(default_factory=list)
    printers: list[Any] = field(default_factory=list)
    supervision_words: list[list[str] | None] = field(default_factory=list)  # answers of the supervision preview
    buttons: list[tuple[str, ...]] = field(default_factory=list)  # the buttons of each error and question shown

    def install(self, monkeypatch: pytest.MonkeyPatch) -> DialogLog:
        monkeypatch.setattr(dialogs, "error", self._error)
        monkeypatch.setattr(dialogs, "info", lambda _p, title, text: self.infos.append((title, text)))
        monkeypatch.setattr(dialogs, "confirm", self._confirm)
        monkeypatch.setattr(dialogs, "save_file", lambda *_a: self.save_paths.pop(0) if self.save_paths else None)
        monkeypatch.setattr(dialogs, "choose_printer", lambda _p: self.printers.pop(0) if self.printers else None)
        monkeypatch.setattr(dialogs, "check_supervision_copy", self._supervision)
        return self

    def _supervision(self, _parent: Any, _data: Any, also_remove: list[str], _recipient: Any = None) -> Any:
        return self.supervision_words.pop(0) if self.supervision_words else list(also_remove)

    def _error(self, _parent: Any, title: str, text: str, details: str | None = None) -> None:
        self.errors.append((title, text))
        self.buttons.append(("OK",))

    def _confirm(self, _parent: Any, title: str, text: str, yes: str, no: str = "Cancel") -> bool:
        self.questions.append((title, text))
        self.buttons.append((yes, no))
        return self.answers.pop(0) if self.answers else True


def open_window(qtbot: Any, data_dir: Path, track: bool = True) -> MainWindow:
    """track=False when the test destroys the window itself."""
    window = build_window(data_dir)
    assert window is not None
    if track:
        qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def close_window(window: MainWindow) -> None:
    window.close()
    window.store.close()

"""The frame every section page shares: a scrollable, calm column of bound inputs that follows the session."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from pairaid.core.framework import Framework
from pairaid.ui.sections.fields import Binding, hint_label, set_buttons_read_only
from pairaid.ui.session import VisitSession
from pairaid.ui.style import make_heading

B = TypeVar("B", bound=Binding)


class SectionPage(QScrollArea):
    """One section of the walk-through. Subclasses set `section_id` and `title` and add bindings in
    `build()`; the page refreshes them on `data_changed`, shows `problems` beside them and follows
    read-only mode."""

    section_id = ""
    title = ""

    def __init__(self, session: VisitSession, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.framework = framework
        self.bindings: list[Binding] = []
        self.action_buttons: list[QAbstractButton] = []
        self.setObjectName(f"section-{self.section_id}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.title)
        self.inner = QWidget()
        self.column = QVBoxLayout(self.inner)
        self.column.setContentsMargins(16, 12, 16, 24)
        self.column.setSpacing(14)
        heading = QLabel(self.title)
        make_heading(heading)
        self.column.addWidget(heading)
        self.setWidget(self.inner)
        self.build()
        self.column.addStretch(1)
        session.data_changed.connect(self.on_data_changed)
        session.problems_changed.connect(self.show_problems)
        session.read_only_changed.connect(self.set_read_only)
        self.show_problems(session.problems())
        self.set_read_only(session.is_read_only())

    def build(self) -> None:
        raise NotImplementedError

    # Building -------------------------------------------------------------------------------------

    def add(self, binding: B, layout: Any = None) -> B:
        self.bindings.append(binding)
        (layout or self.column).addWidget(binding.row)
        return binding

    def add_text(self, text: str, layout: Any = None, *, hint: bool = True) -> QLabel:
        label = hint_label(text) if hint else QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        (layout or self.column).addWidget(label)
        return label

    def add_subheading(self, text: str, layout: Any = None) -> QLabel:
        label = QLabel(text)
        make_heading(label, 1.15)
        label.setWordWrap(True)  # a long heading at large text wraps rather than pushing the page sideways
        (layout or self.column).addWidget(label)
        return label

    def card(self, layout: Any = None) -> QVBoxLayout:
        """A white box grouping related inputs; returns its layout."""
        frame = QFrame()
        frame.setProperty("role", "card")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(12, 10, 12, 10)
        inner.setSpacing(10)
        (layout or self.column).addWidget(frame)
        return inner

    # Following the session ------------------------------------------------------------------------

    def on_data_changed(self, path: str) -> None:
        if not path and not self.session.undo_stack.count():  # a record was loaded (undo is cleared)
            for binding in self.bindings:
                binding.forget_touched()
            self.verticalScrollBar().setValue(0)  # a new or opened record starts at the top of every section
        for binding in self.bindings:
            if binding.matches(path):
                binding.refresh()
        self.after_refresh(path)

    def after_refresh(self, path: str) -> None:
        """Hook for derived text (stage, coverage, screen results)."""

    def show_problems(self, problems: dict[str, str]) -> None:
        for binding in self.bindings:
            binding.show_problems(problems)

    def set_read_only(self, read_only: bool) -> None:
        for binding in self.bindings:
            binding.set_read_only(read_only)
        set_buttons_read_only(self.action_buttons, read_only)

    def first_input(self) -> QWidget | None:
        for binding in self.bindings:
            if binding.row.isVisibleTo(self):
                return binding.focus_widget()
        return None

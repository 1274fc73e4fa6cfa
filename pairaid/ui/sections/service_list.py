"""Services as tick rows bound to `decision.selected_services`, built on a model with a filter proxy so a
national pathway (10,000 services) filters and ticks without a Python loop over every row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView

from pairaid.ui.sections.fields import Binding
from pairaid.ui.sections.service_row import ServiceRowDelegate
from pairaid.ui.text_size import follow_font

SERVICE_ID = Qt.ItemDataRole.UserRole
SEARCH_TEXT = Qt.ItemDataRole.UserRole + 1
LIST_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home,
                       Qt.Key.Key_End})
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class ServiceList(Binding):
    """The value is the list of ids ticked; ids ticked in another list bound to the same path are kept."""

    editor: QListView

    read_only_keys = LIST_KEYS  # moving through the list still works on a read-only record; ticking does not

    def __init__(self, session: Any, path: str, label: str, *, one_line: bool = False, **kwargs: Any) -> None:
        self._one_line = one_line  # one line per row lets the view skip measuring every row (10,000 services)
        self._items: dict[str, QStandardItem] = {}
        self._shown: set[str] = set()
        super().__init__(session, path, label, **kwargs)

    def _make_editor(self) -> QListView:
        self.model = QStandardItemModel()
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_TEXT)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        view = QListView()
        view.setModel(self.proxy)
        view.setWordWrap(not self._one_line)
        view.setUniformItemSizes(self._one_line)
        if not self._one_line:  # the suggested services: name in bold, tick box beside it, room between them
            self._delegate = ServiceRowDelegate(view)
            view.setItemDelegate(self._delegate)
            view.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-wrap when the page is resized
        follow_font(view, lambda: view.setMinimumHeight(view.fontMetrics().lineSpacing() * 8))
        self.model.itemChanged.connect(self._item_changed)
        return view

    def set_items(self, items: list[tuple[str, str]], search: dict[str, str] | None = None) -> None:
        """(service id, text) for each row; `search` adds words the filter matches for an id."""
        self._updating = True
        try:
            self.model.clear()
            self._items = {}
            chosen = set(self.session.value(self.path) or [])
            for service_id, text in items:
                item = QStandardItem(text)
                item.setData(service_id, SERVICE_ID)
                item.setData(f"{text} {(search or {}).get(service_id, '')}", SEARCH_TEXT)
                item.setToolTip(text)
                item.setEditable(False)
                item.setCheckable(True)
                item.setCheckState(CHECKED if service_id in chosen else UNCHECKED)
                self._items[service_id] = item
                self.model.appendRow(item)
            self._shown = chosen & self._items.keys()
        finally:
            self._updating = False

    def set_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())

    # Reading rows (for the page and tests) ------------------------------------------------------------

    def ids(self) -> list[str]:
        return list(self._items)

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(row, 0).data(SERVICE_ID) for row in range(self.proxy.rowCount())]

    def text(self, service_id: str) -> str:
        return self._items[service_id].text()

    def is_checked(self, service_id: str) -> bool:
        return self._items[service_id].checkState() == CHECKED

    def set_checked(self, service_id: str, checked: bool) -> None:
        """As if the practitioner ticked the row."""
        self._items[service_id].setCheckState(CHECKED if checked else UNCHECKED)

    # Binding ------------------------------------------------------------------------------------------

    def _item_changed(self, item: QStandardItem) -> None:
        if self._updating:
            return
        if self.session.is_read_only():
            self.refresh()
            return
        service_id = item.data(SERVICE_ID)
        stored = list(self.session.value(self.path) or [])
        if item.checkState() == CHECKED and service_id not in stored:
            stored.append(service_id)
        elif item.checkState() != CHECKED:
            stored = [s for s in stored if s != service_id]
        self.write(stored)

    def widget_value(self) -> Any:
        return sorted(self._shown)

    def _show_value(self, value: Any) -> None:
        chosen = set(value or []) & self._items.keys()
        for service_id in chosen ^ self._shown:  # only the rows whose tick changed
            self._items[service_id].setCheckState(CHECKED if service_id in chosen else UNCHECKED)
        self._shown = chosen

    def refresh(self) -> None:
        self._updating = True
        try:
            self._show_value(self.session.value(self.path))
        finally:
            self._updating = False

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.editor.viewport().removeEventFilter(self._read_only_filter)
        if read_only:
            self.editor.viewport().installEventFilter(self._read_only_filter)

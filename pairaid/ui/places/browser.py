"""The pathway browser: every service by level, filters, search, details, and the printable map."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pairaid.core import vocab
from pairaid.core.framework import Framework, load_framework
from pairaid.core.pathway import Pathway, Service
from pairaid.ui.places.common import PlaceView, labelled, level_name
from pairaid.ui.places.service_details import ages_short, contact_short, service_html
from pairaid.ui.places.service_filter import (
    ServiceFilter,
    filter_services,
    is_postcode,
    outside_area,
    postcode_district,
)
from pairaid.ui.style import compact_combo
from pairaid.ui.wheel_guard import guard_wheel

MapRenderer = Callable[[Pathway, Path], Path]
SERVICE_ROLE = Qt.ItemDataRole.UserRole
REVIEW_GROUP = "needs_review"  # listed before the levels: what a refresh from the feed changed, to be checked


class PathwayBrowserView(PlaceView):
    """Browse the services of `pathway`; `map_renderer(pathway, out_path)` writes the printable map."""

    title = "Pathway browser"

    def __init__(
        self,
        pathway: Pathway,
        map_renderer: MapRenderer,
        framework: Framework | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pathway = pathway
        self.framework = framework or load_framework()
        self._map_renderer = map_renderer
        self.setAccessibleName(self.title)

        layout = QVBoxLayout(self)
        header = self._header(f"Services: {pathway.pathway.title}")
        self.print_button = QPushButton("Print &map of services…")
        self.print_button.setAccessibleName("Print map of services")
        self.print_button.clicked.connect(self.print_map)
        header.addWidget(self.print_button)
        layout.addLayout(header)
        layout.addLayout(self._build_filters())

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Filter notice")
        layout.addWidget(self.notice)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Service", "Ages", "Referral", "Contact details", "Needs"])
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(self._show_current)
        self.tree.itemActivated.connect(self._activated)
        splitter.addWidget(self._with_label("Services &by level (Enter shows details):", self.tree,
                                            "Services by level"))
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)  # offline: addresses are shown, never opened
        self.details.setAccessibleDescription("Who the service is for, how to refer, contact and source")
        splitter.addWidget(self._with_label("&Details:", self.details, "Service details"))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 520])
        layout.addWidget(splitter, 1)

        self.set_first_input(self.search)
        self._populate()
        self.apply_filters()

    # -- building ------------------------------------------------------------------------------------------

    @staticmethod
    def _with_label(text: str, widget: QWidget, name: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(labelled(text, widget, name))
        column.addWidget(widget, 1)
        return box

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Name or provider")
        self.search.setClearButtonEnabled(True)
        self.stage = guard_wheel(compact_combo(QComboBox(), 12))
        self.stage.addItem("Any stage", None)
        for stage in vocab.STAGES:
            self.stage.addItem(self.framework.label("stages", stage), stage)
        self.age = guard_wheel(QSpinBox())
        self.age.setRange(-1, 30)
        self.age.setSpecialValueText("Any age")
        self.age.setSuffix(" months")
        self.age.setValue(-1)
        self.postcode = QLineEdit()
        self.postcode.setPlaceholderText("e.g. B15 2TT or B15")
        self.postcode.setMaxLength(10)
        self.level = guard_wheel(compact_combo(QComboBox(), 12))
        self.level.addItem("Any level", None)
        for level in vocab.LEVELS:
            self.level.addItem(level_name(self.pathway, level), level)
        self.need = guard_wheel(compact_combo(QComboBox(), 14))
        self.need.addItem("Any need", None)
        used = {need for service in self.pathway.services for need in service.needs}
        for need in vocab.SERVICE_NEEDS:
            if need in used:
                self.need.addItem(self.framework.label("service_needs", need), need)
        self.inactive = QCheckBox("Include &inactive services")
        self.inactive.setAccessibleName("Include inactive services")

        fields: list[tuple[str, QWidget, str]] = [
            ("&Search:", self.search, "Search services by name"),
            ("S&tage:", self.stage, "Stage"),
            ("Baby's &age:", self.age, "Baby's age in months"),
            ("Post&code:", self.postcode, "Family's postcode or district"),
            ("&Level:", self.level, "Level of need"),
            ("&Need:", self.need, "Need"),
        ]
        for index, (text, widget, name) in enumerate(fields):
            row, column = divmod(index, 3)
            grid.addWidget(labelled(text, widget, name), row, column * 2)
            grid.addWidget(widget, row, column * 2 + 1)
            grid.setColumnStretch(column * 2 + 1, 1)
        show = QWidget()
        show_row = QHBoxLayout(show)
        show_row.setContentsMargins(0, 0, 0, 0)
        show_label = QLabel("Also show:")
        show_label.setBuddy(self.inactive)
        show_row.addWidget(show_label)
        show_row.addWidget(self.inactive)
        show_row.addStretch(1)
        grid.addWidget(show, 2, 0, 1, 4)

        self.search.textChanged.connect(self.apply_filters)
        self.postcode.textChanged.connect(self.apply_filters)
        for combo in (self.stage, self.level, self.need):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.age.valueChanged.connect(self.apply_filters)
        self.inactive.toggled.connect(self.apply_filters)
        return grid

    def _group_name(self, key: str) -> str:
        return "Needs review" if key == REVIEW_GROUP else level_name(self.pathway, key)

    def _populate(self) -> None:
        self.tree.clear()
        self._level_items: dict[str, QTreeWidgetItem] = {}
        review = any(service.needs_review for service in self.pathway.services)
        for level in ([REVIEW_GROUP] if review else []) + list(vocab.LEVELS):
            group = QTreeWidgetItem([self._group_name(level)])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            self._level_items[level] = group
        # Rows are added per level in one call (each void Qt call costs a reference to None on this
        # PySide6/CPython pair: see apply_filters).
        rows: dict[str, list[QTreeWidgetItem]] = {key: [] for key in self._level_items}
        for service in self.pathway.services:
            needs = ", ".join(self.framework.label("service_needs", n) for n in service.needs)
            routes = (("Self", service.referral.self), ("Professional", service.referral.professional))
            refer = ", ".join(word for word, yes in routes if yes)
            name = service.name if service.status == "active" else f"{service.name} (inactive)"
            item = QTreeWidgetItem([name, ages_short(service), refer or "—", contact_short(service), needs])
            item.setData(0, SERVICE_ROLE, service.id)
            item.setToolTip(0, service.name)
            if not service.is_verified:
                font = item.font(3)
                font.setBold(True)
                item.setFont(3, font)
            rows[REVIEW_GROUP if service.needs_review else service.level].append(item)
        for level, group in self._level_items.items():
            group.addChildren(rows[level])
            group.setFirstColumnSpanned(True)
        self.tree.expandAll()
        for column, width in enumerate((330, 170, 150, 170)):
            self.tree.setColumnWidth(column, width)

    # -- behaviour -----------------------------------------------------------------------------------------

    def current_filter(self) -> ServiceFilter:
        age = self.age.value()
        return ServiceFilter(
            stage=self.stage.currentData(),
            age_months=None if age < 0 else age,
            postcode=self.postcode.text(),
            level=self.level.currentData(),
            need=self.need.currentData(),
            text=self.search.text(),
            include_inactive=self.inactive.isChecked(),
        )

    def apply_filters(self) -> None:
        wanted = self.current_filter()
        kept = {service.id for service in filter_services(self.pathway, wanted)}
        for level, group in self._level_items.items():
            shown = 0
            for index in range(group.childCount()):
                child = group.child(index)
                assert child is not None  # index < childCount
                hide = child.data(0, SERVICE_ROLE) not in kept
                # Only touch rows that change: PySide6 6.12 on CPython 3.11 drops a reference to None on
                # every call of a void method, so a loop of setHidden over 10,000 rows per keystroke would
                # soon bring None's count to zero and abort the process (see docs in the PLACES report).
                if child.isHidden() != hide:
                    child.setHidden(hide)
                shown += not hide
            text = f"{self._group_name(level)} ({shown})"
            if group.text(0) != text:
                group.setText(0, text)
            if group.isHidden() != (shown == 0):
                group.setHidden(shown == 0)
        self._set_notice(wanted, len(kept))
        current = self.tree.currentItem()
        if current is None or current.isHidden() or current.data(0, SERVICE_ROLE) is None:
            first = self._first_visible_service()
            if first is not None:
                self.tree.setCurrentItem(first)
            else:
                self.details.setHtml("<p>No service matches these filters.</p>")

    def _set_notice(self, wanted: ServiceFilter, count: int) -> None:
        words = [f"{count} of {len(self.pathway.services)} services shown."]
        if not is_postcode(wanted.postcode):
            words.append(f"“{wanted.postcode.strip()}” is not a postcode: services are not filtered by area.")
        elif outside_area(self.pathway, wanted.postcode):
            district = postcode_district(wanted.postcode)
            words.append(
                f"{district} is outside {self.pathway.pathway.area.name}: "
                "check which services cover the family before referring."
            )
        self.notice.setText(" ".join(words))

    def _first_visible_service(self) -> QTreeWidgetItem | None:
        for item in self.visible_service_items():
            return item
        return None

    def visible_service_items(self) -> list[QTreeWidgetItem]:
        items = []
        for group in self._level_items.values():
            for index in range(group.childCount()):
                child = group.child(index)
                if child is not None and not child.isHidden():
                    items.append(child)
        return items

    def visible_service_ids(self) -> list[str]:
        return [item.data(0, SERVICE_ROLE) for item in self.visible_service_items()]

    def select_service(self, service_id: str) -> None:
        for item in self.visible_service_items():
            if item.data(0, SERVICE_ROLE) == service_id:
                self.tree.setCurrentItem(item)
                return
        raise KeyError(f"service {service_id!r} is not shown")

    def _service_of(self, item: QTreeWidgetItem | None) -> Service | None:
        if item is None:
            return None
        service_id = item.data(0, SERVICE_ROLE)
        return self.pathway.service(service_id) if service_id else None

    def _show_current(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        service = self._service_of(current)
        if service is not None:
            self.details.setHtml(service_html(service, self.pathway, self.framework))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        # Enter on a service moves the keyboard user to its details; on a level it opens or closes it.
        if self._service_of(item) is not None:
            self.details.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            item.setExpanded(not item.isExpanded())

    # -- the printable map ---------------------------------------------------------------------------------

    def print_map(self) -> Path | None:
        """Ask where to save, then write the map; returns the file written, or None."""
        suggested = str(Path.home() / f"{self.pathway.pathway.id}-services.pdf")
        chosen, _ = QFileDialog.getSaveFileName(self, "Print map of services", suggested, "PDF files (*.pdf)")
        if not chosen:
            return None
        out_path = Path(chosen)
        if out_path.suffix.lower() != ".pdf":
            out_path = out_path.with_name(out_path.name + ".pdf")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = self._map_renderer(self.pathway, out_path)
        except Exception as exc:  # any failure of the renderer is the user's to see, not a crash
            QApplication.restoreOverrideCursor()
            QMessageBox.critical(
                self,
                "The map could not be saved",
                f"The map of services could not be written to {out_path}.\n\n{exc}\n\n"
                "Check that the folder exists and you can write to it, then try again.",
            )
            return None
        QApplication.restoreOverrideCursor()
        self.notice.setText(f"Map of services saved to {written}.")
        return written

"""Options that reflow instead of pushing a page sideways: a check box or radio button whose text wraps, and a
row of radio buttons that stacks when it does not fit. Checked on their own, at the usual text size, in a
column narrower than one line of their text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QVBoxLayout, QWidget

from pairaid.ui.sections.option_row import SPACING, OptionRow
from pairaid.ui.sections.wrapping import WrappingCheckBox, WrappingRadioButton

LONG = "You suspect the baby is suffering, or likely to suffer, significant harm from anyone at all"
RATINGS = ("Strength", "No concern", "Some concern", "Significant concern", "Not observed")


def _column(qtbot, widget: QWidget, width: int) -> QWidget:
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.addWidget(widget)
    layout.addStretch(1)
    qtbot.addWidget(column)
    column.setFixedSize(width, 600)
    column.show()
    qtbot.waitExposed(column)
    _settle()
    return column


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_a_long_check_box_wraps_keeps_its_text_and_ticks_from_its_last_line(qtbot) -> None:
    box = WrappingCheckBox(LONG)
    box.setAccessibleName(LONG)
    one_line = box.sizeHint().width()
    column = _column(qtbot, box, one_line // 2)
    assert box.minimumSizeHint().width() < column.width() < one_line
    assert box.geometry().right() < column.width(), "cut off at the right"
    lines = box.height() / box.fontMetrics().lineSpacing()
    assert lines >= 2, f"{box.height()} px is not two lines"
    assert box.height() >= box.heightForWidth(box.width())
    assert box.text() == LONG and box.accessibleName() == LONG
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() // 2, box.height() - 3))
    assert box.isChecked()
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()


def test_a_click_in_the_empty_space_beside_an_option_ticks_nothing(qtbot) -> None:
    """Stacked options span their row: only the indicator and the text are clickable, as with Qt's own."""
    box = WrappingCheckBox("A settled home")
    column = _column(qtbot, box, 800)
    assert box.width() > box.sizeHint().width() + 100 and column.isVisible()
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 10, box.height() // 2))
    assert not box.isChecked()
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.sizeHint().width() - 12, box.height() // 2))
    assert box.isChecked()


def test_a_radio_button_with_room_stays_on_one_line(qtbot) -> None:
    button = WrappingRadioButton("Not observed")
    column = _column(qtbot, button, 600)
    assert button.width() < column.width()
    assert button.height() == button.heightForWidth(button.sizeHint().width())
    assert button.heightForWidth(button.width()) < 2 * button.fontMetrics().lineSpacing()


def _row(qtbot, width: int) -> tuple[OptionRow, list[WrappingRadioButton], QWidget]:
    buttons = [WrappingRadioButton(text) for text in RATINGS]
    row = OptionRow(buttons)
    return row, buttons, _column(qtbot, row, width)


def test_a_row_of_options_stacks_when_it_does_not_fit_and_comes_back(qtbot) -> None:
    row, buttons, column = _row(qtbot, 1200)
    assert not row.stacked()
    assert len({b.geometry().top() for b in buttons}) == 1
    side_by_side = row.sizeHint().width()

    column.setFixedSize(side_by_side // 2, 600)
    _settle()
    assert row.stacked()
    assert len({b.geometry().left() for b in buttons}) == 1
    assert [b.geometry().top() for b in buttons] == sorted(b.geometry().top() for b in buttons)
    assert all(b.geometry().right() < row.width() for b in buttons), "an option cut off at the right"
    assert row.height() >= sum(b.height() for b in buttons), "options overlap"
    assert row.minimumSizeHint().width() <= max(b.sizeHint().width() for b in buttons)

    column.setFixedSize(1200, 600)
    _settle()
    assert not row.stacked()


def test_a_row_of_options_stacks_when_its_text_grows_in_place(qtbot) -> None:
    """No resize of its own: the options' text gets larger (View -> Text size) and the row no longer fits its
    width. Set on the buttons themselves: under the app's style sheet a font set on the row would not reach them
    (the whole window's live change is in test_large_text)."""
    row, buttons, column = _row(qtbot, 1)
    column.setFixedSize(row.sizeHint().width() + 40, 600)
    _settle()
    assert not row.stacked()
    normal = buttons[0].font()
    large = QFont(normal)
    large.setPixelSize(QFontInfo(normal).pixelSize() * 2)  # whether the font in use is sized in points or pixels
    for button in buttons:
        button.setFont(large)
    _settle()
    assert row.stacked()
    for button in buttons:
        button.setFont(normal)
    _settle()
    assert not row.stacked()


def test_a_row_of_drop_down_lists_shares_its_width_and_stacked_asks_for_every_one(qtbot) -> None:
    """The Summary's two lists: side by side they share the row's width; stacked, each has the whole width and
    the row's minimum height is theirs together (a list has no height for a width, as a wrapping option has, so
    a page short of height squeezes the row down to that minimum: one list's height overlapped them)."""
    lists = []
    for _ in range(2):
        combo = QComboBox()
        combo.addItems(["Referral (to a service)", "Parent copy (for the family)"])
        combo.setMinimumContentsLength(30)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        lists.append(combo)
    row = OptionRow(lists, fill=True)
    column = _column(qtbot, row, 1)
    column.setFixedSize(row.sizeHint().width() + 200, 600)
    _settle()
    assert not row.stacked()
    assert lists[0].width() + SPACING + lists[1].width() == row.width()
    assert abs(lists[0].width() - lists[1].width()) <= 1

    column.setFixedSize(row.sizeHint().width() - 40, 600)
    _settle()
    assert row.stacked()
    assert [combo.width() for combo in lists] == [row.width()] * 2
    assert lists[1].geometry().top() >= lists[0].geometry().bottom()
    assert row.minimumSizeHint().height() >= sum(combo.minimumSizeHint().height() for combo in lists) + SPACING

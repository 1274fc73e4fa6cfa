"""The safeguarding banner: raised at once by any indicator, above every section, cannot be dismissed, and
cleared only when no indicator is recorded."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QAbstractButton

from pairaid.core.framework import load_framework
from pairaid.ui.safeguarding_banner import SafeguardingBanner
from pairaid.ui.walkthrough import WalkthroughView
from tests.ui.walkthrough_support import complete_draft, make_session


@pytest.fixture
def session():
    s = make_session()
    s.load(complete_draft())
    return s


@pytest.fixture
def view(qtbot, session):
    widget = WalkthroughView(session, load_framework())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def test_banner_shows_the_front_door_and_the_follow_up_rule(qtbot, session) -> None:
    banner = SafeguardingBanner(session)
    qtbot.addWidget(banner)
    door = session.pathway.front_door
    text = banner.heading.text() + " " + banner.body.text()
    for part in (door.name, door.phone, door.out_of_hours, door.emergency, door.follow_up):
        assert part and part in text
    assert door.name in banner.accessibleName()
    assert door.phone in banner.accessibleDescription()


def test_ticking_an_indicator_raises_it_over_every_section_and_unticking_clears_it(view, session) -> None:
    assert not view.banner.isVisible()
    view.go_to("safeguarding")
    view.page("safeguarding").indicators.boxes[0].click()
    assert view.banner.is_raised()
    for section in view.sections():
        view.go_to(section)
        assert view.banner.isVisible()
        assert view.banner.geometry().bottom() <= view.stack.geometry().top()
    view.page("safeguarding").indicators.boxes[0].click()
    assert not view.banner.isVisible()


def test_banner_follows_undo_redo_and_load(view, session) -> None:
    session.set_value("safeguarding.indicators", ["disclosure_of_harm"])
    assert view.banner.isVisible()
    session.undo_stack.undo()
    assert not view.banner.isVisible()
    session.undo_stack.redo()
    assert view.banner.isVisible()
    session.load(complete_draft())
    assert not view.banner.isVisible()
    session.load(complete_draft(safeguarding={"indicators": ["injury_non_mobile_baby"]}), read_only=True)
    assert view.banner.isVisible()


def test_banner_cannot_be_dismissed(view, session) -> None:
    session.set_value("safeguarding.indicators", ["disclosure_of_harm"])
    assert view.banner.findChildren(QAbstractButton) == []
    view.banner.update_visibility()
    assert view.banner.isVisible()


def test_a_note_alone_does_not_raise_it(view, session) -> None:
    session.set_value("safeguarding.note", "Discussed safe sleep.")
    assert not view.banner.isVisible()

"""Screenshots of every screen of the real app, for the README: run under a virtual X display.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py [OUT_DIR]

A synthetic family (never a real person) is entered through the same session the inputs use, in a fresh
temporary data folder. PNGs go to docs/screenshots/ by default; the 40-text-200-* ones are at 200% text, the 5x-*
ones (keys and conflicts) come from tools/screenshots_sharing.py.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
SIZE = QSize(1366, 768)


def family(session, today: dt.date) -> None:
    """A synthetic new-birth visit with some concern, a parent's words and a current need."""
    born = today - dt.timedelta(days=13)
    values = {
        "contact.type": "new_birth",
        "contact.setting": "home",
        "contact.practitioner.name": "Şükrü Öztürk",
        "contact.practitioner.role": "health_visitor",
        "contact.practitioner.team": "Ladywood health visiting",
        "contact.practitioner.phone": "0121 496 0123",
        "contact.present": ["mother", "baby"],
        "family.baby.name": "Zoë Brontë",
        "family.baby.date_of_birth": born.isoformat(),
        "family.baby.nhs_number": "943 476 5919",
        "family.carers.0.name": "Nguyễn Thị Minh Khai",
        "family.carers.0.relationship": "mother",
        "family.carers.0.language": "Vietnamese",
        "family.postcode": "B16 8AB",
        "observations.noticing_cues.rating": "no_concern",
        "observations.responding.rating": "some_concern",
        "observations.responding.note": "Took a while to pick Zoë up when she cried; settled her gently.",
        "observations.warmth.rating": "strength",
        "observations.handling.rating": "no_concern",
        "observations.availability.rating": "some_concern",
        "observations.availability.note": "Mother seemed tired and far away at times.",
        "parent_voice.asked": True,
        "parent_voice.words": "I love her but I feel so tired, I don't always know what she wants.",
        "parent_voice.wants_help": "yes",
        "parent_voice.barriers": ["unsure_where_to_go"],
        "mood.subject": "mother",
        "mood.whooley": {"low_mood": True, "little_interest": False},
        "mood.epds": {"total": 11, "self_harm_item": 0},
        "needs.housing.status": "current",
        "needs.housing.note": "Temporary accommodation, one room.",
        "needs.social_isolation.status": "current",
        "strengths": ["family_network", "engaged_with_services"],
        "decision.next_steps": "Offer the parent-infant group at the family hub; review at 6–8 weeks.",
        "decision.review_date": (today + dt.timedelta(days=28)).isoformat(),
    }
    for path, value in values.items():
        session.set_value(path, value)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    from pairaid.app import build_window
    from pairaid.ui.app_identity import set_up_identity
    from pairaid.ui.style import apply_style

    apply_style(app)
    set_up_identity(app)  # as the app does after its first paint: the bundled script fonts among others
    today = dt.date.today()

    def snap(name: str) -> None:
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    with tempfile.TemporaryDirectory() as folder:
        window = build_window(Path(folder))
        assert window is not None
        window.resize(SIZE)
        window.show()
        window.new_visit()
        family(window.session, today)
        window.session.flush()
        window.new_visit()  # a second, earlier draft so home lists more than one
        window.session.set_values({"contact.type": "six_to_eight_weeks",
                                   "family.baby.name": "রহমান চক্রবর্তী",
                                   "family.baby.date_of_birth": (today - dt.timedelta(days=50)).isoformat()})
        window.session.flush()
        window.go_home()
        snap("01-home")
        window.open_record(window.home.record_ids()[1])
        for index, section in enumerate(window.walkthrough.sections(), start=2):
            window.walkthrough.go_to(section)
            snap(f"{index:02d}-{section}")
        window.session.set_value("safeguarding.indicators", ["domestic_abuse_baby_present"])
        window.walkthrough.go_to("safeguarding")
        snap("20-safeguarding-banner")
        window.session.set_value("safeguarding.indicators", [])
        for key in window.places:
            window.show_place(key)
            if window.stack.currentWidget() is not window.visit_page:
                snap(f"30-{key}")
        # View → Text size at 200% (WCAG 1.4.4): the screens that once clipped or scrolled sideways at large text,
        # each scrolled to the options that used to run off the right.
        window.set_text_size(200)
        window.open_record(window.home.record_ids()[1])
        for section, shown in (("observations", lambda p: p.boxes["responding"].rating.buttons[-1]),
                               ("mood", lambda p: p.subject.buttons[-1]),
                               ("needs", lambda p: p.strengths.boxes[-1]),
                               ("safeguarding", lambda p: p.indicators.boxes[-1]),
                               ("decision", lambda p: p.sharing_basis.buttons[-1]),
                               ("summary", None)):
            window.walkthrough.go_to(section)
            if shown is not None:
                for _ in range(5):
                    app.processEvents()
                page = window.walkthrough.page(section)
                page.ensureWidgetVisible(shown(page), 0, page.viewport().height() // 3)
            snap(f"40-text-200-{section}")
        window.go_home()
        snap("40-text-200-home")
        window.set_text_size(100)
        window.close()
        window.store.close()
    # Keys and conflicts need two computers: their own script (beside this one) sets them up.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import screenshots_sharing

    return screenshots_sharing.main([str(out)])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

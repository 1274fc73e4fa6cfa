"""The two loading stages without a window: each runs at most once, a failure is said once and closes the
store, and a loader's own dialog (which runs an event loop) never starts a second load."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pairaid.ui.startup_loader import Stage, Started, StartupLoader


@dataclass
class FakeStore:
    closed: int = 0

    def close(self) -> None:
        self.closed += 1


@dataclass
class Events:
    seen: list[str] = field(default_factory=list)

    def loader(self, opens: Any, pathway: Any = "pathway") -> StartupLoader:
        def load(_parent: Any) -> Started | None:
            self.seen.append("loader")
            return None if opens is None else Started(opens, "card", lambda _p: pathway)  # type: ignore[arg-type]

        return StartupLoader(load, lambda: None, lambda _s: self.seen.append("home"),
                             lambda p: self.seen.append(f"pathway {p}"), lambda: self.seen.append("fail"))


def test_both_stages_run_once_in_order() -> None:
    events = Events()
    boot = events.loader(FakeStore())
    assert boot.ensure_home() and boot.stage is Stage.HOME
    assert boot.ensure_loaded() and boot.ensure_loaded() and boot.ensure_home()
    assert events.seen == ["loader", "home", "pathway pathway"] and boot.stage is Stage.READY


def test_a_store_that_cannot_be_opened_fails_once_and_is_not_tried_again() -> None:
    events = Events()
    boot = events.loader(None)
    assert not boot.ensure_loaded() and not boot.ensure_home() and not boot.ensure_loaded()
    assert events.seen == ["loader", "fail"] and boot.failed


def test_a_pathway_that_fails_closes_the_store_that_home_opened() -> None:
    events, store = Events(), FakeStore()
    boot = events.loader(store, pathway=None)
    assert boot.ensure_home() and not boot.ensure_loaded()
    assert events.seen == ["loader", "home", "fail"] and store.closed == 1
    assert not boot.ensure_home() and not boot.ensure_loaded() and store.closed == 1


def test_a_dialog_inside_the_loader_does_not_load_twice() -> None:
    inner: list[bool] = []
    store = FakeStore()

    def load(_parent: Any) -> Started:
        inner.append(boot.ensure_home())  # as a timer firing inside the loader's modal dialog would
        return Started(store, "card", lambda _p: "pathway")  # type: ignore[arg-type]

    boot = StartupLoader(load, lambda: None, lambda _s: None, lambda _p: None, lambda: None)
    assert boot.ensure_loaded() and inner == [False] and boot.stage is Stage.READY

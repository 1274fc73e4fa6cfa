"""Issue 5: saving a draft, and searching a history of 100,000 records.

Floors, measured in the same run on the same disk: a plain sqlite3 INSERT of the same JSON with the same
durability (WAL, synchronous=FULL, one commit per row), and a plain sqlite3 indexed query on a 100,000-row
table. Targets: save < 5 ms median; history search < 50 ms median.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_seconds, report
from pairaid.store import RecordSummary, Store
from pairaid.store.models import search_key

N_RECORDS = 100_000
FIRST = ["Zoë", "Łukasz", "Minh", "محمد", "রহমান", "Şükrü", "Amara", "Olivia", "Aarav", "Fatima", "Jakub", "Mia"]
LAST = ["Brontë", "Wójcik", "Nguyễn", "عبد الله", "চক্রবর্তী", "Öztürk", "Okafor", "Smith", "Patel", "Khan",
        "Kowalski", "Jones", "O'Neill", "Begum", "Ahmed", "Murphy", "Hussain", "Taylor", "Ali", "Clarke"]
LEVELS = ("universal", "targeted", "specialist", "statutory")


def visit(rng: random.Random, n: int) -> dict:
    """A realistic draft: about 3 KB of JSON with notes on every observation."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    return {
        "format": "pairaid.assessment/1",
        "contact": {"date": (date(2024, 1, 1) + timedelta(days=n % 1000)).isoformat(), "type": "new_birth",
                    "setting": "home", "practitioner": {"name": "Ann Hall", "role": "health_visitor"}},
        "family": {"baby": {"name": name, "date_of_birth": "2023-12-20", "nhs_number": f"{n:010d}"},
                   "carers": [{"name": "Parent", "relationship": "mother", "language": "Polish"}],
                   "postcode": "B15 2TT"},
        "observations": {d: {"rating": "some_concern", "note": "Looked away when the baby cried; " * 3}
                         for d in ("noticing_cues", "responding", "warmth", "handling", "pacing", "availability",
                                   "baby_engagement", "baby_regulation")},
        "parent_voice": {"asked": True, "words": "I love her but I am so tired at night " * 4},
    }


def bench_save(folder: Path) -> None:
    rng = random.Random(1)
    data = visit(rng, 1)
    store = Store.open(folder / "store")
    info = store.create_draft(data, summary=RecordSummary.from_draft(data))
    state = {"version": info.version, "i": 0}

    def save() -> None:
        state["i"] += 1
        data["parent_voice"]["words"] = "typed " * (state["i"] % 50)
        state["version"] = store.save_draft(info.id, data, state["version"], summary=RecordSummary.from_draft(data))

    figure = median_seconds(save, repeat=500, warmup=20)
    store.close()

    conn = sqlite3.connect(folder / "plain.db")
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT)")
    payload = json.dumps(data, ensure_ascii=False)

    def insert() -> None:
        conn.execute("INSERT INTO t (data) VALUES (?)", (payload,))
        conn.commit()

    floor = median_seconds(insert, repeat=500, warmup=20)
    conn.close()
    report("save a draft (Store.save_draft, ~3 KB JSON)", figure, "sqlite3 INSERT + commit, same durability",
           floor)
    print(f"   target < 5 ms: {'met' if figure < 0.005 else 'NOT met'}")


def populate(folder: Path) -> Store:
    """100,000 records written straight into the store's tables in one transaction (creating them one by one
    through the API would measure the fill, not the search)."""
    rng = random.Random(2)
    store = Store.open(folder / "big")
    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows, bodies = [], []
    for n in range(N_RECORDS):
        data = visit(rng, n)
        record_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        data["id"] = record_id
        s = RecordSummary.from_draft(data)
        level = LEVELS[n % 4]
        stamp = (start + timedelta(minutes=n)).isoformat(timespec="microseconds")
        rows.append((record_id, 1, "final" if n % 3 else "draft", stamp, stamp, s.baby_name,
                     search_key(s.baby_name), s.nhs_number, s.visit_date, s.contact_type, level, level))
        bodies.append((record_id, json.dumps(data, ensure_ascii=False)))
    conn = store.db.conn
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO records (id, version, status, created_at, updated_at, baby_name, name_key, nhs_number, "
        "visit_date, contact_type, suggested_level, final_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO record_bodies (record_id, data) VALUES (?, ?)", bodies)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    return store


def bench_search(folder: Path) -> None:
    store = populate(folder)
    queries = {
        "name, common (\"khan\")": {"text": "khan"},
        "name, rare full name (\"zoe bronte\")": {"text": "zoe bronte"},
        "name, no match (\"nobody\")": {"text": "nobody"},
        "NHS number with spaces": {"text": "000 004 2421"},
        "last 4 NHS digits": {"text": "2421"},
        "level + date range": {"level": "specialist", "date_from": "2025-01-01", "date_to": "2025-03-31"},
        "status final, newest 200": {"status": "final"},
        "recent 20 (home screen)": {"limit": 20},
    }
    medians = {}
    for name, kwargs in queries.items():
        medians[name] = median_seconds(lambda kwargs=kwargs: store.search(**kwargs), repeat=30, warmup=3)
    waiting = median_seconds(store.conflicts, repeat=30, warmup=3)  # Reviews and the CLI list conflicts
    store.close()

    conn = sqlite3.connect(folder / "big" / "pairaid.db")
    floor = median_seconds(
        lambda: conn.execute("SELECT id, baby_name, visit_date FROM records WHERE nhs_number = ?",
                             ("0000042421",)).fetchall(), repeat=200)
    conn.close()
    for name, value in medians.items():
        report(f"search 100k: {name}", value, "sqlite3 indexed lookup", floor)
    report("conflicts() 100k (schema v4's partial index)", waiting, "sqlite3 indexed lookup", floor)
    overall = statistics.median(medians.values())
    worst = max(medians.values())
    print(f"   median over the query mix: {overall * 1000:.2f} ms, worst query {worst * 1000:.2f} ms; "
          f"target < 50 ms: {'met' if worst < 0.05 else 'NOT met'}")

    start = time.perf_counter()
    Store.open(folder / "big").close()
    opened = time.perf_counter() - start
    start = time.perf_counter()
    plain = sqlite3.connect(folder / "big" / "pairaid.db")
    plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    plain.close()
    report("Store.open of the 100k database (includes PRAGMA quick_check)", opened, "sqlite3 connect + read schema",
           time.perf_counter() - start)


def main() -> None:
    print("## store (issue 5)")
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parent.parent) as tmp:
        bench_save(Path(tmp))
        bench_search(Path(tmp))


if __name__ == "__main__":
    main()

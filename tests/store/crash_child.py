"""Child process of the SIGKILL crash test: saves edits as fast as it can and reports each one after commit.

Usage: python -m tests.store.crash_child DATA_DIR RECORD_ID
Prints "ready", then after each committed change "saved <record_id> <version> <n>" or "created <record_id>".
"""

from __future__ import annotations

import sys
from pathlib import Path

from pairaid.store import RecordSummary, Store


def main(data_dir: str, record_id: str) -> None:
    store = Store.open(Path(data_dir))
    out = sys.stdout
    record = store.load(record_id)
    version, n = record.version, record.data["n"]
    out.write("ready\n")
    out.flush()
    note = "The baby turned to her voice and settled. " * 400  # ~17 KB: each save spans several pages
    while True:
        n += 1
        data = {"n": n, "parent_voice": {"words": note[: 1000 + (n * 37) % 16000]}}
        version = store.save_draft(record_id, data, version, summary=RecordSummary(baby_name=f"Baby {n}"))
        out.write(f"saved {record_id} {version} {n}\n")
        if n % 25 == 0:
            created = store.create_draft({"n": 0}, summary=RecordSummary(baby_name=f"Sibling {n}"))
            store.log_event(created.id, "pdf_made", {"copy": "referral"})
            out.write(f"created {created.id}\n")
        out.flush()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

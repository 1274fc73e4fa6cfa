"""Supervisors' reviews of final records: agree or challenge the level, a comment, and sign-off."""

from __future__ import annotations

import sqlite3
import uuid

from pairaid.core import vocab
from pairaid.store import rows
from pairaid.store.connection import StoreBase
from pairaid.store.errors import RecordNotFound, StoreError
from pairaid.store.models import Review


def read_reviews(conn: sqlite3.Connection, record_id: str) -> list[Review]:
    return [
        Review(id=row["id"], record_id=row["record_id"], record_version=row["record_version"],
               at=rows.stamp(row["at"]), reviewer=row["reviewer"], verdict=row["verdict"],
               comment=row["comment"], suggested_level=row["suggested_level"], signed_off=bool(row["signed_off"]),
               content_sha=row["content_sha"], verified=bool(row["verified"]))
        for row in conn.execute(
            "SELECT id, record_id, record_version, at, reviewer, verdict, comment, suggested_level, "
            "signed_off, content_sha, verified FROM reviews WHERE record_id = ? ORDER BY at, id", (record_id,)
        )
    ]


def insert_review(conn: sqlite3.Connection, review: Review) -> bool:
    """Store `review` unless it is held already (same id); True when it was new. Whether it signs the record
    off is decided when the record is read (pairaid.store.rows), from its fingerprint and verification."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO reviews (id, record_id, record_version, at, reviewer, verdict, comment, "
        "suggested_level, signed_off, content_sha, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (review.id, review.record_id, review.record_version, review.at.isoformat(), review.reviewer,
         review.verdict, review.comment, review.suggested_level, int(review.signed_off), review.content_sha,
         int(review.verified)),
    )
    if cursor.rowcount == 0 and review.verified:  # held unverified; now from a trusted sender: the same review
        conn.execute("UPDATE reviews SET verified = 1 WHERE id = ? AND record_id = ? AND content_sha IS ? "
                     "AND signed_off = ?", (review.id, review.record_id, review.content_sha, int(review.signed_off)))
    return cursor.rowcount == 1


class ReviewsPart(StoreBase):
    def add_review(
        self,
        record_id: str,
        *,
        reviewer: str,
        verdict: str,
        comment: str,
        suggested_level: str | None = None,
        signed_off: bool = False,
    ) -> Review:
        """A supervisor's review of a final record: agree or challenge the level, a comment, and sign-off. It holds
        the fingerprint of the content reviewed: a sign-off counts only while the record still has that content."""
        if verdict not in ("agree", "challenge"):
            raise ValueError(f"verdict must be agree or challenge, not {verdict!r}")
        if suggested_level is not None and suggested_level not in vocab.LEVELS:
            raise ValueError(f"suggested level must be one of {', '.join(vocab.LEVELS)}")
        if not reviewer.strip():
            raise ValueError("give the reviewer's name")
        now = rows.now()
        review_id = str(uuid.uuid4())
        with self._write() as conn:
            row = conn.execute(
                "SELECT version, status, deidentified, conflict_of, content_sha FROM records WHERE id = ?",
                (record_id,)).fetchone()
            if row is None:
                raise RecordNotFound(record_id)
            if (row["status"] == "draft" and not row["deidentified"]) or row["conflict_of"]:
                raise StoreError(f"record {record_id} is still a draft; only a final record can be reviewed")
            review = Review(
                id=review_id, record_id=record_id, record_version=row["version"], at=rows.stamp(now),
                reviewer=reviewer.strip(), verdict=verdict, comment=comment.strip(),  # type: ignore[arg-type]
                suggested_level=suggested_level, signed_off=signed_off, content_sha=row["content_sha"],
            )
            insert_review(conn, review)
            self._event(record_id, "reviewed", {"review_id": review_id, "verdict": verdict,
                                                "suggested_level": suggested_level, "version": row["version"]},
                        now)
            if signed_off:
                self._event(record_id, "signed_off", {"review_id": review_id, "version": row["version"]}, now)
        return review

    def reviews(self, record_id: str) -> list[Review]:
        return read_reviews(self._conn, record_id)

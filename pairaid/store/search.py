"""History search: by part of the name or NHS number, level, status and visit dates, newest change first."""

from __future__ import annotations

from datetime import date
from typing import Any

from pairaid.core.nhs_number import normalise_nhs_number
from pairaid.store import rows
from pairaid.store.connection import StoreBase
from pairaid.store.models import RecordInfo, search_key


class SearchPart(StoreBase):
    def search(
        self,
        *,
        text: str | None = None,
        level: str | None = None,
        status: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        limit: int = 200,
    ) -> list[RecordInfo]:
        """History, newest change first. `text` matches part of the baby's name (accents and case ignored) or
        part of the NHS number (spaces ignored); `level` is the final level (the practitioner's, after any
        override); dates bound the visit date, inclusive."""
        where: list[str] = []
        params: list[Any] = []
        if text and text.strip():
            name = search_key(text)
            digits = normalise_nhs_number(text.strip())
            if digits.isdigit() and len(digits) == 10:
                where.append("nhs_number = ?")  # a whole NHS number: the index finds it at once
                params.append(digits)
            elif digits.isdigit():
                where.append("(instr(name_key, ?) > 0 OR instr(nhs_number, ?) > 0)")
                params += [name, digits]
            else:
                where.append("instr(name_key, ?) > 0")
                params.append(name)
        if level:
            where.append("final_level = ?")
            params.append(level)
        if status:
            where.append("status = ?")
            params.append(status)
        if date_from:
            where.append("visit_date >= ?")
            params.append(str(date_from))
        if date_to:
            where.append("visit_date <= ?")
            params.append(str(date_to))
        sql = f"SELECT {rows.INFO_COLUMNS} FROM records r"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY updated_at DESC LIMIT ?"
        params.append(int(limit))
        return [rows.info(row) for row in self._conn.execute(sql, params)]

    def recent(self, limit: int = 20) -> list[RecordInfo]:
        return self.search(limit=limit)

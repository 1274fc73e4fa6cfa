"""Canonical JSON and content fingerprints: the same record always gives the same bytes and hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import BaseModel


def canonical_json(value: Any) -> bytes:
    """UTF-8 JSON with sorted keys and no spaces; pydantic models are dumped in JSON mode first."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_hex(value: Any) -> str:
    """SHA-256 of the canonical form, as 64 hex digits."""
    return hashlib.sha256(canonical_json(value)).hexdigest()


def fingerprint(value: Any) -> str:
    """A short, readable fingerprint for printouts (first 12 hex digits, grouped): `3f2a-91c0-7b4e`."""
    digest = sha256_hex(value)[:12]
    return f"{digest[:4]}-{digest[4:8]}-{digest[8:12]}"

"""The audit trail's vocabulary: which events exist and which detail keys they may carry.

Detail holds ids, copy names, levels, roles and flags only, never free text: every key is on an allow-list
and every string value must look like an identifier (no spaces, at most 64 characters, ASCII). A name such as
"Zoë Brontë" or a reason such as "mum said ..." is therefore refused before it can reach the database.
"""

from __future__ import annotations

import re
from typing import Any

from pairaid.store.errors import AuditDetailError

KINDS: frozenset[str] = frozenset(
    {
        "created",
        "level_suggested",
        "overridden",
        "finalised",
        "amended",  # on the earlier final record: superseded by detail["amended_by"]
        "pdf_made",
        "printed",
        "exported",
        "imported",
        "reviewed",
        "signed_off",
        "conflict_resolved",  # detail: conflict_id (the copy, now removed) and kept (this_computer | bundle)
        "key_trusted",  # on no record (record id ""): a colleague's public key was trusted (fingerprint)
        "key_removed",  # on no record: a colleague's public key is no longer trusted (fingerprint)
        "safe_to_take_home",  # the practitioner confirmed the parent copy is safe for this parent to take home
    }
)

DETAIL_KEYS: frozenset[str] = frozenset(
    {
        "version",
        "level",  # suggested level
        "from_level",
        "to_level",
        "final_level",
        "urgent",
        "safeguarding",
        "copy",  # which copy of a PDF: referral | parent | supervision
        "recipient_role",  # e.g. gp, social_care, family, supervisor: a role, never a name
        "supervision",  # bool: a de-identified export
        "format",
        "amendment_of",
        "amended_by",
        "review_id",
        "verdict",
        "suggested_level",
        "pathway_id",
        "pathway_version",
        "sha256",
        "source",  # new | updated | reviews_merged | conflict | conflict_resolved_before (imports)
        "reviews_added",
        "conflict_id",
        "kept",
        "verified",  # bool: the bundle was signed by a trusted key
        "fingerprint",  # of a public signing key
    }
)

_TOKEN = re.compile(r"^[A-Za-z0-9_.:+/-]{0,64}$")


def check_event(kind: str, detail: dict[str, Any] | None) -> dict[str, Any]:
    """The detail to store, or AuditDetailError naming the offending key (never echoing its value)."""
    if kind not in KINDS:
        raise AuditDetailError(f"unknown audit event kind {kind!r}; known: {', '.join(sorted(KINDS))}")
    detail = dict(detail or {})
    for key, value in detail.items():
        if key not in DETAIL_KEYS:
            raise AuditDetailError(
                f"audit detail key {key!r} is not allowed (audit detail holds ids, copy names and levels only)"
            )
        if value is None or isinstance(value, bool | int):
            continue
        if isinstance(value, str) and _TOKEN.match(value):
            continue
        raise AuditDetailError(
            f"audit detail {key!r} must be an id, level, role or flag (no spaces or free text)"
        )
    return detail

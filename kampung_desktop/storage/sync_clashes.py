"""Pulled records that would break a rule of this laptop's own database are held back.

Two rules of the laptop can clash with what the server sends, because they are not the
server's keys: a certificate number is unique here (`certificates.number`), and a place has one
active award decision per program and year (`ux_award_active`). Both clash only with records
this laptop made offline that the server did not take as they are — a number printed before
enrolment (no office code) that another office used first (the server answers
`certificate_number_taken` and flags it for the office), or the same RT decided on two office
desktops. Writing the pulled record would fail the whole page, and then every later pull at
the same page: the laptop would never receive anything again. Instead the pulled record stays
on the server only; the laptop keeps its own, and the clash is logged by record id (no
personal data). A later change of the pulled record arrives again and is tried again.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Hashable
from typing import Any

log = logging.getLogger(__name__)

DecisionKey = tuple[Any, ...]
_DECISION_FIELDS = ("program", "year", "kelurahan_kode", "rw", "rt")


def hold_back(conn: sqlite3.Connection, table: str, items: list[Any]) -> list[Any]:
    """`items` (pulled changes of `table`, in feed order) without those that clash."""
    if table == "certificates":
        kept = _without_clashes(items, _certificate_key, _certificate_owners(conn, items))
    elif table == "award_decisions":
        kept = _without_clashes(items, _decision_key, _decision_owners(conn, items))
    else:
        return items
    if len(kept) < len(items):
        held = sorted({c.record_id for c in items} - {c.record_id for c in kept})
        log.warning("pulled %s held back (clash with a record of this laptop): %s", table, held)
    return kept


def _without_clashes(
    items: list[Any],
    key_of: Callable[[Any], Hashable | None],
    owners: dict[Hashable, str],
) -> list[Any]:
    """Walk the page in order: a record takes its key unless another record holds it. Local
    rows this page replaces give up their key first (their new version decides)."""
    incoming = {c.record_id for c in items}
    owners = {key: rid for key, rid in owners.items() if rid not in incoming}
    kept = []
    for change in items:
        key = None if change.deleted else key_of(change.data)
        owner = owners.get(key) if key is not None else None
        if owner is not None and owner != change.record_id:
            continue
        if key is not None:
            owners[key] = change.record_id
        else:  # revoked or deleted: whatever key it held is free again
            owners = {k: rid for k, rid in owners.items() if rid != change.record_id}
        kept.append(change)
    return kept


def _certificate_key(data: dict[str, Any]) -> Hashable | None:
    return data.get("number")


def _decision_key(data: dict[str, Any]) -> DecisionKey | None:
    if data.get("revoked_at"):
        return None
    return tuple(data.get(name) for name in _DECISION_FIELDS)


def _certificate_owners(conn: sqlite3.Connection, items: list[Any]) -> dict[Hashable, str]:
    numbers = sorted({str(c.data.get("number")) for c in items})
    rows = conn.execute(
        "SELECT number, id FROM certificates WHERE number IN (SELECT value FROM json_each(?))",
        (json.dumps(numbers),),
    )
    return dict(rows.fetchall())


def _decision_owners(conn: sqlite3.Connection, items: list[Any]) -> dict[Hashable, str]:
    owners: dict[Hashable, str] = {}
    places = {key for c in items if (key := _decision_key(c.data)) is not None}
    for key in places:
        row = conn.execute(
            "SELECT id FROM award_decisions WHERE revoked_at IS NULL AND program = ? AND "
            "year = ? AND kelurahan_kode = ? AND rw = ? AND rt = ?",
            key,
        ).fetchone()
        if row:
            owners[key] = row[0]
    return owners

"""`kampung server stats --db URL [--json]`: record counts for operators and scripts.

The JSON shape is a contract: at the top level one integer per record kind (live records, i.e.
not deleted) plus `users`; nested objects for `receipts` (outcomes of every op ever pushed),
`devices` and `assessments_by_state`. New keys may be added; existing ones never change meaning.
"""

from __future__ import annotations

from typing import Any

from kampung_sync import protocol
from kampung_sync.server import db
from kampung_sync.server.tables import Device, Record, StoredReceipt, User
from sqlalchemy import func, select
from sqlalchemy.orm import Session

RECEIPT_STATUSES = ("accepted", "duplicate", "conflict", "rejected")
_R = Record.__table__.c


def counts(session: Session) -> dict[str, Any]:
    live = dict(
        session.execute(
            select(_R.table_name, func.count()).where(_R.deleted.is_(False)).group_by(_R.table_name)
        ).all()
    )
    numbers: dict[str, Any] = {table: int(live.get(table, 0)) for table in protocol.PULL_TABLES}
    numbers["users"] = int(session.execute(select(func.count()).select_from(User)).scalar_one())
    state = _R.data["state"].as_string()
    numbers["assessments_by_state"] = {
        name or "draft": int(count)
        for name, count in session.execute(
            select(state, func.count())
            .where(_R.table_name == "assessments", _R.deleted.is_(False))
            .group_by(state)
        )
    }
    outcomes = dict(
        session.execute(
            select(StoredReceipt.status, func.count()).group_by(StoredReceipt.status)
        ).all()
    )
    receipts = {status: int(outcomes.get(status, 0)) for status in RECEIPT_STATUSES}
    receipts["total"] = sum(int(v) for v in outcomes.values())
    numbers["receipts"] = receipts
    total = int(session.execute(select(func.count()).select_from(Device)).scalar_one())
    revoked = int(
        session.execute(
            select(func.count()).select_from(Device).where(Device.revoked_at.is_not(None))
        ).scalar_one()
    )
    numbers["devices"] = {"total": total, "active": total - revoked, "revoked": revoked}
    return numbers


def collect(url: str) -> dict[str, Any]:
    engine = db.make_engine(db.normalise_url(url))
    try:
        with engine.connect() as connection, Session(bind=connection) as session:
            return counts(session)
    finally:
        engine.dispose()


def render_text(numbers: dict[str, Any]) -> str:
    """The same numbers as aligned `name  value` lines for people."""
    lines: list[str] = []
    for key, value in numbers.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(
                f"  {name:<22}{count:>12,}".replace(",", ".") for name, count in value.items()
            )
        else:
            lines.append(f"{key:<24}{value:>12,}".replace(",", "."))
    return "\n".join(lines) + "\n"

"""Outbox and audit entries, written in the same transaction as the change they describe.

The outbox carries the whole record, frozen when queued (sync needs it); the audit log names
only the fields that changed, never their values, so it holds no personal data. Each entry
carries the revision the edit started from (`base_revision`): the server revision when the
record came from (or was confirmed by) the server, else the revision of the entry queued just
before it. Demo records and tables the server owns are queued as `local`: they never leave the
laptop.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import text
from sqlmodel import Session, SQLModel

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.storage import audit
from kampung_desktop.storage.models import PUSHED_TABLES, OutboxEntry

_NOT_AUDITED = {"created_at", "updated_at", "revision"}


def record_change(
    session: Session,
    entity: str,
    record: SQLModel,
    op: str,
    user_id: str | None,
    fields: Iterable[str] = (),
    action: str | None = None,
    record_id: str | None = None,
) -> None:
    """Queue the record for sync and audit the change; `record_id` for records without `id`."""
    payload = record.model_dump(mode="json")
    record_id = record_id or payload["id"]
    fields = list(fields)
    local = entity not in PUSHED_TABLES or _is_demo(session, entity, payload)
    revision = int(payload.get("revision", 1))
    session.add(
        OutboxEntry(
            entity=entity,
            record_id=record_id,
            revision=revision,
            op=op,
            payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
            base_revision=0 if local else base_revision(session, entity, record_id, op),
            fields=json.dumps(sorted(payload) if op == "insert" else sorted(set(fields))),
            status="local" if local else "pending",
        )
    )
    changed = sorted(set(fields) - _NOT_AUDITED)
    audit.append(session, action or op, entity, record_id, changed, user_id=user_id)


def save_change(
    session: Session,
    entity: str,
    record: SQLModel,
    op: str,
    user_id: str | None,
    fields: Iterable[str] = (),
    action: str | None = None,
) -> None:
    """Write `record` (flushed, so it has its id) and `record_change` it, in one go."""
    session.add(record)
    session.flush()
    record_change(session, entity, record, op, user_id, fields, action)


def base_revision(session: Session, entity: str, record_id: str, op: str) -> int:
    """The revision this edit started from, as the server will know it when the op arrives.

    The newest queued (or receipted) entry of the record wins, since ops are applied in order;
    otherwise the server revision the last pull brought; otherwise 0 (the server never saw it).
    """
    session.flush()
    queued = session.exec(
        text(
            "SELECT seq, revision FROM outbox WHERE entity = :e AND record_id = :r "
            "AND status IN ('pending', 'accepted', 'duplicate') ORDER BY seq DESC LIMIT 1"
        ),
        params={"e": entity, "r": record_id},
    ).first()
    known = session.exec(
        text("SELECT server_revision FROM sync_records WHERE tbl = :e AND record_id = :r"),
        params={"e": entity, "r": record_id},
    ).first()
    if known is not None and (queued is None or _pulled_after(session, entity, record_id)):
        return int(known[0])
    if queued is not None:
        return int(queued[1])
    return 0


def _pulled_after(session: Session, entity: str, record_id: str) -> bool:
    """True when the server revision is newer than the last queued entry's revision."""
    row = session.exec(
        text(
            "SELECT s.server_revision >= (SELECT revision FROM outbox WHERE entity = :e "
            "AND record_id = :r AND status IN ('pending', 'accepted', 'duplicate') "
            "ORDER BY seq DESC LIMIT 1) FROM sync_records s WHERE s.tbl = :e AND s.record_id = :r"
        ),
        params={"e": entity, "r": record_id},
    ).first()
    return bool(row and row[0])


def _is_demo(session: Session, entity: str, payload: dict) -> bool:
    if entity == "assessment_answers":  # answers carry no mark of their own
        row = session.exec(
            text("SELECT is_demo FROM assessments WHERE id = :id"),
            params={"id": payload.get("assessment_id")},
        ).first()
        return bool(row and row[0])
    return bool(payload.get("is_demo"))


def apply_update(record: SQLModel, values: dict) -> list[str]:
    """Set changed attributes, bump revision and updated_at; returns the changed field names."""
    changed = [k for k, v in values.items() if getattr(record, k) != v]
    for key in changed:
        setattr(record, key, values[key])
    if changed:
        record.revision += 1  # type: ignore[attr-defined]
        record.updated_at = utc_now_iso()  # type: ignore[attr-defined]
    return changed


def pending_count(session: Session) -> int:
    return int(session.exec(text("SELECT count(*) FROM outbox WHERE status = 'pending'")).one()[0])

"""Outbox and audit entries, written in the same transaction as the change they describe.

The outbox carries the whole record (sync needs it); the audit log names only the fields that
changed, never their values, so it holds no personal data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import text
from sqlmodel import Session, SQLModel

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.storage.models import AuditEntry, OutboxEntry

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
    session.add(
        OutboxEntry(
            entity=entity,
            record_id=record_id,
            revision=payload.get("revision", 1),
            op=op,
            payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
        )
    )
    changed = sorted(set(fields) - _NOT_AUDITED)
    session.add(
        AuditEntry(
            user_id=user_id,
            action=action or op,
            entity=entity,
            record_id=record_id,
            fields=json.dumps(changed),
        )
    )


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
    return int(session.exec(text("SELECT count(*) FROM outbox WHERE sent_at IS NULL")).one()[0])

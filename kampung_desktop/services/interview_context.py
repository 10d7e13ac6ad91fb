"""What an interview knows besides its answers: the device and user metadata, and the answers
of the enumerator's previous submission of the same form (`${last-saved#x}`).

ODK Collect fills `deviceid` and `username` from the phone and its settings, and reads
`last-saved` from the most recently saved instance of the form. On a laptop the device id is
this install's sync device id (a random id, so no hardware identifier leaves the laptop) and the
last saved instance is the newest assessment of the same form made by the same user.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import col, select

from kampung_desktop.storage import sync_store
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import Assessment, AssessmentAnswer, User


def device_metadata(db: Database, user_id: str | None) -> dict[str, str]:
    """`deviceid` and `username` for the interview's metadata fields."""
    values: dict[str, str] = {}
    with db.raw() as conn:
        device_id = sync_store.device(conn).get("device_id")
    if device_id:
        values["deviceid"] = f"kampung:{device_id}"
    if user_id:
        with db.read() as session:
            user = session.get(User, user_id)
        if user is not None and user.username:
            values["username"] = user.username
    return values


def last_saved_answers(
    db: Database, form_id: str, user_id: str | None, exclude_id: str
) -> dict[str, Any]:
    """Answers of the newest other assessment of `form_id` by `user_id` (any form version, as
    ODK's last-saved is per form); empty when there is none."""
    with db.read() as session:
        query = (
            select(Assessment.id)
            .where(Assessment.form_id == form_id)
            .where(Assessment.id != exclude_id)
            .where(col(Assessment.deleted).is_(False))
            .order_by(col(Assessment.updated_at).desc())
            .limit(1)
        )
        if user_id is not None:
            query = query.where(Assessment.created_by == user_id)
        previous = session.exec(query).first()
        if previous is None:
            return {}
        rows = session.exec(
            select(AssessmentAnswer.field, AssessmentAnswer.value).where(
                AssessmentAnswer.assessment_id == previous
            )
        ).all()
    return {field: json.loads(value) for field, value in rows}

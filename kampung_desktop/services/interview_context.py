"""What an interview knows besides its answers: the device and user metadata, and the answers
of the enumerator's previous submission of the same form (`${last-saved#x}`).

ODK Collect fills `deviceid` and `username` from the phone and its settings, and reads
`last-saved` from the most recently saved instance of the form. On a laptop the device id is
this install's sync device id (a random id, so no hardware identifier leaves the laptop) and the
last saved instance is the newest assessment of the same form made by the same user.
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.storage import assessments, sync_store, users
from kampung_desktop.storage.database import Database


def device_metadata(db: Database, user_id: str | None) -> dict[str, str]:
    """`deviceid` and `username` for the interview's metadata fields."""
    values: dict[str, str] = {}
    with db.raw() as conn:
        device_id = sync_store.device(conn).get("device_id")
    if device_id:
        values["deviceid"] = f"kampung:{device_id}"
    if user_id:
        with db.read() as session:
            user = users.user(session, user_id)
        if user is not None and user.username:
            values["username"] = user.username
    return values


def last_saved_answers(
    db: Database, form_id: str, user_id: str | None, exclude_id: str
) -> dict[str, Any]:
    """Answers of the newest other assessment of `form_id` by `user_id` (any form version, as
    ODK's last-saved is per form); empty when there is none."""
    with db.read() as session:
        previous = assessments.last_saved_by(session, form_id, user_id, exclude_id)
        if previous is None:
            return {}
        return assessments.answers_in(session, previous)

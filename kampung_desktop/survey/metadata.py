"""XLSForm metadata the app fills in itself: start, end, today, deviceid, username, ..., audit.

ODK Collect reads these from the phone. On a desktop: `start`/`end`/`today` come from the
interview clock, `deviceid` is a stable pseudonymous id of this computer (a hash, so no hardware
address is stored), and the person-related ones (`username`, `email`, `phonenumber`) come from
what the caller passes as `device` — empty when it passes nothing. A phone's SIM has no desktop
equivalent, so `subscriberid`/`simserial` are empty, as ODK gives on a phone without a SIM.
`audit` is a per-interview timing log kept with the answers.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime
from functools import lru_cache
from typing import Any

#: Metadata properties taken from the `device` mapping given to an interview.
DEVICE_PROPERTIES = ("deviceid", "username", "email", "phonenumber", "subscriberid", "simserial")
AUDIT_FILE = "audit.csv"


@lru_cache(maxsize=1)
def default_device_id() -> str:
    """A stable id of this computer, like ODK's `collect:...` ids; not the hardware address."""
    digest = hashlib.sha256(f"kampung-device:{uuid.getnode()}".encode()).hexdigest()
    return f"kampung:{digest[:16]}"


def initial_value(kind: str, now: datetime, today: date, device: dict[str, str]) -> Any:
    """The value a metadata field gets when its interview (or repeat entry) is created."""
    if kind in ("start", "end"):
        return now
    if kind == "today":
        return today
    if kind == "instanceID":
        return f"uuid:{uuid.uuid4()}"
    if kind == "deviceid":
        return device.get("deviceid") or default_device_id()
    if kind in DEVICE_PROPERTIES:
        return device.get(kind) or None
    return None  # hidden, audit, start-geopoint, background-geopoint: no value to preload


def audit_event(log: list[list[Any]], event: str, path: str, when: datetime) -> list[list[Any]]:
    """A copy of `log` with one event appended: [event, path, epoch milliseconds]."""
    return [*log, [event, path, int(when.timestamp() * 1000)]]


def audit_csv(log: list[list[Any]]) -> str:
    """The log in the shape of ODK's audit.csv (event, node, start, end)."""
    lines = ["event,node,start,end"]
    for index, (event, path, start) in enumerate(log):
        end = log[index + 1][2] if index + 1 < len(log) else ""
        lines.append(f"{event},{path},{start},{end}")
    return "\n".join(lines) + "\n"

"""Identifiers and time: device-made UUIDs and UTC timestamps, so records merge across laptops."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC)


def utc_now_iso() -> str:
    """UTC time as ISO 8601 with milliseconds; sorts correctly as text."""
    return utc_now().isoformat(timespec="milliseconds").replace("+00:00", "Z")

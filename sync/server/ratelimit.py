"""Failed-login rate limit per username + client address, counted in the database.

In the database (not in memory) because several workers and hosts serve the same city: an
attacker spreading guesses across workers must still hit the same limit.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kampung_sync.server.errors import ApiError
from kampung_sync.server.records import protocol_now
from kampung_sync.server.settings import ServerSettings
from kampung_sync.server.tables import LoginFailure
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

_FAIL = LoginFailure.__table__


def _window_start(settings: ServerSettings) -> str:
    start = datetime.now(UTC) - timedelta(seconds=settings.login_window_seconds)
    return start.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def check(session: Session, username: str, client: str, settings: ServerSettings) -> None:
    """429 `too_many_attempts` once the failures in the window reach the limit."""
    count = session.execute(
        select(func.count())
        .select_from(_FAIL)
        .where(
            _FAIL.c.username == username,
            _FAIL.c.client == client,
            _FAIL.c.at >= _window_start(settings),
        )
    ).scalar_one()
    if count >= settings.login_max_failures:
        minutes = max(1, settings.login_window_seconds // 60)
        raise ApiError(
            429,
            "too_many_attempts",
            headers={"Retry-After": str(settings.login_window_seconds)},
            minutes=minutes,
        )


def record_failure(session: Session, username: str, client: str, settings: ServerSettings) -> None:
    """Count one failure (and forget this key's failures older than the window)."""
    session.execute(
        delete(_FAIL).where(
            _FAIL.c.username == username,
            _FAIL.c.client == client,
            _FAIL.c.at < _window_start(settings),
        )
    )
    session.execute(insert(_FAIL), [{"username": username, "client": client, "at": protocol_now()}])


def clear(session: Session, username: str, client: str) -> None:
    session.execute(delete(_FAIL).where(_FAIL.c.username == username, _FAIL.c.client == client))

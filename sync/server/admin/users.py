"""`kampung server user add` and `kampung server device revoke`, on top of `accounts`."""

from __future__ import annotations

from collections.abc import Sequence

from kampung_sync.server import accounts, db
from kampung_sync.server.admin import AdminError


def _engine(url: str):  # type: ignore[no-untyped-def]
    return db.make_engine(db.normalise_url(url))


def add_user(
    url: str,
    username: str,
    role: str,
    scope: Sequence[str],
    password: str,
    full_name: str = "",
) -> bool:
    """Create the account (argon2-hashed password); True when created."""
    engine = _engine(url)
    try:
        with db.transaction(engine) as session:
            accounts.create_user(
                session,
                username=username,
                password=password,
                role=role,
                scope=scope,
                full_name=full_name,
                actor="cli",
            )
    except accounts.AccountError as exc:
        raise AdminError(exc.message.id, exc.message.en) from None
    finally:
        engine.dispose()
    return True


def revoke(url: str, device_id: str) -> str:
    """Revoke a device by id or code; returns "CODE (id)" for the confirmation line."""
    engine = _engine(url)
    try:
        with db.transaction(engine) as session:
            device = accounts.revoke_device(session, device_id, actor="cli")
            return f"{device.device_code} ({device.id})"
    except accounts.AccountError as exc:
        raise AdminError(exc.message.id, exc.message.en) from None
    finally:
        engine.dispose()

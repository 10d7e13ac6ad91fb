"""Accounts, devices and the audit log: the functions the admin CLI and the API share.

    create_user(session, *, username, password, role, scope=(), full_name="", actor="cli") -> User
    revoke_device(session, device_id, *, actor="cli") -> Device      (AccountError if unknown)
    enrol_device(session, user, *, device_id, device_name) -> (Device, token)
    audit(session, action, *, user_id=None, device_id=None, **detail)

Call them inside a transaction (`db.transaction(engine)`). `AccountError.message` is a
bilingual `protocol.Text` safe to print. Passwords are hashed with argon2id; device tokens are
32 random bytes handed out once and stored only as their sha256.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from kampung_sync import protocol
from kampung_sync.server import db
from kampung_sync.server.records import protocol_now
from kampung_sync.server.settings import ServerSettings
from kampung_sync.server.tables import AuditEntry, Device, User
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kampung_desktop.core import wilayah

ROLES = ("admin", "operator", "enumerator")


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    settings = ServerSettings()
    return PasswordHasher(
        time_cost=settings.argon2_time_cost,
        memory_cost=settings.argon2_memory_kib,
        parallelism=settings.argon2_parallelism,
    )


class AccountError(ValueError):
    """A refused account or device change; `message` says why in both languages."""

    def __init__(self, indonesian: str, english: str) -> None:
        super().__init__(english)
        self.message = protocol.Text(id=indonesian, en=english)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """Verified against when a username is unknown, so the answer takes the same time."""
    return hash_password("not-a-real-password")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def audit(
    session: Session,
    action: str,
    *,
    user_id: str | None = None,
    device_id: str | None = None,
    **detail: Any,
) -> None:
    """Append to the audit log. `detail` holds ids and counts only, never personal data."""
    session.execute(
        insert(AuditEntry.__table__),
        [
            {
                "at": protocol_now(),
                "user_id": user_id,
                "device_id": device_id,
                "action": action,
                "detail": detail,
            }
        ],
    )


def _check_scope(role: str, scope: Iterable[str]) -> list[str]:
    codes = sorted({code.strip() for code in scope if code.strip()})
    for code in codes:
        if not wilayah.is_valid_code(code) or wilayah.level_of(code) != wilayah.Level.KELURAHAN:
            raise AccountError(
                f"'{code}' bukan kode kelurahan (contoh: 36.71.01.1001).",
                f"'{code}' is not a kelurahan code (e.g. 36.71.01.1001).",
            )
    if role != "admin" and not codes:
        raise AccountError(
            "Operator dan pencacah wajib diberi cakupan kelurahan (--scope).",
            "Operators and enumerators need a kelurahan scope (--scope).",
        )
    return [] if role == "admin" else codes


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: str,
    scope: Iterable[str] = (),
    full_name: str = "",
    actor: str = "cli",
) -> User:
    """Create an account; an admin's scope is the whole city (stored as [])."""
    username = username.strip()
    if not username or len(username) > 100:
        raise AccountError(
            "Nama pengguna wajib diisi (paling banyak 100 karakter).",
            "A username is required (at most 100 characters).",
        )
    if role not in ROLES:
        raise AccountError(
            f"Peran '{role}' tidak dikenal; pilih admin, operator atau enumerator.",
            f"Unknown role '{role}'; choose admin, operator or enumerator.",
        )
    if len(password) < 8:
        raise AccountError(
            "Kata sandi paling sedikit 8 karakter.", "The password needs at least 8 characters."
        )
    codes = _check_scope(role, scope)
    if session.execute(select(User.id).where(User.username == username)).first() is not None:
        raise AccountError(
            f"Nama pengguna '{username}' sudah dipakai.", f"Username '{username}' is taken."
        )
    user = User(
        id=str(uuid.uuid4()),
        username=username,
        full_name=full_name,
        role=role,
        scope=codes,
        password_hash=hash_password(password),
        created_at=protocol_now(),
    )
    session.add(user)
    session.flush()
    audit(session, "user_created", user_id=actor, target_user=user.id, role=role)
    return user


def find_device(session: Session, device_id_or_code: str) -> Device | None:
    """A device by its id or its short code (admins see the code on the dashboard)."""
    device = session.get(Device, device_id_or_code)
    if device is None:
        device = session.execute(
            select(Device).where(Device.device_code == device_id_or_code)
        ).scalar_one_or_none()
    return device


def revoke_device(session: Session, device_id: str, *, actor: str = "cli") -> Device:
    """Revoke a device (by id or code): its token stops working at once, its data stays."""
    device = find_device(session, device_id)
    if device is None:
        raise AccountError(
            f"Perangkat '{device_id}' tidak ditemukan.", f"Device '{device_id}' was not found."
        )
    if device.revoked_at is None:
        device.revoked_at = protocol_now()
        session.add(device)
        audit(session, "device_revoked", user_id=actor, device_id=device.id)
    return device


def device_code(number: int) -> str:
    """ "D" + base36 of a counter: short enough to print inside certificate numbers."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return "D" + out


def enrol_device(
    session: Session, user: User, *, device_id: str, device_name: str
) -> tuple[Device, str]:
    """Issue a fresh token for this device (re-enrolling replaces the old token)."""
    token = secrets.token_urlsafe(32)
    device = session.get(Device, device_id)
    if device is None:
        device = Device(
            id=device_id,
            device_code=device_code(db.next_counter(session, "device")),
            user_id=user.id,
            name=device_name,
            token_hash=token_hash(token),
            enrolled_at=protocol_now(),
        )
    else:
        device.user_id = user.id
        device.name = device_name or device.name
        device.token_hash = token_hash(token)
        device.enrolled_at = protocol_now()
        device.scope_digest = None
    session.add(device)
    session.flush()
    audit(session, "device_enrolled", user_id=user.id, device_id=device.id)
    return device, token


def scope_digest(user: User) -> str:
    """Changes whenever the user's role or scope changes (the pull feed then resets)."""
    return hashlib.sha256(f"{user.role}:{','.join(sorted(user.scope))}".encode()).hexdigest()

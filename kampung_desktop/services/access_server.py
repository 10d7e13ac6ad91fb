"""Server accounts on an enrolled laptop: kept in access.json so people sign in offline.

At enrolment the password of the enrolling user is at hand, so the database key is wrapped for
them at once (on a dir that was unprotected, this is when the key is made and the dir becomes
protected). At each sync the list is refreshed: new verifiers and disabled flags take effect,
accounts the server no longer lists are dropped. Other accounts get the key wrapped the first
time they sign in on the lock screen of a running app (`access.unlock`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from kampung_desktop.core.roles import Role, normalise_scope
from kampung_desktop.services import access_keys as keys
from kampung_desktop.services.access import WRONG, AccessSession, principal_of
from kampung_desktop.services.access_store import check_seal, exclusive, save
from kampung_desktop.storage import access_file
from kampung_desktop.storage.access_file import AccessFile, AccountRecord

log = logging.getLogger(__name__)


class ServerAccount(Protocol):
    """What the server sends per account (kampung_sync.protocol.Account)."""

    user_id: str
    username: str
    full_name: str
    role: str
    scope: list[str]
    password_verifier: str | None
    disabled: bool


@exclusive
def store_server_accounts(
    data_dir: Path,
    accounts: Iterable[ServerAccount],
    *,
    session_key: bytes | None = None,
    enrolling: tuple[str, str] | None = None,
) -> AccessSession | None:
    """Merge the server's accounts into access.json; returns the enrolling user's session.

    `session_key`: the key of a signed-in app (a protected dir). `enrolling`: (username,
    password) at enrolment; on an unprotected dir it is required, and a new key is made.
    Without either, an unprotected dir is left as it is (nobody's password is at hand to wrap
    a key for, and storing accounts alone would lock everyone out).
    """
    folder = Path(data_dir)
    current = access_file.load(folder)
    protected = bool(current and current.accounts)
    if not protected and enrolling is None:
        return None
    key = session_key if protected else keys.new_key()
    if key is None:  # a protected dir's list is sealed with its key; none here: leave it
        return None
    if protected and current is not None:
        check_seal(folder, current, key)
    previous = {a.username.lower(): a for a in current.accounts} if current else {}
    server = [r for r in (_record(a, previous) for a in accounts) if r is not None]
    names = {r.username.lower() for r in server}
    local = [a for a in (current.accounts if current else ()) if a.source == "local"]
    merged = [a for a in local if a.username.lower() not in names] + server
    session = None
    if enrolling is not None:
        merged, session = _wrap_for(merged, enrolling, key)
    if not any(a.wrapped_key and not a.disabled for a in merged):
        log.warning("server account list left no account able to open the data; not stored")
        return session
    base = current or AccessFile()
    save(folder, base.with_changes(accounts=tuple(merged), encrypted=True), key)
    log.info("stored %d server accounts", len(server))
    return session


def _record(account: ServerAccount, previous: dict[str, AccountRecord]) -> AccountRecord | None:
    verifier = account.password_verifier or ""
    try:
        role = Role.from_server(str(account.role))
    except ValueError:
        return None
    if not verifier.startswith("$argon2") or not account.username.strip():
        return None
    old = previous.get(account.username.lower())
    same = old is not None and old.source == "server" and old.user_id == account.user_id
    return AccountRecord(
        username=account.username,
        full_name=account.full_name or account.username,
        role=role.value,
        scope=normalise_scope(account.scope),
        verifier=verifier,
        # The wrap stays across a password change on the server: `unlock` re-wraps it then.
        kek_salt=old.kek_salt if same and old else keys.new_salt(),
        wrapped_key=old.wrapped_key if same and old else None,
        source="server",
        disabled=bool(account.disabled),
        user_id=account.user_id,
    )


def _wrap_for(
    merged: list[AccountRecord], enrolling: tuple[str, str], key: bytes
) -> tuple[list[AccountRecord], AccessSession]:
    username, password = enrolling
    found = next((a for a in merged if a.username.lower() == username.strip().lower()), None)
    if found is None or not keys.check_password(found.verifier, password):
        raise WRONG.again()
    salt = keys.new_salt()
    wrapped = found.with_changes(
        kek_salt=salt, wrapped_key=keys.wrap(keys.derive_kek(password, salt), key, found.username)
    )
    updated = [wrapped if a is found else a for a in merged]
    return updated, AccessSession(principal_of(wrapped), key)

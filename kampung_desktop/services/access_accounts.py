"""An admin disables, enables and removes the local accounts of a data dir.

A disabled account stays listed (its history in the audit log keeps a name) but cannot sign
in; a removed one is gone from access.json with its wrapped key. The data can never be left
without an admin: the last enabled admin is neither disabled nor removed, and an admin does
not act on their own account (another admin does). Server accounts are the server's: they are
disabled there, and the next accounts refresh brings the change (services.access_server).
Every change is sealed with the database key like the rest of access.json and written to the
audit log with the username only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kampung_desktop.core.roles import Permission, Role
from kampung_desktop.services import audit
from kampung_desktop.services.access import (
    SIGN_IN_FIRST,
    AccessDenied,
    AccessSession,
    Principal,
    principal_of,
    protected_file,
    require,
)
from kampung_desktop.services.access_store import check_seal, exclusive, save
from kampung_desktop.storage import access_file
from kampung_desktop.storage.access_file import AccessFile, AccountRecord

DISABLE = "account_disable"
ENABLE = "account_enable"
REMOVE = "account_remove"

_VERBS = {
    DISABLE: ("menonaktifkan", "disable"),
    ENABLE: ("mengaktifkan", "enable"),
    REMOVE: ("menghapus", "remove"),
}


def disable_user(data_dir: Path, admin: AccessSession, username: str) -> None:
    """The account can no longer sign in (on this laptop); its entries keep its name."""
    _change(data_dir, admin, username, DISABLE)


def enable_user(data_dir: Path, admin: AccessSession, username: str) -> None:
    _change(data_dir, admin, username, ENABLE)


def remove_user(data_dir: Path, admin: AccessSession, username: str) -> None:
    """The account and its wrapped key leave access.json."""
    _change(data_dir, admin, username, REMOVE)


@exclusive
def _apply(data_dir: Path, admin: AccessSession, username: str, action: str) -> str:
    require(admin, Permission.MANAGE_USERS)
    access = protected_file(data_dir)
    signer = access.find(admin.principal.username)
    if admin.db_key is None or signer is None or signer.disabled:
        raise SIGN_IN_FIRST.again()
    check_seal(data_dir, access, admin.db_key)
    target = access.find(username or "")
    if target is None:
        raise AccessDenied(
            f"Tidak ada akun '{(username or '').strip()}' di data ini (lihat: kampung users list).",
            f"There is no account '{(username or '').strip()}' in this data (see: kampung users "
            "list).",
        )
    verb_id, verb_en = _VERBS[action]
    if target.source == "server":
        raise AccessDenied(
            f"Akun {target.username} milik server: {verb_id} di server, lalu sinkronkan.",
            f"{target.username} is a server account: {verb_en} it on the server, then sync.",
        )
    if action != ENABLE:
        _keep_an_admin(access, target)
        if target.username.lower() == signer.username.lower():
            raise AccessDenied(
                f"Anda tidak dapat {verb_id} akun Anda sendiri; minta admin lain.",
                f"You cannot {verb_en} your own account; ask another admin.",
            )
    if action == REMOVE:
        others = tuple(a for a in access.accounts if a is not target)
        changed = access.with_changes(accounts=others)
    else:
        changed = access.with_account(target.with_changes(disabled=action == DISABLE))
    save(data_dir, changed, admin.db_key)
    return target.username


def _keep_an_admin(access: AccessFile, target: AccountRecord) -> None:
    if target.role != Role.ADMIN.value or target.disabled:
        return
    others = [
        a
        for a in access.accounts
        if a is not target and a.role == Role.ADMIN.value and not a.disabled
    ]
    if not others:
        raise AccessDenied(
            f"{target.username} adalah admin terakhir: data harus selalu punya admin aktif. "
            "Tambahkan admin lain dulu.",
            f"{target.username} is the last admin: the data must always have an active admin. "
            "Add another admin first.",
        )


def _change(data_dir: Path, admin: AccessSession, username: str, action: str) -> None:
    name = _apply(Path(data_dir), admin, username, action)
    audit.record_in_dir(Path(data_dir), admin, action, "account", name)


@dataclass(frozen=True)
class AccountState:
    """One account as the admin's list shows it (no secrets)."""

    principal: Principal
    disabled: bool
    source: str  # local | server


def account_states(data_dir: Path) -> list[AccountState]:
    access = access_file.load(Path(data_dir))
    if not access:
        return []
    return [AccountState(principal_of(a), a.disabled, a.source) for a in access.accounts]

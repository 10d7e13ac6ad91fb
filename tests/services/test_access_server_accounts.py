"""Merging the server's account list into access.json (no network: the list as the sync
service hands it over). The live flow is in tests/sync/test_access_accounts_live.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from kampung_desktop.services import access
from kampung_desktop.services.access import AccessDenied
from kampung_desktop.services.access_server import store_server_accounts
from kampung_desktop.storage import access_file
from kampung_desktop.storage.access_file import ACCESS_FILE

PW = "server-pass-123"
VERIFIER = PasswordHasher().hash(PW)


@dataclass
class Account:
    username: str
    role: str = "enumerator"
    scope: list[str] = field(default_factory=lambda: ["36.71.09.1001"])
    user_id: str = ""
    full_name: str = ""
    password_verifier: str | None = VERIFIER
    disabled: bool = False

    def __post_init__(self) -> None:
        self.user_id = self.user_id or f"id-{self.username}"


def test_unprotected_dir_without_a_password_at_hand_is_left_alone(tmp_path: Path) -> None:
    assert store_server_accounts(tmp_path, [Account("ani")]) is None
    assert not (tmp_path / ACCESS_FILE).exists()


def test_enrolment_protects_and_wraps_for_the_enrolling_user(tmp_path: Path) -> None:
    accounts = [Account("ani"), Account("budi", "pemeriksa"), Account("x", "lurah")]
    with pytest.raises(AccessDenied):
        store_server_accounts(tmp_path, accounts, enrolling=("ani", "not-her-password"))
    assert not (tmp_path / ACCESS_FILE).exists()
    session = store_server_accounts(tmp_path, accounts, enrolling=("ani", PW))
    assert session is not None and session.principal.user_id == "id-ani"
    stored = access_file.load(tmp_path)
    assert stored is not None and stored.encrypted
    # an unknown server role is skipped; the Indonesian job title maps to its role
    assert [(a.username, a.role) for a in stored.accounts] == [
        ("ani", "enumerator"),
        ("budi", "operator"),
    ]
    assert access.sign_in(tmp_path, "ani", PW).db_key == session.db_key


def test_refresh_keeps_wraps_local_accounts_and_never_locks_everyone_out(tmp_path: Path) -> None:
    admin = access.create_first_admin(tmp_path, "siti", "local-pass-1")
    store_server_accounts(
        tmp_path, [Account("ani"), Account("budi")], session_key=admin.db_key,
        enrolling=("ani", PW),
    )  # fmt: skip
    ani_wrap = access_file.load(tmp_path).find("ani").wrapped_key
    store_server_accounts(tmp_path, [Account("ani", disabled=False)], session_key=admin.db_key)
    stored = access_file.load(tmp_path)
    assert [a.username for a in stored.accounts] == ["siti", "ani"]  # budi left the scope
    assert stored.find("ani").wrapped_key == ani_wrap  # no re-wrap needed
    with pytest.raises(AccessDenied, match="dinonaktifkan"):
        store_server_accounts(tmp_path, [Account("ani", disabled=True)], session_key=admin.db_key)
        access.sign_in(tmp_path, "ani", PW)
    assert access.sign_in(tmp_path, "siti", "local-pass-1").db_key == admin.db_key


def test_a_list_that_would_leave_nobody_able_to_open_is_not_stored(tmp_path: Path) -> None:
    session = store_server_accounts(tmp_path, [Account("ani")], enrolling=("ani", PW))
    before = (tmp_path / ACCESS_FILE).read_bytes()
    store_server_accounts(tmp_path, [], session_key=session.db_key)
    store_server_accounts(tmp_path, [Account("ani", disabled=True)], session_key=session.db_key)
    assert (tmp_path / ACCESS_FILE).read_bytes() == before


def test_server_accounts_change_their_password_on_the_server(tmp_path: Path) -> None:
    session = store_server_accounts(tmp_path, [Account("ani")], enrolling=("ani", PW))
    with pytest.raises(AccessDenied, match="server"):
        access.change_password(tmp_path, session, PW, "new-pass-456")

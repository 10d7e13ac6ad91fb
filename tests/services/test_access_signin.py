"""Sign-in on a protected data dir: the right password opens, a wrong one opens nothing and
changes nothing; accounts are added by an admin; a password change re-wraps the key only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kampung_desktop.core.roles import Permission, Role
from kampung_desktop.services import access
from kampung_desktop.services import access_keys as keys
from kampung_desktop.services.access import AccessDenied
from kampung_desktop.services.app import AppContext
from kampung_desktop.storage import access_file, failed_sign_ins
from kampung_desktop.storage.access_file import ACCESS_FILE, AccessFileDamaged
from kampung_desktop.storage.engine import database_path

ADMIN = ("siti", "rahasia-123")


# A refusal writes one thing by design: its line in the failed sign-ins journal (and that
# journal's lock), so it reaches the audit log even if no sign-in ever succeeds in this process
# (tests/services/test_failed_sign_ins_durable.py).
JOURNAL = {failed_sign_ins.FILE, failed_sign_ins.LOCK_FILE}


def _snapshot(data_dir: Path) -> dict[str, bytes]:
    """Every file of the dir, byte for byte (database, WAL, access.json), but the journal."""
    return {
        p.name: p.read_bytes()
        for p in sorted(data_dir.iterdir())
        if p.is_file() and p.name not in JOURNAL
    }


@pytest.fixture
def protected(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    AppContext.open(data_dir).close()  # a legacy dir with a plain database
    access.create_first_admin(data_dir, *ADMIN, full_name="Siti Rahma")
    return data_dir


def test_first_admin_protects_and_encrypts(protected: Path) -> None:
    assert access.is_protected(protected)
    stored = json.loads((protected / ACCESS_FILE).read_text(encoding="utf-8"))
    assert stored["encrypted"] is True and stored["demo"] is False
    [account] = stored["accounts"]
    assert account["role"] == "admin" and account["source"] == "local"
    assert account["verifier"].startswith("$argon2id$")
    assert ADMIN[1] not in (protected / ACCESS_FILE).read_text(encoding="utf-8")
    header = database_path(protected).read_bytes()[:16]
    assert header != b"SQLite format 3\x00"  # no longer a plain SQLite file


def test_right_password_opens(protected: Path) -> None:
    session = access.sign_in(protected, *ADMIN)
    assert session.principal.role is Role.ADMIN and len(session.db_key or b"") == 32
    assert access.sign_in(protected, "SITI", ADMIN[1]).db_key == session.db_key
    ctx = AppContext.open(protected, session)
    try:
        assert ctx.user_id == session.principal.user_id and ctx.access is session
        assert ctx.demo_loaded() is False  # the database reads
    finally:
        ctx.close()
    assert "rahasia" not in repr(session) and session.db_key.hex() not in repr(session)


@pytest.mark.parametrize(
    ("username", "password"),
    [("siti", "rahasia-124"), ("siti", ""), ("nobody", ADMIN[1]), ("", "")],
)
def test_wrong_password_opens_nothing_and_changes_nothing(protected, username, password) -> None:
    before = _snapshot(protected)
    with pytest.raises(AccessDenied) as refused:
        access.sign_in(protected, username, password)
    assert str(refused.value) == str(access.WRONG)  # the same answer whatever was wrong
    assert access.WRONG.__traceback__ is None  # no shared instance keeps the password's frame
    with pytest.raises(AccessDenied):
        AppContext.open(protected)
    assert _snapshot(protected) == before


def test_no_second_first_admin(protected: Path) -> None:
    before = _snapshot(protected)
    with pytest.raises(AccessDenied, match="sudah punya admin"):
        access.create_first_admin(protected, "eve", "another-pass")
    assert _snapshot(protected) == before


def test_bad_username_and_short_password(tmp_path: Path) -> None:
    with pytest.raises(AccessDenied, match="Nama pengguna"):
        access.create_first_admin(tmp_path, "a b", "long-enough")
    with pytest.raises(AccessDenied, match="8 karakter"):
        access.create_first_admin(tmp_path, "siti", "short")
    assert not (tmp_path / ACCESS_FILE).exists()


def test_admin_adds_users_with_role_and_scope(protected: Path) -> None:
    admin = access.sign_in(protected, *ADMIN)
    access.add_user(protected, admin, "budi", "enumerator", ["3671011001"], "budi-pass-1")
    budi = access.sign_in(protected, "budi", "budi-pass-1")
    assert budi.db_key == admin.db_key
    assert budi.principal.role is Role.ENUMERATOR
    assert budi.principal.scope == ("36.71.01.1001",)
    access.require(budi, Permission.INTERVIEW, "36.71.01.1001")
    with pytest.raises(AccessDenied, match="mencetak"):
        access.require(budi, Permission.PRINT)
    with pytest.raises(AccessDenied, match="cakupan"):
        access.require(budi, Permission.VIEW_REGISTRY, "36.71.01.1002")
    access.require(None, Permission.MANAGE_USERS)  # unprotected legacy dir: as before
    before = _snapshot(protected)
    with pytest.raises(AccessDenied, match="mengelola pengguna"):
        access.add_user(protected, budi, "eve", "admin", [], "eve-pass-12")
    with pytest.raises(AccessDenied, match="sudah dipakai"):
        access.add_user(protected, admin, "BUDI", "operator", [], "other-pass")
    with pytest.raises(AccessDenied, match="kode kelurahan"):
        access.add_user(protected, admin, "ani", "operator", ["36.71"], "ani-pass-12")
    with pytest.raises(AccessDenied, match="Peran"):
        access.add_user(protected, admin, "ani", "lurah", [], "ani-pass-12")
    assert _snapshot(protected) == before
    names = [(p.username, p.role) for p in access.list_accounts(protected)]
    assert names == [("siti", Role.ADMIN), ("budi", Role.ENUMERATOR)]


def test_change_password_rewraps_without_reencrypting(protected: Path) -> None:
    session = access.sign_in(protected, *ADMIN)
    AppContext.open(protected, session).close()
    database = database_path(protected).read_bytes()
    with pytest.raises(AccessDenied):
        access.change_password(protected, session, "not-the-old", "new-secret-1")
    access.change_password(protected, session, ADMIN[1], "new-secret-1")
    assert database_path(protected).read_bytes() == database  # not re-encrypted
    with pytest.raises(AccessDenied):
        access.sign_in(protected, *ADMIN)
    again = access.sign_in(protected, "siti", "new-secret-1")
    assert again.db_key == session.db_key
    AppContext.open(protected, again).close()


def _rewrite(data_dir: Path, key: bytes, change) -> None:  # type: ignore[no-untyped-def]
    """Change access.json as Kampung itself would (sealed with the database key)."""
    access.save(data_dir, change(access_file.load(data_dir)), key)


def test_disabled_account_is_refused(protected: Path) -> None:
    key = access.sign_in(protected, *ADMIN).db_key
    _rewrite(protected, key, lambda f: f.with_account(f.find("siti").with_changes(disabled=True)))
    with pytest.raises(AccessDenied, match="dinonaktifkan"):
        access.sign_in(protected, *ADMIN)


def test_a_wrap_is_bound_to_its_username() -> None:
    kek, key = keys.derive_kek("pw-12345678", keys.new_salt()), keys.new_key()
    wrapped = keys.wrap(kek, key, "siti")
    assert keys.unwrap(kek, wrapped, "SITI") == key
    assert keys.unwrap(kek, wrapped, "eve") is None
    assert keys.unwrap(keys.new_key(), wrapped, "siti") is None


@pytest.mark.parametrize("edit", ["raise-role", "copy-wrap", "add-account", "drop-mac"])
def test_access_json_edited_outside_kampung_is_refused(protected: Path, edit: str) -> None:
    """Someone with the file but not the key raises a role, pastes a wrap or slips an account
    in for the lock screen: the seal breaks, nothing opens, nothing is written."""
    admin = access.sign_in(protected, *ADMIN)
    access.add_user(protected, admin, "eve", "enumerator", ["3671011001"], "eve-pass-12")
    path = protected / ACCESS_FILE
    stored = json.loads(path.read_text(encoding="utf-8"))
    siti, eve = stored["accounts"]
    if edit == "raise-role":
        eve["role"], eve["scope"] = "admin", []
    elif edit == "copy-wrap":
        eve["kek_salt"], eve["wrapped_key"], eve["verifier"] = (
            siti["kek_salt"], siti["wrapped_key"], siti["verifier"],
        )  # fmt: skip
    elif edit == "add-account":
        stored["accounts"].append(dict(eve, username="mallory", wrapped_key=None, role="admin"))
    else:
        del stored["mac"]
    path.write_text(json.dumps(stored), encoding="utf-8")
    before = _snapshot(protected)
    for name, password in (("eve", "eve-pass-12"), ("eve", ADMIN[1]), ADMIN):
        with pytest.raises((AccessDenied, AccessFileDamaged)):
            access.sign_in(protected, name, password)
    with pytest.raises(AccessFileDamaged, match="luar Kampung"):
        access.unlock(protected, admin.db_key, "mallory" if edit == "add-account" else "eve",
                      "eve-pass-12")  # fmt: skip
    with pytest.raises(AccessFileDamaged):
        access.add_user(protected, admin, "joe", "enumerator", [], "joe-pass-12")
    assert _snapshot(protected) == before


def test_unlock_wraps_the_key_for_an_account_without_one(protected: Path) -> None:
    admin = access.sign_in(protected, *ADMIN)
    access.add_user(protected, admin, "ani", "operator", ["3671011001"], "ani-pass-12")
    _rewrite(  # as a server account arrives: no wrap yet
        protected, admin.db_key,
        lambda f: f.with_account(f.find("ani").with_changes(wrapped_key=None)),
    )  # fmt: skip
    with pytest.raises(AccessDenied, match="belum pernah membuka"):
        access.sign_in(protected, "ani", "ani-pass-12")
    before = _snapshot(protected)
    with pytest.raises(AccessDenied):
        access.unlock(protected, admin.db_key, "ani", "wrong-pass-1")
    assert _snapshot(protected) == before
    ani = access.unlock(protected, admin.db_key, "ani", "ani-pass-12")
    assert ani.principal.role is Role.OPERATOR and ani.db_key == admin.db_key
    assert access.sign_in(protected, "ani", "ani-pass-12").db_key == admin.db_key
    with pytest.raises(AccessFileDamaged):  # another dir's key is never mixed in
        access.unlock(protected, bytes(32), "ani", "ani-pass-12")
    assert access.sign_in(protected, "ani", "ani-pass-12").db_key == admin.db_key


def test_unprotected_dir_has_no_sign_in(tmp_path: Path) -> None:
    assert access.is_protected(tmp_path) is False and access.is_demo(tmp_path) is False
    with pytest.raises(AccessDenied, match="belum punya akun"):
        access.sign_in(tmp_path, *ADMIN)
    ctx = AppContext.open(tmp_path)
    try:
        assert ctx.access is None and ctx.user_id  # the legacy local user
    finally:
        ctx.close()


def test_first_admin_while_the_database_is_in_use(tmp_path: Path) -> None:
    """Another program holds the database: the admin still stands (its key is saved) and the
    next keyed open finishes the encryption."""
    import sqlite3

    AppContext.open(tmp_path).close()
    holder = sqlite3.connect(database_path(tmp_path), timeout=0.1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        access.create_first_admin(tmp_path, *ADMIN)
        assert database_path(tmp_path).read_bytes()[:16] == b"SQLite format 3\x00"
    finally:
        holder.rollback()
        holder.close()
    AppContext.open(tmp_path, access.sign_in(tmp_path, *ADMIN)).close()
    assert database_path(tmp_path).read_bytes()[:16] != b"SQLite format 3\x00"


def test_simultaneous_changes_are_all_kept(protected: Path) -> None:
    """The lock screen, a background sync and a CLI command may write at once: each change
    survives (without the lock, each read-modify-write would drop the others')."""
    from concurrent.futures import ThreadPoolExecutor

    admin = access.sign_in(protected, *ADMIN)
    names = [f"user{i}" for i in range(4)]
    with ThreadPoolExecutor(len(names)) as pool:
        done = [
            pool.submit(access.add_user, protected, admin, n, "enumerator", [], f"{n}-password")
            for n in names
        ]
        for future in done:
            future.result()
    assert {p.username for p in access.list_accounts(protected)} == {"siti", *names}
    assert access.sign_in(protected, "user3", "user3-password").db_key == admin.db_key

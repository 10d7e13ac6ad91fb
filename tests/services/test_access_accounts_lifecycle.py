"""An admin disables, enables and removes local accounts; the data never loses its last admin;
a disabled account cannot sign in; every change is in the audit log; a new account's scope must
be a kelurahan this data knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from kampung_desktop.services import access, access_accounts
from kampung_desktop.services.access import AccessDenied
from kampung_desktop.services.app import AppContext
from kampung_desktop.storage import access_file

ADMIN = ("siti", "rahasia-123")
PASIR_PUTIH = "15.71.02.1002"


@pytest.fixture
def protected(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    AppContext.open(data_dir).close()  # the reference wilayah table is loaded
    access.create_first_admin(data_dir, *ADMIN)
    admin = access.sign_in(data_dir, *ADMIN)
    access.add_user(data_dir, admin, "budi", "enumerator", [PASIR_PUTIH], "budi-pass-1")
    return data_dir


def _audit(data_dir: Path) -> list[tuple[str, str, str]]:
    ctx = AppContext.open(data_dir, access.sign_in(data_dir, *ADMIN))
    try:
        with ctx.db.raw() as conn:
            return conn.execute(
                "SELECT action, record_id, username FROM audit_log "
                "WHERE action LIKE 'account_%' ORDER BY seq"
            ).fetchall()
    finally:
        ctx.close()


def test_disable_enable_remove_with_audit(protected: Path) -> None:
    admin = access.sign_in(protected, *ADMIN)
    access_accounts.disable_user(protected, admin, "budi")
    with pytest.raises(AccessDenied) as refused:
        access.sign_in(protected, "budi", "budi-pass-1")
    assert "dinonaktifkan" in str(refused.value) and "disabled" in str(refused.value)
    [_, budi] = access_accounts.account_states(protected)
    assert budi.disabled and budi.principal.username == "budi"
    access_accounts.enable_user(protected, admin, "BUDI")
    assert access.sign_in(protected, "budi", "budi-pass-1").principal.username == "budi"
    access_accounts.remove_user(protected, admin, "budi")
    assert [s.principal.username for s in access_accounts.account_states(protected)] == ["siti"]
    with pytest.raises(AccessDenied, match="salah"):
        access.sign_in(protected, "budi", "budi-pass-1")
    assert _audit(protected) == [
        ("account_add", "budi", "siti"),
        ("account_disable", "budi", "siti"),
        ("account_enable", "budi", "siti"),
        ("account_remove", "budi", "siti"),
    ]


def test_the_last_admin_stays(protected: Path) -> None:
    admin = access.sign_in(protected, *ADMIN)
    before = access_file.path_of(protected).read_bytes()
    for change in (access_accounts.disable_user, access_accounts.remove_user):
        with pytest.raises(AccessDenied, match="admin terakhir") as refused:
            change(protected, admin, "siti")
        assert "last admin" in str(refused.value)
    assert access_file.path_of(protected).read_bytes() == before
    access.add_user(protected, admin, "rina", "admin", [], "rina-pass-1")
    rina = access.sign_in(protected, "rina", "rina-pass-1")
    with pytest.raises(AccessDenied, match="sendiri"):  # not one's own account, even then
        access_accounts.remove_user(protected, rina, "rina")
    access_accounts.disable_user(protected, rina, "siti")  # another admin may
    with pytest.raises(AccessDenied, match="admin terakhir"):  # rina is now the last one
        access_accounts.disable_user(protected, rina, "rina")
    with pytest.raises(AccessDenied, match="dinonaktifkan"):
        access.sign_in(protected, *ADMIN)


def test_only_an_admin_and_only_known_local_accounts(protected: Path) -> None:
    budi = access.sign_in(protected, "budi", "budi-pass-1")
    admin = access.sign_in(protected, *ADMIN)
    before = access_file.path_of(protected).read_bytes()
    with pytest.raises(AccessDenied, match="enumerator"):
        access_accounts.disable_user(protected, budi, "siti")
    with pytest.raises(AccessDenied, match="Tidak ada akun 'nobody'"):
        access_accounts.remove_user(protected, admin, "nobody")
    stored = access_file.load(protected)
    server_budi = stored.find("budi").with_changes(source="server")
    from kampung_desktop.services.access_store import save

    save(protected, stored.with_account(server_budi), admin.db_key)
    before = access_file.path_of(protected).read_bytes()
    with pytest.raises(AccessDenied, match="milik server"):
        access_accounts.disable_user(protected, admin, "budi")
    assert access_file.path_of(protected).read_bytes() == before


def test_scope_must_be_a_known_kelurahan(protected: Path) -> None:
    admin = access.sign_in(protected, *ADMIN)
    before = access_file.path_of(protected).read_bytes()
    with pytest.raises(AccessDenied) as refused:  # well formed, but no such kelurahan
        access.add_user(protected, admin, "ani", "enumerator", ["1571021999"], "ani-pass-12")
    text = str(refused.value)
    assert "15.71.02.1999" in text and "tidak ada dalam daftar wilayah" in text
    assert "not in this data's area list" in text
    assert access_file.path_of(protected).read_bytes() == before
    access.add_user(protected, admin, "ani", "enumerator", ["1571021002"], "ani-pass-12")
    assert access.sign_in(protected, "ani", "ani-pass-12").principal.scope == (PASIR_PUTIH,)

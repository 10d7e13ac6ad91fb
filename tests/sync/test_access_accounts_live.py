"""Server accounts on an enrolled laptop, against real `kampung server run` processes:
`GET /api/v1/accounts` scope, `sync enrol --protect`, offline sign-in with the kept verifiers,
the lock-screen wrap for a colleague, and what each sync brings (disabled accounts, a password
changed on the server)."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
import requests
from argon2 import PasswordHasher
from sync_support import KEL, KEL_OTHER, PASSWORD, Laptop

from kampung_desktop.cli import main
from kampung_desktop.cli.credentials import NEEDS_CREDENTIALS
from kampung_desktop.services import access
from kampung_desktop.services.access import AccessDenied
from kampung_desktop.services.app import AppContext
from kampung_desktop.storage.access_file import ACCESS_FILE
from kampung_desktop.storage.engine import database_path


def _enrol_token(url: str, username: str, device: str) -> str:
    answer = requests.post(
        f"{url}/api/v1/enrol",
        json={"username": username, "password": PASSWORD, "device_id": device},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["token"]


def _accounts(url: str, token: str) -> dict[str, dict]:
    answer = requests.get(
        f"{url}/api/v1/accounts", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    assert answer.status_code == 200, answer.text
    return {a["username"]: a for a in answer.json()["accounts"]}


def test_account_list_follows_the_device_scope(any_server) -> None:
    any_server.add_user("eko", "enumerator", PASSWORD, scope=KEL_OTHER)
    seen = _accounts(any_server.url, _enrol_token(any_server.url, "ani", "device-ani-0001"))
    assert sorted(seen) == ["admin", "ani", "budi", "dedi"]  # not eko (another kelurahan)
    assert all(a["password_verifier"].startswith("$argon2id$") for a in seen.values())
    assert seen["budi"]["role"] == "operator" and seen["budi"]["scope"] == [KEL]
    city = _accounts(any_server.url, _enrol_token(any_server.url, "admin", "device-adm-0001"))
    assert sorted(city) == ["admin", "ani", "budi", "dedi", "eko"]
    refused = requests.get(f"{any_server.url}/api/v1/accounts", timeout=30)
    assert refused.status_code == 401


def _run(monkeypatch, capsys, args: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def enrolled(server, tmp_path, monkeypatch, capsys) -> Path:
    """A laptop with 2 households of its own, enrolled as ani with --protect."""
    data = tmp_path / "lap"
    laptop = Laptop(data)
    laptop.add_households(2)
    laptop.close()
    enrol = ["sync", "enrol", "--data-dir", str(data), "--server", server.url,
             "--username", "ani", "--password-stdin", "--protect"]  # fmt: skip
    code, out, err = _run(monkeypatch, capsys, enrol, PASSWORD + "\n")
    assert code == 0, err
    return data


def test_enrol_protect_keeps_the_server_accounts_and_encrypts(enrolled, monkeypatch, capsys):
    stored = json.loads((enrolled / ACCESS_FILE).read_text(encoding="utf-8"))
    accounts = {a["username"]: a for a in stored["accounts"]}
    assert sorted(accounts) == ["admin", "ani", "budi", "dedi"] and stored["encrypted"]
    assert all(a["source"] == "server" for a in accounts.values())
    assert accounts["ani"]["wrapped_key"] and accounts["budi"]["wrapped_key"] is None
    assert database_path(enrolled).read_bytes()[:16] != b"SQLite format 3\x00"

    sync = ["sync", "--data-dir", str(enrolled), "--json"]
    code, _, err = _run(monkeypatch, capsys, sync)
    assert code == 2 and NEEDS_CREDENTIALS in err
    code, out, err = _run(monkeypatch, capsys, [*sync, "--user", "ani", "--password-stdin"],
                          PASSWORD + "\n")  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["accepted"] == 8  # 2 households + 6 members pushed

    ani = access.sign_in(enrolled, "ani", PASSWORD)  # offline, against the kept verifier
    assert ani.principal.user_id == accounts["ani"]["user_id"]
    ctx = AppContext.open(enrolled, ani)
    try:
        assert ctx.user_id == ani.principal.user_id
    finally:
        ctx.close()
    with pytest.raises(AccessDenied, match="belum pernah membuka"):
        access.sign_in(enrolled, "budi", PASSWORD)  # cold start: nobody wrapped it yet
    budi = access.unlock(enrolled, ani.db_key, "budi", PASSWORD)  # lock screen of a running app
    assert access.sign_in(enrolled, "budi", PASSWORD).db_key == ani.db_key
    assert budi.principal.role.value == "operator" and budi.principal.scope == (KEL,)


def test_each_sync_brings_disabled_accounts_and_new_passwords(
    server, enrolled, monkeypatch, capsys
) -> None:
    ani = access.sign_in(enrolled, "ani", PASSWORD)
    access.unlock(enrolled, ani.db_key, "dedi", PASSWORD)
    access.unlock(enrolled, ani.db_key, "budi", PASSWORD)
    server_file = server.db_url.removeprefix("sqlite:///")
    conn = sqlite3.connect(server_file)
    with conn:  # as the city admin does on the server
        conn.execute("UPDATE users SET disabled = 1 WHERE username = 'dedi'")
        conn.execute(
            "UPDATE users SET password_hash = ? WHERE username = 'budi'",
            (PasswordHasher().hash("budi-baru-456"),),
        )
    conn.close()

    sync = ["sync", "--data-dir", str(enrolled), "--user", "ani", "--password-stdin"]
    code, _, err = _run(monkeypatch, capsys, sync, PASSWORD + "\n")
    assert code == 0, err

    with pytest.raises(AccessDenied, match="dinonaktifkan"):
        access.sign_in(enrolled, "dedi", PASSWORD)
    with pytest.raises(AccessDenied):
        access.sign_in(enrolled, "budi", PASSWORD)  # the old password no longer opens
    with pytest.raises(AccessDenied, match="sudah diganti"):
        access.sign_in(enrolled, "budi", "budi-baru-456")  # key still wrapped under the old
    access.unlock(enrolled, ani.db_key, "budi", "budi-baru-456")  # the lock screen re-wraps
    assert access.sign_in(enrolled, "budi", "budi-baru-456").db_key == ani.db_key


def test_enrolling_a_locally_protected_laptop(server, tmp_path, monkeypatch, capsys) -> None:
    data = tmp_path / "lap"
    code, _, err = _run(
        monkeypatch,
        capsys,
        ["users", "add", "--data-dir", str(data), "--username", "siti", "--role", "admin",
         "--password-stdin"],
        "siti-lokal-123\n",
    )  # fmt: skip
    assert code == 0, err
    before = (data / ACCESS_FILE).read_bytes()
    enrol = ["sync", "enrol", "--data-dir", str(data), "--server", server.url,
             "--username", "ani", "--password-stdin"]  # fmt: skip
    code, _, err = _run(monkeypatch, capsys, [*enrol, "--user", "siti"], "wrong-one\n" + PASSWORD)
    assert code == 1 and "salah" in err
    assert (data / ACCESS_FILE).read_bytes() == before
    code, _, err = _run(
        monkeypatch, capsys, [*enrol, "--user", "siti"], f"siti-lokal-123\n{PASSWORD}\n"
    )
    assert code == 0, err
    siti = access.sign_in(data, "siti", "siti-lokal-123")  # the local admin stays
    assert access.sign_in(data, "ani", PASSWORD).db_key == siti.db_key
    names = {p.username for p in access.list_accounts(data)}
    assert names == {"siti", "admin", "ani", "budi", "dedi"}

"""`kampung users disable|enable|remove --data-dir DIR --username U --admin A --password-stdin`
and `users add --scope` refusing a kelurahan the data does not know."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kampung_desktop.cli import main
from kampung_desktop.services import access
from kampung_desktop.services.app import AppContext

ADMIN_PW = "rahasia-admin"


def run(monkeypatch, capsys, args: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def protected(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    AppContext.open(d).close()
    access.create_first_admin(d, "siti", ADMIN_PW)
    admin = access.sign_in(d, "siti", ADMIN_PW)
    access.add_user(d, admin, "budi", "enumerator", ["15.71.02.1002"], "pw-budi-123")
    return d


def _change(d: Path, action: str, user: str) -> list[str]:
    return ["users", action, "--data-dir", str(d), "--username", user, "--admin", "siti",
            "--password-stdin"]  # fmt: skip


def test_disable_enable_remove(protected, monkeypatch, capsys) -> None:
    code, out, err = run(monkeypatch, capsys, _change(protected, "disable", "budi"), "salah-1\n")
    assert code == 1 and "salah" in err
    code, out, err = run(monkeypatch, capsys, _change(protected, "disable", "budi"), ADMIN_PW)
    assert code == 0, err
    assert out.strip() == "akun dinonaktifkan / account disabled: budi"
    listing = ["users", "list", "--data-dir", str(protected), "--user", "siti", "--password-stdin"]
    code, out, _ = run(monkeypatch, capsys, listing, ADMIN_PW)
    assert out.splitlines()[1] == "budi\tenumerator\t15.71.02.1002\tnonaktif/disabled"
    passwd = ["users", "passwd", "--data-dir", str(protected), "--user", "budi",
              "--password-stdin"]  # fmt: skip
    code, _, err = run(monkeypatch, capsys, passwd, "pw-budi-123\npw-budi-456\n")
    assert code == 1 and "dinonaktifkan" in err and "disabled" in err and "Traceback" not in err
    code, out, err = run(monkeypatch, capsys, _change(protected, "enable", "budi"), ADMIN_PW)
    assert code == 0 and "diaktifkan" in out
    code, out, err = run(monkeypatch, capsys, _change(protected, "remove", "siti"), ADMIN_PW)
    assert code == 1 and "admin terakhir" in err and "last admin" in err
    code, out, err = run(monkeypatch, capsys, _change(protected, "remove", "budi"), ADMIN_PW)
    assert code == 0 and "dihapus" in out
    code, out, _ = run(monkeypatch, capsys, listing, ADMIN_PW)
    assert out.splitlines() == ["siti\tadmin\tkota/city"]


def test_add_refuses_an_unknown_kelurahan(protected, monkeypatch, capsys) -> None:
    add = ["users", "add", "--data-dir", str(protected), "--username", "ani", "--role",
           "enumerator", "--scope", "15.71.02.1999", "--admin", "siti", "--password-stdin"]  # fmt: skip
    code, _, err = run(monkeypatch, capsys, add, f"{ADMIN_PW}\npw-ani-1234\n")
    assert code == 1 and "15.71.02.1999" in err and "tidak ada dalam daftar wilayah" in err
    assert "Traceback" not in err
    add[add.index("15.71.02.1999")] = "15.71.02.1002"
    code, out, err = run(monkeypatch, capsys, add, f"{ADMIN_PW}\npw-ani-1234\n")
    assert code == 0, err

"""`kampung users add|list|passwd` and the credentials every personal-data command asks for
on a protected data dir (`--user U --password-stdin`)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kampung_desktop.cli import main
from kampung_desktop.cli.credentials import NEEDS_CREDENTIALS, UNPROTECTED_WARNING
from kampung_desktop.services import access
from kampung_desktop.services.app import AppContext
from kampung_desktop.storage.access_file import ACCESS_FILE
from kampung_desktop.storage.engine import database_path

ADMIN_PW = "rahasia-admin"


def run(monkeypatch, capsys, args: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _add(d: Path, *extra: str) -> list[str]:
    return ["users", "add", "--data-dir", str(d), *extra, "--password-stdin"]


@pytest.fixture
def protected(tmp_path, monkeypatch, capsys) -> Path:
    d = tmp_path / "data"
    main(["demo", "seed", "--data-dir", str(d), "--households", "12", "--seed", "3"])
    code, out, _ = run(
        monkeypatch, capsys, _add(d, "--username", "siti", "--role", "admin"), ADMIN_PW + "\n"
    )
    assert code == 0 and "admin" in out
    return d


def test_first_user_must_be_admin(tmp_path, monkeypatch, capsys) -> None:
    d = tmp_path / "data"
    code, _, err = run(
        monkeypatch, capsys, _add(d, "--username", "budi", "--role", "operator"), "pw-budi-123\n"
    )
    assert code == 1 and "harus admin" in err and "must be an admin" in err
    code, _, err = run(
        monkeypatch,
        capsys,
        _add(d, "--username", "budi", "--role", "admin", "--admin", "x"),
        "a\nb\n",
    )
    assert code == 1 and "tanpa --admin" in err
    assert not (d / ACCESS_FILE).exists()


def test_first_admin_encrypts_existing_data(protected: Path) -> None:
    assert access.is_protected(protected)
    assert database_path(protected).read_bytes()[:16] != b"SQLite format 3\x00"
    session = access.sign_in(protected, "siti", ADMIN_PW)
    ctx = AppContext.open(protected, session)
    try:
        assert ctx.demo_loaded()  # the households seeded before are still there, readable
    finally:
        ctx.close()


def test_later_users_need_an_admin_with_two_stdin_lines(protected, monkeypatch, capsys) -> None:
    add_budi = _add(
        protected, "--username", "budi", "--role", "enumerator", "--scope", "1571021002"
    )
    code, _, err = run(monkeypatch, capsys, add_budi, "pw-budi-123\n")
    assert code == 2 and "--admin" in err
    before = (protected / ACCESS_FILE).read_bytes()
    code, _, err = run(
        monkeypatch, capsys, [*add_budi, "--admin", "siti"], "wrong-pass\npw-budi-123\n"
    )
    assert code == 1 and "salah" in err and "Wrong" in err
    code, _, err = run(monkeypatch, capsys, [*add_budi, "--admin", "siti"], ADMIN_PW + "\n")
    assert code == 1 and "2 baris" in err
    assert (protected / ACCESS_FILE).read_bytes() == before
    code, out, _ = run(
        monkeypatch, capsys, [*add_budi, "--admin", "siti"], f"{ADMIN_PW}\npw-budi-123\n"
    )
    assert code == 0 and "budi" in out
    budi = access.sign_in(protected, "budi", "pw-budi-123")
    assert budi.principal.scope == ("15.71.02.1002",)
    code, out, err = run(
        monkeypatch,
        capsys,
        ["users", "list", "--data-dir", str(protected), "--user", "siti", "--password-stdin"],
        ADMIN_PW + "\n",
    )
    assert code == 0, err
    assert out.splitlines() == ["siti\tadmin\tkota/city", "budi\tenumerator\t15.71.02.1002"]
    code, _, err = run(
        monkeypatch,
        capsys,
        ["users", "list", "--data-dir", str(protected), "--user", "budi", "--password-stdin"],
        "pw-budi-123\n",
    )
    assert code == 1 and "mengelola pengguna" in err


def test_passwd(protected, monkeypatch, capsys) -> None:
    cmd = ["users", "passwd", "--data-dir", str(protected), "--user", "siti", "--password-stdin"]
    code, _, err = run(monkeypatch, capsys, cmd, "not-it-at-all\nnew-password-1\n")
    assert code == 1 and "salah" in err
    code, out, _ = run(monkeypatch, capsys, cmd, f"{ADMIN_PW}\nnew-password-1\n")
    assert code == 0 and "siti" in out
    assert access.sign_in(protected, "siti", "new-password-1").principal.username == "siti"


# Every command that reads or changes personal data, with what it needs besides credentials.
PII_COMMANDS = [
    ["demo", "seed", "--households", "1"],
    ["households", "import", "{csv}"],
    ["wilayah", "import", "{csv}"],
    ["awards", "list", "--program", "bantar", "--year", "2026"],
    ["awards", "decide", "--program", "bantar", "--year", "2026", "--kelurahan", "15.71.02.1002",
     "--rw", "1", "--rt", "1", "--category", "A"],
    ["certificates", "print", "--program", "bantar", "--year", "2026", "--out", "{pdf}"],
    ["certificates", "verify", "X-1"],
    ["certificates", "report", "--program", "bantar", "--year", "2026", "--kelurahan",
     "15.71.02.1002", "--out", "{pdf}"],
    ["sync"],
    ["sync", "status"],
    ["db", "info"],
]  # fmt: skip


def _fill(args: list[str], d: Path) -> list[str]:
    csv = d.parent / "x.csv"
    csv.write_text("kode,nama\n", encoding="utf-8")
    out = [a.format(csv=csv, pdf=d.parent / "out.pdf") for a in args]
    at = 1 if out[0] == "sync" else 2
    return [*out[:at], "--data-dir", str(d), *out[at:]]


@pytest.mark.parametrize("command", PII_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_personal_data_commands_refuse_without_credentials(
    protected, monkeypatch, capsys, command
) -> None:
    before = {p.name: p.read_bytes() for p in protected.iterdir() if p.is_file()}
    code, out, err = run(monkeypatch, capsys, _fill(command, protected))
    assert code == 2 and NEEDS_CREDENTIALS in err and "Traceback" not in err
    assert out == ""
    after = {p.name: p.read_bytes() for p in protected.iterdir() if p.is_file()}
    assert after == before


def test_roles_and_scope_on_the_command_line(protected, monkeypatch, capsys) -> None:
    for name, role, pw in (
        ("budi", "enumerator", "pw-budi-123"),
        ("ani", "operator", "pw-ani-1234"),
    ):
        code, _, err = run(
            monkeypatch,
            capsys,
            [*_add(protected, "--username", name, "--role", role, "--scope", "15.71.02.1002"),
             "--admin", "siti"],
            f"{ADMIN_PW}\n{pw}\n",
        )  # fmt: skip
        assert code == 0, err
    decide = _fill(PII_COMMANDS[4], protected)
    code, _, err = run(
        monkeypatch, capsys, [*decide, "--user", "budi", "--password-stdin"], "pw-budi-123\n"
    )
    assert code == 1 and "memutuskan penghargaan" in err and "decide awards" in err
    listing = _fill(PII_COMMANDS[3], protected)
    code, _, err = run(
        monkeypatch, capsys, [*listing, "--user", "ani", "--password-stdin"], "pw-ani-1234\n"
    )
    assert code == 1 and "--kelurahan" in err  # a scoped account names its kelurahan
    other = [*listing, "--kelurahan", "15.71.02.1005", "--user", "ani", "--password-stdin"]
    code, _, err = run(monkeypatch, capsys, other, "pw-ani-1234\n")
    assert code == 1 and "cakupan" in err
    mine = [*listing, "--kelurahan", "15.71.02.1002", "--json", "--user", "ani", "--password-stdin"]
    code, out, err = run(monkeypatch, capsys, mine, "pw-ani-1234\n")
    assert code == 0, err
    items = json.loads(out)
    assert items and all(item["kelurahan_kode"] == "15.71.02.1002" for item in items)
    code, _, err = run(
        monkeypatch, capsys, [*listing, "--user", "siti", "--password-stdin"], "bad-password\n"
    )
    assert code == 1 and "salah" in err


def test_unprotected_dir_warns_a_person_at_a_terminal(tmp_path, monkeypatch, capsys) -> None:
    d = tmp_path / "data"
    code, _, err = run(
        monkeypatch, capsys, ["demo", "seed", "--data-dir", str(d), "--households", "2"]
    )
    assert code == 0 and err == ""  # a script or a pipe: quiet, as before

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert (
        main(["awards", "list", "--data-dir", str(d), "--program", "bantar", "--year", "2026"]) == 0
    )
    assert terminal.getvalue().strip() == UNPROTECTED_WARNING
    code = main(["awards", "list", "--data-dir", str(d), "--program", "bantar", "--year", "2026",
                 "--user", "siti", "--password-stdin"])  # fmt: skip
    assert code == 1 and "belum punya akun" in terminal.getvalue()


def test_demo_admin_on_a_fresh_dir(tmp_path, monkeypatch, capsys) -> None:
    d = tmp_path / "demo"
    seed = ["demo", "seed", "--data-dir", str(d), "--households", "5", "--demo-admin", "--if-empty"]
    code, _, err = run(monkeypatch, capsys, seed)
    assert code == 0, err
    assert access.is_demo(d) and access.is_protected(d)
    stored = json.loads((d / ACCESS_FILE).read_text(encoding="utf-8"))
    assert [a["username"] for a in stored["accounts"]] == [access.DEMO_ADMIN[0]]
    session = access.sign_in(d, *access.DEMO_ADMIN)
    assert session.principal.role.value == "admin"
    code, out, err = run(monkeypatch, capsys, seed)  # `make run` again: signs in by itself
    assert code == 0 and "already there: 5" in out, err


def test_demo_admin_never_guards_real_data(tmp_path, monkeypatch, capsys) -> None:
    d = tmp_path / "real"
    main(["demo", "seed", "--data-dir", str(d), "--households", "3"])
    ctx = AppContext.open(d)
    ctx.set_setting("demo_loaded", "0")  # as a dir whose households are real
    ctx.close()
    code, _, err = run(monkeypatch, capsys, ["demo", "seed", "--data-dir", str(d), "--demo-admin"])
    assert code == 1 and "data sungguhan" in err and "real data" in err
    assert not (d / ACCESS_FILE).exists()


def test_db_info_with_credentials_reads_the_encrypted_database(protected, monkeypatch, capsys):
    cmd = ["db", "info", "--data-dir", str(protected), "--user", "siti", "--password-stdin"]
    code, out, err = run(monkeypatch, capsys, cmd, ADMIN_PW + "\n")
    assert code == 0, err
    assert "integrity_check: ok" in out and "table households: 12" in out


def test_at_a_terminal_passwords_are_asked_without_echo(tmp_path, monkeypatch, capsys) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return ADMIN_PW

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    monkeypatch.setattr("sys.stdin", Terminal(""))
    code = main(_add(tmp_path / "d", "--username", "siti", "--role", "admin"))
    assert code == 0 and asked == ["Kata sandi / password 1: "]
    assert access.sign_in(tmp_path / "d", "siti", ADMIN_PW)

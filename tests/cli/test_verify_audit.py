"""`kampung db verify-audit --data-dir DIR`: `ok: N entries`, or the first broken link and exit 1."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kampung_desktop.cli import main
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.audit import AuditService
from kampung_desktop.storage import audit
from kampung_desktop.storage.engine import database_path


@pytest.fixture
def logged(data_dir: Path) -> Path:
    """A data dir whose audit log holds 8 entries written by the app's own service."""
    ctx = AppContext.open(data_dir)
    try:
        service = AuditService(ctx.db, ctx.user_id)
        for i in range(8):
            service.viewed_household(f"h{i}")
    finally:
        ctx.close()
    return data_dir


def _verify(data_dir: Path, capsys) -> tuple[int, str]:
    code = main(["db", "verify-audit", "--data-dir", str(data_dir)])
    return code, capsys.readouterr().out.strip()


def _tamper(data_dir: Path, *statements: str) -> None:
    conn = sqlite3.connect(database_path(data_dir))
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def test_an_intact_log_is_ok(logged, capsys):
    assert _verify(logged, capsys) == (0, "ok: 8 entries")


def test_the_console_command_prints_the_same(logged):
    run = subprocess.run(
        [sys.executable, "-m", "kampung_desktop", "db", "verify-audit", "--data-dir", str(logged)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (run.returncode, run.stdout.strip()) == (0, "ok: 8 entries"), run.stderr


def test_an_edited_entry_is_reported(logged, capsys):
    _tamper(logged, "UPDATE audit_log SET action = 'change' WHERE seq = 4")
    code, out = _verify(logged, capsys)
    assert code == 1 and out.startswith("broken at entry #4: ") and "hash mismatch" in out


def test_a_deleted_entry_is_reported(logged, capsys):
    _tamper(logged, "DELETE FROM audit_log WHERE seq = 6")
    code, out = _verify(logged, capsys)
    assert code == 1 and out.startswith("broken at entry #6: ") and "missing" in out


def test_the_newest_entry_deleted_is_reported(logged, capsys):
    _tamper(logged, "DELETE FROM audit_log WHERE seq = 8")
    assert _verify(logged, capsys) == (
        1,
        "broken at entry #8: entri #8..#8 hilang (dihapus) / entries #8..#8 are missing (deleted)",
    )


def test_an_inserted_entry_is_reported(logged, capsys):
    conn = sqlite3.connect(database_path(logged))
    prev = conn.execute("SELECT hash FROM audit_log WHERE seq = 3").fetchone()[0]
    conn.close()
    forged = (4, "2026-12-01T00:00:00.000Z", None, "intruder", None, "view", "households",
              "h-x", "[]", prev)  # fmt: skip
    cols = ", ".join(audit.COLUMNS)
    _tamper(
        logged,
        "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 4",
        "UPDATE audit_log SET seq = seq - 99 WHERE seq > 100",
        f"INSERT INTO audit_log ({cols}, hash) VALUES (4, '{forged[1]}', NULL, 'intruder', "
        f"NULL, 'view', 'households', 'h-x', '[]', '{prev}', '{audit.entry_hash(forged)}')",
    )
    code, out = _verify(logged, capsys)
    assert code == 1 and out.startswith("broken at entry #5: ")


def test_reordered_entries_are_reported(logged, capsys):
    _tamper(
        logged,
        "UPDATE audit_log SET seq = 100 WHERE seq = 2",
        "UPDATE audit_log SET seq = 2 WHERE seq = 3",
        "UPDATE audit_log SET seq = 3 WHERE seq = 100",
    )
    code, out = _verify(logged, capsys)
    assert code == 1 and out.startswith("broken at entry #2: ")


def test_a_dir_without_a_database_is_reported_not_created(tmp_path, capsys):
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    code = main(["db", "verify-audit", "--data-dir", str(empty)])
    captured = capsys.readouterr()
    assert code != 0 and "Traceback" not in captured.err
    assert captured.err.strip() and not database_path(empty).exists()


@pytest.fixture(scope="module")
def protected_dir(tmp_path_factory) -> Path:
    from kampung_desktop.services import access

    folder = tmp_path_factory.mktemp("verify-protected") / "data"
    AppContext.open(folder).close()
    admin = access.create_first_admin(folder, "kepala", "kunci-rahasia-1")
    access.add_user(folder, admin, "operator1", "operator", [], "periksa-rahasia-2")
    ctx = AppContext.open(folder, admin)
    try:
        AuditService.for_context(ctx).viewed_household("h1")
    finally:
        ctx.close()
    return folder


def _verify_as(folder: Path, monkeypatch, capsys, *extra: str, stdin: str = "") -> tuple:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["db", "verify-audit", "--data-dir", str(folder), *extra])
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err.strip()


def test_a_protected_dir_needs_an_admin(protected_dir, monkeypatch, capsys):
    code, out, err = _verify_as(protected_dir, monkeypatch, capsys)
    assert code == 2 and out == "" and "--user" in err
    code, out, err = _verify_as(protected_dir, monkeypatch, capsys, "--user", "operator1",
                                "--password-stdin", stdin="periksa-rahasia-2\n")  # fmt: skip
    assert code != 0 and out == "" and "operator" in err and "Traceback" not in err
    code, out, err = _verify_as(protected_dir, monkeypatch, capsys, "--user", "kepala",
                                "--password-stdin", stdin="kunci-rahasia-1\n")  # fmt: skip
    # the account the admin added, the admin's sign-in, then the view
    assert (code, out) == (0, "ok: 3 entries")

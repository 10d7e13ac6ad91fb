"""A refused sign-in reaches the audit log even when its process never succeeds (a CLI run
with a wrong password): it is kept on disk, chained with an HMAC under a key outside the data
dir, and folded into the audit chain at the next successful open; an edited line is marked
unverified; repeated failures make the next try wait; the admin is told how many failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kampung_desktop.services import access, sign_in_notes
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.audit import AuditService
from kampung_desktop.storage import audit, failed_sign_ins

ADMIN = ("siti", "rahasia-123")
TYPED_BY_MISTAKE = "MyS3cretPassw0rd!"  # a password typed into the name field


@pytest.fixture
def protected(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("KAMPUNG_TOKEN_STORE", "file")  # the chain key in a file of this test
    monkeypatch.setenv("KAMPUNG_KEY_DIR", str(tmp_path / "keys"))
    data_dir = tmp_path / "data"
    AppContext.open(data_dir).close()
    admin = access.create_first_admin(data_dir, *ADMIN)
    access.add_user(data_dir, admin, "budi", "enumerator", ["15.71.02.1002"], "budi-pass-1")
    return data_dir


def _cli(data_dir: Path, user: str, password: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kampung_desktop", "users", "list", "--data-dir", str(data_dir),
         "--user", user, "--password-stdin"],
        input=password + "\n", capture_output=True, text=True, timeout=120, env=os.environ,
    )  # fmt: skip


def _failed_entries(data_dir: Path) -> list[tuple[str, dict]]:
    ctx = AppContext.open(data_dir, access.sign_in(data_dir, *ADMIN))
    try:
        with ctx.db.raw() as conn:
            assert audit.verify_chain(conn).ok
            rows = conn.execute(
                "SELECT record_id, fields FROM audit_log WHERE action = 'sign_in_failed' "
                "ORDER BY seq"
            ).fetchall()
    finally:
        ctx.close()
    return [(r[0], json.loads(r[1])) for r in rows]


def test_a_cli_run_that_never_succeeds_is_audited(protected):
    for user, password in (("siti", "salah-sandi-1"), (TYPED_BY_MISTAKE, "x")):
        done = _cli(protected, user, password)
        assert done.returncode == 1 and "salah" in done.stderr and "Traceback" not in done.stderr
    assert TYPED_BY_MISTAKE.encode() not in failed_sign_ins.path_of(protected).read_bytes()
    entries = _failed_entries(protected)
    assert [name for name, _ in entries] == ["siti", "?"]
    assert all(f["attempted_at"].endswith("Z") and "unverified" not in f for _, f in entries)
    assert not failed_sign_ins.path_of(protected).exists()  # folded once, then emptied
    assert len(_failed_entries(protected)) == 2  # not twice


def test_an_edited_or_removed_line_is_marked_unverified(protected):
    for password in ("salah-1", "salah-2", "salah-3"):
        with pytest.raises(access.AccessDenied):
            access.sign_in(protected, "budi", password)
    path = failed_sign_ins.path_of(protected)
    lines = path.read_text(encoding="utf-8").splitlines()
    edited = json.loads(lines[0]) | {"account": "siti"}  # blame another account
    path.write_text("\n".join([json.dumps(edited), lines[2]]) + "\n", encoding="utf-8")
    entries = _failed_entries(protected)
    assert [name for name, _ in entries] == ["siti", "budi"]
    assert all(f.get("unverified") is True for _, f in entries)


def test_a_fold_cut_short_before_emptying_the_file_writes_nothing_twice(protected):
    with pytest.raises(access.AccessDenied):
        access.sign_in(protected, "budi", "salah-1")
    session = access.sign_in(protected, *ADMIN)
    kept = failed_sign_ins.path_of(protected).read_bytes()  # the file as the fold reads it
    AppContext.open(protected, session).close()
    failed_sign_ins.path_of(protected).write_bytes(kept)  # as if it died before emptying it
    with pytest.raises(access.AccessDenied):
        access.sign_in(protected, "nobody", "salah-2")  # and one more came meanwhile
    assert [name for name, _ in _failed_entries(protected)] == ["budi", "?"]


def test_repeated_failures_make_the_next_try_wait(protected, monkeypatch):
    for _ in range(sign_in_notes.FREE_TRIES):
        with pytest.raises(access.AccessDenied, match="salah"):
            access.sign_in(protected, "siti", "salah-sandi")
    with pytest.raises(access.AccessDenied) as waiting:  # even the right password, for now
        access.sign_in(protected, *ADMIN)
    assert "Tunggu 5 detik" in str(waiting.value) and "Wait 5 seconds" in str(waiting.value)
    later = sign_in_notes._now() + 6
    monkeypatch.setattr(sign_in_notes, "_now", lambda: later)
    with pytest.raises(access.AccessDenied, match="salah"):  # the wait is over: checked again
        access.sign_in(protected, "siti", "salah-sandi")
    with pytest.raises(access.AccessDenied, match="Tunggu 10 detik"):  # and it doubles
        access.sign_in(protected, *ADMIN)
    monkeypatch.setattr(sign_in_notes, "_now", lambda: later + 11)
    assert access.sign_in(protected, *ADMIN).principal.username == "siti"
    for _ in range(sign_in_notes.FREE_TRIES - 1):  # a success starts the count again
        with pytest.raises(access.AccessDenied, match="salah"):
            access.sign_in(protected, "siti", "salah-sandi")
    assert sign_in_notes.wait_seconds(protected) == 0


def test_the_admin_is_told_how_many_failed_since_their_last_visit(protected):
    ctx = AppContext.open(protected, access.sign_in(protected, *ADMIN))  # the last visit
    ctx.close()
    for user, password in (("budi", "x-1"), ("siti", "x-2"), ("nobody", "x-3")):
        with pytest.raises(access.AccessDenied):
            access.sign_in(protected, user, password)
    ctx = AppContext.open(protected, access.sign_in(protected, *ADMIN))
    try:
        assert AuditService.for_context(ctx).failed_since_last_visit() == 3
    finally:
        ctx.close()
    ctx = AppContext.open(protected, access.sign_in(protected, "budi", "budi-pass-1"))
    try:
        assert AuditService.for_context(ctx).failed_since_last_visit() == 0  # not the admin's
    finally:
        ctx.close()
    ctx = AppContext.open(protected, access.sign_in(protected, *ADMIN))
    try:
        assert AuditService.for_context(ctx).failed_since_last_visit() == 0  # told already
    finally:
        ctx.close()

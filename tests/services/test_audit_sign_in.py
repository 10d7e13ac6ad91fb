"""Sign-ins go into the audit log: the successful one when the data opens, and the refused
tries before it (noted in the failed sign-ins journal: the database stays closed)."""

from __future__ import annotations

import json

import pytest

from kampung_desktop.services import access
from kampung_desktop.services.app import AppContext
from kampung_desktop.storage import audit, failed_sign_ins

ADMIN = ("kepala", "kunci-rahasia-1")


@pytest.fixture
def protected(data_dir):
    AppContext.open(data_dir).close()
    access.create_first_admin(data_dir, *ADMIN)
    return data_dir


def _log(ctx):
    with ctx.db.raw() as conn:
        return conn.execute(
            "SELECT action, entity, record_id, fields, username FROM audit_log "
            "WHERE entity = 'account' ORDER BY seq"
        ).fetchall()


def test_refused_tries_are_written_before_the_sign_in(protected):
    before = sorted(p.name for p in protected.iterdir())
    for name, password in ((ADMIN[0], "salah-sandi-123"), ("kunci-rahasia-1x", "apa saja")):
        with pytest.raises(access.AccessDenied):
            access.sign_in(protected, name, password)
    journal = {failed_sign_ins.FILE, failed_sign_ins.LOCK_FILE}
    assert sorted(p.name for p in protected.iterdir()) == sorted([*before, *journal])
    assert len(failed_sign_ins.read(protected, None)) == 2  # the one thing a refusal writes
    ctx = AppContext.open(protected, access.sign_in(protected, *ADMIN))
    try:
        rows = _log(ctx)
        assert [(r[0], r[2]) for r in rows] == [
            ("sign_in_failed", "kepala"),
            ("sign_in_failed", "?"),  # an unknown name is never kept: it may be a password
            ("sign_in", "kepala"),
        ]
        assert all(json.loads(r[3])["attempted_at"].endswith("Z") for r in rows[:2])
        assert rows[2][4] == "kepala"
        with ctx.db.raw() as conn:
            assert "kunci-rahasia-1x" not in repr(
                conn.execute("SELECT * FROM audit_log").fetchall()
            )
            assert audit.verify_chain(conn).ok
    finally:
        ctx.close()
    ctx = AppContext.open(protected, access.sign_in(protected, *ADMIN))
    try:  # the notes were written once
        assert [r[0] for r in _log(ctx)] == [
            "sign_in_failed",
            "sign_in_failed",
            "sign_in",
            "sign_in",
        ]
    finally:
        ctx.close()


def test_an_unprotected_dir_records_no_sign_in(data_dir):
    ctx = AppContext.open(data_dir)
    try:
        assert _log(ctx) == []
    finally:
        ctx.close()

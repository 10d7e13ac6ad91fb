"""The plain-to-encrypted upgrade survives SIGKILL at any moment: after every kill the dir holds
the whole database (plain or encrypted), a re-run completes it, and at the end no plain file,
WAL, journal or temporary copy remains."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from cipher_demo import (
    copy_dir,
    files_under,
    leaks,
    personal_data,
    rows_digest,
    seed_plain,
    start_child,
)

from kampung_desktop.storage import connection
from kampung_desktop.storage.engine import database_path

CHILD = (
    "import sys\n"
    "from kampung_desktop.storage.cipher_upgrade import encrypt_database\n"
    "print('go', flush=True)\n"
    "encrypt_database(sys.argv[1], bytes.fromhex(sys.argv[2]))\n"
)


def _run_to_end(folder: Path, key: bytes) -> float:
    """Runs the upgrade in a child to its end; returns its time from "go" (imports done)."""
    proc = start_child(CHILD, folder, key)
    started = time.perf_counter()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    return time.perf_counter() - started


def _kill_at(folder: Path, key: bytes, delay: float) -> None:
    proc = start_child(CHILD, folder, key)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)


def _whole(folder: Path, key: bytes) -> str:
    """The digest of the rows the dir holds now, read as plain or with the key."""
    path = database_path(folder)
    # Read-write, as the app opens it: a WAL left by a kill is recovered, the last close
    # removes it.
    conn = sqlite3.connect(path) if connection.looks_plain(path) else connection.connect(path, key)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return rows_digest(conn)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_plain(tmp_path_factory.mktemp("kill") / "plain", households=1500, seed=9)


@pytest.mark.slow
def test_upgrade_survives_sigkill_at_random_moments(template: Path, tmp_path: Path):
    expected = _whole(template, b"")
    needles = personal_data(template)
    key = os.urandom(32)
    times = sorted(
        _run_to_end(copy_dir(template, tmp_path / f"calibrate{i}"), key) for i in range(3)
    )
    full = times[1]  # the median: this machine's time for one whole upgrade
    rng = random.Random(12)  # random moments, the same ones on every run of the test
    outcomes = set()
    round_no = 0
    while round_no < 8 or (len(outcomes) < 2 and round_no < 24):  # until both kinds of moment
        round_no += 1
        folder = copy_dir(template, tmp_path / f"round{round_no}")
        for _ in range(2):  # killed, then the resumed run killed again
            _kill_at(folder, key, rng.uniform(0.0, full * 1.6))
            assert _whole(folder, key) == expected  # the whole database, plain or encrypted
            outcomes.add(bool(connection.looks_plain(database_path(folder))))
        _run_to_end(folder, key)
        assert _whole(folder, key) == expected
        assert not connection.looks_plain(database_path(folder))
        names = {p.name for p in files_under(folder)}
        assert names <= {"kampung.sqlite3", "kampung.log"}, names
        for path in files_under(folder):
            assert leaks(path.read_bytes(), needles) == [], path.name
    assert outcomes == {True, False}, "the kills should fall both before and after the switch"

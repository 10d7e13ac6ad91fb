"""`demo seed` is idempotent and resumable: the same seed twice changes nothing, and a run
killed between the households and the demo assessments is completed by `--if-empty`."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kampung_desktop.cli import main
from kampung_desktop.storage.engine import database_path

KAMPUNG = str(Path(sys.executable).with_name("kampung"))
COUNTS = (
    "SELECT (SELECT count(*) FROM households), (SELECT count(*) FROM members), "
    "(SELECT count(*) FROM assessments WHERE is_demo = 1)"
)


def _counts(data_dir: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(f"file:{database_path(data_dir)}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute(COUNTS).fetchone()
    finally:
        conn.close()


def test_same_seed_twice_adds_nothing_and_more_households_adds_only_the_new(data_dir, capsys):
    seed = ["demo", "seed", "--data-dir", str(data_dir), "--seed", "4"]
    assert main([*seed, "--households", "30"]) == 0
    first = _counts(data_dir)
    assert main([*seed, "--households", "30"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "demo: 0 rumah tangga" in out and "already there: 30" in out
    assert _counts(data_dir) == first
    assert main([*seed, "--households", "45"]) == 0  # the first 30 are the same 30
    assert _counts(data_dir)[0] == 45
    fresh = data_dir.parent / "fresh"
    assert (
        main(["demo", "seed", "--data-dir", str(fresh), "--seed", "4", "--households", "45"]) == 0
    )
    people = "SELECT id, nik, name FROM members ORDER BY id"
    conn_a, conn_b = (sqlite3.connect(database_path(d)) for d in (data_dir, fresh))
    try:
        assert conn_a.execute(people).fetchall() == conn_b.execute(people).fetchall()
    finally:
        conn_a.close()
        conn_b.close()


def _killed_after_households(data_dir: Path) -> tuple[int, int, int]:
    """Start `demo seed` and SIGKILL it as soon as its household transaction is committed."""
    proc = subprocess.Popen(
        [KAMPUNG, "demo", "seed", "--data-dir", str(data_dir), "--households", "300"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if _counts(data_dir)[0]:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            except sqlite3.Error:
                pass  # not created or not migrated yet
            time.sleep(0.005)
    finally:
        proc.wait(timeout=60)
    return _counts(data_dir)


def test_a_run_killed_between_households_and_assessments_is_completed_by_if_empty(tmp_path):
    for attempt in range(5):  # the kill must land in the gap; it nearly always does at once
        data_dir = tmp_path / f"data{attempt}"
        households, members, assessments = _killed_after_households(data_dir)
        if households and not assessments:
            break
    assert households == 300 and assessments == 0, "could not kill inside the gap"
    done = subprocess.run(
        [KAMPUNG, "demo", "seed", "--data-dir", str(data_dir), "--if-empty"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    after = _counts(data_dir)
    assert after[:2] == (households, members) and after[2] > 0
    again = subprocess.run(
        [KAMPUNG, "demo", "seed", "--data-dir", str(data_dir), "--households", "300"],
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert _counts(data_dir) == after


def test_each_seed_that_adds_data_leaves_one_audit_entry_with_counts_only(data_dir, capsys):
    seed = ["demo", "seed", "--data-dir", str(data_dir), "--seed", "4", "--households", "12"]
    assert main(seed) == 0
    assert main(seed) == 0  # adds nothing: no entry
    conn = sqlite3.connect(database_path(data_dir))
    try:
        entries = conn.execute(
            "SELECT action, entity, record_id, fields FROM audit_log WHERE action = 'demo_seed'"
        ).fetchall()
        members, names = conn.execute("SELECT count(*), group_concat(name) FROM members").fetchone()
        assessments = conn.execute("SELECT count(*) FROM assessments").fetchone()[0]
    finally:
        conn.close()
    assert len(entries) == 1
    action, entity, record_id, fields = entries[0]
    assert (entity, record_id) == ("households", "demo")
    assert json.loads(fields) == {"households": 12, "members": members, "assessments": assessments}
    assert not any(name in fields for name in names.split(","))

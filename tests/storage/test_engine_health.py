"""Start-up's health check of a large file costs the same at any size and still catches a file
cut short."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from kampung_desktop.storage import db_file, engine
from kampung_desktop.storage.errors import DatabaseUnavailable


def filled(tmp_path: Path) -> Path:
    path = engine.prepare_database(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE filler (x BLOB)")
    conn.executemany("INSERT INTO filler VALUES (randomblob(4000))", [()] * 300)
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def test_a_large_healthy_file_passes_without_reading_every_page(tmp_path, monkeypatch):
    path = filled(tmp_path)
    monkeypatch.setattr(db_file, "FULL_CHECK_MAX_BYTES", 0)
    pages_read = []
    real_connect = sqlite3.connect

    def counting(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(pages_read.append)
        return conn

    monkeypatch.setattr(engine.sqlite3, "connect", counting)
    assert engine.inspect_existing(path) >= 1
    assert not any("quick_check" in sql for sql in pages_read)


@pytest.mark.parametrize("limit", [0, 1 << 40], ids=["structure only", "every page"])
def test_a_file_cut_short_is_reported_as_damaged(tmp_path, monkeypatch, limit):
    path = filled(tmp_path)
    monkeypatch.setattr(db_file, "FULL_CHECK_MAX_BYTES", limit)
    with open(path, "r+b") as fh:
        fh.truncate(os.path.getsize(path) // 2)
    with pytest.raises(DatabaseUnavailable) as error:
        engine.inspect_existing(path)
    assert error.value.kind == "corrupt"

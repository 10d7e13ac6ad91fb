"""`make run` seeds with `demo seed --if-empty --demo-admin` before opening the app. Found in
QA: once the data dir had a real admin (the first-start dialog, or a legacy dir protected at
first start) that step exited 2 asking for --user, so `make run` never opened the app again.
A protected dir that is not demo data is not empty: `--if-empty` leaves it alone (exit 0)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from kampung_desktop.cli import main
from kampung_desktop.services import access
from kampung_desktop.services.app import AppContext
from kampung_desktop.storage import connection
from kampung_desktop.storage.engine import database_path


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


def test_make_runs_seed_step_leaves_a_protected_real_dir_alone(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    AppContext.open(folder).close()
    access.create_first_admin(folder, "siti", "kunci-rahasia-1")
    connection.forget_key(database_path(folder))
    before = _digests(folder)
    monkeypatch.setattr(sys, "stdin", None)  # make gives no stdin to read a password from
    for extra in (["--demo-admin"], []):
        code = main(
            ["demo", "seed", "--data-dir", str(folder), "--if-empty", "--households", "5"] + extra
        )
        out, err = capsys.readouterr()
        assert code == 0, err
        assert "dilindungi" in out and "protected" in out
        assert "Traceback" not in err
    assert _digests(folder) == before
    assert not access.is_demo(folder)

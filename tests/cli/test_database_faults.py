"""A database that cannot be written now (held lock, read-only folder, full disk) gets a message
that says exactly that, on every write path, with no traceback and nothing half-saved."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from db_lock import IN_USE, LockHolder
from sandbox import run_in_namespace

from kampung_desktop.cli import main
from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import load_rules
from kampung_desktop.services.app import AppContext
from kampung_desktop.services.awards import AwardsService
from kampung_desktop.services.review import ReviewService
from kampung_desktop.storage.engine import database_path

KEL = "15.71.02.1002"
KAMPUNG = [str(Path(sys.executable).with_name("kampung"))]


@pytest.fixture
def decided_dir(data_dir: Path) -> Path:
    """A data dir with an approved, fully met Bantar assessment and one decision on it."""
    ctx = AppContext.open(data_dir)
    review = ReviewService.for_context(ctx)
    review.assessments.install_form(forms_dir() / "bantar_rt.xlsx")
    for rt in (5, 6):
        aid = review.assessments.start("bantar_rt", KEL, rw=12, rt=rt)
        for name in (i.field for i in load_rules("bantar").indicators if i.kind == "boolean"):
            review.assessments.save_answer(aid, name, "ya")
        review.assessments.save_answer(aid, "tahun", 2026)
        review.assessments.transition(aid, "finalize")
        review.assessments.transition(aid, "approve")
    review.decide_rt("bantar", 2026, KEL, 12, 5, "sedang")
    ctx.close()
    return data_dir


def _counts(data_dir: Path) -> tuple:
    conn = sqlite3.connect(database_path(data_dir))
    try:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("households", "award_decisions", "certificates", "wilayah", "outbox")
        )
    finally:
        conn.close()


def test_every_write_command_says_the_database_is_in_use(decided_dir, tmp_path, capsys):
    csv_file = tmp_path / "kota.csv"
    csv_file.write_text("kode,nama\n32,Jawa Barat\n", encoding="utf-8")
    before = _counts(decided_dir)
    data = ["--data-dir", str(decided_dir)]
    commands = {
        "awards decide": ["awards", "decide", *data, "--program", "bantar", "--year", "2026",
                          "--kelurahan", KEL, "--rw", "12", "--rt", "6", "--category", "kecil"],
        "certificates print": ["certificates", "print", *data, "--program", "bantar",
                               "--year", "2026", "--out", str(tmp_path / "piagam.pdf")],
        "wilayah import": ["wilayah", "import", *data, str(csv_file)],
        "demo seed": ["demo", "seed", *data, "--households", "3"],
    }  # fmt: skip
    holder = LockHolder(database_path(decided_dir))
    try:
        for name, argv in commands.items():
            assert main(argv) == 2, name
            out, err = capsys.readouterr()
            assert IN_USE in err and "in use by another program" in err, (name, err)
            assert "Traceback" not in err and len(err.strip().splitlines()) == 1, (name, err)
    finally:
        holder.release()
    assert _counts(decided_dir) == before
    assert not (tmp_path / "piagam.pdf").exists()
    assert main(commands["certificates print"]) == 0  # and it works once the lock is gone


def test_lock_taken_after_opening_is_reported_the_same_way(decided_dir):
    """A lock that appears between opening and writing (the usual case in the GUI)."""
    from kampung_desktop.services.failures import explain

    ctx = AppContext.open(decided_dir)
    holder = LockHolder(database_path(decided_dir))
    try:
        with pytest.raises(Exception) as caught:
            AwardsService(ctx.db, ctx.user_id).revoke(
                AwardsService(ctx.db, ctx.user_id).decisions("bantar", 2026, KEL)[0].decision.id,
                "uji",
            )
    finally:
        holder.release()
        ctx.close()
    failure = explain(caught.value)
    assert failure is not None and failure.kind == "database-locked"
    assert IN_USE in failure.text("id") and failure.exit_code == 2


# -- read-only data dir and full disk: real file systems, set up in a private mount namespace --


def _kampung(*args: str) -> str:
    return " ".join([*KAMPUNG, *args])


def _read_only_run(data: Path, tmp_path: Path, *commands: str) -> subprocess.CompletedProcess:
    if os.geteuid() != 0:  # permissions are enough for an ordinary user
        data.chmod(0o555)
        database_path(data).chmod(0o444)
        try:
            script = "; ".join(f"{c} 2>>err.txt || echo exit=$? >>err.txt" for c in commands)
            return subprocess.run(
                ["sh", "-c", script], cwd=tmp_path, capture_output=True, text=True
            )
        finally:
            data.chmod(0o755)
            database_path(data).chmod(0o644)
    inner = "; ".join(f"{c} 2>>err.txt || echo exit=$? >>err.txt" for c in commands)
    return run_in_namespace(
        f"mount --bind {data} {data}; mount -o remount,bind,ro {data}; {inner}", tmp_path
    )


def test_read_only_data_dir_is_not_called_corrupt(decided_dir, tmp_path):
    before = database_path(decided_dir).read_bytes()
    done = _read_only_run(
        decided_dir,
        tmp_path,
        _kampung("demo", "seed", "--data-dir", str(decided_dir), "--households", "2"),
        _kampung("awards", "decide", "--data-dir", str(decided_dir), "--program", "bantar",
                 "--year", "2026", "--kelurahan", KEL, "--rw", "12", "--rt", "6",
                 "--category", "kecil"),
        _kampung("db", "info", "--data-dir", str(decided_dir)),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    err = (tmp_path / "err.txt").read_text(encoding="utf-8")
    lines = [line for line in err.splitlines() if line.startswith("kampung:")]
    assert len(lines) >= 2, err
    for line in lines[:2]:  # the two writing commands
        assert "hanya dapat dibaca" in line and "read-only" in line, err
        assert "rusak" not in line.split("tidak rusak")[0] and "cadangan" not in line, err
    assert "Traceback" not in err and err.count("exit=2") >= 2, err
    assert database_path(decided_dir).read_bytes() == before


def test_full_disk_is_reported_as_a_full_disk(tmp_path):
    """`demo seed` into a 3 MB file system: the real cause, not "cannot rollback"."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = run_in_namespace(
        f"mount -t tmpfs -o size=3m tmpfs {mount}; "
        + _kampung("demo", "seed", "--data-dir", str(mount / "data"), "--households", "20000")
        + " 2>err.txt || echo exit=$? >>err.txt; "
        + _kampung("db", "info", "--data-dir", str(mount / "data"))
        + " >info.txt 2>>err.txt || echo info-exit=$? >>err.txt",
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    err = (tmp_path / "err.txt").read_text(encoding="utf-8")
    assert "Disk penuh" in err and "disk is full" in err, err
    assert "cannot rollback" not in err and "Traceback" not in err, err
    assert "exit=2" in err, err
    info = (tmp_path / "info.txt").read_text(encoding="utf-8")
    assert "table households: 0" in info and "integrity_check: ok" in info, (info, err)


def test_a_healthy_database_on_a_full_disk_is_not_called_damaged(decided_dir, tmp_path):
    """Opening a WAL database grows its -shm file; on a full disk SQLite only says "disk I/O
    error". That is a full disk, not damage: "restore from backup" would be wrong advice."""
    mount = tmp_path / "small"
    mount.mkdir()
    data = mount / "data"
    commands = [
        _kampung("db", "info", "--data-dir", str(data)),
        _kampung("wilayah", "import", "--data-dir", str(data), str(tmp_path / "kota.csv")),
        _kampung("demo", "seed", "--data-dir", str(data), "--households", "3"),
        _kampung("demo", "seed", "--data-dir", str(mount / "new"), "--households", "3"),
    ]
    (tmp_path / "kota.csv").write_text("kode,nama\n32,Jawa Barat\n", encoding="utf-8")
    (decided_dir / "kampung.sqlite3-shm").unlink(missing_ok=True)
    done = run_in_namespace(
        f"mount -t tmpfs -o size=4m tmpfs {mount}; cp -r {decided_dir} {data}; "
        f"dd if=/dev/zero of={mount}/fill bs=4k 2>/dev/null || true; "
        + "; ".join(f"{c} 2>>err.txt || echo exit=$? >>err.txt" for c in commands)
        + f"; rm {mount}/fill; "
        + _kampung("db", "info", "--data-dir", str(data))
        + " >info.txt 2>>err.txt",
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    err = (tmp_path / "err.txt").read_text(encoding="utf-8")
    lines = [line for line in err.splitlines() if line.startswith("kampung:")]
    assert len(lines) == len(commands) and err.count("exit=2") == len(commands), err
    for line in lines:
        assert "penuh" in line and "is full" in line, line
        assert "rusak atau" not in line and "cadangan" not in line and "backup" not in line, line
    assert "Traceback" not in err
    info = (tmp_path / "info.txt").read_text(encoding="utf-8")
    assert "integrity_check: ok" in info and "table award_decisions: 1" in info, info


def test_a_disk_error_without_a_file_name_speaks_english_in_english():
    import errno as errno_codes

    from kampung_desktop.services.failures import explain

    failure = explain(OSError(errno_codes.ENOSPC, "No space left on device"))
    assert failure is not None and failure.kind == "disk-full"
    assert "berkas" not in failure.en and "berkas/folder" in failure.id

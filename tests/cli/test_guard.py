"""Every command runs under one guard: known failures get a clear bilingual line and an exit
code, an unknown one (a bug) gets a short note pointing at the log, never a traceback."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from kampung_desktop.cli import guard, main
from kampung_desktop.services.failures import explain

KAMPUNG = str(Path(sys.executable).with_name("kampung"))


def _args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(command="demo", demo_command="seed", data_dir=str(data_dir))


def test_a_bug_is_logged_with_its_traceback_and_the_user_gets_one_line(data_dir, capsys):
    def broken(_args):
        raise KeyError("3671011708800001")  # a NIK in a bug's text must not reach the log

    assert guard.run(broken, _args(data_dir)) == guard.EXIT_BUG
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "kesalahan tak terduga" in err and "unexpected error" in err
    log_file = data_dir / "logs" / "kampung.log"
    assert str(log_file) in err
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "KeyError" in logged and "3671011708800001" not in logged


def test_a_bug_before_the_data_dir_exists_goes_to_a_temporary_file(tmp_path, capsys):
    def broken(_args):
        raise TypeError("bug")

    missing = tmp_path / "nowhere"
    assert guard.run(broken, _args(missing)) == guard.EXIT_BUG
    err = capsys.readouterr().err
    where = Path(err.rsplit("Details: ", 1)[1].strip())
    assert "TypeError: bug" in where.read_text(encoding="utf-8")
    where.unlink()
    assert not missing.exists()


def test_read_only_command_on_a_missing_folder_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "typo"
    assert main(["db", "info", "--data-dir", str(missing)]) == 2
    err = capsys.readouterr().err
    assert "Tidak ada database Kampung" in err and "nothing was created" in err
    assert not missing.exists()


def test_output_into_a_closed_pipe_ends_quietly(tmp_path):
    form = Path(__file__).resolve().parents[2] / "forms" / "bantar_rt.xlsx"
    answers = tmp_path / "answers.json"
    answers.write_text("{}", encoding="utf-8")
    done = subprocess.run(
        f"{KAMPUNG} forms eval {form} {answers} | true; echo status=${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.stderr.strip() == "", done.stderr
    assert "status=141" in done.stdout


def test_known_classes_map_to_their_own_messages(tmp_path):
    import sqlite3

    cases = {
        "database-locked": sqlite3.OperationalError("database is locked"),
        "database-readonly": sqlite3.OperationalError("attempt to write a readonly database"),
        "database-full": sqlite3.OperationalError("database or disk is full"),
        "database-io": sqlite3.OperationalError("unable to open database file"),
        "database-too_complex": sqlite3.OperationalError("LIKE or GLOB pattern too complex"),
        "too-deep": RecursionError("maximum recursion depth exceeded"),
        "too-large": OverflowError("Python int too large to convert to SQLite INTEGER"),
        "is-a-folder": IsADirectoryError(21, "Is a directory", str(tmp_path)),
        "permission": PermissionError(13, "Permission denied", str(tmp_path / "x.pdf")),
        "name-too-long": OSError(36, "File name too long", "a" * 300),
    }
    for kind, error in cases.items():
        failure = explain(error)
        assert failure is not None and failure.kind == kind, (kind, failure)
        text = failure.text()
        assert " / " in text and len(text) < 600, text  # both languages, a long name cut
    assert explain(KeyError("x")) is None

"""Start-up as the user gets it: `kampung` with no subcommand, measured by the start-up probe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_probe(data_dir: Path, *args: str) -> tuple[int, dict[str, str], str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KAMPUNG_STARTUP_PROBE="1")
    result = subprocess.run(
        [sys.executable, "-m", "kampung_desktop", "--data-dir", str(data_dir), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    values = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    return result.returncode, values, result.stderr


@pytest.mark.slow
def test_window_paints_before_the_database_stack_loads(filled_dir):
    code, values, stderr = run_probe(filled_dir)
    assert code == 0, stderr
    assert float(values["shown_ms"]) < float(values["first_paint_ms"]) < float(values["usable_ms"])
    assert values["shown_heavy_modules"] == "-"  # the window is up before anything heavy loads
    assert values["usable_heavy_modules"] == "-"  # the first view needs no ORM
    assert "Traceback" not in stderr


@pytest.mark.slow
def test_a_corrupt_database_ends_cleanly_without_a_traceback(data_dir):
    path = data_dir / "kampung.sqlite3"
    path.write_bytes(b"not a database " * 500)
    code, values, stderr = run_probe(data_dir, "gui")
    assert code == 1
    assert values["error"] == "DatabaseUnavailable:corrupt"
    assert "Traceback" not in stderr
    assert path.read_bytes() == b"not a database " * 500


def test_gui_subcommand_is_registered():
    from kampung_desktop.cli import build_parser

    args = build_parser().parse_args(["gui", "--data-dir", "/tmp/x", "--startup-probe"])
    assert args.startup_probe and args.data_dir == "/tmp/x"
    from kampung_desktop.cli.gui_cmd import run_gui

    assert args.handler is run_gui

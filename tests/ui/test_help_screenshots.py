"""`make screenshots` keeps working: the tool makes every shot, offscreen, with real content."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tools"))
import screenshots  # noqa: E402

pytestmark = pytest.mark.slow


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_the_tool_makes_every_english_shot(tmp_path, monkeypatch):
    """All scenes, English, a small demo (the server for the sync shots runs on 127.0.0.1)."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "screenshots.py"), "--lang", "en",
         "--households", "300", "--out", str(tmp_path), "--work", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    wanted = {name for name in screenshots.outputs() if name.endswith("-en.png")}
    assert {p.name for p in tmp_path.glob("*.png")} == wanted
    for name in wanted:
        width, height = png_size(tmp_path / name)
        assert width >= 500 and height >= 400, (name, width, height)
        # a shot of an empty or unpainted window compresses to almost nothing
        assert (tmp_path / name).stat().st_size > 15_000, name

"""Shared fixtures: a temp data dir, an opened app context, a fixed 'today'."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

# Server databases and real server processes, for every test that needs them.
pytest_plugins = ["server_fixtures"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def laptop_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test its own per-laptop config (remembered data folder and language): nothing
    reaches the real user's config, and no test sees another's choices."""
    path = tmp_path / "laptop-config"
    monkeypatch.setenv("KAMPUNG_CONFIG_DIR", str(path))
    return path


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def ctx(data_dir: Path):
    from kampung_desktop.services.app import AppContext

    context = AppContext.open(data_dir)
    yield context
    context.close()

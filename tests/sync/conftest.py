from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from server_fixtures import LiveServer
from sync_support import Laptop, seed_server


@pytest.fixture(autouse=True)
def _key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The encrypted-file token store keeps its key here, not in the real config dir."""
    monkeypatch.setenv("KAMPUNG_KEY_DIR", str(tmp_path / "keys"))


@pytest.fixture
def server_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    seed_server(url)
    return url


@pytest.fixture
def server(server_db: str, tmp_path: Path) -> Iterator[LiveServer]:
    """A real `kampung server run` process on 127.0.0.1, seeded with areas and accounts."""
    proc = LiveServer(server_db, tmp_path / "server.log")
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture
def laptop_factory(tmp_path: Path) -> Iterator:
    made: list[Laptop] = []

    def make(name: str = "laptop") -> Laptop:
        laptop = Laptop(tmp_path / name)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.close()

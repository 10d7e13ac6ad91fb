from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_fixtures import LiveServer
from sync_support import Laptop, seed_server


@pytest.fixture(autouse=True)
def _key_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The encrypted-file token store keeps its key here, not in the real config dir."""
    monkeypatch.setenv("KAMPUNG_KEY_DIR", str(tmp_path / "keys"))


@pytest.fixture(scope="session")
def seeded_server_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Schema, areas and accounts made once (argon2 hashing and Alembic are slow); each test
    gets its own copy."""
    path = tmp_path_factory.mktemp("seed") / "server.sqlite3"
    seed_server(f"sqlite:///{path}")
    return path


@pytest.fixture
def server_db(tmp_path: Path, seeded_server_file: Path) -> str:
    path = tmp_path / "server.sqlite3"
    shutil.copyfile(seeded_server_file, path)
    return f"sqlite:///{path}"


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


@pytest.fixture(params=["sqlite", "postgres"])
def any_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    """The same scenario against the embedded SQLite server and a PostgreSQL one."""
    if request.param == "sqlite":
        url = request.getfixturevalue("server_db")
    else:
        url = request.getfixturevalue("pg_cluster").create_database()
        seed_server(url)
    proc = LiveServer(url, tmp_path / "server.log")
    proc.start()
    yield proc
    proc.stop()

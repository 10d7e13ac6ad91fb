"""Engines, sessions, schema creation and the commit-ordered sequence.

`init_database(url)` creates or upgrades the schema with Alembic (the same path for a fresh
database and an old one, so users' data is always migrated, never recreated).

The change feed must never let a reader skip a row that commits late. Every write transaction
therefore takes the "seq" counter row first (`lock_sequence`) and advances it just before commit
(`advance_sequence`): the row lock (PostgreSQL) or the write lock (SQLite) serialises writers, so
seq order is commit order.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).with_name("migrations")
COUNTERS = ("seq", "device")


def normalise_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` too, and drive PostgreSQL with psycopg 3."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def is_sqlite(url: str) -> bool:
    return make_url(normalise_url(url)).get_backend_name() == "sqlite"


def make_engine(url: str, pool_size: int = 10) -> Engine:
    """An engine tuned per backend: SQLite in WAL with a busy timeout, PostgreSQL pooled."""
    url = normalise_url(url)
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=60000")
            # FULL: a receipt is only sent for data that survives a power cut.
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return create_engine(
        url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True, pool_recycle=1800
    )


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work commits on success and rolls back on any exception."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def init_database(url: str) -> None:
    """Create the schema in an empty database, or upgrade an older one to the newest revision."""
    if is_sqlite(url):
        database = make_url(normalise_url(url)).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config(url)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        with engine.begin() as connection:
            for name in COUNTERS:
                exists = connection.execute(
                    text("SELECT 1 FROM counters WHERE name = :n"), {"n": name}
                ).first()
                if exists is None:
                    connection.execute(
                        text("INSERT INTO counters (name, value) VALUES (:n, 0)"), {"n": name}
                    )
    finally:
        engine.dispose()


def current_sequence(session: Session) -> int:
    """The last assigned seq, without taking the lock (a push decides its batch from here)."""
    return int(session.execute(text("SELECT value FROM counters WHERE name = 'seq'")).scalar_one())


def lock_sequence(session: Session) -> int:
    """Take the writers' lock (held until commit) and return the last assigned seq."""
    session.execute(text("UPDATE counters SET value = value WHERE name = 'seq'"))
    return int(session.execute(text("SELECT value FROM counters WHERE name = 'seq'")).scalar_one())


def advance_sequence(session: Session, last: int, count: int) -> int:
    """Reserve `count` seqs after `last` (the value `lock_sequence` returned); returns the new last."""
    if count:
        session.execute(
            text("UPDATE counters SET value = :v WHERE name = 'seq'"), {"v": last + count}
        )
    return last + count


def next_counter(session: Session, name: str) -> int:
    """Increment a named counter and return its new value (e.g. device codes)."""
    session.execute(text("UPDATE counters SET value = value + 1 WHERE name = :n"), {"n": name})
    return int(
        session.execute(
            text("SELECT value FROM counters WHERE name = :n"), {"n": name}
        ).scalar_one()
    )

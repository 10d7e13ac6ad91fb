"""The one place a connection to the local database is made, plain or encrypted (SQLCipher).

A data dir protected by sign-in keeps its database encrypted with SQLCipher 4 under a random
32-byte key. The key is applied as a *raw* key (`PRAGMA key = "x'…'"`), so opening costs no
PBKDF2 rounds: the slow step is unwrapping the key with the user's password (services/access).
Without a key the connection is the standard library's sqlite3, exactly as before protection
existed, so unprotected legacy dirs and their tests behave as they always did.

Both drivers raise their own exception classes; code that catches database errors uses the
tuples `ERROR`, `OPERATIONAL` and `DATABASE` of this module, so an encrypted connection's errors
are caught the same way as a plain one's. SQLCipher is imported only when a key is used or one
of those tuples is needed (an `except` clause evaluates them only when something was raised):
a plain dir's start-up does not pay for loading it.
"""

from __future__ import annotations

import os
import sqlite3
from functools import cache
from pathlib import Path
from typing import Any

PAGE_SIZE = 16384  # halves bulk-insert time and file size with ~2 KB answer rows
KEY_BYTES = 32
# Decrypted pages a keyed connection keeps. A plain connection re-reads a page from the OS
# cache for the price of a copy; an encrypted one pays AES and an HMAC on every miss, so it
# keeps more of them (it grows only as pages are read; see docs/benchmarks.md).
DECRYPTED_CACHE_KIB = 32 * 1024
SQLITE_MAGIC = b"SQLite format 3\x00"
#: A DB-API connection to the local database: sqlite3's, or SQLCipher's (same interface).
#: Code outside storage names this type rather than importing a driver.
RawConnection = sqlite3.Connection

_ERRORS = {"ERROR": "Error", "OPERATIONAL": "OperationalError", "DATABASE": "DatabaseError"}


@cache
def sqlcipher() -> Any:
    """The SQLCipher DB-API module (sqlcipher3.dbapi2), loaded on first use."""
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


def __getattr__(name: str) -> tuple[type[Exception], ...]:
    """ERROR, OPERATIONAL, DATABASE: the sqlite3 and SQLCipher classes of that kind."""
    if name in _ERRORS:
        kind = _ERRORS[name]
        return (getattr(sqlite3, kind), getattr(sqlcipher(), kind))
    raise AttributeError(name)


def raw_key(key: bytes) -> str:
    """SQLCipher's raw-key literal `x'…'` (64 hex digits: used as the key, no derivation)."""
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    return f"x'{bytes(key).hex()}'"


def key_pragma(key: bytes) -> str:
    """The SQL that applies a raw key; the key never reaches a log."""
    return f'PRAGMA key = "{raw_key(key)}"'


def apply_key(conn: Any, key: bytes) -> None:
    """Key a fresh SQLCipher connection before anything else reads the file. SQLCipher's own
    log (a wrong key prints "hmac check failed" on stderr) is off: errors reach us as
    exceptions and become one clear message."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(key_pragma(key))
    conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
    conn.execute(f"PRAGMA cache_size = -{DECRYPTED_CACHE_KIB}")


# Keys of the databases this process has opened (path -> key), so that every connection to an
# unlocked database is keyed, whichever module makes it. Filled only after a key has opened
# the file; `forget_key` drops it (the app's lock may call it).
_OPENED: dict[str, bytes] = {}


def _slot(path: Path | str) -> str:
    return os.path.realpath(path)


def remember_key(path: Path | str, key: bytes) -> None:
    raw_key(key)
    _OPENED[_slot(path)] = bytes(key)


def forget_key(path: Path | str) -> None:
    _OPENED.pop(_slot(path), None)


def known_key(path: Path | str) -> bytes | None:
    """The key this process opened `path` with, or None (a plain or not yet unlocked file)."""
    return _OPENED.get(_slot(path)) if _OPENED else None


def connect(
    path: Path | str,
    key: bytes | None = None,
    *,
    readonly: bool = False,
    timeout: float = 5.0,
    check_same_thread: bool = True,
    remembered: bool = True,
) -> Any:
    """A DB-API connection to `path`: SQLCipher keyed when `key` (or the key this process
    opened `path` with) is known, else the standard sqlite3 as for an unprotected dir.

    `readonly` opens with SQLite's `mode=ro` URI (nothing is created or changed). A wrong key
    does not fail here: SQLCipher reports it at the first read ("file is not a database").
    `remembered=False` opens a file known to be plain without looking up a key.
    """
    if key is None and remembered:
        key = known_key(path)
    module: Any = sqlite3 if key is None else sqlcipher()
    target: str | Path = path
    uri = False
    if readonly:
        target, uri = f"{Path(path).resolve().as_uri()}?mode=ro", True
    conn = module.connect(target, uri=uri, timeout=timeout, check_same_thread=check_same_thread)
    if key is not None:
        try:
            apply_key(conn, key)
        except BaseException:
            conn.close()
            raise
    return conn


def row_factory(conn: Any) -> type:
    """The Row class that belongs to `conn`'s driver (sqlite3.Row refuses a SQLCipher cursor)."""
    return sqlite3.Row if isinstance(conn, sqlite3.Connection) else sqlcipher().Row


def driver(key: bytes | None) -> Any:
    """The DB-API module for a key (SQLAlchemy's `module=` for the engine)."""
    return sqlite3 if key is None else sqlcipher()


def looks_plain(path: Path) -> bool | None:
    """True when the file starts with SQLite's magic (not encrypted), False when it does not
    (encrypted or damaged), None when it is empty or missing (a new database)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return None
    if not header:
        return None
    return header == SQLITE_MAGIC


def marked_encrypted(data_dir: Path) -> bool:
    """Does the dir's access file (storage/access_file, owned by services/access) say its
    database is encrypted? A damaged access file counts as yes: a dir that has one and a
    database without SQLite's header is far likelier encrypted than damaged twice over."""
    from kampung_desktop.storage import access_file

    try:
        found = access_file.load(Path(data_dir))
    except access_file.AccessFileDamaged:
        return True
    except OSError:
        return False
    return bool(found is not None and found.encrypted)

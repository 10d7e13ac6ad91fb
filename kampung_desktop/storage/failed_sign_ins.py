"""`failed-sign-ins.jsonl`: refused sign-ins kept on disk until the audit log can take them.

A refused sign-in cannot go into the audit log when it happens (the database stays closed
without the key), and a process that never succeeds (a CLI run with a wrong password, a window
closed after failures) would otherwise lose it. So each refusal is appended here at once, one
JSON line `{"n", "at", "account", "kind", "mac"}`, where `account` is an existing account's name
or "?" (what was typed for an unknown name may be a password) and `kind` is "failed", or "ok"
for a success that ends a run of failures (the back-off counts failures since it).

`mac` chains the lines: HMAC-SHA256 under a key kept outside the data dir (services.sign_in_notes)
over the previous line's mac and this line, so a line edited, removed from the middle or moved
no longer verifies when the next successful sign-in folds the file into the audit chain. The
fold records the mac of the last line it took (in `settings`, in the audit entries' own
transaction), so a crash before the file is emptied never writes a line twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FILE = "failed-sign-ins.jsonl"
LOCK_FILE = ".failed-sign-ins.lock"
GENESIS = "0" * 64
FOLDED_SETTING = "failed_sign_ins_folded"
MAX_LINES = 10_000  # a script hammering passwords must not fill the disk
FAILED, OK = "failed", "ok"


@dataclass(frozen=True)
class Attempt:
    n: int
    at: str  # UTC ISO
    account: str  # an account's name or "?"
    kind: str  # failed | ok
    mac: str
    verified: bool = True

    @property
    def ident(self) -> str:
        """What a fold remembers of the last line it took (the mac, unique per chain)."""
        return self.mac or f"{self.n}|{self.at}"


def path_of(data_dir: Path) -> Path:
    return Path(data_dir) / FILE


def _mac(key: bytes | None, previous: str, n: int, at: str, account: str, kind: str) -> str:
    if key is None:
        return ""
    body = json.dumps([previous, n, at, account, kind], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()


def read(data_dir: Path, key: bytes | None) -> list[Attempt]:
    """Every line, oldest first, each marked verified or not (a line after a break in the
    chain, or every line when the key is not at hand, is unverified)."""
    try:
        raw = path_of(data_dir).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    found: list[Attempt] = []
    previous, chain_ok = GENESIS, key is not None
    for line in raw.splitlines():
        try:
            item = json.loads(line)
            n, at, account, kind = (
                int(item["n"]),
                str(item["at"]),
                str(item["account"]),
                str(item["kind"]),
            )
            mac = str(item.get("mac") or "")
        except (ValueError, KeyError, TypeError):
            chain_ok = False  # a damaged line: what follows cannot be trusted either
            continue
        expected = _mac(key, previous, n, at, account, kind)
        chain_ok = chain_ok and bool(mac) and hmac.compare_digest(expected, mac)
        found.append(Attempt(n, at, account[:100], kind, mac, chain_ok))
        previous = mac or previous
    return found


def append(data_dir: Path, key: bytes | None, at: str, account: str, kind: str = FAILED) -> None:
    """One line, written and fsynced (the caller holds the data dir's access lock)."""
    existing = read(data_dir, key)
    if len(existing) >= MAX_LINES:
        return
    previous = existing[-1].mac if existing else GENESIS
    n = existing[-1].n + 1 if existing else 1
    line = {"n": n, "at": at, "account": account, "kind": kind,
            "mac": _mac(key, previous or GENESIS, n, at, account, kind)}  # fmt: skip
    fd = os.open(path_of(data_dir), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def failures_since_success(attempts: list[Attempt]) -> list[Attempt]:
    """The failures after the last success (the run the back-off counts)."""
    run: list[Attempt] = []
    for attempt in attempts:
        run = [] if attempt.kind == OK else [*run, attempt]
    return run


def remove(data_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path_of(data_dir).unlink()


_guard = threading.RLock()
_held = threading.local()


@contextlib.contextmanager
def locked(data_dir: Path) -> Iterator[None]:
    """One writer of the file at a time, across processes (a window and a CLI command);
    re-entrant in a thread. Its own lock file: the access.json lock may be held already."""
    with _guard:
        if getattr(_held, "depth", 0):
            _held.depth += 1
            try:
                yield
            finally:
                _held.depth -= 1
            return
        fd = os.open(Path(data_dir) / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _flock(fd, True)
            _held.depth = 1
            try:
                yield
            finally:
                _held.depth = 0
                _flock(fd, False)
        finally:
            os.close(fd)


def _flock(fd: int, take: bool) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK if take else msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX if take else fcntl.LOCK_UN)


# -- in the database (the fold) ----------------------------------------------------------------
def folded_mark(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (FOLDED_SETTING,)).fetchone()
    return row[0] if row else None


def set_folded_mark(conn: sqlite3.Connection, mac: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (FOLDED_SETTING, mac),
    )


def not_folded(attempts: list[Attempt], mark: str | None) -> list[Attempt]:
    """The attempts after the one a previous fold took last (all when it is not in the file)."""
    if mark:
        for index, attempt in enumerate(attempts):
            if attempt.ident == mark:
                return attempts[index + 1 :]
    return attempts


def failures_since_last_visit(conn: sqlite3.Connection, username: str) -> int:
    """`sign_in_failed` entries after `username`'s sign-in before the latest one (all of them
    when this is their first)."""
    rows = conn.execute(
        "SELECT seq FROM audit_log WHERE action = 'sign_in' AND username = ? "
        "ORDER BY seq DESC LIMIT 2",
        (username,),
    ).fetchall()
    since = rows[1][0] if len(rows) == 2 else 0
    until = rows[0][0] if rows else None
    sql = "SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed' AND seq > ?"
    args: list[object] = [since]
    if until is not None:
        sql += " AND seq < ?"
        args.append(until)
    return int(conn.execute(sql, args).fetchone()[0])

"""`access.json`: the accounts that may open a data dir, and the database key wrapped for each.

Plain JSON beside the database, holding no personal data of residents (usernames, roles,
kelurahan codes, argon2 verifiers and wrapped keys only), so it can be read before the
encrypted database is opened. Written atomically (temp file, fsync, rename, fsync of the
folder): a crash leaves the old file or the new one, never half of one, because losing it
would lock everyone out of the data. A file that does not match the schema is refused with a
message, never repaired or ignored: treating a damaged file as "no accounts" would unlock the
data dir for anyone.

`mac` seals the rest of the file with a key only the database key yields (services.access
computes and checks it): a role, scope or account edited outside Kampung is refused.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from kampung_desktop.core.roles import Role
from kampung_desktop.storage.durable import fsync_dir

ACCESS_FILE = "access.json"
LOCK_FILE = ".access.lock"
VERSION = 1
SOURCES = ("local", "server")
MAX_BYTES = 4 * 1024 * 1024  # thousands of accounts fit; a huge file is not ours


class AccessFileDamaged(Exception):
    """access.json exists but cannot be read as accounts: the data stays closed."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason  # for the log: names a field, never a value

    def text(self, lang: str) -> str:
        if lang == "en":
            return (
                f"The accounts file {self.path} is damaged ({self.reason}), so the data stays "
                "locked. It was not changed. Restore it from a backup of the data folder or "
                "ask your admin; do not delete it."
            )
        return (
            f"Berkas akun {self.path} rusak ({self.reason}), jadi data tetap terkunci. Berkas "
            "tidak diubah. Pulihkan dari cadangan folder data atau hubungi admin; jangan hapus."
        )


@dataclass(frozen=True)
class AccountRecord:
    username: str
    full_name: str
    role: str
    scope: tuple[str, ...]
    verifier: str
    kek_salt: str  # base64
    wrapped_key: str | None  # base64 (nonce + AES-GCM ciphertext); None: not wrapped yet
    source: str  # local | server
    disabled: bool
    user_id: str

    def with_changes(self, **changes: Any) -> AccountRecord:
        return replace(self, **changes)


@dataclass(frozen=True)
class AccessFile:
    version: int = VERSION
    encrypted: bool = False
    demo: bool = False
    accounts: tuple[AccountRecord, ...] = field(default_factory=tuple)
    mac: str | None = None  # base64 HMAC over `signed_bytes` (services.access)

    def find(self, username: str) -> AccountRecord | None:
        key = username.strip().lower()
        return next((a for a in self.accounts if a.username.lower() == key), None)

    def with_account(self, account: AccountRecord) -> AccessFile:
        """This file with `account` added, or replacing the one of the same username."""
        others = tuple(a for a in self.accounts if a.username.lower() != account.username.lower())
        return replace(self, accounts=(*others, account))

    def with_changes(self, **changes: Any) -> AccessFile:
        return replace(self, **changes)


_in_process = threading.RLock()


@contextlib.contextmanager
def changing(data_dir: Path) -> Iterator[None]:
    """Hold while reading, changing and saving access.json, so two writers (the lock screen,
    a sync in the background, a CLI command) never lose each other's change."""
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with _in_process:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd, True)
            try:
                yield
            finally:
                _lock(fd, False)
        finally:
            os.close(fd)


def _lock(fd: int, take: bool) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_LOCK if take else msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX if take else fcntl.LOCK_UN)


def path_of(data_dir: Path) -> Path:
    return Path(data_dir) / ACCESS_FILE


def load(data_dir: Path) -> AccessFile | None:
    """The accounts file of `data_dir`; None when there is none (an unprotected legacy dir)."""
    path = path_of(data_dir)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    if len(raw) > MAX_BYTES:
        raise AccessFileDamaged(path, "terlalu besar / too large")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise AccessFileDamaged(path, "bukan JSON / not JSON") from None
    return _parse(path, data)


def save(data_dir: Path, access: AccessFile) -> None:
    """Replace access.json atomically and durably."""
    folder = Path(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(_dump(access), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".access-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path_of(folder))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


def signed_bytes(access: AccessFile) -> bytes:
    """The canonical bytes the MAC covers: every field but the MAC itself."""
    data = _dump(access)
    del data["mac"]
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _dump(access: AccessFile) -> dict[str, Any]:
    data = asdict(access)
    data["accounts"] = [{**a, "scope": list(a["scope"])} for a in data["accounts"]]
    return data


def _parse(path: Path, data: Any) -> AccessFile:
    def bad(what: str) -> AccessFileDamaged:
        return AccessFileDamaged(path, what)

    if not isinstance(data, dict):
        raise bad("bukan objek / not an object")
    if type(data.get("version")) is not int or data["version"] != VERSION:
        raise bad("versi tidak dikenal / unknown version")
    for flag in ("encrypted", "demo"):
        if not isinstance(data.get(flag), bool):
            raise bad(f"'{flag}'")
    items = data.get("accounts")
    if not isinstance(items, list):
        raise bad("'accounts'")
    accounts = tuple(_account(bad, i, item) for i, item in enumerate(items))
    names = [a.username.lower() for a in accounts]
    if len(set(names)) != len(names):
        raise bad("nama pengguna ganda / duplicate username")
    mac = data.get("mac")
    if mac is not None and not isinstance(mac, str):
        raise bad("'mac'")
    return AccessFile(VERSION, data["encrypted"], data["demo"], accounts, mac)


_TEXT_FIELDS = ("username", "full_name", "verifier", "kek_salt", "user_id")


def _account(bad: Any, index: int, item: Any) -> AccountRecord:
    where = f"accounts[{index}]"
    if not isinstance(item, dict):
        raise bad(where)
    for name in _TEXT_FIELDS:
        if not isinstance(item.get(name), str):
            raise bad(f"{where}.{name}")
    if not item["username"] or not item["verifier"].startswith("$argon2"):
        raise bad(f"{where}.username/verifier")
    if not isinstance(item.get("role"), str) or item["role"] not in {r.value for r in Role}:
        raise bad(f"{where}.role")
    scope = item.get("scope")
    if not isinstance(scope, list) or not all(isinstance(c, str) for c in scope):
        raise bad(f"{where}.scope")
    wrapped = item.get("wrapped_key")
    if wrapped is not None and not isinstance(wrapped, str):
        raise bad(f"{where}.wrapped_key")
    if not isinstance(item.get("source"), str) or item["source"] not in SOURCES:
        raise bad(f"{where}.source")
    if not isinstance(item.get("disabled"), bool):
        raise bad(f"{where}.disabled")
    return AccountRecord(
        username=item["username"],
        full_name=item["full_name"],
        role=item["role"],
        scope=tuple(scope),
        verifier=item["verifier"],
        kek_salt=item["kek_salt"],
        wrapped_key=wrapped,
        source=item["source"],
        disabled=item["disabled"],
        user_id=item["user_id"],
    )

"""Refused sign-ins: on disk at once, in the audit log at the next successful open, and a
growing wait after repeated failures.

A refused sign-in on a protected dir cannot be written to the audit log when it happens (the
database stays closed without the key), so it is appended to storage.failed_sign_ins' file,
chained with an HMAC under a key kept outside the data dir: in the OS keyring where there is
one, else in a file of the user's config dir (mode 0600). A copy of the data dir alone cannot
forge or edit lines that still verify. `AuditService.signed_in` folds the lines into the audit
chain (lines that do not verify are marked so) and empties the file.

Only the name of an existing account is kept: what was typed for an unknown account is not
(people type passwords into the name field).

After FREE_TRIES failures in a row, each further try waits (5 s, doubling, at most 5 minutes
after the last failure): a guessed password costs an attacker time, a typo costs a user little.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import math
import os
import secrets
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from kampung_desktop.storage import failed_sign_ins
from kampung_desktop.storage.failed_sign_ins import FAILED, OK, Attempt

log = logging.getLogger(__name__)

UNKNOWN = "?"
SERVICE = "kampung-sign-in"
KEY_DIR_ENV = "KAMPUNG_KEY_DIR"
BACKEND_ENV = "KAMPUNG_TOKEN_STORE"  # "file": never the keyring (as the sync token store)
FREE_TRIES = 5
FIRST_WAIT_S = 5
MAX_WAIT_S = 300


def _now() -> float:
    return time.time()


def _stamp() -> str:
    """`_now()` as the audit log writes times (UTC, milliseconds)."""
    moment = datetime.fromtimestamp(_now(), UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


# -- the key of the chain ------------------------------------------------------------------------
def _slot(data_dir: Path) -> str:
    digest = hashlib.sha256(os.path.realpath(data_dir).encode("utf-8")).hexdigest()
    return f"failed-sign-ins-{digest[:24]}"


def _keyring():  # type: ignore[no-untyped-def]
    if os.environ.get(BACKEND_ENV) == "file":
        return None
    from kampung_desktop.services.sync.credentials import _usable_keyring

    return _usable_keyring()


def _key_file(data_dir: Path) -> Path:
    env = os.environ.get(KEY_DIR_ENV)
    if env:
        return Path(env) / f"{_slot(data_dir)}.key"
    from kampung_desktop.services.laptop_config import config_path

    return config_path().parent / f"{_slot(data_dir)}.key"


def chain_key(data_dir: Path, *, create: bool = False) -> bytes | None:
    """This laptop's key for the dir's file; None when there is none (and `create` is off or
    nothing can be stored: the lines are then kept unverifiable rather than lost)."""
    keyring = _keyring()
    if keyring is not None:
        with contextlib.suppress(Exception):  # a locked or broken keyring: the file below
            found = keyring.get_password(SERVICE, _slot(data_dir))
            if found:
                return bytes.fromhex(found)
            if create:
                key = secrets.token_bytes(32)
                keyring.set_password(SERVICE, _slot(data_dir), key.hex())
                return key
    path = _key_file(data_dir)
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (FileNotFoundError, ValueError):
        if not create:
            return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key.hex())
        return key
    except OSError as exc:
        log.warning("no key for the failed sign-in chain (%s)", type(exc).__name__)
        return None


# -- noting --------------------------------------------------------------------------------------
def note_failed(data_dir: Path, account: str | None) -> None:
    """`account`: the name of an existing account, or None for an unknown one. Never raises:
    the refusal itself must reach the person (a read-only dir loses only the note)."""
    try:
        with failed_sign_ins.locked(data_dir):
            key = chain_key(data_dir, create=True)
            failed_sign_ins.append(data_dir, key, _stamp(), account or UNKNOWN, FAILED)
    except OSError as exc:
        log.warning("failed sign-in not noted on disk (%s)", type(exc).__name__)


def note_success(data_dir: Path, account: str) -> None:
    """End a run of failures (the back-off starts again); nothing is written otherwise."""
    if not failed_sign_ins.path_of(data_dir).exists():
        return
    try:
        with failed_sign_ins.locked(data_dir):
            key = chain_key(data_dir)
            attempts = failed_sign_ins.read(data_dir, key)
            if attempts and attempts[-1].kind == FAILED:
                failed_sign_ins.append(data_dir, key, _stamp(), account, OK)
    except OSError as exc:
        log.warning("sign-in not noted on disk (%s)", type(exc).__name__)


def wait_seconds(data_dir: Path) -> int:
    """How long the next try must wait (0: at once), from the failures in a row so far."""
    if not failed_sign_ins.path_of(data_dir).exists():
        return 0
    run = failed_sign_ins.failures_since_success(
        failed_sign_ins.read(data_dir, chain_key(data_dir))
    )
    if len(run) < FREE_TRIES:
        return 0
    wait = min(FIRST_WAIT_S * 2 ** (len(run) - FREE_TRIES), MAX_WAIT_S)
    try:
        last = datetime.fromisoformat(run[-1].at.replace("Z", "+00:00")).timestamp()
    except ValueError:
        last = _now()
    remaining = min(last + wait - _now(), MAX_WAIT_S)  # a clock set back waits no longer
    return max(0, math.ceil(remaining))


# -- folding into the audit log ------------------------------------------------------------------
@contextlib.contextmanager
def folding(data_dir: Path) -> Iterator[list[Attempt]]:
    """The noted attempts, for the caller to write into the audit log inside the block; the
    file is emptied after the block (a fold that raises leaves it as it was)."""
    if not failed_sign_ins.path_of(data_dir).exists():
        yield []
        return
    with failed_sign_ins.locked(data_dir):
        attempts = failed_sign_ins.read(data_dir, chain_key(data_dir))
        yield attempts
        failed_sign_ins.remove(data_dir)

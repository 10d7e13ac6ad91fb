"""`SyncService`: the one entry point views and commands use for sync.

Safe on a worker thread: every call opens its own connection. The device token is read from
the token store only for the duration of a call and is never logged or stored in settings.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from kampung_sync.client import ServerRefused, SyncClient, Unreachable
from kampung_sync.protocol import EnrolRequest

from kampung_desktop.core.roles import Permission
from kampung_desktop.services.access import require
from kampung_desktop.services.sync import review
from kampung_desktop.services.sync.accounts import refresh_accounts
from kampung_desktop.services.sync.credentials import TokenStore
from kampung_desktop.services.sync.engine import (
    REVOKED,
    UNREACHABLE,
    SessionGuard,
    outcome_from_dict,
    run_session,
)
from kampung_desktop.services.sync.types import (
    ConflictItem,
    RecordTarget,
    RejectedRecord,
    ReturnedAssessment,
    SyncError,
    SyncLogEntry,
    SyncOutcome,
    SyncProgress,
    SyncStatus,
)
from kampung_desktop.storage import sync_log, sync_store, sync_targets

if TYPE_CHECKING:
    from kampung_desktop.services.app import AppContext

log = logging.getLogger(__name__)

RETRIES_ENV = "KAMPUNG_SYNC_RETRIES"
LOG_LABELS = 300  # records of the log named for people per read (the rest by kind only)
LOCAL_ROLES = {"enumerator": "petugas", "operator": "pemeriksa", "admin": "admin"}
NOT_ENROLLED = (
    "Laptop ini belum terdaftar di server; daftarkan dulu (kampung sync enrol) / "
    "This laptop is not enrolled with a server; enrol it first (kampung sync enrol)."
)


class SyncService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self._lock = SessionGuard.lock_for(ctx.data_dir)

    @classmethod
    def for_context(cls, ctx: AppContext) -> SyncService:
        return cls(ctx)

    def _device(self) -> dict:
        with self.db.raw() as conn:
            return sync_store.device(conn)

    def _tokens(self, device: dict | None = None) -> TokenStore:
        device = device or self._device()
        return TokenStore(self.ctx.data_dir, device["device_id"])

    # -- status ----------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        with self.db.raw() as conn:
            device = sync_store.device(conn)
            pending = sync_store.pending_by_table(conn)
            rejected = [
                RejectedRecord(t, rid, review.label_of(conn, t, rid), code or "", rid_, ren, at)
                for t, rid, code, rid_, ren, at in sync_store.rejected_records(conn)
            ]
            conflicts = sync_log.open_conflict_count(conn)
            last = sync_log.sessions(conn, 1)
        enrolled = bool(device["server_url"])
        last_outcome = json.loads(last[0][3]) if last and last[0][3] else None
        if not enrolled:
            state = "not_enrolled"
        elif self._lock.locked():
            state = "syncing"
        elif (
            device["revoked_at"]
            or rejected
            or conflicts
            or (last_outcome and last_outcome.get("kind") not in (None, "unreachable", "cancelled"))
        ):
            state = "needs_attention"
        elif last_outcome and last_outcome.get("kind") == "cancelled":
            state = "cancelled"  # stopped by the user: says nothing about the server
        elif (
            pending or (last_outcome and last_outcome.get("kind")) or not device["last_success_at"]
        ):
            state = "offline"
        else:
            state = "up_to_date"
        return SyncStatus(
            enrolled=enrolled,
            server_url=device["server_url"],
            username=device["username"],
            device_code=device["device_code"],
            revoked=bool(device["revoked_at"]),
            last_success_at=device["last_success_at"],
            last_attempt_at=device["last_attempt_at"],
            pending=pending,
            pending_total=sum(pending.values()),
            rejected=rejected,
            open_conflicts=conflicts,
            state=state,
        )

    # -- enrolment --------------------------------------------------------------------------
    def enrol(
        self, server_url: str, username: str, password: str, *, protect: bool = False
    ) -> SyncStatus:
        """Enrol this laptop. On a protected dir (or with `protect`, which makes an unprotected
        dir protected) the server's accounts become its sign-in accounts (issue 12). Choosing
        the server is the admin's (SYNC_SETUP); every role may sync once it is chosen."""
        require(self.ctx.access, Permission.SYNC_SETUP)
        url = _check_url(server_url)
        if not username.strip() or not password:
            raise SyncError(
                "Nama pengguna dan kata sandi wajib diisi / Username and password are required."
            )
        device = self._device()
        client = SyncClient(url, retries=1, timeout=(5.0, 30.0))
        try:
            health = client.health()
            answer = client.enrol(
                EnrolRequest(
                    username=username.strip(),
                    password=password,
                    device_id=device["device_id"],
                    device_name=platform.node()[:200],
                )
            )
        except Unreachable as exc:
            raise SyncError(UNREACHABLE) from exc
        except ServerRefused as exc:
            raise SyncError(f"{exc.message.id} / {exc.message.en}") from exc
        finally:
            client.close()
        self._tokens(device).save(answer.token)
        account = answer.account
        with self.db.raw() as conn:
            sync_store.save_enrolment(
                conn,
                {
                    "server_url": url,
                    "username": account.username,
                    "user_id": account.user_id,
                    "role": account.role,
                    "scope": json.dumps(account.scope),
                    "device_code": answer.device_code,
                    "limits": health.limits.model_dump_json(),
                },
            )
            sync_store.adopt_server_account(
                conn,
                account.user_id,
                account.username,
                account.full_name,
                LOCAL_ROLES.get(account.role, account.role),
            )
            with sync_store.transaction(conn):
                sync_store.set_cursor(conn, 0)  # a (new) enrolment pulls its whole scope
        self.ctx.user_id = account.user_id
        if protect or self.ctx.access is not None:
            accounts_client = SyncClient(url, answer.token, retries=1, timeout=(5.0, 30.0))
            try:
                refresh_accounts(self.ctx, accounts_client, enrolled=account, password=password)
            finally:
                accounts_client.close()
        log.info("device enrolled (role %s, code %s)", account.role, answer.device_code)
        return self.status()

    def work_offline(self) -> None:
        """Forget the server and the token; keep all data (records, outbox, receipts).
        Leaving the server is the admin's (SYNC_SETUP)."""
        require(self.ctx.access, Permission.SYNC_SETUP)
        self._tokens().forget()
        with self.db.raw() as conn:
            sync_store.clear_enrolment(conn)
        log.info("sync disabled: working offline")

    def reachable(self, timeout: float = 2.0) -> bool:
        url = self._device()["server_url"]
        if not url:
            return False
        client = SyncClient(url)
        try:
            client.health(timeout=timeout)
            return True
        except (Unreachable, ServerRefused):
            return False
        finally:
            client.close()

    # -- sync -------------------------------------------------------------------------------
    def sync(
        self,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncOutcome:
        """One full sync (push, attachments, pull); never raises for network faults."""
        device = self._device()
        if not device["server_url"]:
            return _failed(NOT_ENROLLED)
        if device["revoked_at"]:
            return _failed(REVOKED)
        token = self._tokens(device).load()
        if not token:
            return _failed(
                "Kunci perangkat tidak ditemukan; daftarkan ulang laptop ini / The device key "
                "is missing; enrol this laptop again."
            )
        if not self._lock.acquire(blocking=False):
            return _failed("Sinkronisasi sedang berjalan / A sync is already running.")
        client = SyncClient(device["server_url"], token, cancel=cancel, retries=_retries())
        try:
            with self.db.raw() as conn:
                outcome = run_session(conn, client, self.ctx.data_dir, progress)
            if outcome.ok and self.ctx.access is not None:
                refresh_accounts(self.ctx, client)  # new passwords, disabled accounts
            return outcome
        finally:
            client.close()
            self._lock.release()

    def log(self, limit: int = 50) -> list[SyncLogEntry]:
        with self.db.raw() as conn:
            rows = sync_log.sessions(conn, limit)
            named: dict[tuple[str, str], str] = {}
            for *_, items in rows:
                for table, record_id, *_rest in items:
                    if (table, record_id) not in named and len(named) < LOG_LABELS:
                        named[(table, record_id)] = review.label_of(conn, table, record_id)
        return [
            SyncLogEntry(
                sid, started, ended, outcome_from_dict(json.loads(o) if o else None), items,
                {rid: named[(t, rid)] for t, rid, *_ in items if (t, rid) in named},
            )
            for sid, started, ended, o, items in rows
        ]  # fmt: skip

    def record_target(self, table: str, record_id: str) -> RecordTarget | None:
        """Where to open a record of the sync panel or log for correction (None: not here)."""
        with self.db.raw() as conn:
            found = sync_targets.record_target(conn, table, record_id)
        return RecordTarget(table, record_id, **found) if found is not None else None

    # -- review loop and conflicts ----------------------------------------------------------
    def returned_assessments(self) -> list[ReturnedAssessment]:
        return review.returned_assessments(self.db, self.ctx.user_id)

    def conflicts(self, lang: str = "id") -> list[ConflictItem]:
        """Open conflicts, their fields and values labelled for people in `lang`."""
        return review.conflicts(self.db, lang, Path(self.ctx.data_dir) / "forms-cache")

    def resolve_conflict(self, conflict_id: str, choices: dict[str, str]) -> None:
        """choices: field -> "mine" | "theirs"; queues the resolved record for sync."""
        review.resolve_conflict(self.db, self.ctx.user_id, conflict_id, choices)


def _retries() -> int:
    """Retries per request (network errors, 5xx); `KAMPUNG_SYNC_RETRIES` tunes it for slow
    links or scripts that prefer to fail fast."""
    try:
        return max(0, min(20, int(os.environ.get(RETRIES_ENV, "5"))))
    except ValueError:
        return 5


def _failed(message: str) -> SyncOutcome:
    return SyncOutcome(0, 0, 0, 0, 0, 0, ok=False, error=message, needs_attention=True)


def _check_url(value: str) -> str:
    url = (value or "").strip().rstrip("/")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname or len(url) > 500:
        raise SyncError(
            f"Alamat server tidak sah: '{url[:80]}'; contoh https://kampung.kota.go.id / "
            "Invalid server address; e.g. https://kampung.kota.go.id"
        )
    return url

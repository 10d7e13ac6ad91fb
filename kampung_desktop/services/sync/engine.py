"""One sync session: push, attachments, pull, and a log entry that says what happened.

Network faults never escape: they end the session with `ok=False` and a bilingual reason, and
everything already receipted or applied stays (each batch and each page is its own
transaction), so the next session resumes where this one stopped.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable
from pathlib import Path

from kampung_sync.client import Cancelled, ServerRefused, SyncClient, Unreachable
from kampung_sync.protocol import MAX_PULL_LIMIT

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.services.sync.attachments import answer_refs, upload_all
from kampung_desktop.services.sync.collector import old_objects_set_aside
from kampung_desktop.services.sync.downloads import download_all
from kampung_desktop.services.sync.pull import pull_all
from kampung_desktop.services.sync.push import DeviceRevoked, Pusher, PushTally
from kampung_desktop.services.sync.types import SyncOutcome, SyncProgress
from kampung_desktop.storage import connection, sync_log, sync_store

log = logging.getLogger(__name__)

UNREACHABLE = (
    "Server tidak dapat dihubungi; data tetap aman di laptop dan akan dikirim nanti / "
    "The server cannot be reached; data stays safe on this laptop and will be sent later."
)
CANCELLED = (
    "Sinkronisasi dibatalkan; sinkron berikutnya melanjutkan dari sini / "
    "Sync cancelled; the next sync continues from here."
)
REVOKED = (
    "Perangkat ini sudah dicabut aksesnya oleh admin kota; semua data tetap tersimpan. "
    "Hubungi admin untuk mendaftar ulang / This device was revoked by the city admin; all "
    "data is kept. Ask the admin to enrol it again."
)
LOCAL_ERROR = (
    "Data dari server tidak dapat disimpan di laptop ini; data di laptop tetap aman dan sinkron "
    "berikutnya mencoba lagi. Bila terulang, laporkan ke admin kota / Data from the server "
    "could not be stored on this laptop; the laptop's data is safe and the next sync tries "
    "again. If it happens again, report it to the city admin."
)


def run_session(
    conn: sqlite3.Connection,
    client: SyncClient,
    data_dir: Path,
    progress: Callable[[SyncProgress], None] | None = None,
) -> SyncOutcome:
    with old_objects_set_aside():
        return _run_session(conn, client, data_dir, progress)


def _run_session(
    conn: sqlite3.Connection,
    client: SyncClient,
    data_dir: Path,
    progress: Callable[[SyncProgress], None] | None,
) -> SyncOutcome:
    device = sync_store.device(conn)
    session_id = uuid.uuid4().hex
    sync_log.start_session(conn, session_id)
    sync_store.set_device_field(conn, "last_attempt_at", utc_now_iso())
    sync_store.prune_settled(conn)  # finish pruning a crash interrupted
    limits = json.loads(device.get("limits") or "{}")
    pusher = Pusher(
        conn,
        client,
        device["device_id"],
        session_id,
        max_ops=limits.get("max_ops_per_batch", 2000),
        max_bytes=limits.get("max_batch_bytes", 8 << 20),
        progress=progress,
        enrich=answer_refs(conn, data_dir),
    )
    received, error, kind = 0, None, None
    try:
        pusher.run()
        upload_all(conn, client, data_dir, progress)
        tally = pull_all(
            conn, client, min(limits.get("max_pull_limit", MAX_PULL_LIMIT), MAX_PULL_LIMIT),
            progress,
        )  # fmt: skip
        received = tally.received
        download_all(conn, client, data_dir, progress)
        if client.cancel.is_set():
            error, kind = CANCELLED, "cancelled"
    except Unreachable as exc:
        log.info("sync session stopped: server unreachable (%s)", exc)
        error, kind = UNREACHABLE, "unreachable"
    except Cancelled:
        error, kind = CANCELLED, "cancelled"
    except DeviceRevoked as exc:
        sync_store.set_device_field(conn, "revoked_at", utc_now_iso())
        error, kind = (
            _text(exc.refused) if exc.refused.code == "device_revoked" else REVOKED,
            "revoked",
        )
    except ServerRefused as exc:
        log.warning("sync session refused by the server: %s", exc.code)
        if exc.status == 401:
            sync_store.set_device_field(conn, "revoked_at", utc_now_iso())
            error, kind = REVOKED, "revoked"
        else:
            error, kind = _text(exc), "refused"
    except connection.DATABASE as exc:  # a page broke a rule of this database: rolled back
        log.error("sync session stopped: local database error: %s", exc)  # no values in it
        error, kind = LOCAL_ERROR, "local_error"
    outcome = _outcome(pusher.tally, received, error)
    record = {**_as_dict(outcome), "kind": kind}
    sync_log.end_session(conn, session_id, record)
    sync_log.add_items(conn, session_id, pusher.tally.items)
    if outcome.ok:
        sync_store.set_device_field(conn, "last_success_at", utc_now_iso())
    log.info(
        "sync session %s: sent %d accepted %d duplicate %d conflict %d rejected %d received %d%s",
        session_id[:8], outcome.sent, outcome.accepted, outcome.duplicate, outcome.conflict,
        outcome.rejected, outcome.received, f" ({kind})" if kind else "",
    )  # fmt: skip
    return outcome


def _outcome(tally: PushTally, received: int, error: str | None) -> SyncOutcome:
    return SyncOutcome(
        sent=tally.sent,
        accepted=tally.accepted,
        duplicate=tally.duplicate,
        conflict=tally.conflict,
        rejected=tally.rejected,
        received=received,
        ok=error is None,
        error=error,
        needs_attention=bool(error or tally.conflict or tally.rejected),
    )


def _as_dict(outcome: SyncOutcome) -> dict:
    return {**outcome.counts(), "ok": outcome.ok, "error": outcome.error}


def _text(refused: ServerRefused) -> str:
    return f"{refused.message.id} / {refused.message.en}"


def outcome_from_dict(values: dict | None) -> SyncOutcome | None:
    if not values:
        return None
    counts = {k: int(values.get(k, 0)) for k in SyncOutcome.__dataclass_fields__ if k not in (
        "ok", "error", "needs_attention")}  # fmt: skip
    ok = bool(values.get("ok"))
    return SyncOutcome(
        **counts,
        ok=ok,
        error=values.get("error"),
        needs_attention=not ok or bool(counts["conflict"] or counts["rejected"]),
    )


class SessionGuard:
    """One sync at a time per data dir within this process (a worker and a click may race)."""

    _locks: dict[str, threading.Lock] = {}
    _guard = threading.Lock()

    @classmethod
    def lock_for(cls, data_dir: Path) -> threading.Lock:
        key = str(Path(data_dir).resolve())
        with cls._guard:
            return cls._locks.setdefault(key, threading.Lock())

"""Photos and files answered in interviews go up by content hash, resuming cut-off uploads.

Files live in `<data dir>/attachments/<assessment id>/`. A file is hashed once (remembered in
`sync_attachments` by path, size and hash); the server is asked how much of that hash it holds
and only the rest is sent, chunk by chunk. Files of demo assessments never leave the laptop.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

from kampung_sync.client import ServerRefused, SyncClient
from kampung_sync.protocol import ATTACHMENT_CHUNK_BYTES

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.services.sync.types import SyncProgress


def upload_all(
    conn: sqlite3.Connection,
    client: SyncClient,
    data_dir: Path,
    progress: Callable[[SyncProgress], None] | None = None,
) -> int:
    """Upload every file the server lacks; returns how many were completed this time."""
    todo = _files_to_send(conn, Path(data_dir))
    done = 0
    for path, sha in todo:
        if client.cancel.is_set():
            break
        try:
            _upload(client, path, sha)
        except ServerRefused:
            continue  # refused (e.g. too large): stays pending, listed nowhere as sent
        conn.execute(
            "UPDATE sync_attachments SET uploaded_at = ? WHERE sha256 = ?", (utc_now_iso(), sha)
        )
        done += 1
        if progress:
            progress(
                SyncProgress(
                    "attachments", done, len(todo), client.bytes_sent, client.bytes_received
                )
            )
    return done


def _files_to_send(conn: sqlite3.Connection, data_dir: Path) -> list[tuple[Path, str]]:
    root = data_dir / "attachments"
    if not root.is_dir():
        return []
    demo = {r[0] for r in conn.execute("SELECT id FROM assessments WHERE is_demo = 1")}
    known = {
        path: (size, sha, uploaded)
        for sha, path, size, uploaded in conn.execute(
            "SELECT sha256, path, size, uploaded_at FROM sync_attachments"
        )
    }
    todo = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name not in demo):
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            rel = str(path.relative_to(data_dir))
            size = path.stat().st_size
            entry = known.get(rel)
            if entry and entry[0] == size:
                if entry[2] is None:
                    todo.append((path, entry[1]))
                continue
            sha = _sha256(path)
            conn.execute(
                "INSERT INTO sync_attachments (sha256, path, size) VALUES (?, ?, ?) "
                "ON CONFLICT(sha256) DO UPDATE SET path = excluded.path",
                (sha, rel, size),
            )
            if not conn.execute(
                "SELECT uploaded_at FROM sync_attachments WHERE sha256 = ?", (sha,)
            ).fetchone()[0]:
                todo.append((path, sha))
    return todo


def _upload(client: SyncClient, path: Path, sha: str) -> None:
    total = path.stat().st_size
    try:
        status = client.attachment_status(sha)
        offset = status.received if not status.complete else total
    except ServerRefused as refused:
        if refused.status != 404:
            raise
        offset = 0
    with open(path, "rb") as fh:
        while offset < total or total == 0:
            fh.seek(offset)
            chunk = fh.read(ATTACHMENT_CHUNK_BYTES)
            status = client.put_attachment(sha, offset, total, chunk)
            if status.complete or total == 0:
                return
            offset = status.received


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

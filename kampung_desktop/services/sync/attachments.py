"""Photos and files answered in interviews go up by content hash, resuming cut-off uploads.

Files live in `<data dir>/attachments/<assessment id>/`, sealed on a protected dir: the hash,
the size and the bytes sent are those of the plaintext (what the protocol names a file by), read
through storage.attachment_files. A file is hashed once (remembered in `sync_attachments` by
path, plaintext size and hash); the server is asked how much of that hash it holds and only the
rest is sent, chunk by chunk. Files of demo assessments never leave the laptop.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kampung_sync.client import ServerRefused, SyncClient
from kampung_sync.protocol import ATTACHMENT_CHUNK_BYTES, Op

from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.services.sync.types import SyncProgress
from kampung_desktop.storage import attachment_files, sync_files

log = logging.getLogger(__name__)


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
        for path in attachment_files.files_of_folder(folder):
            rel = str(path.relative_to(data_dir))
            size = attachment_files.plain_size(path)
            entry = known.get(rel)
            if entry and entry[0] == size:
                if entry[2] is None:
                    todo.append((path, entry[1]))
                continue
            sha = _sha256(path)
            if sha is None:
                continue  # does not open (damaged, another dir's key): never sent
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


def answer_refs(conn: sqlite3.Connection, data_dir: Path) -> Callable[[list[Op]], None]:
    """Something that ties each pushed answer to the files it names (`AnswerData.attachments`:
    question path, sha256, file name, media type), so the server knows which photo answers
    which question of which assessment. A file is one in the assessment's folder whose name
    is the answer (or a value inside a repeat's answer)."""
    root = Path(data_dir) / "attachments"

    def enrich(ops: list[Op]) -> None:
        for op in ops:
            data = op.data
            if op.table != "assessment_answers" or op.op == "delete" or "value" not in data:
                continue
            folder = root / str(data.get("assessment_id", ""))
            if not _plain_name(folder.name) or not folder.is_dir():
                continue
            found = [
                _ref(conn, Path(data_dir), folder / name, question)
                for question, name in _named_files(str(data.get("field", "")), data["value"])
                if _plain_name(name) and (folder / name).is_file()
            ]
            refs = [ref for ref in found if ref is not None]
            if refs:
                data["attachments"] = refs
                if op.fields and "attachments" not in op.fields:
                    op.fields = [*op.fields, "attachments"]

    return enrich


def _named_files(field: str, value_json: str) -> list[tuple[str, str]]:
    """(question path, text) of every text in an answer: `field`, or `field[2]/photo` inside
    the second entry of a repeat."""
    try:
        value = json.loads(value_json)
    except (TypeError, ValueError):
        return []
    found: list[tuple[str, str]] = []

    def walk(path: str, item: Any) -> None:
        if isinstance(item, str):
            found.append((path, item))
        elif isinstance(item, list):
            for index, entry in enumerate(item, start=1):
                walk(f"{path}[{index}]" if isinstance(entry, dict) else path, entry)
        elif isinstance(item, dict):
            for key, entry in item.items():
                walk(f"{path}/{key}", entry)

    walk(field, value)
    return found


def _ref(conn: sqlite3.Connection, data_dir: Path, path: Path, question: str) -> dict | None:
    rel, size = str(path.relative_to(data_dir)), attachment_files.plain_size(path)
    sha = sync_files.known_hash(conn, rel, size)
    if sha is None:
        sha = _sha256(path)
        if sha is None:
            return None
        sync_files.remember(conn, sha, rel, size, held=False)
    media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return {"question": question[:300], "sha256": sha, "filename": path.name,
            "media_type": media_type, "size": size}  # fmt: skip


def _plain_name(name: str) -> bool:
    return bool(name) and not name.startswith(".") and not any(c in name for c in "/\\\0")


def _upload(client: SyncClient, path: Path, sha: str) -> None:
    total = attachment_files.plain_size(path)
    try:
        status = client.attachment_status(sha)
        offset = status.received if not status.complete else total
    except ServerRefused as refused:
        if refused.status != 404:
            raise
        offset = 0
    while offset < total or total == 0:
        chunk = attachment_files.read_range(path, offset, ATTACHMENT_CHUNK_BYTES)
        status = client.put_attachment(sha, offset, total, chunk)
        if status.complete or total == 0:
            return
        offset = status.received


def _sha256(path: Path) -> str | None:
    """The plaintext's sha256; None for a sealed file that does not open here."""
    try:
        return attachment_files.sha256(path)
    except attachment_files.AttachmentDamaged:
        log.warning("an attachment does not open (damaged or another key); not sent")
        return None

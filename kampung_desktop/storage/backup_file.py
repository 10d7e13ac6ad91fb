"""Backup files of the local database: made with SQLite's online backup, checked before a restore.

A backup file is a small container: a magic line, a JSON manifest (no personal data: dates,
schema version, row counts, sizes, digests), the database itself, then the attachment files
(photos of answers) as they are stored: sealed under the dir's key on a protected dir (a plain
one left by a conversion cut short is sealed on the way in), plain on an unprotected one. See
backup_attachments for that part. The database part is a
copy made by SQLite's online backup API, so the app keeps working while it is taken; for an
encrypted dir it is encrypted with the same key (a backup reveals nothing without it), and the
manifest carries a key check (an HMAC of a fixed text under the key) so a restore can tell "a
backup of another data folder" from "this folder's backup" before writing anything.

A restore checks everything first (container, digest, key, SQLite integrity, schema version)
on a copy in the data folder, then copies it into the live database with the same backup API
in one write transaction: atomic, and a running app's own connections stay valid (they see the
restored data at their next read). A refused file changes nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kampung_desktop.storage import backup_attachments, connection
from kampung_desktop.storage.engine import BUSY_TIMEOUT_MS, database_path, inspect_existing
from kampung_desktop.storage.errors import BackupRefused, DatabaseUnavailable

MAGIC = b"KAMPUNG-BACKUP\x01\n"  # 16 bytes
FORMAT = 2  # 2: attachments after the database; 1 (database only) is still restored
FORMATS = (1, 2)
_CHUNK = 1024 * 1024
_KEY_CHECK = b"kampung backup key check v1"
_COUNTED = ("households", "members", "assessments")


@dataclass(frozen=True)
class Manifest:
    created: str  # UTC ISO time the backup was taken
    encrypted: bool
    schema_version: int
    db_size: int
    sha256: str
    key_check: str | None
    counts: dict[str, int]
    attachments: int = 0  # files
    attachments_size: int = 0  # bytes of the attachment part
    attachments_sha256: str = ""

    def to_json(self) -> bytes:
        return json.dumps({"format": FORMAT, **self.__dict__}, sort_keys=True).encode()


def key_check(key: bytes) -> str:
    return hmac.new(key, _KEY_CHECK, hashlib.sha256).hexdigest()


def write_backup(data_dir: Path, out: Path, key: bytes | None) -> Manifest:
    """Copy the dir's database into the backup file `out` (atomically: `out` appears whole)."""
    source = database_path(Path(data_dir))
    if not source.exists():
        raise DatabaseUnavailable("missing", Path(data_dir))
    inspect_existing(source, key)
    out = Path(out)
    part_db = out.with_name(out.name + ".part-db")
    part_att = out.with_name(out.name + ".part-att")
    part = out.with_name(out.name + ".part")
    debris = (part_db, Path(f"{part_db}-journal"), part_att, part)
    _remove(*debris)
    try:
        src = connection.connect(source, key, timeout=BUSY_TIMEOUT_MS / 1000)
        dst = connection.connect(part_db, key, remembered=False)
        try:
            src.backup(dst, pages=256)  # online: other connections keep reading and writing
            version = dst.execute("PRAGMA user_version").fetchone()[0]
            counts = _counts(dst)
        finally:
            dst.close()
            src.close()
        with open(part_att, "wb") as fh:
            files = backup_attachments.write_part(Path(data_dir), fh, key)
        digest, size = _digest(part_db)
        att_digest, att_size = _digest(part_att)
        manifest = Manifest(
            created=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            encrypted=key is not None,
            schema_version=int(version),
            db_size=size,
            sha256=digest,
            key_check=key_check(key) if key is not None else None,
            counts=counts,
            attachments=files,
            attachments_size=att_size,
            attachments_sha256=att_digest,
        )
        head = manifest.to_json()
        with open(part, "wb") as fh:
            fh.write(MAGIC + struct.pack(">I", len(head)) + head)
            for piece in (part_db, part_att):
                with open(piece, "rb") as body:
                    while chunk := body.read(_CHUNK):
                        fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, out)
    finally:
        _remove(*debris)
    return manifest


def read_manifest(backup: Path) -> Manifest:
    """The manifest of a backup file; BackupRefused("not-backup"/"damaged") when it is none."""
    try:
        with open(backup, "rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                raise BackupRefused("not-backup")
            (length,) = struct.unpack(">I", fh.read(4) or b"\0\0\0\0")
            if not 0 < length < 65536:
                raise BackupRefused("damaged")
            data = json.loads(fh.read(length))
    except (struct.error, ValueError, UnicodeDecodeError) as exc:
        raise BackupRefused("damaged") from exc
    try:
        if data.pop("format") not in FORMATS:
            raise BackupRefused("damaged")
        return Manifest(**data)
    except (KeyError, TypeError) as exc:
        raise BackupRefused("damaged") from exc


def restore_backup(data_dir: Path, backup: Path, key: bytes | None, latest: int) -> Manifest:
    """Replace the dir's database with the backup's after checking it all; atomic."""
    manifest = read_manifest(backup)
    if manifest.encrypted and key is None:
        raise BackupRefused("needs-key")
    if key is not None and (not manifest.encrypted or manifest.key_check != key_check(key)):
        raise BackupRefused("foreign")
    if manifest.schema_version > latest:
        raise BackupRefused("newer", found=manifest.schema_version, known=latest)
    target = database_path(Path(data_dir))
    staged = target.with_name(target.name + ".restoring")
    _remove(staged, Path(f"{staged}-journal"), Path(f"{staged}-wal"), Path(f"{staged}-shm"))
    files = backup_attachments.staging_dir(Path(data_dir))
    try:
        _extract(backup, manifest, staged)
        backup_attachments.extract(backup, _attachments_offset(backup, manifest), manifest,
                                   files)  # fmt: skip
        _check_staged(staged, key, manifest)
        _copy_into(staged, target, key)
        backup_attachments.put_in_place(files, Path(data_dir))
    finally:
        _remove(staged, Path(f"{staged}-journal"), Path(f"{staged}-wal"), Path(f"{staged}-shm"))
        backup_attachments.drop(files)
    return manifest


def _attachments_offset(backup: Path, manifest: Manifest) -> int:
    with open(backup, "rb") as fh:
        fh.seek(len(MAGIC))
        (length,) = struct.unpack(">I", fh.read(4))
    return len(MAGIC) + 4 + length + manifest.db_size


def _extract(backup: Path, manifest: Manifest, staged: Path) -> None:
    digest = hashlib.sha256()
    size = 0
    with open(backup, "rb") as fh, open(staged, "wb") as out:
        fh.seek(len(MAGIC))
        (length,) = struct.unpack(">I", fh.read(4))
        fh.seek(length, os.SEEK_CUR)
        while size < manifest.db_size and (chunk := fh.read(min(_CHUNK, manifest.db_size - size))):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
        if manifest.attachments_size == 0 and fh.read(1):
            raise BackupRefused("damaged")  # bytes after the database that no part accounts for
        out.flush()
        os.fsync(out.fileno())
    if size != manifest.db_size or digest.hexdigest() != manifest.sha256:
        raise BackupRefused("damaged")


def _check_staged(staged: Path, key: bytes | None, manifest: Manifest) -> None:
    try:
        conn = connection.connect(staged, key, remembered=False)
    except connection.DATABASE as exc:  # keying reads the first page
        raise BackupRefused("damaged") from exc
    try:
        ok = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if ok != "ok" or _counts(conn) != manifest.counts:
            raise BackupRefused("damaged")
    except connection.DATABASE as exc:
        raise BackupRefused("damaged") from exc
    finally:
        conn.close()


def _copy_into(staged: Path, target: Path, key: bytes | None) -> None:
    """Every page of the checked copy into the live database, in one write transaction.
    A write held elsewhere for longer than the busy timeout: "locked", nothing changed."""
    if target.exists() and connection.looks_plain(target) is (key is not None):
        raise BackupRefused("foreign")  # the live file's protection differs from the backup's
    source = connection.connect(staged, key, remembered=False)
    live = connection.connect(
        target, key, timeout=BUSY_TIMEOUT_MS / 1000, remembered=key is not None
    )
    try:
        # The backup API retries a busy destination for ever; wait the busy timeout for the
        # write lock here instead, so a writer that does not let go is reported, not waited on.
        live.execute("BEGIN IMMEDIATE")
        live.execute("ROLLBACK")
        source.backup(live, pages=-1)  # all pages in one step: one atomic transaction
    except connection.OPERATIONAL as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise DatabaseUnavailable("locked", target) from exc
        raise
    finally:
        live.close()
        source.close()


def _counts(conn: object) -> dict[str, int]:
    found = {
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")  # type: ignore[attr-defined]
    }
    return {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[attr-defined]
        for t in _COUNTED
        if t in found
    }


def _digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _remove(*paths: Path) -> None:
    for p in paths:
        p.unlink(missing_ok=True)

"""The attachment part of a backup file: every photo and file of the answers, as stored.

The part follows the database in the `.kbak` container (backup_file). It is a run of entries,
`>H` length and UTF-8 path (`<assessment id>/<file name>`), `>Q` length and the file's bytes,
covered as a whole by the manifest's `attachments_sha256`. On a protected dir the bytes are
the sealed files (attachment_crypto) under the dir's key, so the backup reveals no photo
without a password of the data dir; a plain file left by a conversion cut short is sealed on
its way into the backup. A restore extracts the part into a hidden staging folder of the data
dir and checks it before anything changes, then moves the files into place after the
database is restored.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
from pathlib import Path
from typing import BinaryIO

from kampung_desktop.storage import attachment_crypto as crypto
from kampung_desktop.storage import attachment_files
from kampung_desktop.storage.errors import BackupRefused

STAGING = ".attachments-restoring"
_PATH = struct.Struct(">H")
_SIZE = struct.Struct(">Q")
_BLOCK = 1 << 20


def write_part(data_dir: Path, out: BinaryIO, key: bytes | None) -> int:
    """Append every attachment file of `data_dir` to `out`; returns how many."""
    count = 0
    for path in attachment_files.files_of(data_dir):
        name = f"{path.parent.name}/{path.name}".encode()
        out.write(_PATH.pack(len(name)) + name)
        size_at = out.tell()
        out.write(_SIZE.pack(0))
        start = out.tell()
        with open(path, "rb") as source:
            sealed = crypto.is_sealed_header(source.read(len(crypto.MAGIC)))
            source.seek(0)
            if key is not None and not sealed:
                crypto.seal_stream(crypto.attachment_key(key), source, out)
            else:
                shutil.copyfileobj(source, out, _BLOCK)
        end = out.tell()
        out.seek(size_at)
        out.write(_SIZE.pack(end - start))
        out.seek(end)
        count += 1
    return count


def staging_dir(data_dir: Path) -> Path:
    return Path(data_dir) / STAGING


def extract(backup: Path, offset: int, manifest: object, target: Path) -> int:
    """Unpack the part into `target` after checking its size and digest; returns the count.
    Raises BackupRefused("damaged") for a part that does not match its manifest."""
    size = int(getattr(manifest, "attachments_size", 0))
    drop(target)
    if size == 0:
        return 0
    with open(backup, "rb") as fh:
        fh.seek(offset)
        digest = hashlib.sha256()
        remaining = size
        while remaining and (block := fh.read(min(_BLOCK, remaining))):
            digest.update(block)
            remaining -= len(block)
        if remaining or fh.read(1) or digest.hexdigest() != manifest.attachments_sha256:  # type: ignore[attr-defined]
            raise BackupRefused("damaged")
        fh.seek(offset)
        count = 0
        end = offset + size
        try:
            while fh.tell() < end:
                (length,) = _PATH.unpack(fh.read(_PATH.size))
                name = fh.read(length).decode("utf-8")
                (file_size,) = _SIZE.unpack(fh.read(_SIZE.size))
                folder, _, filename = name.partition("/")
                if not (_plain(folder) and _plain(filename)) or fh.tell() + file_size > end:
                    raise BackupRefused("damaged")
                destination = target / folder / filename
                destination.parent.mkdir(parents=True, exist_ok=True)
                with open(destination, "wb") as out:
                    _copy_exactly(fh, out, file_size)
                    out.flush()
                    os.fsync(out.fileno())
                count += 1
        except (struct.error, UnicodeDecodeError, ValueError) as exc:
            raise BackupRefused("damaged") from exc
    if count != int(getattr(manifest, "attachments", 0)):
        raise BackupRefused("damaged")
    return count


def put_in_place(staged: Path, data_dir: Path) -> None:
    """Move the checked files to `attachments/`, each by an atomic rename."""
    if not staged.is_dir():
        return
    root = Path(data_dir) / attachment_files.FOLDER
    for folder in staged.iterdir():
        for path in folder.iterdir():
            destination = root / folder.name / path.name
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)


def drop(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)


def _copy_exactly(source: BinaryIO, out: BinaryIO, size: int) -> None:
    while size:
        block = source.read(min(_BLOCK, size))
        if not block:
            raise BackupRefused("damaged")
        out.write(block)
        size -= len(block)


def _plain(name: str) -> bool:
    return bool(name) and not name.startswith(".") and not any(c in name for c in "/\\\0")

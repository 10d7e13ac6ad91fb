"""Attachment files of a data dir, sealed at rest once the dir is protected.

Everything that writes or reads a file under `attachments/` (the interview copying a photo,
the review showing it, sync uploading and downloading it, backups) goes through here. Once a
key has opened a data dir (`storage.engine.prepare_database`, like the database's keyed
connections), files written under it are sealed (attachment_crypto) and sealed files read
back decrypted; on an unprotected dir files stay plain, as before. A protected dir whose key
this process does not hold refuses to write a plain file.

`encrypt_plain_files` converts a dir's plain files when it becomes protected, and again at
every keyed open, so a conversion cut short resumes: each file is sealed into a hidden
`.NAME.sealing` beside it, fsynced, and renamed over the plain one; leftovers are removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kampung_desktop.storage import attachment_crypto as crypto
from kampung_desktop.storage.attachment_crypto import AttachmentDamaged  # noqa: F401 (API)
from kampung_desktop.storage.durable import fsync_dir

FOLDER = "attachments"
PARTIAL_FOLDER = "attachments-partial"
TEMP_SUFFIX = ".sealing"  # the conversion's copies (removed by the next conversion)
WRITING_SUFFIX = ".writing"  # a copy being stored (removed once stale: never plain for long)
STALE_WRITING_S = 3600
LOCK_FILE = ".sealing.lock"

_KEYS: dict[str, bytes] = {}  # real path of a data dir -> its attachment key


class KeyNeeded(Exception):
    """A protected dir's file was to be written while its key is not held (not signed in)."""


# -- keys --------------------------------------------------------------------------------------
def remember_key(data_dir: Path, db_key: bytes) -> None:
    _KEYS[os.path.realpath(data_dir)] = crypto.attachment_key(db_key)


def forget_key(data_dir: Path) -> None:
    _KEYS.pop(os.path.realpath(data_dir), None)


def _key_for(path: Path) -> bytes | None:
    if not _KEYS:
        return None
    real = os.path.realpath(path)
    for folder, key in _KEYS.items():
        if real.startswith(folder + os.sep):
            return key
    return None


def _write_key(path: Path) -> bytes | None:
    """The key to seal `path` with; None on an unprotected dir; KeyNeeded on a protected one
    this process has not opened."""
    key = _key_for(path)
    if key is not None:
        return key
    from kampung_desktop.storage.connection import marked_encrypted

    for folder in list(Path(path).parents)[:3]:
        if (folder / "access.json").exists() and marked_encrypted(folder):
            raise KeyNeeded(str(folder))
    return None


# -- writing -----------------------------------------------------------------------------------
def copy_in(source: Path, target: Path) -> None:
    """Copy the plain file `source` to `target` (sealed on a protected dir), atomically."""
    with open(source, "rb") as fh:
        _write(Path(target), fh)


def write_bytes(target: Path, data: bytes) -> None:
    _write(Path(target), io.BytesIO(data))


def join_into(parts: list[Path], target: Path) -> None:
    """`target` made of the plaintexts of `parts` one after another (each sealed or plain),
    stored like `copy_in`: e.g. a recording appended to the sound answered before."""
    _write(Path(target), _Joined(parts))


class _Joined(io.RawIOBase):
    """The parts' plaintexts as one readable stream."""

    def __init__(self, parts: list[Path]) -> None:
        self.blocks = (block for part in parts for block in iter_plain(Path(part)))
        self.rest = b""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self.rest) < size:
            block = next(self.blocks, None)
            if block is None:
                break
            self.rest += block
        if size < 0:
            size = len(self.rest)
        data, self.rest = self.rest[:size], self.rest[size:]
        return data


def _write(target: Path, source: BinaryIO) -> None:
    key = _write_key(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=WRITING_SUFFIX, dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            if key is None:
                while block := source.read(crypto.CHUNK):
                    out.write(block)
            else:
                crypto.seal_stream(key, source, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# -- reading -----------------------------------------------------------------------------------
def is_sealed(path: Path) -> bool:
    with open(path, "rb") as fh:
        return crypto.is_sealed_header(fh.read(len(crypto.MAGIC)))


def iter_plain(path: Path, *, complete: bool = True) -> Iterator[bytes]:
    """The file's plaintext in blocks; AttachmentDamaged when a sealed file does not open."""
    with open(path, "rb") as fh:
        if not crypto.is_sealed_header(fh.read(len(crypto.MAGIC))):
            fh.seek(0)
            while block := fh.read(crypto.CHUNK):
                yield block
            return
        fh.seek(0)
        yield from crypto.chunks(_key_for(Path(path)), fh, complete=complete)


def read_bytes(path: Path) -> bytes:
    return b"".join(iter_plain(path))


def plain_size(path: Path) -> int:
    """Size of the plaintext (what the server and the protocol count), not of the file."""
    with open(path, "rb") as fh:
        if crypto.is_sealed_header(fh.read(len(crypto.MAGIC))):
            return crypto.sealed_plain_size(fh)
    return Path(path).stat().st_size


def sha256(path: Path, *, complete: bool = True) -> str:
    """The sha256 of the plaintext: the hash the sync protocol names a file by."""
    digest = hashlib.sha256()
    for block in iter_plain(path, complete=complete):
        digest.update(block)
    return digest.hexdigest()


def read_range(path: Path, offset: int, size: int) -> bytes:
    """Plaintext bytes [offset, offset + size) (a resumed upload's next piece)."""
    found = bytearray()
    position = 0
    for block in iter_plain(path):
        end = position + len(block)
        if end > offset:
            found += block[max(offset - position, 0) :]
            if len(found) >= size:
                break
        position = end
    return bytes(found[:size])


# -- downloads in progress ---------------------------------------------------------------------
class PartialWriter:
    """A download's file, appended to across cuts: `tell()` is the plaintext received so far
    (the Range to ask for); sealed chunk by chunk on a protected dir. `finish()` closes it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.key = _write_key(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+b")  # noqa: SIM115 - closed by close()
        self.buffer = bytearray()
        self.sealer: crypto.Sealer | None = None
        self.done = 0
        self._resume()

    def _resume(self) -> None:
        self.fh.seek(0)
        if self.key is None:
            if self.fh.read(len(crypto.MAGIC)) == crypto.MAGIC:
                self.truncate()  # a sealed leftover on a dir now plain: start again
            self.done = self.fh.seek(0, os.SEEK_END)
            return
        if not self.fh.read(1):
            return
        self.fh.seek(0)
        ends: list[int] = []
        try:
            self.done = sum(len(b) for b in crypto.chunks(self.key, self.fh, complete=False,
                                                          positions=ends))  # fmt: skip
        except AttachmentDamaged:  # plain leftover, another key: start again
            self.truncate()
            return
        self.fh.seek(0)
        header = self.fh.read(crypto.HEADER_BYTES)
        self.fh.truncate(ends[-1] if ends else crypto.HEADER_BYTES)  # a torn chunk goes
        self.sealer = crypto.Sealer(self.key, self.fh, header=header, index=len(ends))

    def tell(self) -> int:
        return self.done + len(self.buffer)

    def write(self, data: bytes) -> int:
        if self.key is None:
            self.fh.seek(0, os.SEEK_END)
            self.fh.write(data)
            self.done += len(data)
            return len(data)
        self.buffer += data
        while len(self.buffer) >= crypto.CHUNK:
            self._seal(bytes(self.buffer[: crypto.CHUNK]))
            del self.buffer[: crypto.CHUNK]
        return len(data)

    def _seal(self, data: bytes, last: bool = False) -> None:
        self.fh.seek(0, os.SEEK_END)
        if self.sealer is None:
            self.sealer = crypto.Sealer(self.key or b"", self.fh)
        self.sealer.chunk(data, last=last)
        self.done += len(data)

    def seek(self, offset: int, whence: int = 0) -> int:  # the client restarts with seek(0)
        if offset != 0 or whence != 0:
            raise io.UnsupportedOperation("only seek(0)")
        return 0

    def truncate(self, size: int | None = None) -> int:
        self.fh.seek(0)
        self.fh.truncate(0)
        self.buffer.clear()
        self.sealer, self.done = None, 0
        return 0

    def flush(self) -> None:
        if self.key is not None and self.buffer:
            self._seal(bytes(self.buffer))
            self.buffer.clear()
        self.fh.flush()

    def close(self) -> None:
        if not self.fh.closed:
            self.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()

    def finish(self) -> None:
        """Mark the file complete (a sealed one gets its last, flagged chunk)."""
        if self.key is not None:
            self.flush()
            self._seal(b"", last=True)
        self.close()

    def __enter__(self) -> PartialWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- converting a dir that became protected ----------------------------------------------------
def files_of(data_dir: Path) -> Iterator[Path]:
    """Every attachment file of the dir (`attachments/<assessment>/<name>`), not temporaries."""
    root = Path(data_dir) / FOLDER
    if not root.is_dir():
        return
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in sorted(folder.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                yield path


def encrypt_plain_files(data_dir: Path, db_key: bytes) -> int:
    """Seal every plain attachment of the dir (resumable, idempotent); returns how many were
    sealed now. Plain downloads in progress are dropped (they start again, sealed)."""
    remember_key(Path(data_dir), db_key)
    key = crypto.attachment_key(db_key)
    root = Path(data_dir) / FOLDER
    partial = Path(data_dir) / PARTIAL_FOLDER
    if partial.is_dir():
        for path in partial.iterdir():
            with contextlib.suppress(FileNotFoundError):  # finished meanwhile
                if path.is_file() and not is_sealed(path):
                    path.unlink(missing_ok=True)
    if not root.is_dir():
        return 0
    with _converting(root):  # a window and a CLI command opening the dir at once
        _remove_leftovers(root)
        sealed = 0
        for path in list(files_of(data_dir)):
            try:
                sealed += _seal_in_place(path, key)
            except FileNotFoundError:  # removed meanwhile (a restore, a new photo's rename)
                continue
    return sealed


def _seal_in_place(path: Path, key: bytes) -> int:
    if is_sealed(path):
        return 0
    tmp = path.with_name(f".{path.name}{TEMP_SUFFIX}")
    with open(path, "rb") as source, open(tmp, "wb") as out:
        crypto.seal_stream(key, source, out)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)
    return 1


def _remove_leftovers(root: Path) -> None:
    """Copies of a conversion cut short, and stale copies of a store cut short (the latter may
    be plain, from before the dir was protected)."""
    now = time.time()
    for leftover in root.glob(f"*/.*{TEMP_SUFFIX}"):
        leftover.unlink(missing_ok=True)
    for leftover in root.glob(f"*/.*{WRITING_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            if now - leftover.stat().st_mtime > STALE_WRITING_S:
                leftover.unlink(missing_ok=True)


@contextlib.contextmanager
def _converting(root: Path) -> Iterator[None]:
    fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def files_of_folder(folder: Path) -> list[Path]:
    """The attachment files of one assessment's folder (no hidden temporaries)."""
    return sorted(p for p in Path(folder).iterdir() if p.is_file() and not p.name.startswith("."))

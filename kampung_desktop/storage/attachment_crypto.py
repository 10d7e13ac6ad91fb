"""The encrypted form of an attachment file (a photo, a recording) on the laptop's disk.

Photos of houses, of family cards and of residents are as personal as the database, so on a
protected dir they are stored sealed with AES-256-GCM under a key derived from the database key
(every account that opens the database opens them; a password change re-encrypts nothing).

Layout: `MAGIC` (12 bytes) and a random salt (16), then chunks of up to 1 MiB of plaintext:
`flag` (1 byte: 0 more follows, 1 the last), `length` of the sealed chunk (4, big-endian), a
random nonce (12) and the AES-GCM output (ciphertext + 16-byte tag). Each file has its own key
(HMAC of the attachment key and the salt), and each chunk's associated data is the header, its
index and its flag, so chunks cannot be reordered, moved between files, or cut off without the
read failing: a complete file ends with a flagged chunk. A download in progress is a file of
unflagged chunks that can be appended to after a cut (a torn last chunk is dropped) and is
closed with an empty flagged chunk once its sha256 is checked.

Plain files (an unprotected dir, or a protected one before its files were converted) are read
as they are: they do not start with `MAGIC`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

MAGIC = b"KAMPUNG-ATT\x01"
SALT_BYTES = 16
HEADER_BYTES = len(MAGIC) + SALT_BYTES
NONCE_BYTES = 12
TAG_BYTES = 16
CHUNK = 1 << 20
_CHUNK_HEAD = struct.Struct(">BI")  # flag, sealed length
MORE, LAST = 0, 1


class AttachmentDamaged(Exception):
    """The file does not decrypt (wrong key, edited, cut off); nothing of it is shown."""


def attachment_key(db_key: bytes) -> bytes:
    """The key attachments are sealed under, derived from (never equal to) the database key."""
    return hmac.new(db_key, b"kampung attachments v1", hashlib.sha256).digest()


def is_sealed_header(head: bytes) -> bool:
    return head[: len(MAGIC)] == MAGIC


def _aead(key: bytes, salt: bytes):  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(hmac.new(key, b"file" + salt, hashlib.sha256).digest())


def _aad(header: bytes, index: int, flag: int) -> bytes:
    return header + struct.pack(">QB", index, flag)


class Sealer:
    """Writes the sealed form of a stream to `out`, chunk by chunk."""

    def __init__(self, key: bytes, out: BinaryIO, header: bytes | None = None, index: int = 0):
        """`header`/`index`: continue a file whose header and first `index` chunks exist."""
        self.out = out
        if header is None:
            header = MAGIC + os.urandom(SALT_BYTES)
            out.write(header)
        self.header = header
        self.aead = _aead(key, header[len(MAGIC) :])
        self.index = index

    def chunk(self, data: bytes, last: bool = False) -> None:
        flag = LAST if last else MORE
        nonce = os.urandom(NONCE_BYTES)
        sealed = self.aead.encrypt(nonce, data, _aad(self.header, self.index, flag))
        self.out.write(_CHUNK_HEAD.pack(flag, len(sealed)) + nonce + sealed)
        self.index += 1


def seal_stream(key: bytes, source: BinaryIO, out: BinaryIO) -> int:
    """Seal everything `source` holds into `out`; returns the plaintext size."""
    sealer = Sealer(key, out)
    size = 0
    block = source.read(CHUNK)
    while True:
        following = source.read(CHUNK) if len(block) == CHUNK else b""
        sealer.chunk(block, last=not following)
        size += len(block)
        if not following:
            return size
        block = following


def chunks(
    key: bytes | None, fh: BinaryIO, *, complete: bool = True, positions: list[int] | None = None
) -> Iterator[bytes]:
    """The plaintext of a sealed file, chunk by chunk, from its start. `complete=False` reads a
    download in progress (unflagged chunks; stops at a torn one). `positions` collects where
    each good chunk ends (to cut a torn tail off). AttachmentDamaged when it does not open."""
    header = fh.read(HEADER_BYTES)
    if len(header) != HEADER_BYTES or not is_sealed_header(header):
        raise AttachmentDamaged("not a sealed attachment")
    if key is None:
        raise AttachmentDamaged("no key")
    aead = _aead(key, header[len(MAGIC) :])
    index = 0
    while True:
        head = fh.read(_CHUNK_HEAD.size)
        if not head and not complete:
            return
        if len(head) != _CHUNK_HEAD.size:
            if complete:
                raise AttachmentDamaged("cut off")
            return
        flag, length = _CHUNK_HEAD.unpack(head)
        body = fh.read(NONCE_BYTES + length)
        if len(body) != NONCE_BYTES + length or flag not in (MORE, LAST):
            if complete:
                raise AttachmentDamaged("cut off")
            return
        from cryptography.exceptions import InvalidTag

        try:
            plain = aead.decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], _aad(header, index, flag))
        except InvalidTag:
            if complete:
                raise AttachmentDamaged("does not decrypt") from None
            return
        index += 1
        if positions is not None:
            positions.append(fh.tell())
        yield plain
        if flag == LAST:
            return


def sealed_plain_size(fh: BinaryIO) -> int:
    """The plaintext size of a sealed file from its chunk lengths (nothing is decrypted)."""
    fh.seek(HEADER_BYTES)
    size = 0
    while head := fh.read(_CHUNK_HEAD.size):
        if len(head) != _CHUNK_HEAD.size:
            break
        _flag, length = _CHUNK_HEAD.unpack(head)
        size += max(length - TAG_BYTES, 0)
        fh.seek(NONCE_BYTES + length, os.SEEK_CUR)
    return size

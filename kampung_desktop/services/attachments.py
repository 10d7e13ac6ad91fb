"""Photos and files of answers for the views: stored sealed on a protected dir, shown decrypted.

The interview copies a chosen file in with `store_copy`; the interview and the review show it
with `read_bytes`. Both go through storage.attachment_files, which seals and opens files with
the key of the data dir this process has opened (see docs/security.md, "Attachments").
"""

from __future__ import annotations

import logging
from pathlib import Path

from kampung_desktop.storage import attachment_files

log = logging.getLogger(__name__)


class AttachmentNotStored(Exception):
    """The file could not be copied in; `str()` is the bilingual message "id / en"."""

    def __init__(self, indonesian: str, english: str) -> None:
        super().__init__(f"{indonesian} / {english}")


def store_copy(source: Path, target: Path) -> None:
    """Copy a chosen file into the assessment's folder (sealed on a protected dir)."""
    try:
        attachment_files.copy_in(Path(source), Path(target))
    except attachment_files.KeyNeeded:
        raise AttachmentNotStored(
            "Masuk dulu: lampiran disimpan terenkripsi dan kuncinya belum terbuka.",
            "Sign in first: attachments are stored encrypted and the key is not open yet.",
        ) from None
    except OSError as exc:
        raise AttachmentNotStored(
            f"Berkas tidak dapat disalin ({exc.strerror or exc}). Tidak ada yang diubah.",
            f"The file cannot be copied ({exc.strerror or exc}). Nothing was changed.",
        ) from exc


def store_joined(parts: list[Path], target: Path) -> None:
    """`target` holds the parts one after another (sealed on a protected dir), e.g. a new
    recording appended to the one answered before; OSError/AttachmentNotStored on failure."""
    try:
        attachment_files.join_into([Path(p) for p in parts], Path(target))
    except attachment_files.KeyNeeded:
        raise AttachmentNotStored(
            "Masuk dulu: lampiran disimpan terenkripsi dan kuncinya belum terbuka.",
            "Sign in first: attachments are stored encrypted and the key is not open yet.",
        ) from None


def read_bytes(path: Path) -> bytes | None:
    """The file's content, decrypted; None when it is missing or does not open (a damaged or
    foreign file is not shown, and the reason goes to the log without the file's name)."""
    try:
        return attachment_files.read_bytes(Path(path))
    except FileNotFoundError:
        return None
    except (attachment_files.AttachmentDamaged, OSError) as exc:
        log.warning("attachment not readable: %s", type(exc).__name__)
        return None

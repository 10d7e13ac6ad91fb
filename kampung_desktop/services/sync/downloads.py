"""Files of pulled answers come down to the laptop, so an office reviewing an assessment sees
its photos (and an enumerator correcting a returned one).

The server lists the files of the answers this device may read (`GET /api/v1/attachments`,
question, file name, sha256) in change order; each missing file is fetched by its hash into
`<data dir>/attachments/<assessment id>/<file name>`, where the interview and the review look.
A download goes to `attachments-partial/<sha256>.part` first (sealed chunk by chunk on a
protected dir, so no plain byte reaches the disk) and resumes from its plaintext size after a
cut; the whole file is checked against its sha256 before it is put in place. A file the laptop
already holds under that name is never overwritten. The list's cursor only passes files that
are in place (or can never be fetched), so a file still uploading is fetched next time.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from kampung_sync.client import ServerRefused, SyncClient
from kampung_sync.protocol import AttachmentLink

from kampung_desktop.services.sync.types import SyncProgress
from kampung_desktop.storage import attachment_files, sync_files

log = logging.getLogger(__name__)
PAGE = 1000


def download_all(
    conn: sqlite3.Connection,
    client: SyncClient,
    data_dir: Path,
    progress: Callable[[SyncProgress], None] | None = None,
) -> int:
    """Fetch every listed file this laptop lacks; returns how many were fetched."""
    data_dir = Path(data_dir)
    cursor = sync_files.cursor(conn)
    fetched = 0
    stuck = False  # a file not fetched yet: the cursor stays before it
    while not client.cancel.is_set():
        try:
            page = client.attachment_links(cursor, PAGE)
        except ServerRefused as refused:  # a server older than the list, or not allowed
            log.info("attachment list refused: %s", refused.code)
            return fetched
        here = sync_files.answer_assessments(conn, sorted({x.assessment_id for x in page.links}))
        for link in page.links:
            if client.cancel.is_set():
                return fetched
            if link.assessment_id in here and _plain_name(link.filename):
                done, got = _fetch(conn, client, data_dir, link)
                fetched += got
                stuck = stuck or not done
                if got and progress:
                    progress(SyncProgress("attachments", fetched, None, client.bytes_sent,
                                          client.bytes_received))  # fmt: skip
            if not stuck:
                sync_files.set_cursor(conn, link.seq)
        if not page.has_more:
            break
        cursor = page.next_cursor
    return fetched


def _plain_name(name: str) -> bool:
    """A file name, never a path out of the assessment's folder."""
    return bool(name) and not name.startswith(".") and not any(c in name for c in "/\\\0")


def _fetch(
    conn: sqlite3.Connection, client: SyncClient, data_dir: Path, link: AttachmentLink
) -> tuple[bool, int]:
    """(settled?, fetched now?): settled when the file is in place or can never be fetched."""
    target = data_dir / "attachments" / link.assessment_id / link.filename
    rel = str(target.relative_to(data_dir))
    if target.exists():
        size = attachment_files.plain_size(target)
        sha = sync_files.known_hash(conn, rel, size) or _sha256(target)
        if sha == link.sha256:
            sync_files.remember(conn, sha, rel, size, held=True)
        else:  # the laptop's own file under that name (an edit not sent yet): kept
            log.info("attachment %s… kept: a different local file has its name", link.sha256[:8])
        return True, 0
    if not link.complete:
        return False, 0
    partial = data_dir / "attachments-partial" / f"{link.sha256}.part"
    try:
        with attachment_files.PartialWriter(partial) as handle:
            client.download_attachment(link.sha256, handle)  # type: ignore[arg-type]
    except ServerRefused as refused:
        if refused.status == 416:  # the partial file is longer than the file: start again
            partial.unlink(missing_ok=True)
            return False, 0
        log.info("attachment %s… not downloaded: %s", link.sha256[:8], refused.code)
        return refused.status == 403, 0  # not ours to read: never; else try next time
    if _sha256(partial, complete=False) != link.sha256:
        log.warning("attachment %s… arrived damaged; fetched again next time", link.sha256[:8])
        partial.unlink(missing_ok=True)
        return False, 0
    attachment_files.PartialWriter(partial).finish()  # a sealed file gets its last chunk
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(partial, target)
    sync_files.remember(conn, link.sha256, rel, attachment_files.plain_size(target), held=True)
    return True, 1


def _sha256(path: Path, complete: bool = True) -> str:
    try:
        return attachment_files.sha256(path, complete=complete)
    except attachment_files.AttachmentDamaged:  # another key's or a damaged file: not ours
        return ""

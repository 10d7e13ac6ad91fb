"""Pull the change feed page by page; each page and its cursor land in one transaction.

The next page is fetched on a helper thread while the current one is written, so the network
and the disk work at the same time; pages are still applied strictly in order. Search documents
of touched households are dropped in each page's transaction and written once at the end (and
at the start of the next pull, should this one be cut off). A pull of several pages into an
empty laptop builds the secondary indexes once at the end too (`storage.pull_bulk`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from kampung_sync.client import PulledPage, SyncClient
from kampung_sync.protocol import MAX_PULL_LIMIT

from kampung_desktop.services.sync.collector import old_objects_set_aside
from kampung_desktop.services.sync.types import SyncProgress
from kampung_desktop.storage import pull_bulk, sync_store
from kampung_desktop.storage.sync_apply import apply_page


@dataclass
class PullTally:
    received: int = 0
    pages: int = 0
    returned: list[str] = field(default_factory=list)
    conflicts: int = 0


def pull_all(
    conn: sqlite3.Connection,
    client: SyncClient,
    limit: int = MAX_PULL_LIMIT,
    progress: Callable[[SyncProgress], None] | None = None,
) -> PullTally:
    with old_objects_set_aside():
        finish(conn)  # a pull cut off last time left households to index
        try:
            return _pull_pages(conn, client, limit, progress)
        finally:
            finish(conn)


def finish(conn: sqlite3.Connection) -> None:
    """Indexes set aside for a bulk pull built again, households indexed for search."""
    pull_bulk.restore(conn)


def _pull_pages(
    conn: sqlite3.Connection,
    client: SyncClient,
    limit: int,
    progress: Callable[[SyncProgress], None] | None,
) -> PullTally:
    tally = PullTally()
    cursor = sync_store.cursor(conn)
    known_before = sync_store.knows_revisions(conn)
    settled: set[str] = set()  # households the last page touched (see apply_page)
    resets = 0
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull-prefetch") as fetcher:
        ahead: Future[PulledPage] = fetcher.submit(client.pull, cursor, limit)
        while not client.cancel.is_set():
            page = ahead.result()
            if page.reset:
                # The server no longer knows our cursor (restored backup, scope changed): start
                # again from 0; records already held are skipped by their known revisions.
                resets += 1
                if resets > 2:
                    break
                with sync_store.transaction(conn):
                    sync_store.set_cursor(conn, 0)
                cursor = 0
                known_before, settled = True, set()
                ahead = fetcher.submit(client.pull, 0, limit)
                continue
            if page.has_more:  # fetch the next page while this one is written
                ahead = fetcher.submit(client.pull, page.next_cursor, limit)
            # a PulledChange has every attribute the apply reads: no copy per record
            result = apply_page(
                conn,
                page.changes,
                page.next_cursor,
                known_before=known_before,
                more_coming=page.has_more,
                settled=settled,
            )
            settled = result.households
            tally.received += result.applied
            tally.pages += 1
            tally.returned += result.returned
            tally.conflicts += result.by_table.get("conflicts", 0)
            cursor = page.next_cursor
            if progress:
                progress(
                    SyncProgress(
                        "pull", tally.received, None, client.bytes_sent, client.bytes_received
                    )
                )
            if not page.has_more:
                break
        else:
            ahead.cancel()
    return tally

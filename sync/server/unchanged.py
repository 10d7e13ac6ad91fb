"""Is a push batch decided without the writers' lock still right once the lock is taken?

`apply_batch` decides a batch in one transaction and writes it in a second that holds the lock,
so laptops' batches are loaded, checked and merged at the same time instead of one after the
other. The decisions hold if nothing they read has changed in between:

- the records they loaded or found missing (the ops' own records, parents, conflict entries,
  wilayah and forms): every change to a record gives it a new seq, so the records with a seq
  above the one seen before deciding are exactly what changed;
- the stored receipts of the batch's op ids (a retry of the same batch may have landed first,
  and a batch of refusals stores receipts without a seq);
- the certificate numbers the batch uses (taken with certificate records, so covered by the
  seqs too; checked directly to be independent of that).

Anything else a decision depends on (the caller's account and device) was read before deciding.
When a check fails, the batch is decided again under the lock, as it always was before.
"""

from __future__ import annotations

from kampung_sync.server.batch_reads import BatchReads
from kampung_sync.server.records import ONE_OF_CHUNK, one_of
from kampung_sync.server.tables import Record
from sqlalchemy import select
from sqlalchemy.orm import Session

RECORDS = Record.__table__.c

# Up to this many records committed in between per record read, the commits are scanned (one
# range read on the seq index); past it, the records read are looked up instead (with hundreds
# of laptops pushing, a batch may see tens of thousands of others' records commit meanwhile).
SCAN_PER_READ = 1.0


def still_valid(session: Session, writer: BatchReads, seen: int, last: int) -> bool:
    """True when nothing `writer` decided from changed between seq `seen` and `last`."""
    if last != seen:
        read = writer.rows.rows.keys() | writer.rows.missing
        if last - seen <= SCAN_PER_READ * len(read):
            changed = session.execute(
                select(RECORDS.table_name, RECORDS.record_id).where(
                    RECORDS.seq > seen, RECORDS.seq <= last
                )
            )
            if any((table, record_id) in read for table, record_id in changed):
                return False
        elif _any_changed(session, read, seen):
            return False
    if not writer.stored_now(session) <= writer.stored.keys():
        return False
    return writer.numbers_now(session) == writer.loaded_numbers


def _any_changed(session: Session, keys: set[tuple[str, str]], seen: int) -> bool:
    """Has any of `keys` (existing or not when read) been written with a seq above `seen`?"""
    by_table: dict[str, list[str]] = {}
    for table, record_id in keys:
        by_table.setdefault(table, []).append(record_id)
    for table, ids in by_table.items():
        for start in range(0, len(ids), ONE_OF_CHUNK):
            found = session.execute(
                select(RECORDS.seq)
                .where(
                    RECORDS.table_name == table,
                    one_of(session, RECORDS.record_id, ids[start : start + ONE_OF_CHUNK]),
                    RECORDS.seq > seen,
                )
                .limit(1)
            ).first()
            if found is not None:
                return True
    return False

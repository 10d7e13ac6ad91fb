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
from kampung_sync.server.tables import Record
from sqlalchemy import select
from sqlalchemy.orm import Session

# Past this many commits in between, deciding again is cheaper than comparing.
MAX_CHANGED = 50_000


def still_valid(session: Session, writer: BatchReads, seen: int, last: int) -> bool:
    """True when nothing `writer` decided from changed between seq `seen` and `last`."""
    if last != seen:
        if last - seen > MAX_CHANGED:
            return False
        records = Record.__table__.c
        changed = session.execute(
            select(records.table_name, records.record_id).where(
                records.seq > seen, records.seq <= last
            )
        )
        read = writer.rows.rows.keys() | writer.rows.missing
        if any((table, record_id) in read for table, record_id in changed):
            return False
    if not writer.stored_now(session) <= writer.stored.keys():
        return False
    return writer.numbers_now(session) == writer.loaded_numbers

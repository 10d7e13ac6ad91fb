"""`kampung server export --db URL --format csv|xlsx --out DIR`: every record kind as a table.

One file per kind (`households.csv`, `members.csv`, ...), rows in change-feed order, and
`attachments.csv` naming every photo or file per assessment and question. Rows are
streamed from a server-side cursor and written as they arrive, so a million rows never sit in
memory; progress goes to stderr. Files are written under a temporary name, readable by the owner
only (they hold NIKs: UU 27/2022), and renamed into place when complete.

Columns: `record_id`, `server_seq`, `server_revision`, `kelurahan` (the kelurahan the record
belongs to, also for members and answers), then the fields of the record's protocol shape.
A certificate's `content` (its printed text as JSON) is left out. CSV is UTF-8 with a BOM so
Excel opens it correctly; an XLSX sheet holds at most 1,048,575 rows and continues on the next
sheet, and a cell longer than Excel's 32,767 characters is cut (CSV keeps everything).
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kampung_sync import protocol
from kampung_sync.server import attachment_links, db
from kampung_sync.server.admin import AdminError
from kampung_sync.server.admin.xlsx_stream import XlsxStream
from kampung_sync.server.tables import Record
from sqlalchemy import Engine, Integer, cast, func, select

FORMATS = ("csv", "xlsx")
LEAVE_OUT = {"content", "attachments"}  # files: one row each in attachments.csv
ATTACHMENT_COLUMNS = ["assessment_id", "question", "filename", "media_type", "size", "sha256",
                      "kelurahan", "answer_id", "complete"]  # fmt: skip
FETCH = 10_000
_R = Record.__table__.c
Progress = Callable[[str], None]


def columns(table: str) -> list[str]:
    fields = [f for f in protocol.RECORD_MODELS[table].model_fields if f not in LEAVE_OUT]
    return ["record_id", "server_seq", "server_revision", "kelurahan", *fields]


def _field_columns(table: str) -> list[Any]:
    """Each field extracted in SQL, typed by its protocol annotation, so rows arrive as plain
    tuples ready for the writer: no JSON decoding or per-cell work in Python."""
    model = protocol.RECORD_MODELS[table]
    extracted: list[Any] = []
    for name in columns(table)[4:]:
        annotation = str(model.model_fields[name].annotation)
        value = _R.data[name]
        if "bool" in annotation:
            extracted.append(cast(value.as_boolean(), Integer))
        elif "int" in annotation:
            extracted.append(value.as_integer())
        elif "float" in annotation:
            extracted.append(value.as_float())
        else:
            extracted.append(value.as_string())
    return extracted


def _rows(engine: Engine, table: str) -> Iterator[Sequence[Any]]:
    """Live records of `table` in seq order, from a server-side cursor, in blocks."""
    query = (
        select(_R.record_id, _R.seq, _R.revision, _R.kelurahan_kode, *_field_columns(table))
        .where(_R.table_name == table, _R.deleted.is_(False))
        .order_by(_R.seq)
    )
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=FETCH).execute(query)
        yield from result.partitions()


class _Meter:
    """Progress lines on stderr: at most one every two seconds, and one at the end."""

    def __init__(self, say: Progress, table: str, total: int) -> None:
        self.say, self.table, self.total = say, table, total
        self.last = time.monotonic()

    def tick(self, done: int, final: bool = False) -> None:
        now = time.monotonic()
        if final or now - self.last >= 2.0:
            self.last = now
            share = f" ({done * 100 // self.total}%)" if self.total else ""
            count = f"{done:,}".replace(",", ".")
            total = f"{self.total:,}".replace(",", ".")
            self.say(f"{self.table}: {count} / {total} baris/rows{share}")


def _private_open(path: Path, mode: str, **kwargs: Any):  # type: ignore[no-untyped-def]
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    return os.fdopen(fd, mode, **kwargs)


def _write_csv(
    path: Path, header: list[str], blocks: Iterator[Sequence[Any]], meter: _Meter
) -> int:
    count = 0
    with _private_open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for block in blocks:
            writer.writerows(block)
            count += len(block)
            meter.tick(count)
    return count


def _write_xlsx(
    path: Path, table: str, header: list[str], blocks: Iterator[Sequence[Any]], meter: _Meter
) -> int:
    with _private_open(path, "wb") as handle, XlsxStream(handle, table, header) as out:
        for block in blocks:
            out.write_rows(block)
            meter.tick(out.rows)
        return out.rows


def _export_attachments(engine: Engine, fmt: str, out_dir: Path, say: Progress) -> tuple[Path, int]:
    """`attachments.csv|xlsx`: every file an answer names, by assessment and question (the
    file itself: `GET /api/v1/attachments/{sha256}/content`)."""
    attachment_links.catch_up(engine)
    target = out_dir / f"attachments.{fmt}"
    partial = target.with_name(f".{target.name}.part")
    with db.transaction(engine) as session:
        rows = [
            tuple(r[:8]) + (int(bool(r[8])),) for r in attachment_links.links_for_export(session)
        ]
    meter = _Meter(say, "attachments", len(rows))
    try:
        if fmt == "csv":
            count = _write_csv(partial, ATTACHMENT_COLUMNS, iter([rows]), meter)
        else:
            count = _write_xlsx(partial, "attachments", ATTACHMENT_COLUMNS, iter([rows]), meter)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise AdminError(
            f"{target}: tidak dapat ditulis ({exc.strerror})",
            f"{target}: cannot be written ({exc.strerror})",
        ) from None
    os.replace(partial, target)
    meter.tick(count, final=True)
    return target, count


def export(
    url: str, fmt: str, out_dir: Path, progress: Progress | None = None
) -> list[tuple[Path, int]]:
    """Write one file per record kind into `out_dir`; returns (path, rows) per file."""
    say = progress or (lambda _text: None)
    if fmt not in FORMATS:
        raise AdminError(f"format '{fmt}' tidak dikenal", f"unknown format '{fmt}'")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AdminError(
            f"{out_dir}: folder tidak dapat dibuat ({exc.strerror})",
            f"{out_dir}: cannot create the folder ({exc.strerror})",
        ) from None
    engine = db.make_engine(db.normalise_url(url))
    written: list[tuple[Path, int]] = []
    try:
        for table in protocol.PUSH_TABLES:
            with engine.connect() as connection:
                total = connection.execute(
                    select(func.count())
                    .select_from(Record)
                    .where(_R.table_name == table, _R.deleted.is_(False))
                ).scalar_one()
            meter = _Meter(say, table, int(total))
            target = out_dir / f"{table}.{fmt}"
            partial = target.with_name(f".{target.name}.part")
            header, rows = columns(table), _rows(engine, table)
            try:
                if fmt == "csv":
                    count = _write_csv(partial, header, rows, meter)
                else:
                    count = _write_xlsx(partial, table, header, rows, meter)
            except OSError as exc:
                partial.unlink(missing_ok=True)
                raise AdminError(
                    f"{target}: tidak dapat ditulis ({exc.strerror})",
                    f"{target}: cannot be written ({exc.strerror})",
                ) from None
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            os.replace(partial, target)
            meter.tick(count, final=True)
            written.append((target, count))
        written.append(_export_attachments(engine, fmt, out_dir, say))
    finally:
        engine.dispose()
    return written

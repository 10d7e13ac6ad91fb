"""The wilayah tree (kecamatan → kelurahan → RW → RT) and loading area codes from CSV."""

from __future__ import annotations

import logging
from pathlib import Path

from kampung_desktop.core import wilayah as rules
from kampung_desktop.core.ids import new_id, utc_now_iso
from kampung_desktop.core.wilayah_csv import WilayahImportError, parse_csv  # noqa: F401 (API)
from kampung_desktop.paths import resource
from kampung_desktop.services import first_view
from kampung_desktop.services.first_view import AreaNode  # noqa: F401 (re-export)
from kampung_desktop.storage import areas, wilayah_records
from kampung_desktop.storage.changes import record_change
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.models import Wilayah

log = logging.getLogger(__name__)

REFERENCE_CSV = ("wilayah", "wilayah.csv")
REFERENCE_SOURCE = "kemendagri-2025"


def import_rows(
    db: Database, rows: list[tuple[str, str]], source: str, user_id: str | None, queue: bool
) -> tuple[int, int]:
    """Insert new codes and rename changed ones, parents first; returns (added, updated).

    A code whose parent is neither in the file nor in the database is refused, so the tree
    never has orphans. `queue` puts every change in the outbox (user imports do; the shipped
    reference data, which every laptop already has, does not).
    """
    rows = sorted(rows, key=lambda r: (r[0].count("."), r[0]))
    added = updated = 0
    with db.write() as session:
        known = wilayah_records.all_by_kode(session)
        for kode, nama in rows:
            parent = rules.parent_of(kode)
            if parent and parent not in known:
                raise WilayahImportError(
                    f"Kode {kode}: induk {parent} tidak ada / parent {parent} is missing."
                )
            existing = known.get(kode)
            if existing is None:
                record = Wilayah(
                    kode=kode,
                    nama=nama,
                    level=int(rules.level_of(kode)),
                    parent_kode=parent,
                    kelurahan_kode=kode if rules.level_of(kode) == rules.Level.KELURAHAN else None,
                    source=source,
                )
                session.add(record)
                known[kode] = record
                added += 1
                op = "insert"
            elif existing.nama != nama:
                existing.nama, existing.updated_at = nama, utc_now_iso()
                existing.revision += 1
                session.add(existing)
                record, op = existing, "update"
                updated += 1
            else:
                continue
            if queue:
                session.flush()
                record_change(session, "wilayah", record, op, user_id, ["kode", "nama"])
    return added, updated


def import_csv(db: Database, path: Path, user_id: str | None) -> tuple[int, int]:
    from kampung_desktop.services.input_files import InputFileError, read_text

    try:
        text = read_text(Path(path))
    except InputFileError as exc:
        raise WilayahImportError(str(exc)) from None
    added, updated = import_rows(db, parse_csv(text), "import", user_id, queue=True)
    log.info("wilayah imported: %d added, %d updated", added, updated)
    return added, updated


def seed_reference(db: Database) -> int:
    """Load the shipped Kemendagri codes when the table is empty (first start)."""
    with db.raw() as conn:
        if areas.has_areas(conn):
            return 0
    rows = parse_csv(resource(*REFERENCE_CSV).read_text(encoding="utf-8"))
    return import_rows(db, rows, REFERENCE_SOURCE, None, queue=False)[0]


def rt_rows(kelurahan_kode: str, rw: int, rt: int, is_demo: bool) -> list[dict]:
    """Wilayah rows for an RW and an RT under a kelurahan (RT/RW have no Kemendagri code)."""
    now = utc_now_iso()
    base = {"created_at": now, "updated_at": now, "revision": 1, "is_demo": int(is_demo)}
    rw_code = f"{kelurahan_kode}/{rw:03d}"
    return [
        base
        | {
            "id": new_id(),
            "kode": rw_code,
            "nama": f"RW {rw:03d}",
            "level": int(rules.Level.RW),
            "parent_kode": kelurahan_kode,
            "kelurahan_kode": kelurahan_kode,
            "rw": rw,
            "rt": None,
            "source": "demo" if is_demo else "user",
        },
        base
        | {
            "id": new_id(),
            "kode": f"{rw_code}/{rt:03d}",
            "nama": f"RT {rt:03d}",
            "level": int(rules.Level.RT),
            "parent_kode": rw_code,
            "kelurahan_kode": kelurahan_kode,
            "rw": rw,
            "rt": rt,
            "source": "demo" if is_demo else "user",
        },
    ]


def kelurahan_names(db: Database) -> list[tuple[str, str, str, str]]:
    """(kode, kelurahan, kecamatan, kab/kota) of every kelurahan: names only, no counting."""
    with db.raw() as conn:
        return areas.kelurahan_names(conn)


def tree(db: Database) -> list[AreaNode]:
    """Kab/kota roots down to RT, each node with its household count."""
    with db.raw() as conn:
        return first_view.tree(conn)

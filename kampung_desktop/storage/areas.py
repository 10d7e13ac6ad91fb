"""Reads of the wilayah table on a plain connection: the tree's rows, kelurahan names for
pickers and type-ahead, and whether the reference codes are there at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kampung_desktop.core.wilayah import Level
from kampung_desktop.storage import connection

KELURAHAN_LEVEL = int(Level.KELURAHAN)


def has_areas(conn: sqlite3.Connection) -> bool:
    """False on a fresh file: the reference codes are loaded at first start."""
    return conn.execute("SELECT 1 FROM wilayah LIMIT 1").fetchone() is not None


def tree_rows(conn: sqlite3.Connection, down_to: int) -> list[tuple]:
    """(kode, nama, level, parent_kode, kelurahan_kode, rw, rt) from kab/kota down to the
    level `down_to`, parents before children."""
    return conn.execute(
        "SELECT kode, nama, level, parent_kode, kelurahan_kode, rw, rt FROM wilayah "
        "WHERE level >= 2 AND level <= ? ORDER BY level, kode",
        (down_to,),
    ).fetchall()


def kelurahan_names(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """(kode, kelurahan, kecamatan, kab/kota) of every kelurahan: names only, no counting."""
    return conn.execute(
        "SELECT kel.kode, kel.nama, kec.nama, kota.nama FROM wilayah kel "
        "JOIN wilayah kec ON kec.kode = kel.parent_kode "
        "JOIN wilayah kota ON kota.kode = kec.parent_kode "
        "WHERE kel.level = ?",
        (KELURAHAN_LEVEL,),
    ).fetchall()


def kelurahan_by_name(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(kode, nama) of every kelurahan/desa, sorted by name (type-ahead lists)."""
    rows = conn.execute(
        "SELECT kode, nama FROM wilayah WHERE level = ? ORDER BY nama", (KELURAHAN_LEVEL,)
    ).fetchall()
    return [(kode, nama) for kode, nama in rows]


def kelurahan_codes(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT kode FROM wilayah WHERE level = ?", (KELURAHAN_LEVEL,))
    return {r[0] for r in rows}


def kelurahan_codes_of(path: Path, key: bytes | None) -> set[str]:
    """The kelurahan codes in the database file at `path` (read-only; empty without a file or
    a wilayah table), for checks made outside an opened app such as `kampung users add`."""
    if not Path(path).is_file():
        return set()
    conn = connection.connect(path, key, readonly=True)
    try:
        return kelurahan_codes(conn)
    except connection.DATABASE:  # no wilayah table yet (a fresh file)
        return set()
    finally:
        conn.close()


def name_of(conn: sqlite3.Connection, kode: str) -> str | None:
    """The name of any wilayah (kab/kota down to RT) by code; None when the code is unknown."""
    row = conn.execute("SELECT nama FROM wilayah WHERE kode = ?", (kode,)).fetchone()
    return row[0] if row else None


def kelurahan_with_kecamatan(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(kode, kelurahan, kecamatan or "") of every kelurahan."""
    return conn.execute(
        "SELECT kel.kode, kel.nama, coalesce(kec.nama, '') FROM wilayah kel "
        "LEFT JOIN wilayah kec ON kec.kode = kel.parent_kode WHERE kel.level = ?",
        (KELURAHAN_LEVEL,),
    ).fetchall()


def kelurahan_codes_under(conn: sqlite3.Connection, prefix: str) -> list[str]:
    """Codes of the kelurahan under a kab/kota or kecamatan code, sorted."""
    rows = conn.execute(
        "SELECT kode FROM wilayah WHERE level = ? AND kode LIKE ? ORDER BY kode",
        (KELURAHAN_LEVEL, prefix + ".%"),
    )
    return [r[0] for r in rows]

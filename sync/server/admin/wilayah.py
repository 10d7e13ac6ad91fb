"""Area codes on the server: the shipped Kemendagri reference on `init`, other cities by CSV.

Pushes are checked against the server's own wilayah rows (an unknown kelurahan is refused), so a
server without them refuses every household. `kampung server init` therefore loads the reference
that ships with Kampung, and `kampung server wilayah import FILE.csv` adds another city's codes
(`kode,nama`, the same file and rules as `kampung wilayah import` on a laptop). Rows that are
already there unchanged are skipped, so both are safe to repeat.
"""

from __future__ import annotations

from pathlib import Path

from kampung_sync.server import db
from kampung_sync.server.admin import AdminError
from kampung_sync.server.records import write_server_records

from kampung_desktop.core.wilayah import parent_of
from kampung_desktop.core.wilayah_csv import WilayahImportError, parse_csv
from kampung_desktop.paths import resource

REFERENCE_CSV = ("wilayah", "wilayah.csv")


def wilayah_rows(pairs: list[tuple[str, str]]) -> list[dict]:
    """`protocol.WilayahData` rows, parents before children."""
    ordered = sorted(pairs, key=lambda pair: pair[0].count("."))
    return [
        {"kode": kode, "nama": nama, "level": kode.count(".") + 1, "parent_kode": parent_of(kode)}
        for kode, nama in ordered
    ]


def load_wilayah(db_url: str, pairs: list[tuple[str, str]], actor: str) -> int:
    """Write the codes in one transaction; returns how many were new or changed."""
    engine = db.make_engine(db_url)
    try:
        with db.transaction(engine) as session:
            return write_server_records(session, "wilayah", wilayah_rows(pairs), actor=actor)
    finally:
        engine.dispose()


def load_reference(db_url: str) -> int:
    """The Kemendagri codes shipped with Kampung (`resources/wilayah/wilayah.csv`)."""
    text = resource(*REFERENCE_CSV).read_text(encoding="utf-8")
    return load_wilayah(db_url, parse_csv(text), actor="reference")


def import_wilayah(db_url: str, path: Path) -> int:
    """Another city's codes from a `kode,nama` CSV; nothing is written when a line is wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise AdminError(f"{path}: berkas tidak ditemukan", f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AdminError(
            f"{path}: tidak dapat dibaca sebagai CSV UTF-8 ({type(exc).__name__})",
            f"{path}: cannot be read as UTF-8 CSV ({type(exc).__name__})",
        ) from None
    try:
        pairs = parse_csv(text)
    except WilayahImportError as exc:
        raise AdminError(f"{path}: {exc}", f"{path}: nothing imported") from None
    return load_wilayah(db_url, pairs, actor="wilayah-import")

"""`kampung server init` loads the shipped area codes (pushes are checked against them) and
`kampung server wilayah import` adds another city's, all or nothing, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from kampung_sync.server import db
from kampung_sync.server.tables import Record
from server_fixtures import kampung
from sqlalchemy import func, select


def wilayah_count(url: str) -> int:
    engine = db.make_engine(url)
    try:
        with db.transaction(engine) as session:
            query = select(func.count()).where(Record.table_name == "wilayah")
            return int(session.execute(query).scalar_one())
    finally:
        engine.dispose()


def test_init_loads_reference_codes_once(server_db_url: str) -> None:
    first = kampung("server", "init", "--db", server_db_url)
    assert first.returncode == 0, first.stderr
    loaded = wilayah_count(server_db_url)
    assert loaded > 100  # Kota Tangerang and Kota Jambi down to kelurahan
    assert "reference area codes" in first.stdout
    again = kampung("server", "init", "--db", server_db_url)
    assert again.returncode == 0, again.stderr
    assert "0 baru/new" in again.stdout
    assert wilayah_count(server_db_url) == loaded


def test_wilayah_import_all_or_nothing(server_db_url: str, tmp_path: Path) -> None:
    assert kampung("server", "init", "--db", server_db_url).returncode == 0
    before = wilayah_count(server_db_url)
    bad = tmp_path / "bad.csv"
    bad.write_text("kode;nama\n99.01;Kota Contoh\n99.01.xx;Salah\n", encoding="utf-8")
    refused = kampung("server", "wilayah", "import", "--db", server_db_url, str(bad))
    assert refused.returncode == 1
    assert "Baris 3" in refused.stderr and "Traceback" not in refused.stderr
    assert wilayah_count(server_db_url) == before

    good = tmp_path / "good.csv"
    good.write_text("\ufeffkode;nama\n99.01;Kota Contoh\n99.01.01;Kecamatan Satu\n", "utf-8")
    done = kampung("server", "wilayah", "import", "--db", server_db_url, str(good))
    assert done.returncode == 0, done.stderr
    assert "2 baru" in done.stdout
    assert wilayah_count(server_db_url) == before + 2

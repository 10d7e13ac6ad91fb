import json
import sqlite3

from kampung_desktop.cli import main
from kampung_desktop.storage.migrations import LATEST_VERSION


def _rows(data_dir, sql):
    conn = sqlite3.connect(data_dir / "kampung.sqlite3")
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_demo_seed_is_deterministic_and_marked(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    for target in (a, b):
        args = ["demo", "seed", "--data-dir", str(target), "--households", "40", "--seed", "9"]
        assert main(args) == 0
    assert "40 rumah tangga" in capsys.readouterr().out
    people = "SELECT nik, name, sex, birth_date, relationship FROM members ORDER BY nik"
    assert _rows(a, people) == _rows(b, people)
    assert _rows(a, "SELECT count(*) FROM households WHERE is_demo = 0") == [(0,)]
    assert _rows(a, "SELECT count(*) FROM members WHERE is_demo = 0") == [(0,)]
    assert _rows(a, "SELECT count(*) FROM outbox") == [(0,)]  # demo never syncs
    sizes = [n for (n,) in _rows(a, "SELECT member_count FROM households")]
    assert min(sizes) >= 1 and max(sizes) <= 9
    kel = _rows(a, "SELECT DISTINCT kelurahan_kode FROM households")
    assert all(k.startswith("36.71.") for (k,) in kel)
    other = tmp_path / "c"
    main(["demo", "seed", "--data-dir", str(other), "--households", "40", "--seed", "10"])
    assert _rows(other, people) != _rows(a, people)


def test_demo_seed_niks_match_region_sex_and_birth(tmp_path):
    from datetime import date

    from kampung_desktop.core import nik

    main(["demo", "seed", "--data-dir", str(tmp_path), "--households", "60", "--seed", "2"])
    rows = _rows(
        tmp_path,
        "SELECT m.nik, m.sex, m.birth_date, h.kelurahan_kode FROM members m "
        "JOIN households h ON h.id = m.household_id",
    )
    for value, sex, born, kel in rows:
        decoded = nik.info(value, date(2026, 7, 1))
        assert decoded is not None, value
        assert decoded.sex.value == sex
        assert decoded.birth_date.isoformat() == born
        assert decoded.region_code == kel[:8]


def test_seed_if_empty_leaves_existing_data(tmp_path, capsys):
    main(["demo", "seed", "--data-dir", str(tmp_path), "--households", "5"])
    main(["demo", "seed", "--data-dir", str(tmp_path), "--households", "5", "--if-empty"])
    assert _rows(tmp_path, "SELECT count(*) FROM households") == [(5,)]


def test_db_info_reports_version_counts_size_integrity(tmp_path, capsys):
    main(["demo", "seed", "--data-dir", str(tmp_path), "--households", "7"])
    capsys.readouterr()
    assert main(["db", "info", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"schema_version: {LATEST_VERSION}" in out
    assert "integrity_check: ok" in out
    assert "table households: 7" in out
    assert main(["db", "info", "--data-dir", str(tmp_path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["tables"]["households"] == 7 and report["file_size_bytes"] > 0


def test_data_dir_from_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KAMPUNG_DATA_DIR", str(tmp_path / "env"))
    assert main(["demo", "seed", "--households", "1"]) == 0
    assert main(["db", "info"]) == 0
    assert str(tmp_path / "env") in capsys.readouterr().out


def test_wilayah_import_adds_a_city(tmp_path, capsys):
    csv_file = tmp_path / "bogor.csv"
    csv_file.write_text(
        "kode,nama\n32,Jawa Barat\n32.71,Kota Bogor\n32.71.01,Bogor Selatan\n"
        "32.71.01.1001,Mulyaharja\n32.71.01.1002,Pamoyanan\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    assert main(["wilayah", "import", "--data-dir", str(data), str(csv_file)]) == 0
    assert "5 ditambahkan" in capsys.readouterr().out
    assert _rows(
        data, "SELECT nama, level, parent_kode FROM wilayah WHERE kode = '32.71.01.1002'"
    ) == [("Pamoyanan", 4, "32.71.01")]
    assert _rows(data, "SELECT count(*) FROM outbox WHERE entity = 'wilayah'") == [(5,)]
    assert main(["wilayah", "import", "--data-dir", str(data), str(csv_file)]) == 0
    assert "0 ditambahkan" in capsys.readouterr().out


def test_wilayah_import_bad_rows_change_nothing(tmp_path, capsys):
    data = tmp_path / "data"
    bad = tmp_path / "bad.csv"
    bad.write_text("kode,nama\n32,Jawa Barat\n32.7x,Kota Bogor\n", encoding="utf-8")
    assert main(["wilayah", "import", "--data-dir", str(data), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "Baris 3" in err and "32.7x" in err and "\n" not in err.strip()
    assert _rows(data, "SELECT count(*) FROM wilayah WHERE kode LIKE '32%'") == [(0,)]
    orphan = tmp_path / "orphan.csv"
    orphan.write_text("kode,nama\n33.01.01,Tanpa Induk\n", encoding="utf-8")
    assert main(["wilayah", "import", "--data-dir", str(data), str(orphan)]) == 1
    assert "33.01" in capsys.readouterr().err
    assert main(["wilayah", "import", "--data-dir", str(data), str(tmp_path / "none.csv")]) == 1


def test_corrupt_database_gives_one_line_and_no_change(tmp_path, capsys):
    db = tmp_path / "kampung.sqlite3"
    db.write_bytes(b"garbage" * 100)
    assert main(["db", "info", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "rusak" in err and "Traceback" not in err
    assert db.read_bytes() == b"garbage" * 100

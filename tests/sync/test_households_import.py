"""`kampung households import`: the city's registry format, all or nothing, or --skip-invalid."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from kampung_desktop.cli import main
from kampung_desktop.core import nik
from kampung_desktop.core.nik import Sex

KEL = "36.71.09.1001"
HEADER = "kelurahan_kode;rw;rt;alamat;no_kk;nik;nama;jenis_kelamin;tanggal_lahir;hubungan"


def _nik(serial: int, female: bool = False) -> str:
    return nik.compose(
        "367109", Sex.FEMALE if female else Sex.MALE, date(1980, 1, 1 + serial), serial
    )


def _file(tmp_path, lines: list[str], name: str = "registri.csv"):
    path = tmp_path / name
    path.write_text("\ufeff" + "\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def _good(kk: str, serial: int) -> list[str]:
    return [
        f"{KEL};3;4;Jl. Kenanga {serial};{kk};{_nik(serial)};Kepala {serial};L;1980-01-0{1 + serial % 8};Kepala keluarga",
        f"{KEL};3;4;Jl. Kenanga {serial};{kk};{_nik(serial + 10, True)};Istri {serial};P;1980-01-{11 + serial % 8};2",
    ]


def _count(data, sql):
    conn = sqlite3.connect(data / "kampung.sqlite3")
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_import_queues_for_sync_and_is_idempotent(tmp_path, capsys):
    data = tmp_path / "data"
    path = _file(tmp_path, _good("3671091203150001", 1) + _good("3671091203150002", 2))
    assert main(["households", "import", "--data-dir", str(data), str(path)]) == 0
    assert capsys.readouterr().out.strip() == (
        "diimpor / imported: 2 rumah tangga / households (2 baru / new, 0 diperbarui / updated); "
        "4 anggota / members (4 baru / new, 0 diperbarui / updated)"
    )
    assert _count(data, "SELECT count(*) FROM households") == 2
    assert _count(data, "SELECT count(*) FROM members") == 4
    assert _count(data, "SELECT count(*) FROM outbox WHERE status = 'pending'") == 6
    payload = json.loads(
        sqlite3.connect(data / "kampung.sqlite3")
        .execute("SELECT payload FROM outbox WHERE entity = 'households' LIMIT 1")
        .fetchone()[0]
    )
    assert payload["is_demo"] is False and payload["kelurahan_kode"] == KEL
    assert _count(data, "SELECT count(*) FROM household_search WHERE household_search "
                        "MATCH '\"istri\"*'") == 2  # fmt: skip
    # the same file again changes nothing and queues nothing
    assert main(["households", "import", "--data-dir", str(data), str(path)]) == 0
    assert _count(data, "SELECT count(*) FROM households") == 2
    assert _count(data, "SELECT count(*) FROM outbox") == 6


def test_one_bad_row_imports_nothing_and_names_the_line(tmp_path, capsys):
    data = tmp_path / "data"
    bad = _good("3671091203150003", 3)
    bad[1] = bad[1].replace(";P;", ";X;")
    path = _file(tmp_path, _good("3671091203150001", 1) + bad)
    assert main(["households", "import", "--data-dir", str(data), str(path)]) == 1
    err = capsys.readouterr().err
    assert "baris 5" in err and "line 5" in err and "Traceback" not in err
    assert "1 problem; nothing imported (fix it," in err  # not "1 problems"
    assert _count(data, "SELECT count(*) FROM households") == 0

    assert main(["households", "import", "--data-dir", str(data), str(path), "--skip-invalid"]) == 0
    assert _count(data, "SELECT count(*) FROM households") == 1
    rejects = (tmp_path / "registri.ditolak.csv").read_text(encoding="utf-8-sig")
    assert "Istri 3" in rejects and len(rejects.strip().splitlines()) == 3


def test_unknown_kelurahan_is_refused(tmp_path, capsys):
    data = tmp_path / "data"
    lines = [line.replace(KEL, "36.71.09.9999") for line in _good("3671091203150001", 1)]
    path = _file(tmp_path, lines)
    assert main(["households", "import", "--data-dir", str(data), str(path)]) == 1
    assert "36.71.09.9999" in capsys.readouterr().err


def test_digits_other_than_0_to_9_are_refused_by_line_not_crashed_on(tmp_path, capsys):
    """Superscript digits pass `str.isdigit` but not `int()`; full-width ones would be stored."""
    data = tmp_path / "data"
    rows = _good("3671091203150001", 1)
    cases = [
        (rows[0].replace(";3;4;", ";²;4;", 1), "(rw)"),  # RW
        (rows[0].replace(_nik(1), _nik(1)[:6] + "²" + _nik(1)[7:]), "(nik)"),
        (rows[0].replace("3671091203150001", "367109１２03150001"), "(no_kk)"),
    ]
    for line, column in cases:
        path = _file(tmp_path, [line])
        assert main(["households", "import", "--data-dir", str(data), str(path)]) == 1
        err = capsys.readouterr().err
        assert "baris 2" in err and column in err and "tak terduga" not in err, err
    assert _count(data, "SELECT count(*) FROM households") == 0

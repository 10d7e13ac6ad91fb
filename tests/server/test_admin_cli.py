"""`kampung server ...` as a city admin runs it: the real command in a subprocess, on SQLite and
PostgreSQL (names, exit codes, one-line bilingual errors, all-or-nothing imports, exports)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from kampung_sync.registry_file import COLUMNS, household_id
from ops_seed import FORM, KEL_A, app_client, enrol, op, seed_accounts_and_wilayah
from server_fixtures import kampung

KK1, KK2 = "3671012001200001", "3671012001200002"
GOOD = [
    f"{KEL_A};5;3;Jl. Melati 1;{KK1};3671011705800001;Budi;L;1980-05-17;1",
    f"{KEL_A};5;3;Jl. Melati 1;{KK1};3671014302840002;Siti;P;1984-02-03;Istri/suami",
    f"{KEL_A};1;2;Gg. Mawar 7;{KK2};3671011212700004;Wati;P;;Kepala keluarga",
]


def registry(path: Path, rows: list[str]) -> Path:
    path.write_text(";".join(COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def stats(url: str) -> dict:
    done = kampung("server", "stats", "--db", url, "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def one_line_error(done: subprocess.CompletedProcess, code: int, text: str) -> None:
    assert done.returncode == code, (done.stdout, done.stderr)
    assert text in done.stderr and " / " in done.stderr
    assert "Traceback" not in done.stderr


def test_init_and_users(server_db_url: str) -> None:
    for _ in range(2):  # create, then upgrade in place
        assert kampung("server", "init", "--db", server_db_url).returncode == 0
    add = ["server", "user", "add", "--db", server_db_url, "--password-stdin"]
    done = kampung(*add, "--username", "kota", "--role", "admin", stdin="sandi-kota-1\n")
    assert done.returncode == 0 and "kota (admin" in done.stdout
    done = kampung(
        *add,
        "--username",
        "ani",
        "--role",
        "operator",
        "--scope",
        f"{KEL_A},36.71.01.1002",
        stdin="sandi-ani-12\n",
    )
    assert done.returncode == 0 and "36.71.01.1002" in done.stdout
    one_line_error(
        kampung(*add, "--username", "kota", "--role", "admin", stdin="sandi-kota-1\n"),
        1,
        "Username 'kota' is taken",
    )
    one_line_error(
        kampung(*add, "--username", "x", "--role", "enumerator", stdin="sandi-x-1234\n"),
        1,
        "--scope",
    )
    assert stats(server_db_url)["users"] == 2


def test_stats_json_shape(server_db_url: str) -> None:
    seed_accounts_and_wilayah(server_db_url)
    numbers = stats(server_db_url)
    for kind in ("households", "members", "assessments", "award_decisions", "certificates"):
        assert numbers[kind] == 0
    assert numbers["form_versions"] == 1 and numbers["wilayah"] == 5 and numbers["users"] == 4
    assert numbers["receipts"] == {
        "accepted": 0,
        "duplicate": 0,
        "conflict": 0,
        "rejected": 0,
        "total": 0,
    }
    assert numbers["devices"] == {"total": 0, "active": 0, "revoked": 0}
    text = kampung("server", "stats", "--db", server_db_url)
    assert text.returncode == 0 and "households" in text.stdout and "receipts:" in text.stdout


def test_forms_publish(server_db_url: str, tmp_path: Path) -> None:
    assert kampung("server", "init", "--db", server_db_url).returncode == 0
    done = kampung("server", "forms", "publish", "--db", server_db_url, str(FORM))
    assert done.returncode == 0 and "bantar_rt" in done.stdout and "scoring" in done.stdout
    again = kampung("server", "forms", "publish", "--db", server_db_url, str(FORM))
    assert again.returncode == 0 and "already published" in again.stdout
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a workbook")
    one_line_error(
        kampung("server", "forms", "publish", "--db", server_db_url, str(broken)), 1, "form"
    )
    assert stats(server_db_url)["form_versions"] == 1


def test_registry_import_all_or_nothing(server_db_url: str, tmp_path: Path) -> None:
    seed_accounts_and_wilayah(server_db_url)
    bad_nik = GOOD[1].replace("3671014302840002", "3671014302849")
    unknown_kel = GOOD[2].replace(KEL_A, "36.71.09.1009")
    path = registry(tmp_path / "dtks.csv", [GOOD[0], bad_nik, unknown_kel])
    run = ["server", "households", "import", "--db", server_db_url, str(path)]
    done = kampung(*run)
    one_line_error(done, 1, "nothing was imported")
    assert "line 3, column 6 (nik)" in done.stderr
    assert "line 4, column 1 (kelurahan_kode)" in done.stderr
    assert stats(server_db_url)["households"] == 0
    done = kampung(*run, "--skip-invalid")
    assert done.returncode == 0, done.stderr
    assert "0 baru/new" in done.stdout  # KK1 has a bad row, KK2 an unknown kelurahan
    rejects = list(csv.reader((tmp_path / "dtks.ditolak.csv").open(encoding="utf-8-sig")))
    assert [r[0] for r in rejects[1:]] == ["2", "3", "4"]
    path = registry(tmp_path / "dtks.csv", GOOD)
    done = kampung(*run)
    assert done.returncode == 0 and "2 baru/new" in done.stdout and "3 ditulis" in done.stdout
    numbers = stats(server_db_url)
    assert (numbers["households"], numbers["members"]) == (2, 3)
    again = kampung(*run)
    assert "2 tidak berubah/unchanged" in again.stdout and "0 ditulis" in again.stdout


def test_reimport_keeps_field_edits(server_db_url: str, tmp_path: Path) -> None:
    seed_accounts_and_wilayah(server_db_url)
    path = registry(tmp_path / "dtks.csv", GOOD)
    assert (
        kampung("server", "households", "import", "--db", server_db_url, str(path)).returncode == 0
    )
    with app_client(server_db_url) as client:
        field = enrol(client, "enum_a")
        pulled = client.get(
            "/api/v1/pull",
            params={"cursor": 0, "limit": 100},
            headers={"Authorization": f"Bearer {field.token}"},
        ).json()
        house = next(c["data"] for c in pulled["changes"] if c["record_id"] == household_id(KK1))
        edited = {**house, "address": "Jl. Melati 1A (dicek)"}
        [receipt] = field.push([op("households", edited, revision=2, base=1)])
        assert receipt["status"] == "accepted", receipt
    moved = [row.replace("Jl. Melati 1", "Jl. Melati 9") for row in GOOD]
    registry(path, moved)
    done = kampung("server", "households", "import", "--db", server_db_url, str(path))
    assert done.returncode == 0 and "1 dipertahankan" in done.stdout
    with app_client(server_db_url) as client:
        token = enrol(client, "enum_a").token
        pulled = client.get(
            "/api/v1/pull",
            params={"cursor": 0, "limit": 100},
            headers={"Authorization": f"Bearer {token}"},
        ).json()
    house = next(c["data"] for c in pulled["changes"] if c["record_id"] == household_id(KK1))
    assert house["address"] == "Jl. Melati 1A (dicek)"


def test_device_revoke_stops_the_device(server_db_url: str) -> None:
    seed_accounts_and_wilayah(server_db_url)
    with app_client(server_db_url) as client:
        laptop = enrol(client, "enum_a")
        done = kampung("server", "device", "revoke", "--db", server_db_url, laptop.code)
        assert done.returncode == 0 and laptop.device_id in done.stdout
        response = client.get("/api/v1/pull", headers={"Authorization": f"Bearer {laptop.token}"})
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "device_revoked"
    one_line_error(
        kampung("server", "device", "revoke", "--db", server_db_url, "D-none"), 1, "not found"
    )
    assert stats(server_db_url)["devices"] == {"total": 1, "active": 0, "revoked": 1}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export(server_db_url: str, tmp_path: Path, fmt: str) -> None:
    seed_accounts_and_wilayah(server_db_url)
    path = registry(tmp_path / "dtks.csv", GOOD)
    assert (
        kampung("server", "households", "import", "--db", server_db_url, str(path)).returncode == 0
    )
    out = tmp_path / "out"
    done = kampung("server", "export", "--db", server_db_url, "--format", fmt, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "members: 3 / 3" in done.stderr
    files = {
        Path(line.split("\t")[0]).name: int(line.split("\t")[1])
        for line in done.stdout.splitlines()
    }
    assert files[f"households.{fmt}"] == 2 and files[f"members.{fmt}"] == 3
    assert (out / f"members.{fmt}").stat().st_mode & 0o077 == 0  # owner only: NIKs inside
    if fmt == "csv":
        rows = list(csv.DictReader((out / "members.csv").open(encoding="utf-8-sig")))
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(out / "members.xlsx", read_only=True).active
        values = list(sheet.iter_rows(values_only=True))
        rows = [dict(zip(values[0], row, strict=True)) for row in values[1:]]
    assert sorted(str(r["nik"]) for r in rows) == [
        "3671011212700004",
        "3671011705800001",
        "3671014302840002",
    ]
    assert {r["kelurahan"] for r in rows} == {KEL_A}
    one_line_error(
        kampung("server", "export", "--db", server_db_url, "--format", "ods", "--out", str(out)),
        1,
        "unknown format",
    )


def test_bad_database_and_missing_extra(tmp_path: Path) -> None:
    add = ["server", "user", "add", "--db", f"sqlite:///{tmp_path}/u.db", "--password-stdin"]
    one_line_error(kampung(*add, "--username", "x", "--role", "boss", stdin="p\n"), 1, "role")
    one_line_error(kampung(*add, "--username", "x", "--role", "admin", stdin="\n"), 1, "empty")
    one_line_error(kampung("server", "stats", "--db", "nonsense://x"), 2, "not a valid database")
    one_line_error(
        kampung("server", "init", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x"),
        2,
        "cannot open database",
    )
    # Without the server extra: the desktop install says how to add it, nothing else.
    script = (
        "import sys; sys.modules['fastapi'] = None\n"
        "from kampung_desktop.cli import main\n"
        f"sys.exit(main(['server', 'init', '--db', 'sqlite:///{tmp_path}/x.db']))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    one_line_error(done, 3, "pip install 'kampung[server]'")

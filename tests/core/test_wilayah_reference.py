"""Integrity of the shipped Kemendagri area list (resources/wilayah/wilayah.csv).

The expected counts are the table in §1.3 of the domain notes (Kepmendagri 300.2.2-2138/2025);
they are written out here so that a truncated or hand-edited CSV fails loudly.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from kampung_desktop.paths import resource

CODE_RE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.[1-3]\d{3})?)?)?$")

# kab/kota code -> (province code, province name, kab/kota name, {kecamatan: (name, kelurahan)})
CITIES: dict[str, tuple[str, str, str, dict[str, tuple[str, int]]]] = {
    "36.71": (
        "36",
        "Banten",
        "Kota Tangerang",
        {
            "36.71.01": ("Tangerang", 8),
            "36.71.02": ("Jatiuwung", 6),
            "36.71.03": ("Batuceper", 7),
            "36.71.04": ("Benda", 5),
            "36.71.05": ("Cipondoh", 10),
            "36.71.06": ("Ciledug", 8),
            "36.71.07": ("Karawaci", 16),
            "36.71.08": ("Periuk", 5),
            "36.71.09": ("Cibodas", 6),
            "36.71.10": ("Neglasari", 7),
            "36.71.11": ("Pinang", 11),
            "36.71.12": ("Karang Tengah", 7),
            "36.71.13": ("Larangan", 8),
        },
    ),
    "15.71": (
        "15",
        "Jambi",
        "Kota Jambi",
        {
            "15.71.01": ("Telanaipura", 7),
            "15.71.02": ("Jambi Selatan", 5),
            "15.71.03": ("Jambi Timur", 9),
            "15.71.04": ("Pasar Jambi", 4),
            "15.71.05": ("Pelayangan", 6),
            "15.71.06": ("Danau Teluk", 5),
            "15.71.07": ("Kota Baru", 7),
            "15.71.08": ("Jelutung", 7),
            "15.71.09": ("Alam Barajo", 7),
            "15.71.10": ("Danau Sipin", 5),
            "15.71.11": ("Paal Merah", 6),
        },
    ),
}
CITY_TOTALS = {"36.71": (13, 104), "15.71": (11, 68)}


def _parent(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, str]]:
    path = Path(resource("wilayah", "wilayah.csv"))
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        assert next(reader) == ["kode", "nama"]
        return [(row[0], row[1]) for row in reader]


@pytest.fixture(scope="module")
def names(rows: list[tuple[str, str]]) -> dict[str, str]:
    return dict(rows)


def test_every_row_has_two_fields_and_a_clean_name(rows: list[tuple[str, str]]) -> None:
    for code, name in rows:
        assert name and name == name.strip() and "  " not in name, code
        assert not name.lower().startswith(("kec.", "kel.", "kecamatan ", "kelurahan ")), code


def test_codes_match_the_kemendagri_pattern(rows: list[tuple[str, str]]) -> None:
    bad = [code for code, _ in rows if not CODE_RE.match(code)]
    assert bad == []


def test_no_duplicate_codes(rows: list[tuple[str, str]]) -> None:
    dupes = [code for code, n in Counter(code for code, _ in rows).items() if n > 1]
    assert dupes == []


def test_every_parent_exists(rows: list[tuple[str, str]], names: dict[str, str]) -> None:
    orphans = [code for code, _ in rows if (p := _parent(code)) is not None and p not in names]
    assert orphans == []


@pytest.mark.parametrize("city", sorted(CITIES))
def test_city_matches_domain_table(city: str, names: dict[str, str]) -> None:
    prov, prov_name, city_name, kecamatan = CITIES[city]
    assert names[prov] == prov_name
    assert names[city] == city_name

    found_kec = {c for c in names if c.count(".") == 2 and c.startswith(city + ".")}
    found_kel = [c for c in names if c.count(".") == 3 and c.startswith(city + ".")]
    assert found_kec == set(kecamatan)
    assert (len(found_kec), len(found_kel)) == CITY_TOTALS[city]
    # Both cities consist of kelurahan only (unit digit 1), no desa.
    assert all(c.rsplit(".", 1)[1].startswith("1") for c in found_kel)

    per_kec = Counter(_parent(c) for c in found_kel)
    for code, (name, count) in kecamatan.items():
        assert names[code] == name, code
        assert per_kec[code] == count, code


def test_only_the_two_cities_are_shipped(names: dict[str, str]) -> None:
    kabkota = {c for c in names if c.count(".") == 1}
    assert kabkota == set(CITIES)
    assert {c for c in names if "." not in c} == {v[0] for v in CITIES.values()}


def test_numbering_gaps_are_kept(names: dict[str, str]) -> None:
    # Kec. Jambi Selatan runs 1002-1006; a filled-in 1001 would be an invented code.
    assert "15.71.02.1001" not in names
    assert names["15.71.02.1002"] == "Pasir Putih"
    assert names["36.71.06.1004"] == "Tajur"
    assert names["36.71.09.1004"] == "Panunggangan Barat"

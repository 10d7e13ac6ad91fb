"""`kampung demo seed`: deterministic, realistic demo households for training and trials.

Same seed, same people. Every row is marked `is_demo` and none goes to the sync outbox, so demo
data can never reach the city server. Rows are written with executemany in one transaction:
one ORM object per row is about six times slower.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from kampung_desktop.core import nik as nik_rules
from kampung_desktop.core.ids import utc_now_iso
from kampung_desktop.services import demo_names as names
from kampung_desktop.services.wilayah import rt_rows
from kampung_desktop.storage import search
from kampung_desktop.storage.database import Database
from kampung_desktop.storage.households import MEMBER_FIELDS

DEMO_CITY = "36.71"  # Kota Tangerang
_SIZE_WEIGHTS = (8, 15, 22, 22, 15, 9, 5, 2.5, 1.5)  # members 1..9 on one KK
_BATCH = 5000


@dataclass
class SeedReport:
    households: int
    members: int


class _Generator:
    def __init__(self, seed: int, kelurahan: list[str], today: date) -> None:
        self.rng = random.Random(seed)
        self.kelurahan = kelurahan
        self.today = today
        self.nik_serial: dict[str, int] = defaultdict(int)
        self.kk_serial: dict[str, int] = defaultdict(int)
        places, weights = zip(*names.BIRTH_PLACES, strict=True)
        self.places, self.place_weights = places, weights

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def person_name(self, sex: str) -> str:
        rng = self.rng
        first = rng.choice(names.MALE if sex == "L" else names.FEMALE)
        if rng.random() < 0.7:
            second = rng.choice(names.SECOND)
            while sex == "L" and second in names.FEMALE_SECOND:
                second = rng.choice(names.SECOND)
            return f"{first} {second}"
        return first

    def birth(self, min_age: int, max_age: int) -> date:
        days = self.rng.randint(min_age * 365, max_age * 365 + 364)
        return self.today - timedelta(days=days)

    def make_nik(self, region6: str, sex: str, born: date) -> str:
        key = nik_rules.compose(region6, nik_rules.Sex(sex), born, 0)[:12]
        self.nik_serial[key] += 1
        return key + f"{self.nik_serial[key]:04d}"

    def make_kk(self, region6: str) -> str:
        issued = self.birth(0, 15)
        key = f"{region6}{issued:%d%m%y}"
        self.kk_serial[key] += 1
        return key + f"{self.kk_serial[key]:04d}"

    def household(self) -> tuple[dict, list[dict]]:
        rng = self.rng
        kel = rng.choice(self.kelurahan)
        region6 = kel.replace(".", "")[:6]
        size = rng.choices(range(1, 10), weights=_SIZE_WEIGHTS)[0]
        head_sex = "L" if rng.random() < 0.86 else "P"
        head_born = self.birth(24, 78)
        people = [(head_sex, head_born, "1")]
        if size >= 2 and head_sex == "L":
            people.append(("P", head_born + timedelta(days=rng.randint(-800, 2500)), "2"))
        head_age = (self.today - head_born).days // 365
        while len(people) < size:
            kind = rng.random()
            if kind < 0.82 and head_age >= 20:
                youngest = max(0, head_age - 45)
                people.append((rng.choice("LP"), self.birth(youngest, head_age - 19), "3"))
            elif kind < 0.9 and head_age >= 40:
                people.append((rng.choice("LP"), self.birth(0, max(0, head_age - 40)), "5"))
            elif kind < 0.96 and head_age <= 60:
                people.append(
                    (rng.choice("LP"), self.birth(head_age + 18, min(95, head_age + 35)), "6")
                )
            else:
                people.append((rng.choice("LP"), self.birth(18, 60), "8"))
        hid = self.uid()
        members = [
            self.member(hid, i, sex, born, rel, region6)
            for i, (sex, born, rel) in enumerate(people)
        ]
        street = rng.choice(names.STREETS)
        prefix = "Jl." if rng.random() < 0.6 else "Gg."
        house = {
            "id": hid,
            "kelurahan_kode": kel,
            "rw": rng.randint(1, 12),
            "rt": rng.randint(1, 9),
            "address": f"{prefix} {street} No. {rng.randint(1, 120)}",
            "no_kk": self.make_kk(region6),
            "head_name": members[0]["name"],
            "member_count": len(members),
            "status": "aktif",
        }
        return house, members

    def member(self, hid: str, position: int, sex: str, born: date, rel: str, region6: str) -> dict:
        rng = self.rng
        age = (self.today - born).days // 365
        if age < 5:
            education, occupation = "", "0"
        elif age < 19:
            education, occupation = rng.choice(["3", "4", "8", "9"]), "0"
        else:
            education = rng.choices(
                ["3", "8", "13", "15", "18", "19", "23"], [20, 22, 28, 10, 5, 10, 5]
            )[0]
            occupation = rng.choices(
                ["0", "8", "11", "12", "13", "14", "20", "21", "24"],
                [30, 14, 8, 18, 8, 6, 3, 3, 10],
            )[0]
        if age < 17:
            marital = "1"
        elif rel in ("1", "2", "6"):
            marital = rng.choices(["2", "3", "4"], [85, 5, 10])[0] if age > 20 else "2"
        else:
            marital = rng.choices(["1", "2"], [70, 30])[0]
        return {
            "id": self.uid(),
            "household_id": hid,
            "nik": self.make_nik(region6, sex, born),
            "name": self.person_name(sex),
            "sex": sex,
            "birth_place": rng.choices(self.places, self.place_weights)[0],
            "birth_date": born.isoformat(),
            "relationship": rel,
            "marital_status": marital,
            "education": education,
            "occupation": occupation,
            "position": position,
        }


_HOUSEHOLD_COLS = [
    "id",
    "kelurahan_kode",
    "rw",
    "rt",
    "address",
    "no_kk",
    "head_name",
    "member_count",
    "status",
    "created_at",
    "updated_at",
    "revision",
    "is_demo",
]
_STAMP_COLS = ["created_at", "updated_at", "revision", "is_demo"]
# The member columns are the repository's, so the bulk path cannot drift from the ORM path.
_MEMBER_COLS = ["id", "household_id", *MEMBER_FIELDS, *_STAMP_COLS]
_WILAYAH_COLS = [
    "id",
    "kode",
    "nama",
    "level",
    "parent_kode",
    "kelurahan_kode",
    "rw",
    "rt",
    "source",
    "created_at",
    "updated_at",
    "revision",
    "is_demo",
]


def _insert_sql(table: str, cols: list[str], ignore: bool = False) -> str:
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    return f"{verb} INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


def seed(
    db: Database,
    households: int,
    seed_value: int,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SeedReport:
    """Add `households` demo households with members; marks the database as holding demo data."""
    today = today or date(2026, 7, 1)  # fixed so the same seed gives the same ages
    with db.raw() as conn:
        kelurahan = [
            r[0]
            for r in conn.execute(
                "SELECT kode FROM wilayah WHERE level = 4 AND kode LIKE ? ORDER BY kode",
                (DEMO_CITY + ".%",),
            )
        ]
        if not kelurahan:
            raise ValueError("Data wilayah Kota Tangerang belum dimuat / reference data missing")
        gen = _Generator(seed_value, kelurahan, today)
        now = utc_now_iso()
        stamps = (now, now, 1, 1)
        member_total = 0
        conn.execute("PRAGMA synchronous=NORMAL")  # bulk load; FULL again for user edits below
        conn.execute("PRAGMA cache_size=-131072")  # 128 MiB: pages are not spilled and rewritten
        conn.execute("BEGIN IMMEDIATE")
        try:
            start_rowid = conn.execute("SELECT COALESCE(max(rowid), 0) FROM households").fetchone()[
                0
            ]
            areas: set[tuple[str, int, int]] = set()
            rowid = start_rowid
            for offset in range(0, households, _BATCH):
                rows_h, rows_m, rows_s = [], [], []
                for _ in range(min(_BATCH, households - offset)):
                    house, members = gen.household()
                    rowid += 1
                    areas.add((house["kelurahan_kode"], house["rw"], house["rt"]))
                    rows_h.append((rowid, *(house[c] for c in _HOUSEHOLD_COLS[:9]), *stamps))
                    rows_m.extend(
                        tuple(m[c] for c in _MEMBER_COLS[: -len(_STAMP_COLS)]) + stamps
                        for m in members
                    )
                    rows_s.append((rowid, search.document(house, members)))
                conn.executemany(_insert_sql("households", ["rowid", *_HOUSEHOLD_COLS]), rows_h)
                conn.executemany(_insert_sql("members", _MEMBER_COLS), rows_m)
                conn.executemany("INSERT INTO household_search (rowid, body) VALUES (?, ?)", rows_s)
                member_total += len(rows_m)
                if progress:
                    progress(offset + len(rows_h), households)
            area_rows = [r for area in sorted(areas) for r in rt_rows(*area, is_demo=True)]
            conn.executemany(
                _insert_sql("wilayah", _WILAYAH_COLS, ignore=True),
                [tuple(r[c] for c in _WILAYAH_COLS) for r in area_rows],
            )
            conn.execute(
                "INSERT INTO settings (key, value) VALUES ('demo_loaded', '1') "
                "ON CONFLICT(key) DO UPDATE SET value = '1'"
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite already rolled back on a full disk or an I/O error
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.execute("PRAGMA synchronous=FULL")
    return SeedReport(households, member_total)


def household_count(db: Database) -> int:
    with db.raw() as conn:
        return conn.execute("SELECT count(*) FROM households WHERE deleted = 0").fetchone()[0]

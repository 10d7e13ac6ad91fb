"""Demo households, generated a chunk at a time (in worker processes for large seeds).

Chunk k of seed s always holds the same households: its random stream is seeded by (s, k),
ids count up from k × 2^20 under a per-seed prefix (so the primary key indexes grow at their
end), and NIK/KK serials are unique across chunks by construction (chunk + 1, then steps of
SERIAL_STRIDE). So the same seed gives the same people however many are asked for and however
many processes make them, and a larger --households adds only the rest.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import sys
from bisect import bisect_right
from collections import defaultdict, deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from itertools import accumulate, islice

from kampung_desktop.core import nik as nik_rules
from kampung_desktop.services import demo_names as names
from kampung_desktop.storage import search
from kampung_desktop.storage.households import MEMBER_FIELDS

CHUNK = 5000  # households per chunk
SERIAL_STRIDE = 400  # NIK/KK serials stay ≤ 9999 up to 400 chunks (2,000,000 households)
PARALLEL_FROM = 50_000  # fewer households are made in this process
_SIZE_WEIGHTS = (8, 15, 22, 22, 15, 9, 5, 2.5, 1.5)  # members 1..9 on one KK
HOUSE_FIELDS = ("id", "kelurahan_kode", "rw", "rt", "address", "no_kk", "head_name")
HOUSE_FIELDS += ("member_count", "status")
MEMBER_ROW = ("id", "household_id", *MEMBER_FIELDS)
# (household values in HOUSE_FIELDS order, member rows in MEMBER_ROW order, search document)
Made = tuple[tuple, list[tuple], str]


def _cumulative(weights) -> list[float]:  # type: ignore[no-untyped-def]
    return list(accumulate(weights))


_VERSION4, _VARIANT, _VARIANT_MASK = 4 << 76, 1 << 63, (1 << 62) - 1
_SIZE_CUM = _cumulative(_SIZE_WEIGHTS)
_EDUCATION = (["3", "8", "13", "15", "18", "19", "23"], _cumulative([20, 22, 28, 10, 5, 10, 5]))
_OCCUPATION = (
    ["0", "8", "11", "12", "13", "14", "20", "21", "24"],
    _cumulative([30, 14, 8, 18, 8, 6, 3, 3, 10]),
)
_MARRIED = (["2", "3", "4"], _cumulative([85, 5, 10]))
_SINGLE = (["1", "2"], _cumulative([70, 30]))


class Generator:
    """One chunk's households: its own random stream, its own ranges of ids and serials."""

    def __init__(self, seed: int, chunk: int, kelurahan: list[str], today: date) -> None:
        self.rng = random.Random(f"{seed}/{chunk}")
        self.chunk = chunk
        self.kelurahan = kelurahan
        self.today = today
        self.nik_serial: dict[str, int] = defaultdict(int)
        self.kk_serial: dict[str, int] = defaultdict(int)
        places, weights = zip(*names.BIRTH_PLACES, strict=True)
        self.places, self.place_cum = places, _cumulative(weights)
        # What random.choice/randint/choices do, without their per-call set-up: the same
        # numbers from the same seed, several times faster for a million households.
        self._below = self.rng._randbelow
        self._random = self.rng.random
        self._id_prefix = random.Random(seed).getrandbits(16)  # one per seed
        self._id_serial = chunk << 20  # ids count up across chunks too

    def pick(self, seq):  # type: ignore[no-untyped-def]
        return seq[self._below(len(seq))]

    def between(self, low: int, high: int) -> int:
        return low + self._below(high - low + 1)

    def weighted(self, population, cum: list[float]):  # type: ignore[no-untyped-def]
        return population[bisect_right(cum, self._random() * cum[-1], 0, len(cum) - 1)]

    def uid(self) -> str:
        """A version-4 UUID whose leading bits count up: inserted in key order, the primary
        key indexes grow at their end instead of taking a million random inserts."""
        self._id_serial += 1
        low = self.rng.getrandbits(64) & _VARIANT_MASK | _VARIANT  # RFC 4122 variant
        h = f"{(self._id_prefix << 112) | (self._id_serial << 80) | _VERSION4 | low:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def person_name(self, sex: str) -> str:
        first = self.pick(names.MALE if sex == "L" else names.FEMALE)
        if self._random() < 0.7:
            second = self.pick(names.SECOND)
            while sex == "L" and second in names.FEMALE_SECOND:
                second = self.pick(names.SECOND)
            return f"{first} {second}"
        return first

    def birth(self, min_age: int, max_age: int) -> date:
        days = self.between(min_age * 365, max_age * 365 + 364)
        return self.today - timedelta(days=days)

    def serial(self, counts: dict[str, int], key: str) -> str:
        """The key's next serial, unique across chunks: chunk + 1, then + SERIAL_STRIDE."""
        counts[key] += 1
        return f"{self.chunk % SERIAL_STRIDE + 1 + SERIAL_STRIDE * (counts[key] - 1):04d}"

    def make_nik(self, region6: str, sex: str, born: date) -> str:
        key = nik_rules.compose(region6, nik_rules.Sex(sex), born, 0)[:12]
        return key + self.serial(self.nik_serial, key)

    def make_kk(self, region6: str) -> str:
        issued = self.birth(0, 15)
        key = f"{region6}{issued:%d%m%y}"
        return key + self.serial(self.kk_serial, key)

    def household(self) -> tuple[dict, list[dict]]:
        rng, pick = self.rng, self.pick
        kel = pick(self.kelurahan)
        region6 = kel.replace(".", "")[:6]
        size = self.weighted(range(1, 10), _SIZE_CUM)
        head_sex = "L" if rng.random() < 0.86 else "P"
        head_born = self.birth(24, 78)
        people = [(head_sex, head_born, "1")]
        if size >= 2 and head_sex == "L":
            people.append(("P", head_born + timedelta(days=self.between(-800, 2500)), "2"))
        head_age = (self.today - head_born).days // 365
        while len(people) < size:
            kind = rng.random()
            if kind < 0.82 and head_age >= 20:
                youngest = max(0, head_age - 45)
                people.append((pick("LP"), self.birth(youngest, head_age - 19), "3"))
            elif kind < 0.9 and head_age >= 40:
                people.append((pick("LP"), self.birth(0, max(0, head_age - 40)), "5"))
            elif kind < 0.96 and head_age <= 60:
                people.append((pick("LP"), self.birth(head_age + 18, min(95, head_age + 35)), "6"))
            else:
                people.append((pick("LP"), self.birth(18, 60), "8"))
        hid = self.uid()
        members = [
            self.member(hid, i, sex, born, rel, region6)
            for i, (sex, born, rel) in enumerate(people)
        ]
        street = pick(names.STREETS)
        prefix = "Jl." if rng.random() < 0.6 else "Gg."
        house = {
            "id": hid,
            "kelurahan_kode": kel,
            "rw": self.between(1, 12),
            "rt": self.between(1, 9),
            "address": f"{prefix} {street} No. {self.between(1, 120)}",
            "no_kk": self.make_kk(region6),
            "head_name": members[0]["name"],
            "member_count": len(members),
            "status": "aktif",
        }
        return house, members

    def member(self, hid: str, position: int, sex: str, born: date, rel: str, region6: str) -> dict:
        age = (self.today - born).days // 365
        if age < 5:
            education, occupation = "", "0"
        elif age < 19:
            education, occupation = self.pick(["3", "4", "8", "9"]), "0"
        else:
            education = self.weighted(*_EDUCATION)
            occupation = self.weighted(*_OCCUPATION)
        if age < 17:
            marital = "1"
        elif rel in ("1", "2", "6"):
            marital = self.weighted(*_MARRIED) if age > 20 else "2"
        else:
            marital = self.weighted(*_SINGLE)
        return {
            "id": self.uid(),
            "household_id": hid,
            "nik": self.make_nik(region6, sex, born),
            "name": self.person_name(sex),
            "sex": sex,
            "birth_place": self.weighted(self.places, self.place_cum),
            "birth_date": born.isoformat(),
            "relationship": rel,
            "marital_status": marital,
            "education": education,
            "occupation": occupation,
            "position": position,
        }


def make_chunk(seed: int, chunk: int, count: int, kelurahan: list[str], today: date) -> list[Made]:
    """The first `count` households of chunk `chunk`, as rows ready to insert."""
    gen = Generator(seed, chunk, kelurahan, today)
    made = []
    for _ in range(count):
        house, members = gen.household()
        made.append(
            (
                tuple(house[f] for f in HOUSE_FIELDS),
                [tuple(m[f] for f in MEMBER_ROW) for m in members],
                search.document(house, members),
            )
        )
    return made


def processes(total: int) -> int:
    """Worker processes for `total` households: none for small seeds, nor where a spawned
    child could not re-import the program (a frozen installer, code fed on stdin or -c)."""
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if total < PARALLEL_FROM or getattr(sys, "frozen", False) or not path:
        return 0
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def generate(seed: int, total: int, kelurahan: list[str], today: date) -> Iterator[list[Made]]:
    """All `total` households, chunk by chunk in order; large seeds use worker processes
    (a few chunks ahead at most, so memory stays flat while the caller inserts)."""
    jobs = [
        (seed, k, min(CHUNK, total - k * CHUNK), kelurahan, today)
        for k in range(-(-total // CHUNK))
    ]
    workers = processes(total)
    if not workers:
        for job in jobs:
            yield make_chunk(*job)
        return
    # spawn, not fork: the caller may hold threads and a database connection. A worker that
    # dies raises BrokenProcessPool here instead of leaving the seed waiting.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        ahead = iter(jobs)
        waiting = deque(pool.submit(make_chunk, *job) for job in islice(ahead, 2 * workers))
        while waiting:
            made = waiting.popleft().result()
            for job in islice(ahead, 1):
                waiting.append(pool.submit(make_chunk, *job))
            yield made

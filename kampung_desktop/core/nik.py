"""NIK (Nomor Induk Kependudukan) structure checks and what a NIK says about its holder.

A NIK has no check digit, so only its structure can be verified: 16 digits, a known
province/kab-kota prefix, a real birth date (day +40 for women) and a serial that is not 0000.
Every reason a NIK fails is returned, so the form can say exactly what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from kampung_desktop.core.messages import Problem


class Sex(StrEnum):
    MALE = "L"  # laki-laki
    FEMALE = "P"  # perempuan


@dataclass(frozen=True)
class NikInfo:
    """What can be read from a structurally valid NIK."""

    region_code: str  # dotted kecamatan code of first registration, e.g. "36.71.01"
    sex: Sex
    birth_date: date


_SEPARATORS = str.maketrans("", "", " .-\t")


def clean(value: str) -> str:
    """Drop spaces, dots and dashes people type between digit groups."""
    return value.translate(_SEPARATORS)


def is_ascii_digits(text: str) -> bool:
    """Only 0–9: `str.isdigit` also takes full-width, Arabic-Indic and superscript digits
    ("１", "٣", "²"), which no Dukcapil number is written in and `int()` may not read."""
    return text.isascii() and text.isdigit()


@lru_cache(maxsize=4096)
def known_regency_prefix(prefix4: str) -> bool:
    """True when digits 1–4 name a province and kab/kota Dukcapil issues NIKs for."""
    from stdnum import numdb

    parts = numdb.get("id/loc").info(prefix4)
    return len(parts) == 2 and all(props for _code, props in parts)


def birth_date_from_parts(day: int, month: int, yy: int, today: date | None = None) -> date | None:
    """The birth date for day/month/two-digit year, choosing the century that gives age 0–100."""
    today = today or date.today()
    for century in (2000, 1900):
        year = century + yy
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today and today.year - year <= 100:
            return candidate
    return None


def problems(value: str, today: date | None = None) -> list[Problem]:
    """Every structural reason `value` is not a valid NIK; an empty list means it is valid."""
    nik = clean(value or "")
    if not nik:
        return [Problem("nik.empty")]
    if not is_ascii_digits(nik):
        bad = next(ch for ch in nik if not is_ascii_digits(ch))
        return [Problem("nik.not_digits", {"char": bad})]
    if len(nik) != 16:
        return [Problem("nik.length", {"length": len(nik)})]
    found: list[Problem] = []
    if not known_regency_prefix(nik[:4]):
        found.append(Problem("nik.region", {"prefix": f"{nik[:2]}.{nik[2:4]}"}))
    if _birth(nik, today) is None:
        found.append(Problem("nik.birth_date", {"part": nik[6:12]}))
    if nik[12:] == "0000":
        found.append(Problem("nik.serial"))
    return found


def is_valid(value: str, today: date | None = None) -> bool:
    return not problems(value, today)


def _birth(nik: str, today: date | None) -> date | None:
    return _birth_of(nik[6:12], today or date.today())


@lru_cache(maxsize=65536)
def _birth_of(part: str, today: date) -> date | None:
    """Digits 7-12 as a birth date. Cached: the city server checks every NIK of every push
    (45,000 in a fresh laptop's first sync) and people share birthdays."""
    day = int(part[0:2])
    if day > 40:
        day -= 40
    return birth_date_from_parts(day, int(part[2:4]), int(part[4:6]), today)


def info(value: str, today: date | None = None) -> NikInfo | None:
    """Region, sex and birth date encoded in a valid NIK; None when the NIK is not valid."""
    nik = clean(value or "")
    if problems(nik, today):
        return None
    birth = _birth(nik, today)
    assert birth is not None
    sex = Sex.FEMALE if int(nik[6:8]) > 40 else Sex.MALE
    return NikInfo(region_code=f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}", sex=sex, birth_date=birth)


def cross_check(
    value: str, sex: str | None, birth_date: date | None, today: date | None = None
) -> list[Problem]:
    """Warnings when the entered sex or birth date disagree with the NIK (never a block)."""
    decoded = info(value, today)
    if decoded is None:
        return []
    warnings: list[Problem] = []
    if sex and sex != decoded.sex.value:
        label = "perempuan" if decoded.sex is Sex.FEMALE else "laki-laki"
        warnings.append(Problem("nik.sex_mismatch", {"nik_sex": label}, warning=True))
    if birth_date and birth_date != decoded.birth_date:
        warnings.append(
            Problem(
                "nik.birth_mismatch",
                {"nik_date": decoded.birth_date.strftime("%d-%m-%Y")},
                warning=True,
            )
        )
    return warnings


def compose(region6: str, sex: Sex, birth_date: date, serial: int) -> str:
    """Build a NIK from its parts (demo data and tests); `region6` is the undotted kecamatan."""
    day = birth_date.day + (40 if sex is Sex.FEMALE else 0)
    return f"{region6}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"


def mask(value: str) -> str:
    """Show a NIK in lists and prints without exposing it whole (UU 27/2022 least exposure)."""
    nik = clean(value or "")
    if len(nik) != 16:
        return "•" * len(nik)
    return f"{nik[:6]}{'•' * (len(nik) - 10)}{nik[-4:]}"

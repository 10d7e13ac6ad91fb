"""Nomor Kartu Keluarga (No. KK) format check.

Only the composition is known for certain (16 digits, region in digits 1–6), so the check is
structural; the issue-date part (digits 7–12) is not validated because its rule is unconfirmed.
"""

from __future__ import annotations

from kampung_desktop.core.messages import Problem
from kampung_desktop.core.nik import clean, is_ascii_digits, known_regency_prefix


def problems(value: str) -> list[Problem]:
    kk = clean(value or "")
    if len(kk) != 16 or not is_ascii_digits(kk):
        return [Problem("kk.length")]
    found: list[Problem] = []
    if not known_regency_prefix(kk[:4]):
        found.append(Problem("kk.region", {"prefix": f"{kk[:2]}.{kk[2:4]}"}))
    if kk[12:] == "0000":
        found.append(Problem("kk.serial"))
    return found


def is_valid(value: str) -> bool:
    return not problems(value)

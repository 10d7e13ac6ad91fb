"""Indonesian date wording for printed documents ("Jambi, 20 September 2026").

Printed certificates and reports must not depend on the machine's locale (a Windows laptop set to
English would print "September" but "Monday"), so the month and day names live here.
"""

from __future__ import annotations

import datetime as _dt

MONTHS: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
"""Month names, index 0 = Januari."""

DAYS: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
"""Day names in `date.weekday()` order (0 = Senin/Monday)."""

MONTHS_EN: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names for the English UI (same reason: never the machine's locale)."""

DAYS_EN: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

SHORT_MONTHS: tuple[str, ...] = tuple(m[:3] for m in MONTHS[:7]) + (
    "Agu",
    "Sep",
    "Okt",
    "Nov",
    "Des",
)
"""Three-letter Indonesian months for tables (`17 Agu 2026`)."""

SHORT_MONTHS_EN: tuple[str, ...] = tuple(m[:3] for m in MONTHS_EN)


def month_name(month: int) -> str:
    """Indonesian name of month 1–12."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, not {month}")
    return MONTHS[month - 1]


def day_name(day: _dt.date) -> str:
    return DAYS[day.weekday()]


def long_date(day: _dt.date) -> str:
    """`17 Agustus 2025`: day without leading zero, month name, four-digit year."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date_with_day(day: _dt.date) -> str:
    """`Minggu, 17 Agustus 2025`."""
    return f"{day_name(day)}, {long_date(day)}"


def place_and_date(place: str, day: _dt.date) -> str:
    """The dateline of a letter or certificate: `Jambi, 20 September 2026`."""
    place = place.strip()
    return f"{place}, {long_date(day)}" if place else long_date(day)


def parse_long_date(text: str) -> _dt.date:
    """Inverse of `long_date` (case-insensitive), for reading dates back from printed text."""
    parts = text.split()
    if len(parts) != 3:
        raise ValueError(f"not a long Indonesian date: {text!r}")
    day, month, year = parts
    lowered = [m.lower() for m in MONTHS]
    try:
        month_no = lowered.index(month.lower()) + 1
        return _dt.date(int(year), month_no, int(day))
    except ValueError as exc:
        raise ValueError(f"not a long Indonesian date: {text!r}") from exc

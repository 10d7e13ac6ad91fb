"""Dates, times, numbers and money as people read them, in the UI language.

One module for every path (windows, dialogs, PDFs, reports for people) so a table never shows the
machine's locale ("12/1/26 3:51 AM" on a laptop set to US English). Conventions:

    Bahasa Indonesia   17 Agustus 2026 · 17 Agu 2026 · 03.51 · 1.234,5 · Rp50.000
    English            17 August 2026  · 17 Aug 2026 · 03:51 · 1,234.5 · Rp50,000

Times are 24-hour in both languages (no AM/PM: Indonesian offices read 24-hour clocks). Machine
formats (CSV, JSON, the database, the wire) keep ISO dates and a decimal point; they never come
through here. `lang=None` means the language the app currently shows (`core.messages`).
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation

from kampung_desktop.core import dates, messages

Number = int | float | Decimal
_SEPARATORS = {"id": (".", ","), "en": (",", ".")}  # (thousands, decimal)
EMPTY = "–"


def _lang(lang: str | None) -> str:
    chosen = lang or messages.current_language()
    return chosen if chosen in _SEPARATORS else "id"


def long_date(day: _dt.date, lang: str | None = None) -> str:
    """`17 Agustus 2026` / `17 August 2026` (letters, certificates, headings)."""
    months = dates.MONTHS if _lang(lang) == "id" else dates.MONTHS_EN
    return f"{day.day} {months[day.month - 1]} {day.year}"


def long_date_with_day(day: _dt.date, lang: str | None = None) -> str:
    """`Senin, 17 Agustus 2026` / `Monday, 17 August 2026`."""
    names = dates.DAYS if _lang(lang) == "id" else dates.DAYS_EN
    return f"{names[day.weekday()]}, {long_date(day, lang)}"


def short_date(day: _dt.date | None, lang: str | None = None) -> str:
    """`17 Agu 2026` / `17 Aug 2026`: compact for tables, never ambiguous between d/m and m/d."""
    if day is None:
        return ""
    months = dates.SHORT_MONTHS if _lang(lang) == "id" else dates.SHORT_MONTHS_EN
    return f"{day.day} {months[day.month - 1]} {day.year}"


def time_of_day(
    moment: _dt.time | _dt.datetime, lang: str | None = None, seconds: bool = False
) -> str:
    """`03.51` (Indonesian, PUEBI) / `03:51` (English), 24-hour."""
    sep = "." if _lang(lang) == "id" else ":"
    text = f"{moment.hour:02d}{sep}{moment.minute:02d}"
    return f"{text}{sep}{moment.second:02d}" if seconds else text


def local(moment: _dt.datetime) -> _dt.datetime:
    """An aware time in the laptop's local zone; naive times are taken as already local."""
    return moment.astimezone() if moment.tzinfo is not None else moment


def date_time(moment: _dt.datetime | None, lang: str | None = None) -> str:
    """`1 Des 2026 03.51` / `1 Dec 2026 03:51` in local time (tables, logs, status lines)."""
    if moment is None:
        return ""
    moment = local(moment)
    return f"{short_date(moment.date(), lang)} {time_of_day(moment, lang)}"


def parse_iso(text: str | None) -> _dt.datetime | None:
    """A stored ISO timestamp ("Z" allowed), or None when empty or unreadable."""
    if not text:
        return None
    try:
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def iso_date_time(text: str | None, lang: str | None = None) -> str:
    """A stored ISO timestamp for people; unreadable text is shown as stored."""
    moment = parse_iso(text)
    return date_time(moment, lang) if moment is not None else (text or "")


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def number(value: Number | str | None, decimals: int | None = None, lang: str | None = None) -> str:
    """`1.234,5` / `1,234.5`. `decimals=None` keeps the digits as given ("100.00" stays `100,00`)."""
    if value is None or value == "":
        return EMPTY
    try:
        exact = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not exact.is_finite():
        return str(value)
    if decimals is not None:
        exact = exact.quantize(Decimal(1).scaleb(-decimals))
    thousands, point = _SEPARATORS[_lang(lang)]
    sign = "-" if exact < 0 else ""
    whole, _, fraction = f"{abs(exact):f}".partition(".")
    text = _group(whole, thousands)
    return f"{sign}{text}{point}{fraction}" if fraction else f"{sign}{text}"


def integer(value: int | None, lang: str | None = None) -> str:
    """`1.234` / `1,234` (counts)."""
    return number(value, 0, lang)


def money(amount: Number | None, lang: str | None = None) -> str:
    """Rupiah without cents: `Rp50.000` / `Rp50,000`; negative `-Rp50.000`."""
    if amount is None or amount == "":
        return EMPTY
    rounded = Decimal(str(amount)).quantize(Decimal(1))
    sign = "-" if rounded < 0 else ""
    return f"{sign}Rp{number(abs(rounded), 0, lang)}"


def score(value: Number | str | None, lang: str | None = None) -> str:
    """A score with two decimals: `88,89` / `88.89`."""
    return number(value, 2, lang)

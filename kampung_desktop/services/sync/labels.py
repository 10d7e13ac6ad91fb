"""Field names and values of synced records as people read them (the conflict resolver).

A conflict lists the fields two devices changed; the office must recognise them: "Jenis
kelamin: Perempuan", not "sex: P". Labels come from where the app already keeps them: the
field labels, assessment states and program titles (`core.labels`), answer codes
(`core.codes`), and for answers the question and choice labels of
the form version the assessment was made with. Dates follow `core.formats`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import sqlite3
from typing import Any

from kampung_desktop.core import codes, formats
from kampung_desktop.core.labels import PROGRAM_TITLES, field_pair, pick, state_pair
from kampung_desktop.services.review_model import program_of_form
from kampung_desktop.storage import sync_targets

CODE_LISTS: dict[str, codes.CodeList] = {
    "sex": codes.SEX,
    "relationship": codes.RELATIONSHIP,
    "marital_status": codes.MARITAL_STATUS,
    "education": codes.EDUCATION,
    "occupation": codes.OCCUPATION,
}
YES_NO: dict[bool, tuple[str, str]] = {True: ("Ya", "Yes"), False: ("Tidak", "No")}


def field_label(table: str, field: str, lang: str, form: Any = None) -> str:
    """The label of `field` of a record of `table` (an answer's: its question's label)."""
    if table == "assessment_answers" and form is not None:
        node = form.nodes.get(field)
        if node is not None:
            return node.label(lang) or field
    return pick(field_pair(table, field), lang)


def field_value(
    conn: sqlite3.Connection, table: str, field: str, value: Any, lang: str, form: Any = None
) -> str:
    """`value` as people read it: choice and code labels, names of areas, dates in words."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return pick(YES_NO[value], lang)
    if table == "assessment_answers" and form is not None:
        return _answer(form, field, value, lang)
    if field in CODE_LISTS:
        return codes.label(CODE_LISTS[field], str(value), lang)
    if table == "households" and field == "status":
        return codes.label(codes.HOUSEHOLD_STATUS, str(value), lang)
    if table == "assessments" and field == "state":
        return pick(state_pair(str(value)), lang)
    if table == "award_decisions" and field == "program":
        return PROGRAM_TITLES.get(str(value), str(value))
    if field == "kelurahan_kode":
        return _area(conn, str(value))
    if field in ("rw", "rt") and isinstance(value, int):
        return f"{value:03d}"
    if field in ("latitude", "longitude", "score") and isinstance(value, int | float | str):
        return formats.number(value, lang=lang)
    if isinstance(value, str):
        return _date_text(value, lang)
    return str(value)


def _answer(form: Any, field: str, value: Any, lang: str) -> str:
    """An answer's JSON text (as stored) shown with its form's choice labels."""
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    node = form.nodes.get(field)
    if node is None:
        return _plain(value, lang)
    if node.is_select:
        names = value if isinstance(value, list) else str(value).split()
        shown = []
        for name in names:
            choice = node.choice(str(name))
            shown.append(choice.label(lang) if choice is not None else str(name))
        return ", ".join(shown)
    if isinstance(value, bool):
        return pick(YES_NO[value], lang)
    return _plain(value, lang)


def _plain(value: Any, lang: str) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(v, lang) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v, lang)}" for k, v in value.items())
    if isinstance(value, str):
        return _date_text(value, lang)
    if isinstance(value, int | float):
        return formats.number(value, lang=lang)
    return "" if value is None else str(value)


def _date_text(text: str, lang: str) -> str:
    """ISO dates and times stored as text, in words; any other text as it is."""
    if len(text) == 10 and text[4:5] == "-" and text[7:8] == "-":
        try:
            return formats.long_date(_dt.date.fromisoformat(text), lang)
        except ValueError:
            return text
    if len(text) >= 19 and text[4:5] == "-" and text[10:11] == "T":
        moment = formats.parse_iso(text)
        if moment is not None:
            return formats.date_time(moment, lang)
    return text


def record_label(conn: sqlite3.Connection, table: str, record_id: str) -> str:
    """What a person recognises a record by, in no particular language (names, places, form
    titles, program names); the view puts the kind of record in front."""
    row = sync_targets.label_row(conn, table, record_id)
    if row is None:
        return record_id[:8]
    if table == "households":
        rw, rt, address = row
        return f"RW {rw:03d} RT {rt:03d}, {address}"
    if table in ("assessments", "assessment_answers"):
        form_id, title, place, rw, rt = row
        return f"{form_title(form_id, title)} · {place} {_rw_rt(rw, rt)}".rstrip()
    if table == "award_decisions":
        program, year, place, rw, rt = row
        return f"{PROGRAM_TITLES.get(program, program)} {year} · {place} {_rw_rt(rw, rt)}".rstrip()
    return str(row[0])


def form_title(form_id: str, title: str | None) -> str:
    """A program's form by the program's name ("Kampung Bantar"), any other by its title."""
    program = program_of_form(form_id)
    return PROGRAM_TITLES.get(program or "", title or form_id)


def _rw_rt(rw: int | None, rt: int | None) -> str:
    parts = [f"RW {rw:03d}" if rw else "", f"RT {rt:03d}" if rt else ""]
    return " ".join(p for p in parts if p)


def _area(conn: sqlite3.Connection, kode: str) -> str:
    name = sync_targets.area_name(conn, kode)
    return f"{name} ({kode})" if name else kode

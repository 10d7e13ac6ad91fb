"""Read an XLSForm with pyxform: the form JSON plus the spreadsheet row of every element.

pyxform does the spreadsheet work (xlsx and markdown, header aliases, `label::Language (code)`
columns, settings, its own validation); its JSON has no row numbers, so we walk the raw survey
rows alongside the JSON tree to give every element the row a form author will look for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from kampung_desktop.survey.errors import ExpressionError, FormLoadError, LoadProblem

_ROW_RE = re.compile(r"\[row\s*:\s*(\d+)\]")
_SHEET_RE = re.compile(r"'(survey|choices|settings|external_choices|entities)' sheet")
_MISSING_REF_RE = re.compile(
    r"On the '(?P<sheet>\w+)' sheet, the '(?P<column>[^']+)' value is invalid\. Reference "
    r"variables must contain a name from the 'survey' sheet\. Could not find the name "
    r"'(?P<name>[^']*)'"
)
_END_RE = re.compile(r"^end[ _](group|repeat|loop)$", re.IGNORECASE)
#: Sheets only a server or a phone widget reads: loaded with a warning.
IGNORED_SHEETS = ("entities", "osm")


@dataclass
class Workbook:
    """pyxform's JSON of the form, with rows for survey elements and choices."""

    json: dict[str, Any]
    #: Survey rows that start an element, in order: (row number, name, raw type text).
    survey_rows: list[tuple[int, str, str]] = field(default_factory=list)
    #: (list_name, choice name) → row number on the choices sheet.
    choice_rows: dict[tuple[str, str], int] = field(default_factory=dict)
    problems: list[LoadProblem] = field(default_factory=list)
    warnings: list[LoadProblem] = field(default_factory=list)
    #: Rows of the external_choices sheet (choices of `select_one_external`).
    external_choices: list[dict[str, Any]] = field(default_factory=list)


def read_workbook(source: str | PathLike[str] | bytes, file_type: str | None = None) -> Workbook:
    """Parse an .xlsx/.md XLSForm; raises FormLoadError when pyxform cannot read it at all."""
    from pyxform.errors import PyXFormError
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    if isinstance(source, PathLike):
        source = str(source)
    try:
        definition = get_xlsform(source, file_type=file_type)
    except (PyXFormError, OSError, ValueError, KeyError, TypeError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if "not recognized as a supported type" in detail:  # pyxform's words for any garbage
            problem = LoadProblem("survey", 1, "load.not_a_workbook", {})
        else:
            problem = LoadProblem("survey", 1, "load.unreadable", {"detail": detail})
        raise FormLoadError([problem]) from exc

    problems: list[LoadProblem] = []
    warnings = [
        LoadProblem(sheet, 1, "warn.ignored_sheet", {"sheet": sheet})
        for sheet in IGNORED_SHEETS
        if getattr(definition, sheet, None)
    ]

    try:
        form_json = workbook_to_json(
            definition,
            form_name="data",
            fallback_form_name=definition.fallback_form_name or _stem(source),
            warnings=[],
        )
    except PyXFormError as exc:
        raise FormLoadError(problems + [pyxform_problem(str(exc))]) from exc
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        # pyxform itself fails on a few malformed workbooks; say so instead of a traceback.
        detail = f"{type(exc).__name__}: {exc}"[:200]
        raise FormLoadError(
            problems + [LoadProblem("survey", 1, "load.pyxform", {"detail": detail})]
        ) from exc

    book = Workbook(
        json=form_json,
        problems=problems,
        warnings=warnings,
        external_choices=[dict(row) for row in definition.external_choices or []],
    )
    for index, raw_row in enumerate(definition.survey or []):
        row = _lower_keys(raw_row)  # headers are case-insensitive, as pyxform reads them
        kind = str(row.get("type") or row.get("command") or "").strip()
        if not kind or _END_RE.match(kind):
            continue
        name = row.get("name") or row.get("value") or row.get("tag") or ""  # pyxform aliases
        book.survey_rows.append((index + 2, str(name).strip(), kind))
    for index, raw_row in enumerate(definition.choices or []):
        row = _lower_keys(raw_row)
        key = (str(row.get("list_name", "")).strip(), str(row.get("name", "")).strip())
        book.choice_rows.setdefault(key, index + 2)
    return book


def _lower_keys(row: dict[str, Any]) -> dict[str, Any]:
    return {str(key).strip().lower(): value for key, value in row.items()}


def _stem(source: Any) -> str | None:
    if isinstance(source, str) and "\n" not in source and len(source) < 4096:
        return Path(source).stem or None
    return None


def pyxform_problem(text: str) -> LoadProblem:
    """Turn a pyxform error message into a problem with the sheet and row it names."""
    row_match = _ROW_RE.search(text)
    missing = _MISSING_REF_RE.search(text)
    if missing:  # pyxform checks ${name} references first; report it as our own check would
        detail = ExpressionError("expr.unknown_name", name=missing["name"])
        return LoadProblem(
            missing["sheet"],
            int(row_match[1]) if row_match else 1,
            "expr.in_column",
            {"column": missing["column"], "detail": detail},
        )
    sheet_match = _SHEET_RE.search(text)
    detail = _ROW_RE.sub("", text).strip()
    return LoadProblem(
        sheet_match[1] if sheet_match else "survey",
        int(row_match[1]) if row_match else 1,
        "load.pyxform",
        {"detail": detail},
    )

"""Every field a rule file reads exists in its form, with a fitting type and the choice codes used.

A renamed question in an XLSForm would otherwise only show up as "answer missing" when an office
first scores a real assessment.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kampung_desktop.paths import forms_dir
from kampung_desktop.scoring import PROGRAM_FORMS, Rules, load_rules

NUMERIC = {"integer", "decimal", "calculate", "range"}


def _read_form(path: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(field name → XLSForm type, list name → choice names) from the survey and choices sheets."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        survey = _rows(book["survey"])
        choices = _rows(book["choices"]) if "choices" in book.sheetnames else []
    finally:
        book.close()
    types = {
        str(r["name"]).strip(): str(r["type"]).strip()
        for r in survey
        if r.get("name") and r.get("type")
    }
    lists: dict[str, set[str]] = {}
    for row in choices:
        if row.get("list_name") and row.get("name") is not None:
            lists.setdefault(str(row["list_name"]).strip(), set()).add(str(row["name"]).strip())
    return types, lists


def _rows(sheet) -> list[dict]:
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h else "" for h in next(rows)]
    return [dict(zip(header, row, strict=False)) for row in rows]


def _list_name(xls_type: str) -> str | None:
    parts = xls_type.split()
    return parts[1] if len(parts) >= 2 and parts[0] in ("select_one", "select_multiple") else None


@pytest.fixture(params=sorted(PROGRAM_FORMS))
def rules_and_form(request) -> tuple[Rules, dict[str, str], dict[str, set[str]]]:
    rules = load_rules(request.param)
    assert rules.form, f"{rules.source} names no form"
    path = forms_dir() / rules.form
    assert path.exists(), f"{rules.source} names {rules.form}, which forms/ does not ship"
    types, lists = _read_form(path)
    return rules, types, lists


def test_every_referenced_field_exists(rules_and_form):
    rules, types, _ = rules_and_form
    missing = [name for name in rules.fields() if name not in types]
    assert not missing, f"{rules.source} reads fields missing from {rules.form}: {missing}"


def test_field_types_fit_the_indicator_kind(rules_and_form):
    rules, types, _ = rules_and_form
    expected = {
        "choice": ("select_one",),
        "boolean": ("select_one",),
        "checklist": ("select_multiple",),
        "raw": ("select_one", "text", "integer", "decimal", "calculate"),
    }
    for ind in rules.indicators:
        for name in ind.fields:
            base = types[name].split()[0]
            if ind.kind in ("ratio", "number_bands") and not ind.count:
                assert base in NUMERIC, f"{ind.id}: {name} is {types[name]}, not a number"
            elif ind.kind == "number_bands":
                assert base == "select_multiple", f"{ind.id}: {name} is {types[name]}"
            else:
                assert base in expected[ind.kind], f"{ind.id}: {name} is {types[name]}"


def test_choice_codes_exist_in_the_form(rules_and_form):
    rules, types, lists = rules_and_form
    for ind in rules.indicators:
        if ind.kind not in ("choice", "checklist", "boolean", "raw") or ind.field is None:
            continue
        list_name = _list_name(types[ind.field])
        if list_name is None:
            continue
        known = lists.get(list_name, set())
        if ind.kind == "boolean":
            used = {c for c in (*rules.yes, *rules.no) if c in known}
            assert any(c in known for c in rules.yes) and any(c in known for c in rules.no), (
                f"{ind.id}: list {list_name} has no yes/no code among {rules.yes}/{rules.no}"
            )
            assert used
        else:
            codes = set(ind.points) | set(ind.allowed)
            assert codes <= known, (
                f"{ind.id}: codes {sorted(codes - known)} not in list {list_name}"
            )
            if ind.kind == "choice":
                assert known <= set(ind.points), (
                    f"{ind.id}: choices {sorted(known - set(ind.points))} of {list_name} score nothing"
                )

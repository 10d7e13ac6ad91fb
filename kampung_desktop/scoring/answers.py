"""Read answers as the form engine stores them (`forms eval` JSON) into exact values for scoring.

Numbers go through `str()` into `Decimal`, so a JSON 775.6 is 775.6 and not 775.6000000000000227;
that keeps band edges such as 75.5 % exact. Booleans are never numbers here, although Python
treats True as 1: a yes/no answer in a number field is a mistake in the data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from kampung_desktop.scoring.errors import AnswerError

Answers = Mapping[str, Any]


def show(value: Any) -> str:
    """A short, unambiguous rendering of an answer for error messages."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def number(answers: Answers, field: str, indicator: str) -> Decimal | None:
    """The answer of `field` as a non-negative Decimal, or None when unanswered."""
    value = answers.get(field)
    if is_blank(value):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise AnswerError("answer.not_number", field=field, value=show(value))
    try:
        result = Decimal(str(value).strip())
    except InvalidOperation:
        raise AnswerError("answer.not_number", field=field, value=show(value)) from None
    if not result.is_finite():
        raise AnswerError("answer.not_number", field=field, value=show(value))
    if result < 0:
        raise AnswerError("answer.negative", field=field, value=show(value))
    return result


def choice(answers: Answers, field: str) -> str | None:
    """A select_one answer as its choice name; numbers (codes like 1, 2) become their text."""
    value = answers.get(field)
    if is_blank(value):
        return None
    if isinstance(value, (bool, list, dict)):
        raise AnswerError("answer.bad_choice", field=field, value=show(value), known="-")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def choices(answers: Answers, field: str) -> list[str] | None:
    """A select_multiple answer as a list of choice names.

    The form engine gives a JSON list; a space-separated string (how XForms store the same answer)
    is accepted too, so answers exported from ODK/Kobo score the same way.
    """
    value = answers.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.split()
    if not isinstance(value, list) or any(
        isinstance(v, (bool, list, dict)) or v is None for v in value
    ):
        raise AnswerError("answer.not_list", field=field, value=show(value))
    return [str(v).strip() for v in value]


def yes_no(answers: Answers, field: str, yes: tuple[str, ...], no: tuple[str, ...]) -> bool | None:
    """True for a yes answer, False for a no answer, None when unanswered."""
    value = answers.get(field)
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    text = str(int(value) if isinstance(value, float) and value.is_integer() else value)
    text = text.strip().lower()
    if text in yes:
        return True
    if text in no:
        return False
    raise AnswerError("answer.not_yes_no", field=field, value=show(value))

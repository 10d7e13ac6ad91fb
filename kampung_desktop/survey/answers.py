"""Answers between three shapes: JSON (files, autosave), typed Python, and expression values.

JSON shape (what `forms eval` reads and `Interview.answers()` writes): numbers for integer and
decimal, `YYYY-MM-DD` dates, `HH:MM[:SS]` times, a list of choice names for select_multiple,
`"OK"` for acknowledge, `"lat lon [alt [acc]]"` for geopoint, `"lat lon; lat lon; ..."` for
geotrace/geoshape, `YYYY-MM-DDTHH:MM:SS` for dateTime, start and end, a file name for image,
audio, video and file, a list of choice names in order for rank.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from typing import Any

from kampung_desktop.core import geo
from kampung_desktop.survey.model import FormNode
from kampung_desktop.survey.xpath.values import NodeSet, is_empty

_INT_RE = re.compile(r"^\s*[-+]?\d+\s*$")
_DECIMAL_RE = re.compile(r"^\s*[-+]?(\d+([.,]\d*)?|[.,]\d+)\s*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_COMMA_DECIMAL_PAIR = re.compile(r"^\s*(-?\d+,\d+)\s+(-?\d+,\d+)\s*$")
_GEO_SPLIT = re.compile(r"\s*[,;]\s*|\s+")


class BadAnswer(ValueError):
    """The value does not fit the field type; `code` is the message to show."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and raw.strip() == "") or raw == [] or raw == ()


def coerce(node: FormNode, raw: Any) -> Any:
    """The typed answer for `raw` (None when blank); raises BadAnswer when it does not fit."""
    if is_blank(raw):
        return None
    kind = node.type
    if kind == "integer":
        return _integer(raw)
    if kind == "decimal":
        return _decimal(raw)
    if kind == "date":
        return _date(raw)
    if kind == "time":
        return _time(raw)
    if kind in ("datetime", "start", "end"):
        return _datetime(raw)
    if kind == "today":
        return _date(raw)
    if kind == "range":
        return _range(node, raw)
    if kind == "select_one":
        return _choice_name(raw)
    if kind in ("select_multiple", "rank"):
        return _choice_names(raw)
    if kind == "acknowledge":
        return _acknowledge(raw)
    if kind in ("geopoint", "start-geopoint", "background-geopoint"):
        return _geopoint(raw)
    if kind in ("geotrace", "geoshape"):
        return _geoline(raw, closed=kind == "geoshape")
    if kind == "audit":
        if not isinstance(raw, list):
            raise BadAnswer("answer.text")
        return raw
    if isinstance(raw, bool) or not isinstance(raw, str | int | float):
        raise BadAnswer("answer.text")
    return str(raw)


def _integer(raw: Any) -> int:
    if isinstance(raw, bool):
        raise BadAnswer("answer.integer")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and _INT_RE.match(raw):
        return int(raw)
    raise BadAnswer("answer.integer")


def _decimal(raw: Any) -> float:
    if isinstance(raw, bool):
        raise BadAnswer("answer.decimal")
    if isinstance(raw, int | float):
        try:
            number = float(raw)
        except OverflowError:  # an integer too large for a double
            raise BadAnswer("answer.decimal") from None
        if math.isnan(number) or math.isinf(number):
            raise BadAnswer("answer.decimal")
        return number
    if isinstance(raw, str) and _DECIMAL_RE.match(raw):
        return float(raw.strip().replace(",", "."))
    raise BadAnswer("answer.decimal")


def _date(raw: Any) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and _DATE_RE.match(raw.strip()):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            pass
    raise BadAnswer("answer.date")


def _datetime(raw: Any) -> datetime:
    if isinstance(raw, datetime):
        return raw
    if isinstance(raw, date):
        return datetime.combine(raw, time())
    if isinstance(raw, str):
        text = raw.strip().replace(" ", "T", 1)
        try:
            return datetime.fromisoformat(text.removesuffix("Z"))
        except ValueError:
            pass
    raise BadAnswer("answer.datetime")


def range_bounds(node: FormNode) -> tuple[float, float, float]:
    """start, end, step of a range question (XLSForm defaults 1, 10, 1)."""
    values = []
    for key, default in (("start", 1.0), ("end", 10.0), ("step", 1.0)):
        try:
            values.append(float(node.parameters.get(key, default)))
        except ValueError:
            values.append(default)
    return values[0], values[1], values[2]


def _range(node: FormNode, raw: Any) -> int | float:
    start, end, step = range_bounds(node)
    whole = all(v.is_integer() for v in (start, end, step))
    number: int | float = _integer(raw) if whole else _decimal(raw)
    low, high = min(start, end), max(start, end)
    if not low <= number <= high:
        raise BadAnswer("answer.range")
    return number


def _time(raw: Any) -> time:
    if isinstance(raw, time):
        return raw
    match = _TIME_RE.match(raw.strip()) if isinstance(raw, str) else None
    if match:
        try:
            return time(int(match[1]), int(match[2]), int(match[3] or 0))
        except ValueError:
            pass
    raise BadAnswer("answer.time")


def _choice_name(raw: Any) -> str:
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise BadAnswer("answer.text")
    return str(raw).strip()


def _choice_names(raw: Any) -> tuple[str, ...]:
    items = raw.split() if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple):
        raise BadAnswer("answer.text")
    names: list[str] = []
    for item in items:
        name = _choice_name(item)
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _acknowledge(raw: Any) -> str | None:
    if raw is True or (isinstance(raw, str) and raw.strip().lower() in ("ok", "yes", "true", "1")):
        return "OK"
    if raw is False:
        return None
    raise BadAnswer("answer.acknowledge")


def _geopoint(raw: Any) -> tuple[float, ...]:
    parts: list[Any]
    if isinstance(raw, dict):
        lat = raw.get("lat", raw.get("latitude"))
        lon = raw.get("lon", raw.get("lng", raw.get("longitude")))
        parts = [lat, lon] + [raw[k] for k in ("altitude", "accuracy") if k in raw]
    elif isinstance(raw, list | tuple):
        parts = list(raw)
    elif isinstance(raw, str):
        text = raw.strip()
        pair = _COMMA_DECIMAL_PAIR.match(text)  # "-6,2 106,8": Indonesian decimal commas
        if pair:
            parts = [pair[1].replace(",", "."), pair[2].replace(",", ".")]
        else:
            parts = [p for p in _GEO_SPLIT.split(text) if p]
    else:
        raise BadAnswer("answer.geopoint")
    if not 2 <= len(parts) <= 4:
        raise BadAnswer("answer.geopoint")
    try:
        numbers = tuple(float(p) for p in parts)
    except (TypeError, ValueError, OverflowError):
        raise BadAnswer("answer.geopoint") from None
    if any(math.isnan(n) or math.isinf(n) for n in numbers):
        raise BadAnswer("answer.geopoint")
    if not geo.on_earth(numbers[0], numbers[1]):
        raise BadAnswer("answer.geopoint")
    return numbers


def _geoline(raw: Any, *, closed: bool) -> tuple[tuple[float, ...], ...]:
    """`lat lon [alt acc]; lat lon ...` (or a list of points) → points; a shape is closed."""
    items = raw.split(";") if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple):
        raise BadAnswer("answer.geotrace")
    try:
        points = [_geopoint(item) for item in items if not is_blank(item)]
    except BadAnswer:
        raise BadAnswer("answer.geotrace") from None
    if closed and len(points) >= 3 and points[0][:2] != points[-1][:2]:
        points.append(points[0])
    if len(points) < (4 if closed else 2):
        raise BadAnswer("answer.geoshape" if closed else "answer.geotrace")
    return tuple(points)


def _number_text(number: float) -> str:
    return str(int(number)) if number.is_integer() else repr(number)


def expression_value(node: FormNode, typed: Any) -> Any:
    """What `${name}` evaluates to for a typed answer (XForm instance conventions)."""
    if typed is None:
        return ""
    if node.is_multi:
        return " ".join(typed)
    if node.type == "time":
        return _time_text(typed)
    if node.type == "audit":
        return "audit.csv" if typed else ""
    if isinstance(typed, tuple):
        return _geo_text(typed)
    return typed


def _geo_text(typed: tuple[Any, ...]) -> str:
    if typed and isinstance(typed[0], tuple):
        return "; ".join(" ".join(_number_text(n) for n in point) for point in typed)
    return " ".join(_number_text(n) for n in typed)


def _time_text(value: time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def answer_json(node: FormNode, typed: Any) -> Any:
    """A stored typed answer as JSON (the `Interview.answers()` shape)."""
    if typed is None:
        return None
    if node.is_multi:
        return list(typed)
    if isinstance(typed, tuple):
        return _geo_text(typed)
    if node.type == "time":
        return _time_text(typed)
    if isinstance(typed, datetime):
        return typed.isoformat(timespec="seconds")
    if isinstance(typed, date):
        return typed.isoformat()
    return typed


def value_json(node: FormNode, value: Any) -> Any:
    """A cell value (answer or calculation result) as JSON for `forms eval`."""
    if isinstance(value, NodeSet):
        value = value[0] if value else ""
    if is_empty(value):
        return None
    if isinstance(value, float) and math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if node.is_multi and isinstance(value, str):
        return value.split()
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return value

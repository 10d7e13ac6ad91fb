"""The plain functions of the ODK XPath subset: values in, value out.

Functions that need the interview (references, `position(..)`, `indexed-repeat`,
`jr:choice-name`, `today()`, lazy `if()`) are built by the compiler; everything here is pure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from kampung_desktop.survey.xpath.values import (
    NAN,
    NodeSet,
    is_empty,
    to_bool,
    to_date,
    to_num,
    to_str,
)


def _items(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, NodeSet) else (value,)


def _selected(value: Any, choice: Any) -> bool:
    return to_str(choice).strip() in to_str(value).split()


def _count_selected(value: Any) -> int:
    return len(to_str(value).split())


def _selected_at(value: Any, index: Any) -> str:
    parts = to_str(value).split()
    i = to_num(index)
    if isinstance(i, float) and (math.isnan(i) or not i.is_integer()):
        return ""
    i = int(i)
    return parts[i] if 0 <= i < len(parts) else ""


@lru_cache(maxsize=256)
def compile_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _regex(value: Any, pattern: Any) -> bool:
    try:
        return compile_regex(to_str(pattern)).search(to_str(value)) is not None
    except re.error:
        return False


def _concat(*args: Any) -> str:
    return "".join(to_str(item) for arg in args for item in _items(arg))


def _substr(value: Any, start: Any, end: Any = None) -> str:
    text = to_str(value)
    s = to_num(start)
    if isinstance(s, float) and math.isnan(s):
        return ""
    s = max(0, int(s))
    if end is None:
        return text[s:]
    e = to_num(end)
    if isinstance(e, float) and math.isnan(e):
        return ""
    return text[s : int(e)]


def _coalesce(*args: Any) -> Any:
    for arg in args:
        if not is_empty(arg) and not (isinstance(arg, NodeSet) and not arg):
            return arg[0] if isinstance(arg, NodeSet) else arg
    return ""


def _sum(nodes: Any) -> int | float:
    total: int | float = 0
    for item in _items(nodes):
        total += to_num(item)
    return total


def _count(nodes: Any) -> int:
    return len(nodes) if isinstance(nodes, NodeSet) else (0 if is_empty(nodes) else 1)


def _int(value: Any) -> int | float:
    number = to_num(value)
    if math.isnan(number) or math.isinf(number):
        return NAN
    return int(number)


def _round(value: Any, digits: Any = 0) -> int | float:
    number = to_num(value)
    places = to_num(digits)
    if math.isnan(number) or math.isinf(number) or math.isnan(places):
        return NAN
    places = int(places)
    scale = 10**places
    result = math.floor(number * scale + 0.5) / scale  # XPath rounds half up
    return int(result) if places <= 0 else result


def _number(value: Any) -> int | float:
    return to_num(value)


def _boolean_from_string(value: Any) -> bool:
    return to_str(value).strip() in ("true", "1")


def _date(value: Any) -> date | str:
    if isinstance(value, date):
        return value
    parsed = to_date(value)
    return parsed if parsed is not None else ""


def _decimal_date_time(value: Any) -> float:
    if isinstance(value, str):
        try:
            return float(to_num(datetime.fromisoformat(value)))
        except ValueError:
            return NAN
    return float(to_num(value))


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _format_date(value: Any, fmt: Any) -> str:
    when = value if isinstance(value, datetime) else to_date(value)
    if when is None:
        return ""
    out: list[str] = []
    pattern = to_str(fmt)
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "%" and i + 1 < len(pattern):
            code = pattern[i + 1]
            i += 2
            if code == "Y":
                out.append(f"{when.year:04d}")
            elif code == "y":
                out.append(f"{when.year % 100:02d}")
            elif code == "m":
                out.append(f"{when.month:02d}")
            elif code == "n":
                out.append(str(when.month))
            elif code == "b":
                out.append(_MONTHS[when.month - 1])
            elif code == "d":
                out.append(f"{when.day:02d}")
            elif code == "e":
                out.append(str(when.day))
            elif code == "a":
                out.append(_DAYS[when.weekday()])
            elif code in "HMS" and isinstance(when, datetime):
                out.append(
                    f"{getattr(when, {'H': 'hour', 'M': 'minute', 'S': 'second'}[code]):02d}"
                )
            else:
                out.append("%" + code)
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _min(*args: Any) -> int | float:
    values = [to_num(item) for arg in args for item in _items(arg)]
    if not values or any(math.isnan(v) for v in values):
        return NAN
    return min(values)


def _max(*args: Any) -> int | float:
    values = [to_num(item) for arg in args for item in _items(arg)]
    if not values or any(math.isnan(v) for v in values):
        return NAN
    return max(values)


def _join(separator: Any, *args: Any) -> str:
    return to_str(separator).join(to_str(item) for arg in args for item in _items(arg))


def _pow(base: Any, exponent: Any) -> float:
    try:
        return math.pow(to_num(base), to_num(exponent))
    except (OverflowError, ValueError):
        return NAN


def _sqrt(value: Any) -> float:
    number = to_num(value)
    return math.sqrt(number) if number >= 0 else NAN


def _num1(fn: Callable[[float], Any]) -> Callable[[Any], Any]:
    def wrapped(value: Any) -> Any:
        number = to_num(value)
        if math.isnan(number) or math.isinf(number):
            return number
        return fn(number)

    return wrapped


def _substring_before(value: Any, sep: Any) -> str:
    text, s = to_str(value), to_str(sep)
    index = text.find(s)
    return text[:index] if index >= 0 else ""


def _substring_after(value: Any, sep: Any) -> str:
    text, s = to_str(value), to_str(sep)
    index = text.find(s)
    return text[index + len(s) :] if index >= 0 else ""


#: name → (minimum args, maximum args or None for any, implementation)
FUNCTIONS: dict[str, tuple[int, int | None, Callable[..., Any]]] = {
    "selected": (2, 2, _selected),
    "count-selected": (1, 1, _count_selected),
    "selected-at": (2, 2, _selected_at),
    "string-length": (1, 1, lambda value: len(to_str(value))),
    "regex": (2, 2, _regex),
    "concat": (1, None, _concat),
    "join": (2, None, _join),
    "substr": (2, 3, _substr),
    "contains": (2, 2, lambda a, b: to_str(b) in to_str(a)),
    "starts-with": (2, 2, lambda a, b: to_str(a).startswith(to_str(b))),
    "ends-with": (2, 2, lambda a, b: to_str(a).endswith(to_str(b))),
    "substring-before": (2, 2, _substring_before),
    "substring-after": (2, 2, _substring_after),
    "normalize-space": (1, 1, lambda value: " ".join(to_str(value).split())),
    "string": (1, 1, to_str),
    "number": (1, 1, _number),
    "boolean": (1, 1, to_bool),
    "boolean-from-string": (1, 1, _boolean_from_string),
    "not": (1, 1, lambda value: not to_bool(value)),
    "true": (0, 0, lambda: True),
    "false": (0, 0, lambda: False),
    "coalesce": (2, 2, _coalesce),
    "sum": (1, 1, _sum),
    "count": (1, 1, _count),
    "int": (1, 1, _int),
    "round": (1, 2, _round),
    "floor": (1, 1, _num1(lambda n: int(math.floor(n)))),
    "ceiling": (1, 1, _num1(lambda n: int(math.ceil(n)))),
    "abs": (1, 1, _num1(abs)),
    "min": (1, None, _min),
    "max": (1, None, _max),
    "pow": (2, 2, _pow),
    "sqrt": (1, 1, _sqrt),
    "date": (1, 1, _date),
    "decimal-date-time": (1, 1, _decimal_date_time),
    "format-date": (2, 2, _format_date),
}

"""The plain functions of the ODK XPath subset: values in, value out.

Functions that need the interview (references, `position(..)`, `indexed-repeat`,
`jr:choice-name`, `today()`, lazy `if()`) are built by the compiler; everything here is pure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from kampung_desktop.survey.xpath.functions_odk import ODK_FUNCTIONS
from kampung_desktop.survey.xpath.values import (
    NAN,
    NodeSet,
    is_empty,
    to_bool,
    to_date,
    to_datetime,
    to_float,
    to_num,
    to_str,
)


def _items(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, NodeSet) else (value,)


def _selected(value: Any, choice: Any) -> bool:
    """JavaRosa's test: ' ' + value + ' ' contains ' ' + choice + ' ' (choice trimmed)."""
    return f" {to_str(choice).strip()} " in f" {to_str(value)} "


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


def java_int(value: Any) -> int:
    """A number as Java's `(int)` cast makes it: NaN → 0, ±Infinity and overflow clamp."""
    number = to_num(value)
    if number != number:
        return 0
    if number >= 2**31 - 1:
        return 2**31 - 1
    if number <= -(2**31):
        return -(2**31)
    return int(number)


def _substr(value: Any, start: Any, end: Any = None) -> str:
    """JavaRosa's substr: 0-based, a negative position counts from the end, NaN is 0."""
    text = to_str(value)
    length = len(text)
    s = java_int(start)
    e = length if end is None else java_int(end)
    if s < 0:
        s += length
    if e < 0:
        e += length
    e = min(max(0, e), length)
    s = min(max(0, s), length)
    return text[s:e] if s <= e else ""


def _coalesce(*args: Any) -> Any:
    """The first non-empty argument; a node-set counts by its first node (its XPath value)."""
    for arg in args:
        if isinstance(arg, NodeSet):
            arg = arg[0] if arg else ""
        if not is_empty(arg):
            return arg
    return ""


def _sum(nodes: Any) -> int | float:
    """Sum of the numeric values; empty and non-numeric values are skipped (as JavaRosa)."""
    total: int | float = 0
    for item in _items(nodes):
        number = to_num(item)
        if number == number:
            total = add(total, number)
    return total


def add(a: int | float, b: int | float) -> int | float:
    if isinstance(a, int) and isinstance(b, int):
        return a + b
    return to_float(a) + to_float(b)


def _count(nodes: Any) -> int:
    """Nodes in a node-set; a single field (one node, even when empty) counts 1, as in ODK."""
    return len(nodes) if isinstance(nodes, NodeSet) else 1


def _count_non_empty(nodes: Any) -> int:
    return sum(1 for item in _items(nodes) if not is_empty(item))


def _int(value: Any) -> int | float:
    """Truncates toward zero; NaN and ±Infinity are kept (JavaRosa's toInt)."""
    number = to_num(value)
    if math.isnan(number) or math.isinf(number):
        return number
    return int(number)


def _round(value: Any, digits: Any = 0) -> int | float:
    """JavaRosa's round: half away from zero for positives, toward zero for negatives."""
    number = to_float(to_num(value))
    if math.isnan(number) or math.isinf(number):
        return number
    places = java_int(digits)
    if places > 30 or places < -30:
        return NAN
    if places >= 0:
        mode = ROUND_HALF_DOWN if number < 0 else ROUND_HALF_UP
        result = float(Decimal(repr(number)).quantize(Decimal(1).scaleb(-places), rounding=mode))
    else:
        scaled = float(Decimal(repr(number)).scaleb(places))
        result = float(Decimal(math.trunc(scaled + 0.5)).scaleb(-places))
    return int(result) if places <= 0 and abs(result) < 2**53 else result


def _number(value: Any) -> int | float:
    return to_num(value)


def _boolean_from_string(value: Any) -> bool:
    text = to_str(value)
    return text.lower() == "true" or text == "1"


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
    """JavaRosa's date formats: %Y %y %m %n %b %d %e %H %h %M %S %3 %a %W %%."""
    when = to_datetime(value)
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
            elif code in "HMS":
                out.append(
                    f"{getattr(when, {'H': 'hour', 'M': 'minute', 'S': 'second'}[code]):02d}"
                )
            elif code == "h":
                out.append(str(when.hour))
            elif code == "3":
                out.append(f"{when.microsecond // 1000:03d}")
            elif code == "W":
                out.append(str(when.isocalendar()[1]))
            elif code == "%":
                out.append("%")
            else:
                out.append("%" + code)
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _min(*args: Any) -> int | float:
    """The smallest number; empty and non-numeric values are skipped (JavaRosa)."""
    values = [v for arg in args for item in _items(arg) for v in (to_num(item),) if v == v]
    return min(values) if values else NAN


def _max(*args: Any) -> int | float:
    values = [v for arg in args for item in _items(arg) for v in (to_num(item),) if v == v]
    return max(values) if values else NAN


def _join(separator: Any, *args: Any) -> str:
    return to_str(separator).join(to_str(item) for arg in args for item in _items(arg))


def _pow(base: Any, exponent: Any) -> float:
    """Java's Math.pow: overflow is ±Infinity, 0 to a negative power is Infinity."""
    a, b = to_float(to_num(base)), to_float(to_num(exponent))
    if b != b or (a != a and b != 0) or (abs(a) == 1 and math.isinf(b)):
        return NAN  # Java: pow(x, NaN) and pow(±1, ±Infinity) are NaN (Python says 1)
    try:
        return math.pow(a, b)
    except OverflowError:
        odd = b.is_integer() and int(b) % 2 == 1
        return -math.inf if a < 0 and odd else math.inf
    except ValueError:
        if a == 0 and b < 0:
            odd = b.is_integer() and int(b) % 2 == 1
            return math.copysign(math.inf, a) if odd else math.inf
        return NAN


def _sqrt(value: Any) -> float:
    number = to_float(to_num(value))
    return math.sqrt(number) if number >= 0 else NAN


def _num1(fn: Callable[[float], Any]) -> Callable[[Any], Any]:
    def wrapped(value: Any) -> Any:
        number = to_num(value)
        if math.isnan(number) or math.isinf(number):
            return number
        if isinstance(number, int):
            return fn(number)
        return fn(to_float(number))

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
    "count-non-empty": (1, 1, _count_non_empty),
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
    "format-date-time": (2, 2, _format_date),
    "is-selected": (2, 2, _selected),
    **ODK_FUNCTIONS,
}

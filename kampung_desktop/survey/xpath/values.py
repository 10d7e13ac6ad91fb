"""Value coercions of the ODK XPath subset.

Answers keep their type (int, float, str, date, datetime, bool); these functions apply the XPath
1.0 conversion rules to them, with the ODK extension that dates convert to days since 1970-01-01
so `today() - ${dob}` and `${dob} < today()` work as form authors expect. The empty answer is
the empty string, as in an XForm instance.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

EPOCH = date(1970, 1, 1)
_EPOCH_ORDINAL = EPOCH.toordinal()
_NUMBER_RE = re.compile(r"^\s*-?(\d+([.,]\d*)?|[.,]\d+)\s*$")
#: Integers longer than this are read as doubles, as JavaRosa reads every number.
_MAX_INT_DIGITS = 15
_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
NAN = math.nan


class NodeSet(tuple):
    """The values of several nodes (a field referenced from outside its repeat)."""

    __slots__ = ()


def is_empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def to_str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if abs(value) < 1e-12:
            return "0"
        if value.is_integer() and abs(value) < 2**31:
            return str(int(value))
        return java_double(value)
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, NodeSet):
        return to_str(value[0]) if value else ""
    if value is None:
        return ""
    return str(value)


def java_double(value: float) -> str:
    """Java's Double.toString, which JavaRosa prints numbers with: plain decimals from 0.001 up
    to 10 million, else `1.5E-7` / `1.0E10` (shortest digits, as Python's repr finds them)."""
    if 1e-3 <= abs(value) < 1e7:
        text = repr(value)
        return text if "." in text else f"{text}.0"
    sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
    text = "".join(str(d) for d in digits)
    power = len(digits) - 1 + int(exponent)
    return f"{'-' if sign else ''}{text[0]}.{text[1:] or '0'}E{power}"


def to_num(value: Any) -> int | float:
    if isinstance(value, bool):
        return 1 if value else 0
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        if _NUMBER_RE.match(value):
            return parse_number(value.strip().replace(",", "."))
        return NAN
    if isinstance(value, datetime):
        midnight = datetime.combine(value.date(), time(), value.tzinfo)
        return (value.toordinal() - _EPOCH_ORDINAL) + (value - midnight).total_seconds() / 86400
    if isinstance(value, date):
        return value.toordinal() - _EPOCH_ORDINAL
    if isinstance(value, NodeSet):
        return to_num(value[0]) if value else NAN
    return NAN


def parse_number(text: str) -> int | float:
    """A numeric literal: int when short and whole, else a double (huge → Infinity)."""
    if "." in text or len(text.lstrip("-")) > _MAX_INT_DIGITS:
        return float(text)
    return int(text)


def to_float(number: int | float) -> float:
    """float(), with an integer too large for a double as ±Infinity (never OverflowError)."""
    try:
        return float(number)
    except OverflowError:
        return math.inf if number > 0 else -math.inf


def to_datetime(value: Any) -> datetime | None:
    """A datetime from a datetime, date (midnight), ISO text or day number; else None."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, NodeSet):
        return to_datetime(value[0]) if value else None
    if isinstance(value, str) and "T" in value:
        try:
            parsed = datetime.fromisoformat(value.strip().removesuffix("Z"))
            return parsed.replace(tzinfo=None)
        except ValueError:
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value != value or value in (math.inf, -math.inf) or abs(value) > 3_000_000:
            return None
        moment = datetime(1970, 1, 1) + timedelta(days=float(value))
        return moment
    day = to_date(value)
    return datetime.combine(day, time()) if day is not None else None


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    if isinstance(value, NodeSet):
        return len(value) > 0
    return value is not None


def to_date(value: Any) -> date | None:
    """A date (or datetime) from a date, a YYYY-MM-DD string or a day number; None if not one."""
    if isinstance(value, date):
        return value
    if isinstance(value, NodeSet):
        return to_date(value[0]) if value else None
    if isinstance(value, str):
        match = _DATE_RE.match(value)
        if not match:
            return None
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if math.isnan(value) or math.isinf(value):
            return None
        try:
            return date.fromordinal(_EPOCH_ORDINAL + math.floor(value))
        except (ValueError, OverflowError):
            return None
    return None


def _date_key(value: Any) -> float:
    """A value on the day-number scale dates compare on: dates and date texts as days."""
    if isinstance(value, date):
        return float(to_num(value))
    parsed = to_date(value) if isinstance(value, str) else None
    if parsed is not None:
        return float(to_num(parsed))
    return to_float(to_num(value))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def compare(op: str, left: Any, right: Any) -> bool:
    """JavaRosa's comparison: a node-set of one node is its value (so `/data/e = false()` is
    true for an empty field); larger node-sets compare existentially, as XPath 1.0 has it."""
    if isinstance(left, NodeSet) and len(left) <= 1:
        left = left[0] if left else ""
    if isinstance(right, NodeSet) and len(right) <= 1:
        right = right[0] if right else ""
    if isinstance(left, NodeSet) or isinstance(right, NodeSet):
        if isinstance(left, bool) or isinstance(right, bool):
            return _compare_scalar(op, to_bool(left), to_bool(right))
        lefts = left if isinstance(left, NodeSet) else (left,)
        rights = right if isinstance(right, NodeSet) else (right,)
        return any(_compare_scalar(op, a, b) for a in lefts for b in rights)
    return _compare_scalar(op, left, right)


def _compare_scalar(op: str, left: Any, right: Any) -> bool:
    """JavaRosa's order: booleans first, then numbers (dates as day numbers), then text."""
    if op in ("=", "!="):
        if isinstance(left, bool) or isinstance(right, bool):
            a, b = to_bool(left), to_bool(right)
        elif isinstance(left, date) or isinstance(right, date):
            a, b = _date_key(left), _date_key(right)
        elif _is_number(left) or _is_number(right):
            a, b = to_float(to_num(left)), to_float(to_num(right))
        else:
            a, b = to_str(left), to_str(right)
        return (a == b) if op == "=" else (a != b)
    if isinstance(left, date) or isinstance(right, date):
        return _apply(op, _date_key(left), _date_key(right))
    return _apply(op, to_float(to_num(left)), to_float(to_num(right)))


def _apply(op: str, a: Any, b: Any) -> bool:
    if op == "=":
        return a == b
    if op == "!=":
        return a != b
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    return a >= b


def arithmetic(op: str, left: Any, right: Any) -> int | float:
    a, b = to_num(left), to_num(right)
    both_int = isinstance(a, int) and isinstance(b, int)
    if both_int and op in ("+", "-", "*"):
        result = a + b if op == "+" else a - b if op == "-" else a * b
        return result if abs(result) < 2**53 else to_float(result)
    if not both_int:
        a, b = to_float(a), to_float(b)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "div":
        if b == 0:
            if a == 0 or math.isnan(a):
                return NAN
            return math.copysign(math.inf, a)
        try:
            return float(a) / float(b)
        except OverflowError:
            return math.copysign(math.inf, a) * (1 if b > 0 else -1)
    # mod: XPath truncates (the sign follows the dividend), unlike Python's %.
    if both_int:
        if b == 0:
            return NAN
        remainder = abs(a) % abs(b)
        return remainder if a >= 0 else -remainder
    if b == 0 or math.isnan(a) or math.isnan(b) or math.isinf(a):
        return NAN
    return math.fmod(a, b)


def negate(value: Any) -> int | float:
    return -to_num(value)


def is_integral(value: Any) -> bool:
    return _is_number(value) and not math.isnan(value) and float(value).is_integer()

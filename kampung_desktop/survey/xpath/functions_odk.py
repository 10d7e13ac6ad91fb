"""The ODK extension functions beyond XPath 1.0: maths, text, checklists, digests, geometry.

Semantics follow JavaRosa (ODK Collect's engine): maths is Java's `Math` on doubles (NaN and
±Infinity instead of errors), `translate` maps characters one by one, checklists count true
values, `area`/`distance` work on `lat lon [alt acc]` points separated by `;`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
import random
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from kampung_desktop.survey.errors import EvaluationError
from kampung_desktop.survey.xpath.shuffle import seed_of, shuffle
from kampung_desktop.survey.xpath.values import (
    NAN,
    NodeSet,
    to_bool,
    to_datetime,
    to_float,
    to_num,
    to_str,
)

EARTH_RADIUS_M = 6378100.0  # the radius JavaRosa's GeoUtils uses


def _math(fn: Callable[..., float]) -> Callable[..., float]:
    """A Java Math function: arguments as doubles; a domain error is NaN, overflow Infinity."""

    def wrapped(*args: Any) -> float:
        numbers = [to_float(to_num(arg)) for arg in args]
        try:
            return fn(*numbers)
        except ValueError:
            return NAN
        except OverflowError:
            return math.inf

    return wrapped


def _log(value: float) -> float:
    if value == 0:
        return -math.inf
    return math.log(value) if value > 0 else NAN


def _log10(value: float) -> float:
    if value == 0:
        return -math.inf
    return math.log10(value) if value > 0 else NAN


def _items(value: Any) -> tuple[Any, ...]:
    return tuple(value) if isinstance(value, NodeSet) else (value,)


def _flat(args: tuple[Any, ...]) -> list[Any]:
    return [item for arg in args for item in _items(arg)]


def _translate(value: Any, source: Any, target: Any) -> str:
    text, src, dst = to_str(value), to_str(source), to_str(target)
    out = []
    for char in text:
        index = src.find(char)
        if index < 0:
            out.append(char)
        elif index < len(dst):
            out.append(dst[index])
    return "".join(out)


def _checklist(low: Any, high: Any, *factors: Any) -> bool:
    count = sum(1 for item in _flat(factors) if to_bool(item))
    lo, hi = int(to_float(to_num(low)) or 0), int(to_float(to_num(high)) or 0)
    return (lo < 0 or count >= lo) and (hi < 0 or count <= hi)


def _weighted_checklist(low: Any, high: Any, *pairs: Any) -> bool:
    if len(pairs) == 2 and isinstance(pairs[0], NodeSet):
        flags, weights = list(pairs[0]), list(_items(pairs[1]))
    else:
        flags, weights = list(pairs[0::2]), list(pairs[1::2])
    total = sum(to_float(to_num(w)) for f, w in zip(flags, weights, strict=False) if to_bool(f))
    return to_float(to_num(low)) <= total <= to_float(to_num(high))


_DIGESTS = {"MD5": "md5", "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384"}
_DIGESTS["SHA-512"] = "sha512"


def _digest(data: Any, algorithm: Any, encoding: Any = "base64") -> str:
    name = _DIGESTS.get(to_str(algorithm).upper())
    if name is None:
        return ""
    raw = hashlib.new(name, to_str(data).encode("utf-8")).digest()
    if to_str(encoding).lower() == "hex":
        return raw.hex()
    return base64.b64encode(raw).decode("ascii")


def _base64_decode(value: Any) -> str:
    try:
        return base64.b64decode(to_str(value), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return ""


def _points(args: tuple[Any, ...]) -> list[tuple[float, float]]:
    points = []
    for item in _flat(args):
        for part in to_str(item).split(";"):
            numbers = part.split()
            if len(numbers) >= 2:
                try:
                    points.append((float(numbers[0]), float(numbers[1])))
                except ValueError:
                    continue
    return points


def _area(*args: Any) -> float:
    """Area in m² of the polygon (a geoshape, or the points of a repeat) on a sphere."""
    points = _points(args)
    if len(points) < 3:
        return 0.0
    total = 0.0
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:] + points[:1], strict=True):
        total += math.radians(lon2 - lon1) * (
            2 + math.sin(math.radians(lat1)) + math.sin(math.radians(lat2))
        )
    return abs(total * EARTH_RADIUS_M * EARTH_RADIUS_M / 2)


def _distance(*args: Any) -> float:
    """Length in metres along the points (great-circle, haversine)."""
    points = _points(args)
    total = 0.0
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:], strict=False):
        p1, p2 = math.radians(lat1), math.radians(lat2)
        dp, dl = p2 - p1, math.radians(lon2 - lon1)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        total += 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))
    return total


def polygon_area_m2(shape: str) -> float:
    """`area()` of a geoshape's text (for views that show it as it is typed)."""
    return _area(shape)


def trace_length_m(trace: str) -> float:
    """`distance()` of a geotrace's text."""
    return _distance(trace)


def _geofence(point: Any, shape: Any) -> bool:
    """Is the geopoint inside the geoshape? JavaRosa's ray casting on latitude/longitude, over
    the shape's points as given (a geoshape repeats its first point last)."""
    found = _points((point,))
    polygon = _points((shape,))
    if not found or len(polygon) < 3:
        return False
    lat, lon = found[0]
    inside = False
    for (lat1, lon1), (lat2, lon2) in zip(polygon, polygon[1:], strict=False):
        if (lat2 > lat) != (lat1 > lat) and lon < (lon1 - lon2) * (lat - lat2) / (
            lat1 - lat2
        ) + lon2:
            inside = not inside
    return inside


def _randomize(nodes: Any, *seed: Any) -> NodeSet:
    """randomize(nodeset[, seed]): the nodes in JavaRosa's shuffled order (see `shuffle`)."""
    if not isinstance(nodes, NodeSet):
        raise EvaluationError("expr.randomize_nodeset")
    return NodeSet(shuffle(list(nodes), seed_of(seed[0]) if seed else None))


def _date_time(value: Any) -> datetime | str:
    moment = to_datetime(value)
    return moment if moment is not None else ""


def _decimal_time(value: Any) -> float:
    text = to_str(value)
    if isinstance(value, str) and ":" in text and "T" not in text:
        parts = text.split(":")
        try:
            numbers = [float(p.split("+")[0].split("-")[0]) for p in parts[:3]]
        except ValueError:
            return NAN
        while len(numbers) < 3:
            numbers.append(0.0)
        return (numbers[0] * 3600 + numbers[1] * 60 + numbers[2]) / 86400
    moment = to_datetime(value)
    if moment is None:
        return NAN
    return (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400


#: name → (minimum args, maximum args or None, implementation)
ODK_FUNCTIONS: dict[str, tuple[int, int | None, Callable[..., Any]]] = {
    "sin": (1, 1, _math(math.sin)),
    "cos": (1, 1, _math(math.cos)),
    "tan": (1, 1, _math(math.tan)),
    "asin": (1, 1, _math(math.asin)),
    "acos": (1, 1, _math(math.acos)),
    "atan": (1, 1, _math(math.atan)),
    "atan2": (2, 2, _math(math.atan2)),
    "log": (1, 1, _math(_log)),
    "log10": (1, 1, _math(_log10)),
    "exp": (1, 1, _math(math.exp)),
    "exp10": (1, 1, _math(lambda n: math.pow(10.0, n))),
    "pi": (0, 0, lambda: math.pi),
    "translate": (3, 3, _translate),
    "checklist": (2, None, _checklist),
    "weighted-checklist": (2, None, _weighted_checklist),
    "digest": (2, 3, _digest),
    "base64-decode": (1, 1, _base64_decode),
    "area": (1, 1, _area),
    "enclosed-area": (1, 1, _area),
    "distance": (1, None, _distance),
    "geofence": (2, 2, _geofence),
    "randomize": (1, 2, _randomize),
    "date-time": (1, 1, _date_time),
    "decimal-time": (1, 1, _decimal_time),
    "uuid": (0, 1, lambda *length: str(uuid.uuid4())),
    "random": (0, 0, random.random),
    "depend": (1, None, lambda first, *rest: first),
}

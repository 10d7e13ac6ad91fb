"""Coordinate rules: what a latitude/longitude may be, how it is typed, how precisely it is kept.

One set of rules for every path that takes a coordinate (the household dialog, the registry
service, sync records, form geopoints), so none of them accepts latitude 500.

Two ranges on purpose: any point on Earth is a valid geopoint answer (forms are plain ODK, and
the sync protocol must not refuse an old record), but a household registered by a kelurahan in
Indonesia lies inside Indonesia's bounding box; a point outside is a typo or swapped
latitude/longitude, and the clerk is told so instead of saving it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kampung_desktop.core.messages import Problem

#: Any point on Earth (WGS 84 degrees).
LAT_MIN, LAT_MAX = -90.0, 90.0
LON_MIN, LON_MAX = -180.0, 180.0
#: Indonesia's extent with a small margin: Pulau Rote ≈ 11.0° S to Sabang ≈ 6.1° N,
#: Sabang ≈ 95.0° E to Merauke ≈ 141.0° E.
INDONESIA_LAT = (-11.5, 6.5)
INDONESIA_LON = (94.5, 141.5)
LABELS = {"latitude": ("Lintang", "Latitude"), "longitude": ("Bujur", "Longitude")}
EXAMPLES = {"latitude": "-6.1783", "longitude": "106.6319"}
#: Decimal places kept: 6 places ≈ 0.11 m, finer than any phone GPS fix.
PRECISION = 6

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
# "lat, lon" as maps apps copy it; ";" or white space also separate the two numbers.
_PAIR_SEPARATORS = (re.compile(r"\s*;\s*"), re.compile(r",\s+"), re.compile(r"\s+"))


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


def parse_number(text: str) -> float | None:
    """A coordinate as typed ('-6.1783', or '-6,1783' with a decimal comma); None when it is
    not a plain finite decimal number (no 'nan', 'inf' or exponents)."""
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    value = float(text.replace(",", "."))
    return value if math.isfinite(value) else None


def parse_pair(text: str) -> Point | None:
    """'lat, lon' (or 'lat lon', 'lat; lon', decimal commas allowed as '-6,17 106,63') as one
    point; None when the text is not exactly two numbers."""
    text = text.strip()
    for separator in _PAIR_SEPARATORS:
        parts = separator.split(text)
        if len(parts) == 2:
            lat, lon = parse_number(parts[0]), parse_number(parts[1])
            if lat is not None and lon is not None:
                return Point(lat, lon)
    if text.count(",") == 1 and "." in text:  # '-6.1783,106.6319'
        return parse_pair(text.replace(",", ", "))
    return None


def on_earth(latitude: float, longitude: float) -> bool:
    """A real point on Earth: finite, latitude -90..90, longitude -180..180."""
    return (
        math.isfinite(latitude)
        and math.isfinite(longitude)
        and LAT_MIN <= latitude <= LAT_MAX
        and LON_MIN <= longitude <= LON_MAX
    )


def in_indonesia(latitude: float, longitude: float) -> bool:
    return (
        INDONESIA_LAT[0] <= latitude <= INDONESIA_LAT[1]
        and INDONESIA_LON[0] <= longitude <= INDONESIA_LON[1]
    )


def rounded(value: float | None) -> float | None:
    """The coordinate as it is stored: PRECISION decimal places."""
    return None if value is None else round(value, PRECISION)


def household_problems(latitude: float | None, longitude: float | None) -> dict[str, list[Problem]]:
    """Field ('latitude'/'longitude') → problems of a household's location (both or neither)."""
    if latitude is None and longitude is None:
        return {}
    if latitude is None or longitude is None:
        missing = "latitude" if latitude is None else "longitude"
        return {missing: [Problem("geo.pair_incomplete")]}
    found: dict[str, list[Problem]] = {}
    lat_ok = math.isfinite(latitude) and INDONESIA_LAT[0] <= latitude <= INDONESIA_LAT[1]
    lon_ok = math.isfinite(longitude) and INDONESIA_LON[0] <= longitude <= INDONESIA_LON[1]
    if not lat_ok and not lon_ok and in_indonesia(longitude, latitude):
        return {"latitude": [Problem("geo.swapped")], "longitude": [Problem("geo.swapped")]}
    if not lat_ok:
        found["latitude"] = [Problem("geo.latitude", _limits(INDONESIA_LAT))]
    if not lon_ok:
        found["longitude"] = [Problem("geo.longitude", _limits(INDONESIA_LON))]
    return found


def typed_problems(latitude: str, longitude: str) -> dict[str, list[Problem]]:
    """Field → problems of a location as typed in two fields: a text that is no number first,
    then the household rules (both or neither, inside Indonesia, not swapped)."""
    texts = {"latitude": latitude.strip(), "longitude": longitude.strip()}
    values = {name: parse_number(text) if text else None for name, text in texts.items()}
    found = {
        name: [Problem("geo.not_number", {"field": LABELS[name], "example": EXAMPLES[name]})]
        for name, text in texts.items()
        if text and values[name] is None
    }
    return found or household_problems(values["latitude"], values["longitude"])


def as_text(value: float | None) -> str:
    """A stored coordinate as a form shows it (PRECISION decimals, a point); '' for none."""
    return "" if value is None else f"{value:.{PRECISION}f}"


def _limits(bounds: tuple[float, float]) -> dict[str, str]:
    return {"low": f"{bounds[0]:g}", "high": f"{bounds[1]:g}"}

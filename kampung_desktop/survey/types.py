"""XLSForm question types → the engine's types, including every legacy alias pyxform accepts.

pyxform keeps the type as written (`add text prompt`, `phone number`, `get start time`, ...) in
its JSON and describes each one in its question type dictionary (XForm control tag, bind type,
preload). Reading that dictionary, instead of copying a list, keeps every alias pyxform knows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: pyxform JSON types that are not in its question dictionary, or that we read differently.
_DIRECT = {
    "text": "text",
    "string": "text",
    "integer": "integer",
    "int": "integer",
    "decimal": "decimal",
    "date": "date",
    "time": "time",
    "dateTime": "datetime",
    "datetime": "datetime",
    "select one": "select_one",
    "select all that apply": "select_multiple",
    "select one external": "select_one",
    "rank": "rank",
    "note": "note",
    "calculate": "calculate",
    "acknowledge": "acknowledge",
    "trigger": "acknowledge",
    "hidden": "hidden",
    "audit": "audit",
    "instanceID": "instanceID",
    "start-geopoint": "start-geopoint",
    "background-geopoint": "background-geopoint",
    "background-audio": "background-audio",
    "group": "group",
    "repeat": "repeat",
    "loop": "group",
    "range": "range",
}
#: bind type → engine type for controls that take an answer.
_BIND_TYPES = {
    "string": "text",
    "int": "integer",
    "decimal": "decimal",
    "date": "date",
    "time": "time",
    "dateTime": "datetime",
    "geopoint": "geopoint",
    "geotrace": "geotrace",
    "geoshape": "geoshape",
    "barcode": "barcode",
}
_MEDIA = {"image": "image", "audio": "audio", "video": "video", "application": "file"}
#: Declarations of external data files (not questions): `csv-external`, `xml-external`.
EXTERNAL_TYPES = frozenset({"csv-external", "xml-external"})
#: Types a desktop cannot offer at all: type → the feature named in the refusal (ODK's OSM
#: tagging widget is the OpenMapKit Android app).
UNAVAILABLE = {"osm": "OpenStreetMap (osm)"}
#: Types this application does not offer yet (a desktop could): named as such.
NOT_YET: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Resolved:
    kind: str | None
    #: A constraint (and hint) the legacy type implies, e.g. `phone number`, `percentage`.
    constraint: str | None = None
    hint: str | None = None


def resolve(json_type: str) -> Resolved:
    """The engine type of a pyxform JSON type; kind None when unknown or unavailable."""
    if json_type in _DIRECT:
        return Resolved(_DIRECT[json_type])
    if json_type in EXTERNAL_TYPES or json_type in UNAVAILABLE or json_type in NOT_YET:
        return Resolved(None)
    from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

    spec: dict[str, Any] = QUESTION_TYPE_DICT.get(json_type) or {}
    bind = spec.get("bind") or {}
    control = spec.get("control") or {}
    constraint = bind.get("constraint")
    hint = spec.get("hint")
    preload = bind.get("jr:preload")
    if preload in ("timestamp", "date", "property"):
        param = str(bind.get("jr:preloadParams", "")).removeprefix("uri:")
        return Resolved(param or None)
    tag = control.get("tag")
    if tag == "upload":
        media = str(control.get("mediatype", "")).split("/")[0]
        return Resolved(_MEDIA.get(media))
    if tag == "select1":
        return Resolved("select_one")
    if tag == "select":
        return Resolved("select_multiple")
    if tag == "trigger":
        return Resolved("acknowledge")
    if not control and bind.get("type") == "string":
        return Resolved("calculate")
    if tag == "input" and bind.get("readonly") == "true()":
        return Resolved("note")
    kind = _BIND_TYPES.get(str(bind.get("type")))
    return Resolved(kind, constraint, hint)

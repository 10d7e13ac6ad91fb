"""A form's media files: CSV, XML and GeoJSON choice lists and lookup tables.

ODK tools keep them next to the form (or in `<form>-media/`) and ship them with each form
version; `select_one_from_file`, `pulldata()` and `instance('name')/root/item[...]` read them.
Each file is parsed once, on first use, into rows (column → text) — the one shape all three
readers share. A file that cannot be parsed reads as having no rows, never as a crash.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from kampung_desktop.survey.model import Choice, language_code

MEDIA_SUFFIXES = (".csv", ".xml", ".geojson")
Row = dict[str, str]


class Media:
    """Media files by file name (`cities.csv`); rows are parsed lazily and cached."""

    def __init__(self, files: dict[str, bytes | Path]) -> None:
        self._files = dict(files)
        self._rows: dict[str, list[Row] | None] = {}
        self._documents: dict[str, ElementTree.Element | None] = {}

    @classmethod
    def beside(cls, form_path: Path) -> Media:
        """The media files next to a form file and in its `<stem>-media` folder."""
        files: dict[str, bytes | Path] = {}
        try:
            if not form_path.is_file():
                return cls(files)
            for folder in (form_path.parent, form_path.parent / f"{form_path.stem}-media"):
                if folder.is_dir():
                    for path in folder.iterdir():
                        if path.suffix.lower() in MEDIA_SUFFIXES and path.is_file():
                            files.setdefault(path.name, path)
        except (OSError, ValueError):
            pass
        return cls(files)

    @property
    def names(self) -> list[str]:
        return sorted(self._files)

    def content(self, name: str) -> bytes | None:
        source = self._files.get(name)
        if isinstance(source, Path):
            try:
                return source.read_bytes()
            except OSError:
                return None
        return source

    def rows(self, name: str) -> list[Row] | None:
        """The rows of `name` (a file name, or an instance id without extension); None if absent."""
        if name not in self._files:
            name = next((n for n in self._files if Path(n).stem == name), name)
        if name not in self._rows:
            data = self.content(name)
            self._rows[name] = None if data is None else _parse(name, data)
        return self._rows[name]

    def document(self, name: str) -> ElementTree.Element | None:
        """The element tree of an XML file (`instance('name')` reads it whole, attributes and
        all, as JavaRosa does); None for other files, absent ones and XML that cannot be read."""
        if name not in self._files:
            name = next((n for n in self._files if Path(n).stem == name), name)
        if Path(name).suffix.lower() != ".xml":
            return None
        if name not in self._documents:
            data = self.content(name)
            try:
                tree = None if data is None else ElementTree.fromstring(data)
            except ElementTree.ParseError:
                tree = None
            self._documents[name] = tree
        return self._documents[name]

    def choices(self, name: str, parameters: dict[str, Any]) -> tuple[Choice, ...] | None:
        rows = self.rows(name)
        if rows is None:
            return None
        value_key = str(parameters.get("value") or "name")
        label_key = str(parameters.get("label") or "label")
        out = []
        for index, row in enumerate(rows):
            labels = {
                language_code(key.split("::", 1)[1]): text
                for key, text in row.items()
                if key.startswith(f"{label_key}::") and text
            }
            if not labels and row.get(label_key):
                labels = {"default": row[label_key]}
            columns = {k: v for k, v in row.items() if k != value_key}
            out.append(Choice(row.get(value_key, ""), labels, columns, index + 2))
        return tuple(out)

    def pulldata(self, instance: str, column: str, key_column: str, key: str) -> str:
        """The `column` of the first row whose `key_column` equals `key` (ODK's pulldata)."""
        for row in self.rows(instance) or ():
            if row.get(key_column) == key:
                return row.get(column, "")
        return ""


def _parse(name: str, data: bytes) -> list[Row]:
    text = data.decode("utf-8-sig", errors="replace")
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".csv":
            return [{k.strip(): (v or "") for k, v in row.items() if k} for row in _csv(text)]
        if suffix == ".xml":
            return _xml(text)
        if suffix == ".geojson":
            return _geojson(text)
    except (ValueError, ElementTree.ParseError, csv.Error, AttributeError, TypeError):
        return []
    return []


def _csv(text: str) -> list[dict[str, str]]:
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def _xml(text: str) -> list[Row]:
    """`<root><item><name/><label/>...</item></root>`: every element with child elements; an
    item's attributes are columns `@name` (a choice filter may read `@kind`)."""
    root = ElementTree.fromstring(text)
    items = [el for el in root.iter() if len(el) and all(len(child) == 0 for child in el)]
    return [
        {
            **{"@" + _local(k): v for k, v in item.attrib.items()},
            **{_local(child.tag): (child.text or "").strip() for child in item},
        }
        for item in items
    ]


def _local(tag: str) -> str:
    """`{uri}name` (ElementTree's namespaced name) → `name`."""
    return tag.rsplit("}", 1)[-1]


def _geojson(text: str) -> list[Row]:
    """Features → rows: `id` (or properties.id) is the name, `title` the label (as ODK)."""
    features = json.loads(text).get("features") or []
    rows = []
    for feature in features:
        props = {str(k): _text(v) for k, v in (feature.get("properties") or {}).items()}
        name = props.get("id") or _text(feature.get("id"))
        geometry = feature.get("geometry") or {}
        row = {**props, "name": name, "label": props.get("title", name)}
        coordinates = geometry.get("coordinates")
        if geometry.get("type") == "Point" and isinstance(coordinates, list):
            row["geometry"] = f"{coordinates[1]} {coordinates[0]} 0 0"
        rows.append(row)
    return rows


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)

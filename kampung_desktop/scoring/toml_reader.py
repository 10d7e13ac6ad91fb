"""Typed access to one TOML table that reports mistakes by file and key path.

Rule files are edited by hand at city offices; a typo in a key must be an error that says which
key in which file, not a rule that silently does nothing. Every table read through `Table` checks
that it holds no keys other than those the schema reads (`Table.done`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from kampung_desktop.scoring.errors import RulesError

_TYPE_NAMES = {
    str: ("teks", "text"),
    bool: ("true/false", "true/false"),
    int: ("bilangan bulat", "a whole number"),
    dict: ("tabel", "a table"),
    list: ("daftar", "a list"),
}


def _type_name(value: Any) -> str:
    return {
        str: "text",
        bool: "boolean",
        int: "integer",
        float: "number",
        dict: "table",
        list: "list",
    }.get(type(value), type(value).__name__)


class Table:
    """One table of a rule file, at `path` (e.g. `indicators[1a]`), inside file `source`."""

    def __init__(self, data: Any, source: str, path: str, allowed: tuple[str, ...]) -> None:
        self.source = source
        self.path = path
        self.allowed = allowed
        if not isinstance(data, dict):
            raise self.type_error(None, "tabel", "a table", data)
        self.data: dict[str, Any] = data
        unknown = [k for k in data if k not in allowed]
        if unknown:
            raise RulesError(
                "rules.unknown_key",
                source=source,
                key=self.key(unknown[0]),
                allowed=", ".join(allowed),
            )

    def key(self, name: str | None) -> str:
        if name is None:
            return self.path
        return f"{self.path}.{name}" if self.path else name

    def type_error(
        self, name: str | None, expected_id: str, expected_en: str, value: Any
    ) -> RulesError:
        return RulesError(
            "rules.type",
            source=self.source,
            key=self.key(name),
            expected_id=expected_id,
            expected_en=expected_en,
            got=_type_name(value),
        )

    def value_error(self, name: str | None, detail_id: str, detail_en: str) -> RulesError:
        return RulesError(
            "rules.value",
            source=self.source,
            key=self.key(name),
            detail_id=detail_id,
            detail_en=detail_en,
        )

    def has(self, name: str) -> bool:
        return name in self.data

    def _get(self, name: str, required: bool) -> Any:
        if name not in self.data:
            if required:
                raise RulesError("rules.missing_key", source=self.source, key=self.key(name))
            return None
        return self.data[name]

    def _typed(self, name: str, kind: type, required: bool) -> Any:
        value = self._get(name, required)
        if value is None:
            return None
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            raise self.type_error(name, *_TYPE_NAMES[kind], value)
        return value

    def text(self, name: str, default: str | None = None, *, required: bool = False) -> str | None:
        value = self._typed(name, str, required)
        if value is None:
            return default
        if not value.strip():
            raise self.value_error(name, "tidak boleh kosong", "must not be empty")
        return value

    def flag(self, name: str, default: bool) -> bool:
        value = self._typed(name, bool, False)
        return default if value is None else value

    def integer(self, name: str, default: int, *, minimum: int = 0) -> int:
        value = self._typed(name, int, False)
        if value is None:
            return default
        if value < minimum:
            raise self.value_error(name, f"harus ≥ {minimum}", f"must be ≥ {minimum}")
        return value

    def number(
        self, name: str, default: Decimal | None = None, *, required: bool = False
    ) -> Decimal | None:
        value = self._get(name, required)
        if value is None:
            return default
        return self.to_decimal(name, value)

    def to_decimal(self, name: str, value: Any) -> Decimal:
        """A TOML int, float or numeric string as an exact Decimal (75.5 stays 75.5)."""
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise self.type_error(name, "angka", "a number", value)
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.type_error(name, "angka", "a number", value) from None
        if not number.is_finite():
            raise self.value_error(name, "harus angka terhingga", "must be a finite number")
        return number

    def texts(self, name: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        value = self._typed(name, list, False)
        if value is None:
            return default
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.type_error(f"{name}[{i + 1}]", "teks", "text", item)
        return tuple(value)

    def table(self, name: str, allowed: tuple[str, ...], *, required: bool = False) -> Table | None:
        value = self._get(name, required)
        if value is None:
            return None
        return Table(value, self.source, self.key(name), allowed)

    def tables(self, name: str, *, required: bool = False) -> list[Any]:
        """An array of tables (`[[name]]`), each still raw; the caller wraps each one in a Table."""
        value = self._typed(name, list, required)
        if value is None:
            return []
        if required and not value:
            raise self.value_error(name, "tidak boleh kosong", "must not be empty")
        return value

"""What a scoring run produces: every indicator with its input and score, the groups, the level.

Kept separate from the engine so that views, reports and the CLI can read and render results
without knowing how they were computed. `Result.to_dict()` is the JSON of `kampung awards score`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


def json_number(value: Decimal | None) -> int | float | None:
    """Whole numbers as JSON integers (17, not 17.0); others as the float nearest their text."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


@dataclass(frozen=True)
class ItemResult:
    """One indicator: what was answered (`input`, plus every field read in `fields`) and its score.

    `percent` is set for ratio indicators only; `score` is None for report-only values (kind `raw`,
    or an optional answer left empty).
    """

    id: str
    label: str
    label_en: str
    group: str | None
    kind: str
    input: Any
    fields: dict[str, Any]
    percent: Decimal | None
    score: Decimal | None
    max_score: Decimal | None
    in_total: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "label_en": self.label_en,
            "group": self.group,
            "kind": self.kind,
            "input": json_value(self.input),
            "fields": {k: json_value(v) for k, v in self.fields.items()},
            "percent": json_number(self.percent),
            "score": json_number(self.score),
            "max": json_number(self.max_score),
        }


@dataclass(frozen=True)
class GroupResult:
    """A group's summed score, its share of the group maximum, and the mean of its percentages
    (Kotaku's "rata-rata aspek")."""

    id: str
    label: str
    label_en: str
    weight: Decimal
    in_total: bool
    score: Decimal | None
    max_score: Decimal | None
    percent: Decimal | None
    average_percent: Decimal | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "label_en": self.label_en,
            "weight": json_number(self.weight),
            "score": json_number(self.score),
            "max": json_number(self.max_score),
            "percent": json_number(self.percent),
            "average_percent": json_number(self.average_percent),
        }


@dataclass(frozen=True)
class Result:
    program: str
    total: Decimal
    max_total: Decimal
    level: str
    label: str
    label_en: str
    items: tuple[ItemResult, ...]
    groups: tuple[GroupResult, ...]
    average_percent: Decimal | None

    def item(self, item_id: str) -> ItemResult:
        return next(i for i in self.items if i.id == item_id)

    def to_dict(self) -> dict[str, Any]:
        """The `awards score` JSON. `items` holds what makes up the total; values reported but not
        totalled (Kotaku's "pertimbangan lain") are listed under `considerations`."""
        return {
            "program": self.program,
            "total": json_number(self.total),
            "max": json_number(self.max_total),
            "level": self.level,
            "label": self.label,
            "label_en": self.label_en,
            "items": [i.to_dict() for i in self.items if i.in_total],
            "groups": [g.to_dict() for g in self.groups if g.in_total],
            "average_percent": json_number(self.average_percent),
            "considerations": [i.to_dict() for i in self.items if not i.in_total],
        }

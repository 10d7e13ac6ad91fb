"""The parsed, validated shape of a scoring rule file (see `forms/*.scoring.toml`).

Plain frozen dataclasses: the loader builds them once, the engine only reads them. Numbers are
`Decimal` so that cut-offs such as 75.5 % compare exactly as written in the file.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal

KINDS = ("ratio", "choice", "boolean", "checklist", "number_bands", "raw")
TOTAL_METHODS = ("sum", "weighted_percent")
OVER_POLICIES = ("error", "cap")


@dataclass(frozen=True)
class Band:
    """Score `score` once the measured value reaches `min` (inclusive)."""

    min: Decimal
    score: Decimal


@dataclass(frozen=True)
class Scale:
    """A named table of bands, highest `min` first; `below` applies when no band is reached."""

    id: str
    bands: tuple[Band, ...]
    below: Decimal

    def score(self, value: Decimal) -> Decimal:
        for band in self.bands:
            if value >= band.min:
                return band.score
        return self.below

    @property
    def max_score(self) -> Decimal:
        return max([self.below, *(b.score for b in self.bands)])


@dataclass(frozen=True)
class Group:
    """Indicators reported together (a Kotaku aspect, a Bantar pillar); `weight` for weighted totals.

    `in_total = false` marks a group whose values are reported but not added to the total, such as
    Kotaku's non-physical "pertimbangan lain".
    """

    id: str
    label: str
    label_en: str
    weight: Decimal
    in_total: bool


@dataclass(frozen=True)
class Indicator:
    """One scored line. Which keys matter depends on `kind`:

    - ratio: `volume` / `denominator` × 100 → percent (rounded to `decimals`, at most `cap`) → `scale`
    - choice: answer code of `field` → `points[code]`
    - boolean: `field` answered yes → `weight`, no → 0
    - checklist: select_multiple `field` → sum of `points[code]` of the ticked codes, at most `cap`
    - number_bands: number in `field` (or, with `count = true`, how many codes are ticked) → `scale`
    - raw: the answer of `field` is reported as is, with no score (inputs kept for later matrices)
    """

    id: str
    kind: str
    group: str | None
    label: str
    label_en: str
    field: str | None = None
    volume: str | None = None
    denominator: str | None = None
    scale: str | None = None
    points: dict[str, Decimal] = dataclasses.field(default_factory=dict)
    weight: Decimal = Decimal(1)
    decimals: int = 2
    cap: Decimal | None = None
    on_over: str = "error"
    count: bool = False
    required: bool = True
    missing: Decimal | None = None
    allowed: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        """Answer names this indicator reads, in a stable order."""
        names = (self.volume, self.denominator) if self.kind == "ratio" else (self.field,)
        return tuple(n for n in names if n)


@dataclass(frozen=True)
class Level:
    """A tier reached once the total is at least `min` (levels are kept highest first)."""

    code: str
    label: str
    label_en: str
    min: Decimal


@dataclass(frozen=True)
class Kencana:
    """Bantar's extra honour: `consecutive_years` wins in a row earn the title `label`."""

    consecutive_years: int
    label: str
    label_en: str


@dataclass(frozen=True)
class Rules:
    program: str
    title: str
    title_en: str
    form: str | None
    source: str
    total_method: str
    total_decimals: int
    yes: tuple[str, ...]
    no: tuple[str, ...]
    scales: dict[str, Scale]
    groups: tuple[Group, ...]
    indicators: tuple[Indicator, ...]
    levels: tuple[Level, ...]
    kencana: Kencana | None = None

    def fields(self) -> list[str]:
        """Every answer name the rules read, once each, in file order."""
        seen: dict[str, None] = {}
        for indicator in self.indicators:
            for name in indicator.fields:
                seen.setdefault(name)
        return list(seen)

    def group(self, group_id: str | None) -> Group | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def level_for(self, total: Decimal) -> Level:
        for level in self.levels:
            if total >= level.min:
                return level
        return self.levels[-1]

"""Read a `*.scoring.toml` rule file and check it against the schema before anything is scored.

The schema is described in the header comment of `forms/kotaku_baseline.scoring.toml`; the checks
here are the authority. Everything that can be checked without answers is checked
at load time (unknown keys, missing keys, bad numbers, references to scales and groups that do not
exist, bands and levels out of order), so a broken rule file never produces a plausible wrong score.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from kampung_desktop.scoring.errors import RulesError
from kampung_desktop.scoring.model import (
    KINDS,
    OVER_POLICIES,
    TOTAL_METHODS,
    Band,
    Group,
    Indicator,
    Kencana,
    Level,
    Rules,
    Scale,
)
from kampung_desktop.scoring.toml_reader import Table

DEFAULT_YES = ("ya", "yes", "y", "true", "1")
DEFAULT_NO = ("tidak", "no", "n", "false", "0")

_TOP_KEYS = (
    "program",
    "answers",
    "total",
    "defaults",
    "scales",
    "groups",
    "indicators",
    "levels",
    "kencana",
)
_DEFAULT_KEYS = ("scale", "decimals", "cap", "on_over", "missing")
_INDICATOR_KEYS = (
    "id",
    "kind",
    "group",
    "label",
    "label_en",
    "field",
    "volume",
    "denominator",
    "scale",
    "points",
    "weight",
    "decimals",
    "cap",
    "on_over",
    "count",
    "required",
    "missing",
    "allowed",
)
# Keys each kind needs (beyond id/kind) and the optional ones it understands.
_KIND_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "ratio": (("volume", "denominator", "scale"), ("decimals", "cap", "on_over")),
    "choice": (("field", "points"), ()),
    "boolean": (("field",), ("weight",)),
    "checklist": (("field", "points"), ("cap",)),
    "number_bands": (("field", "scale"), ("count",)),
    "raw": (("field",), ("allowed",)),
}
_COMMON_KEYS = ("id", "kind", "group", "label", "label_en", "required", "missing")


def load_rules_file(path: str | Path) -> Rules:
    """Load and validate one rule file; every problem is a RulesError naming the file and key."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesError("rules.unreadable", source=path.name, detail=str(exc)) from None
    return parse_rules(text, source=path.name)


def parse_rules(text: str, source: str = "<rules>") -> Rules:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError("rules.toml", source=source, detail=str(exc)) from None
    return build_rules(data, source)


def build_rules(data: dict[str, Any], source: str) -> Rules:
    root = Table(data, source, "", _TOP_KEYS)
    program = root.table("program", ("id", "title", "title_en", "form"), required=True)
    assert program is not None
    answers = root.table("answers", ("yes", "no"))
    total = root.table("total", ("method", "decimals"))
    defaults = root.table("defaults", _DEFAULT_KEYS) or Table({}, source, "defaults", ())

    scales = _scales(root)
    groups = _groups(root)
    indicators = _indicators(root, defaults, scales, groups)
    levels = _levels(root)
    method = total.text("method", "sum") if total else "sum"
    if method not in TOTAL_METHODS:
        assert total is not None
        raise total.value_error("method", _one_of(TOTAL_METHODS), _one_of(TOTAL_METHODS, "en"))
    if method == "weighted_percent" and not groups:
        raise root.value_error(
            "groups",
            "metode 'weighted_percent' membutuhkan [[groups]]",
            "method 'weighted_percent' needs [[groups]]",
        )
    title = program.text("title", required=True)
    assert title is not None
    return Rules(
        program=program.text("id", required=True) or "",
        title=title,
        title_en=program.text("title_en", title) or title,
        form=program.text("form"),
        source=source,
        total_method=method or "sum",
        total_decimals=total.integer("decimals", 2) if total else 2,
        yes=tuple(s.lower() for s in answers.texts("yes", DEFAULT_YES)) if answers else DEFAULT_YES,
        no=tuple(s.lower() for s in answers.texts("no", DEFAULT_NO)) if answers else DEFAULT_NO,
        scales=scales,
        groups=groups,
        indicators=indicators,
        levels=levels,
        kencana=_kencana(root),
    )


def _one_of(options: tuple[str, ...], lang: str = "id") -> str:
    joined = ", ".join(options)
    return f"harus salah satu dari: {joined}" if lang == "id" else f"must be one of: {joined}"


def _scales(root: Table) -> dict[str, Scale]:
    raw = root.data.get("scales")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise root.type_error("scales", "tabel", "a table", raw)
    table = Table(raw, root.source, "scales", tuple(raw))
    scales: dict[str, Scale] = {}
    for name in table.data:
        entry = table.table(name, ("bands", "below"), required=True)
        assert entry is not None
        bands: list[Band] = []
        for i, raw in enumerate(entry.tables("bands", required=True), start=1):
            band = Table(raw, root.source, f"{entry.path}.bands[{i}]", ("min", "score"))
            bands.append(
                Band(
                    min=band.number("min", required=True) or Decimal(0),
                    score=band.number("score", required=True) or Decimal(0),
                )
            )
        for i in range(1, len(bands)):
            if bands[i].min >= bands[i - 1].min:
                raise entry.value_error(
                    f"bands[{i + 1}].min",
                    "batas 'min' harus menurun (dari yang tertinggi)",
                    "'min' cut-offs must go down (highest first)",
                )
        scales[name] = Scale(name, tuple(bands), entry.number("below", Decimal(0)) or Decimal(0))
    return scales


def _groups(root: Table) -> tuple[Group, ...]:
    groups: list[Group] = []
    for i, raw in enumerate(root.tables("groups"), start=1):
        entry = Table(
            raw, root.source, f"groups[#{i}]", ("id", "label", "label_en", "weight", "in_total")
        )
        gid = entry.text("id", required=True) or ""
        entry.path = f"groups[{gid}]"
        if any(g.id == gid for g in groups):
            raise RulesError("rules.duplicate", source=root.source, key=entry.key("id"), value=gid)
        label = entry.text("label", gid) or gid
        weight = entry.number("weight", Decimal(1)) or Decimal(0)
        if weight < 0:
            raise entry.value_error("weight", "tidak boleh negatif", "cannot be negative")
        groups.append(
            Group(
                gid,
                label,
                entry.text("label_en", label) or label,
                weight,
                entry.flag("in_total", True),
            )
        )
    return tuple(groups)


def _indicators(
    root: Table, defaults: Table, scales: dict[str, Scale], groups: tuple[Group, ...]
) -> tuple[Indicator, ...]:
    result: list[Indicator] = []
    for i, raw in enumerate(root.tables("indicators", required=True), start=1):
        entry = Table(raw, root.source, f"indicators[#{i}]", _INDICATOR_KEYS)
        iid = entry.text("id", required=True) or ""
        entry.path = f"indicators[{iid}]"
        if any(x.id == iid for x in result):
            raise RulesError("rules.duplicate", source=root.source, key=entry.key("id"), value=iid)
        result.append(_indicator(entry, iid, defaults, scales, groups))
    return tuple(result)


def _indicator(
    entry: Table, iid: str, defaults: Table, scales: dict[str, Scale], groups: tuple[Group, ...]
) -> Indicator:
    kind = entry.text("kind", required=True) or ""
    if kind not in KINDS:
        raise entry.value_error("kind", _one_of(KINDS), _one_of(KINDS, "en"))
    needed, optional = _KIND_KEYS[kind]
    for key in entry.data:
        if key not in (*_COMMON_KEYS, *needed, *optional):
            raise entry.value_error(
                key, f"tidak berlaku untuk jenis '{kind}'", f"does not apply to kind '{kind}'"
            )

    # A key is read from the indicator, else from [defaults] when this kind understands it.
    src = {
        name: entry if entry.has(name) else defaults
        for name in (*needed, *optional, "missing")
        if entry.has(name) or defaults.has(name)
    }
    for name in needed:
        if name not in src:
            raise RulesError("rules.missing_key", source=entry.source, key=entry.key(name))

    group = entry.text("group")
    if group is not None and not any(g.id == group for g in groups):
        raise _reference(entry, "group", group, [g.id for g in groups])
    if group is None and groups:
        raise RulesError("rules.missing_key", source=entry.source, key=entry.key("group"))

    scale = src["scale"].text("scale") if "scale" in src else None
    if scale is not None and scale not in scales:
        raise _reference(src["scale"], "scale", scale, list(scales))

    on_over = src["on_over"].text("on_over") if "on_over" in src else "error"
    if on_over not in OVER_POLICIES:
        raise src["on_over"].value_error(
            "on_over", _one_of(OVER_POLICIES), _one_of(OVER_POLICIES, "en")
        )

    label = entry.text("label", iid) or iid
    return Indicator(
        id=iid,
        kind=kind,
        group=group,
        label=label,
        label_en=entry.text("label_en", label) or label,
        field=entry.text("field"),
        volume=entry.text("volume"),
        denominator=entry.text("denominator"),
        scale=scale,
        points=_points(entry),
        weight=_non_negative(entry, "weight", Decimal(1)) or Decimal(0),
        decimals=src["decimals"].integer("decimals", 2) if "decimals" in src else 2,
        cap=_non_negative(src["cap"], "cap", None) if "cap" in src else None,
        on_over=on_over or "error",
        count=entry.flag("count", False),
        required=entry.flag("required", True),
        missing=src["missing"].number("missing") if "missing" in src else None,
        allowed=entry.texts("allowed"),
    )


def _non_negative(entry: Table, name: str, default: Decimal | None) -> Decimal | None:
    value = entry.number(name, default)
    if value is not None and value < 0:
        raise entry.value_error(name, "tidak boleh negatif", "cannot be negative")
    return value


def _points(entry: Table) -> dict[str, Decimal]:
    if not entry.has("points"):
        return {}
    value = entry.data["points"]
    if not isinstance(value, dict):
        raise entry.type_error("points", "tabel {kode = poin}", "a table {code = points}", value)
    if not value:
        raise entry.value_error("points", "tidak boleh kosong", "must not be empty")
    return {str(code): entry.to_decimal(f"points.{code}", pts) for code, pts in value.items()}


def _reference(entry: Table, key: str, value: str | None, known: list[str]) -> RulesError:
    return RulesError(
        "rules.reference",
        source=entry.source,
        key=entry.key(key),
        value=value,
        known=", ".join(known) or "-",
    )


def _levels(root: Table) -> tuple[Level, ...]:
    levels: list[Level] = []
    for i, raw in enumerate(root.tables("levels", required=True), start=1):
        entry = Table(raw, root.source, f"levels[#{i}]", ("code", "label", "label_en", "min"))
        code = entry.text("code", required=True) or ""
        entry.path = f"levels[{code}]"
        if any(x.code == code for x in levels):
            raise RulesError(
                "rules.duplicate", source=root.source, key=entry.key("code"), value=code
            )
        label = entry.text("label", required=True) or code
        minimum = entry.number("min", required=True) or Decimal(0)
        if levels and minimum >= levels[-1].min:
            raise entry.value_error(
                "min",
                "level harus diurutkan dari 'min' tertinggi ke terendah",
                "levels must be listed from the highest 'min' down",
            )
        levels.append(Level(code, label, entry.text("label_en", label) or label, minimum))
    if levels[-1].min > 0:
        raise RulesError(
            "rules.value",
            source=root.source,
            key=f"levels[{levels[-1].code}].min",
            detail_id="level terakhir harus mulai dari 0 atau kurang agar setiap total punya level",
            detail_en="the last level must start at 0 or below so every total has a level",
        )
    return tuple(levels)


def _kencana(root: Table) -> Kencana | None:
    entry = root.table("kencana", ("consecutive_years", "label", "label_en"))
    if entry is None:
        return None
    years = entry.integer("consecutive_years", 3, minimum=2)
    label = entry.text("label", required=True) or ""
    return Kencana(years, label, entry.text("label_en", label) or label)

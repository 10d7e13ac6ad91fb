"""Score one set of answers with one set of rules: indicators, then groups, then total and level.

Pure computation on Decimals: no storage, no Qt, no I/O, so the GUI, the CLI, reports and tests
all get the same numbers. Rounding is half-up ("31.505 → 31.51"), as the public Kotaku
calculators round, and happens once, at the point the rules name.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kampung_desktop.scoring import answers as read
from kampung_desktop.scoring.answers import Answers
from kampung_desktop.scoring.errors import AnswerError
from kampung_desktop.scoring.model import Indicator, Rules
from kampung_desktop.scoring.result import GroupResult, ItemResult, Result

HUNDRED = Decimal(100)


def quantize(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def score(rules: Rules, answers: Answers) -> Result:
    """Score `answers` (field name → value, as `forms eval` takes them); AnswerError if unusable."""
    if not hasattr(answers, "get"):
        raise AnswerError("answer.not_object")
    items = tuple(_item(rules, ind, answers) for ind in rules.indicators)
    groups = tuple(_group(rules, gid, items) for gid in (g.id for g in rules.groups))
    counted = [g for g in groups if g.in_total]
    if rules.total_method == "weighted_percent":
        total, max_total = _weighted_total(rules, counted)
    else:
        total = sum((i.score or Decimal(0) for i in items if i.in_total), Decimal(0))
        max_total = sum((i.max_score or Decimal(0) for i in items if i.in_total), Decimal(0))
    level = rules.level_for(total)
    return Result(
        program=rules.program,
        total=total,
        max_total=max_total,
        level=level.code,
        label=level.label,
        label_en=level.label_en,
        items=items,
        groups=groups,
        average_percent=_mean([g.average_percent for g in counted], rules.total_decimals),
    )


def _weighted_total(rules: Rules, groups: list[GroupResult]) -> tuple[Decimal, Decimal]:
    """Σ weight × (group score / group maximum) over Σ weight, as a percentage (0–100)."""
    weighted = [(g.weight, g.score or Decimal(0), g.max_score) for g in groups if g.max_score]
    weights = sum((w for w, _, _ in weighted), Decimal(0))
    if not weights:
        return Decimal(0), HUNDRED
    raw = sum((w * s / m for w, s, m in weighted if m), Decimal(0)) / weights * HUNDRED
    return quantize(raw, rules.total_decimals), HUNDRED


def _group(rules: Rules, group_id: str, items: tuple[ItemResult, ...]) -> GroupResult:
    group = rules.group(group_id)
    assert group is not None
    members = [i for i in items if i.group == group_id]
    scored = [i for i in members if i.max_score is not None]
    total = sum((i.score or Decimal(0) for i in scored), Decimal(0)) if scored else None
    maximum = sum((i.max_score or Decimal(0) for i in scored), Decimal(0)) if scored else None
    percent = None
    if total is not None and maximum:
        percent = quantize(total / maximum * HUNDRED, rules.total_decimals)
    return GroupResult(
        id=group.id,
        label=group.label,
        label_en=group.label_en,
        weight=group.weight,
        in_total=group.in_total,
        score=total,
        max_score=maximum,
        percent=percent,
        average_percent=_mean([i.percent for i in members], rules.total_decimals),
    )


def _mean(values: list[Decimal | None], decimals: int) -> Decimal | None:
    present = [v for v in values if v is not None]
    if not present:
        return None
    return quantize(sum(present, Decimal(0)) / len(present), decimals)


def _item(rules: Rules, ind: Indicator, answers: Answers) -> ItemResult:
    group = rules.group(ind.group)
    in_total = group.in_total if group else True
    fields = {name: answers.get(name) for name in ind.fields}
    value, percent, points = _compute(rules, ind, answers)
    return ItemResult(
        id=ind.id,
        label=ind.label,
        label_en=ind.label_en,
        group=ind.group,
        kind=ind.kind,
        input=value,
        fields=fields,
        percent=percent,
        score=points,
        max_score=_max_score(rules, ind),
        in_total=in_total,
    )


def _compute(
    rules: Rules, ind: Indicator, answers: Answers
) -> tuple[object, Decimal | None, Decimal | None]:
    """(input as read, percent or None, score or None) for one indicator."""
    if ind.kind == "ratio":
        return _ratio(rules, ind, answers)
    assert ind.field is not None
    if ind.kind == "choice":
        code = read.choice(answers, ind.field)
        if code is None:
            return None, None, _unanswered(ind, ind.field)
        if code not in ind.points:
            raise _bad_choice(ind.field, code, ind.points)
        return code, None, ind.points[code]
    if ind.kind == "boolean":
        answer = read.yes_no(answers, ind.field, rules.yes, rules.no)
        if answer is None:
            return None, None, _unanswered(ind, ind.field)
        return answers.get(ind.field), None, ind.weight if answer else Decimal(0)
    if ind.kind == "checklist":
        ticked = read.choices(answers, ind.field)
        if ticked is None:
            return None, None, _unanswered(ind, ind.field)
        unknown = [c for c in ticked if c not in ind.points]
        if unknown:
            raise _bad_choice(ind.field, unknown[0], ind.points)
        points = sum((ind.points[c] for c in dict.fromkeys(ticked)), Decimal(0))
        return ticked, None, min(points, ind.cap) if ind.cap is not None else points
    if ind.kind == "number_bands":
        return _number_bands(rules, ind, answers)
    # raw: report the answer, check it against `allowed` when the rule lists them.
    code = read.choice(answers, ind.field)
    if code is None and ind.required:
        raise AnswerError("answer.missing", field=ind.field, indicator=ind.id)
    if code is not None and ind.allowed and code not in ind.allowed:
        raise AnswerError(
            "answer.bad_choice",
            field=ind.field,
            value=read.show(code),
            known=", ".join(ind.allowed),
        )
    return code, None, None


def _ratio(
    rules: Rules, ind: Indicator, answers: Answers
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    assert ind.volume and ind.denominator and ind.scale
    denominator = read.number(answers, ind.denominator, ind.id)
    if denominator is None:
        raise AnswerError("answer.missing", field=ind.denominator, indicator=ind.id)
    if denominator == 0:
        raise AnswerError("answer.zero_denominator", field=ind.denominator, indicator=ind.id)
    volume = read.number(answers, ind.volume, ind.id)
    if volume is None:
        return None, None, _unanswered(ind, ind.volume)
    if volume > denominator and ind.on_over == "error":
        raise AnswerError(
            "answer.over_denominator",
            field=ind.volume,
            value=read.show(answers.get(ind.volume)),
            denominator=ind.denominator,
            limit=read.show(answers.get(ind.denominator)),
            indicator=ind.id,
        )
    percent = quantize(volume / denominator * HUNDRED, ind.decimals)
    if ind.cap is not None:
        percent = min(percent, ind.cap)
    return volume, percent, rules.scales[ind.scale].score(percent)


def _number_bands(
    rules: Rules, ind: Indicator, answers: Answers
) -> tuple[object, Decimal | None, Decimal | None]:
    assert ind.field and ind.scale
    if ind.count:
        ticked = read.choices(answers, ind.field)
        if ticked is None:
            return None, None, _unanswered(ind, ind.field)
        return ticked, None, rules.scales[ind.scale].score(Decimal(len(set(ticked))))
    value = read.number(answers, ind.field, ind.id)
    if value is None:
        return None, None, _unanswered(ind, ind.field)
    return value, None, rules.scales[ind.scale].score(value)


def _unanswered(ind: Indicator, field: str) -> Decimal | None:
    """The score of an empty answer: the rule's `missing` value, None if optional, else an error."""
    if ind.missing is not None:
        return ind.missing
    if not ind.required:
        return None
    raise AnswerError("answer.missing", field=field, indicator=ind.id)


def _bad_choice(field: str, code: str, points: dict[str, Decimal]) -> AnswerError:
    return AnswerError(
        "answer.bad_choice", field=field, value=read.show(code), known=", ".join(points)
    )


def _max_score(rules: Rules, ind: Indicator) -> Decimal | None:
    if ind.kind in ("ratio", "number_bands"):
        assert ind.scale
        return rules.scales[ind.scale].max_score
    if ind.kind == "choice":
        return max(ind.points.values())
    if ind.kind == "boolean":
        return ind.weight
    if ind.kind == "checklist":
        positive = sum((p for p in ind.points.values() if p > 0), Decimal(0))
        return min(positive, ind.cap) if ind.cap is not None else positive
    return None

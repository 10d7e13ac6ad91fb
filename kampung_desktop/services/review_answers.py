"""An assessment's answers as a reviewer reads them: labelled from the form it was made with.

Split from `review.py` (one job each): the review window's "Buka…" dialog shows these lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AnswerLine:
    """One answered question, labelled from the form (field name when the form lacks it)."""

    name: str
    label: str
    value: str
    group: str = ""


@dataclass(frozen=True)
class AssessmentDetail:
    """The answers of one assessment, with the scored assessment and the form title."""

    assessment: Any  # review.ScoredAssessment
    answers: list[AnswerLine]
    form_title: str = ""


def plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(plain(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def labelled(form: Any, answers: dict[str, Any], lang: str) -> list[AnswerLine]:
    """Answers in form order with question and choice labels; unknown fields at the end."""
    lines: list[AnswerLine] = []
    seen: set[str] = set()
    for node in form.walk():
        if node.is_container or node.name not in answers:
            continue
        seen.add(node.name)
        value = answers[node.name]
        if node.is_select:
            names = value if isinstance(value, list) else [value]
            shown = []
            for name in names:
                choice = node.choice(str(name))
                shown.append(choice.label(lang) if choice else str(name))
            text = ", ".join(shown)
        else:
            text = plain(value)
        group = node.parent.label(lang) if node.parent is not None else ""
        lines.append(AnswerLine(node.name, node.label(lang) or node.name, text, group or ""))
    for name in sorted(set(answers) - seen):
        lines.append(AnswerLine(name, name, plain(answers[name])))
    return lines

"""The award rule of `kampung_desktop.core.awards` applied to a scored assessment.

`ReviewService.decide` and `decide_rt` (the review window and `kampung awards decide`) both
call `check`, so both refuse the same awards for the same reasons, and both accept the same
explicit override (a reason is required; `AwardsService.decide` writes it to the audit log).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kampung_desktop.core.awards import Refusal, award_refusals, program_refusal
from kampung_desktop.scoring import ScoringError, load_rules
from kampung_desktop.services.awards import AwardError


class AwardRefused(AwardError):
    """The award breaks the rule; `refusals` say why. Recordable only with an override."""

    def __init__(self, refusals: list[Refusal]) -> None:
        self.refusals = refusals
        super().__init__(
            "Penghargaan tidak dapat dicatat: "
            + "; ".join(r.text_id for r in refusals)
            + " / the award cannot be recorded: "
            + "; ".join(r.text_en for r in refusals)
        )


def threshold_of(program: str) -> tuple[Decimal | None, tuple[str, str]]:
    """The award threshold of `program`: the lowest score of its top level, with that label."""
    try:
        rules = load_rules(program)
    except ScoringError:
        return None, ("", "")
    top = rules.levels[0]
    return Decimal(top.min), (top.label, top.label_en)


def refusals_for(program: str, assessment: Any | None) -> list[Refusal]:
    """Everything against awarding the area of `assessment` (None: the area has none)."""
    refused = program_refusal(program)
    if refused is not None:
        return [refused]
    threshold, label = threshold_of(program)
    if assessment is None:
        return award_refusals(None, None, threshold, label)
    return award_refusals(assessment.state, assessment.total, threshold, label)


def check(program: str, assessment: Any | None, override_reason: str | None) -> list[str]:
    """Refuse (AwardRefused) unless the rule holds or an override with a reason is given.

    Returns the codes overridden (empty when nothing was). A program that is not an award
    (Kotaku) is refused even with an override: there is no certificate to issue.
    """
    refusals = refusals_for(program, assessment)
    if not refusals:
        return []
    if refusals[0].code == "not_an_award":
        raise AwardError(str(refusals[0]) + ".")
    if override_reason is None:
        raise AwardRefused(refusals)
    if not override_reason.strip():
        raise AwardError(
            "Alasan pengecualian wajib diisi / an override needs a reason "
            "(it is kept in the audit log)."
        )
    return [r.code for r in refusals]

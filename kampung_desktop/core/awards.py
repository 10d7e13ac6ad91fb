"""When an RT (or, for KSM, an RW) may be given an award: one rule for the window and the CLI.

An award rests on an assessment the office approved whose score reached the award threshold
(the lowest score of the program's top level, e.g. "Layak Kampung Bantar" from 80). Anything
less is refused; an office that decided otherwise in a meeting records it with an explicit
override and a reason, which goes into the audit log. Kotaku measures how much of a slum an
area is: a higher score is worse, so it ranks areas for handling and is never an award.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kampung_desktop.core import formats

#: Programs that award a certificate (a template exists in resources/certificates/).
AWARD_PROGRAMS = ("bantar", "ksm")
#: Programs awarded to a whole RW: the decision is recorded with rt = 0.
RW_LEVEL_PROGRAMS = ("ksm",)


@dataclass(frozen=True)
class Refusal:
    """Why an award cannot be recorded without an override; `code` is stable, texts are shown."""

    code: str
    text_id: str
    text_en: str

    def text(self, lang: str = "id") -> str:
        return self.text_id if lang == "id" else self.text_en

    def __str__(self) -> str:
        return f"{self.text_id} / {self.text_en}"


def program_refusal(program: str) -> Refusal | None:
    """Kotaku (or any program without certificates) is never awarded, not even by override."""
    if program in AWARD_PROGRAMS:
        return None
    return Refusal(
        "not_an_award",
        f"Program {program} bukan penghargaan: skornya mengukur tingkat kekumuhan dan hanya "
        "menentukan prioritas penanganan; tidak ada piagam",
        f"{program} is not an award: its score measures how much of a slum an area is and only "
        "ranks areas for handling; there is no certificate",
    )


def award_refusals(
    state: str | None,
    total: Decimal | None,
    threshold: Decimal | None,
    threshold_label: tuple[str, str] = ("", ""),
) -> list[Refusal]:
    """What stands against awarding an area whose ranked assessment has `state` and `total`.

    `state` None: the area has no assessment of that year on this laptop. `threshold` None: the
    program's rules could not be read (the score is then unknown too).
    """
    if state is None:
        return [
            Refusal(
                "no_assessment",
                "belum ada penilaian final untuk wilayah ini pada tahun itu",
                "there is no finalized assessment of this area for that year",
            )
        ]
    refusals = []
    if state != "approved":
        refusals.append(
            Refusal(
                "not_approved",
                "penilaiannya belum disetujui pemeriksa",
                "its assessment has not been approved by a reviewer",
            )
        )
    if total is None or threshold is None:
        refusals.append(
            Refusal(
                "no_score",
                "skornya tidak dapat dihitung",
                "its score cannot be computed",
            )
        )
    elif total < threshold:
        label_id, label_en = threshold_label
        refusals.append(
            Refusal(
                "below_threshold",
                f"skor {format_decimal(total, 'id')} di bawah ambang penghargaan "
                f"{format_decimal(threshold, 'id')}" + (f" ({label_id})" if label_id else ""),
                f"score {format_decimal(total, 'en')} is below the award threshold "
                f"{format_decimal(threshold, 'en')}" + (f" ({label_en})" if label_en else ""),
            )
        )
    return refusals


def format_decimal(value: Decimal | float | str | None, lang: str = "id") -> str:
    """A score as people read it: `88,89` / `88.89` (JSON keeps the dot); see core.formats."""
    return formats.number(value, None, lang)

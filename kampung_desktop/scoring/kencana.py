"""Kampung Bantar Kencana: the honour for an RT that won Kampung Bantar several years in a row.

The domain notes say "three times in a row"; the run length comes from the rule file
(`[kencana] consecutive_years`) so a city can change it. The award history itself lives in
storage; callers pass the years an RT won, and these functions only do the arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable

from kampung_desktop.scoring.errors import ScoringError

DEFAULT_RUN = 3


def _years(years_won: Iterable[int]) -> set[int]:
    years: set[int] = set()
    for year in years_won:
        if isinstance(year, bool) or not isinstance(year, int):
            raise ScoringError("history.year", value=repr(year))
        years.add(year)
    return years


def winning_streak(years_won: Iterable[int], year: int) -> int:
    """How many consecutive years, ending with `year`, the RT won (0 if it did not win `year`)."""
    years = _years(years_won)
    streak = 0
    while year - streak in years:
        streak += 1
    return streak


def is_kencana(years_won: Iterable[int], year: int | None = None, run: int = DEFAULT_RUN) -> bool:
    """True if the RT has won `run` consecutive years ending with `year`.

    Without `year`, true if any such run exists in the history. Repeated years (two rounds in one
    year) count once; a gap breaks the run.
    """
    years = _years(years_won)
    if year is not None:
        return winning_streak(years, year) >= run
    return any(winning_streak(years, y) >= run for y in years)


def kencana_years(years_won: Iterable[int], run: int = DEFAULT_RUN) -> list[int]:
    """The years in which the RT completed a run of `run` consecutive wins (e.g. [2022] for
    2020–2022; a fourth straight win in 2023 continues the run but does not start a new one)."""
    years = _years(years_won)
    return sorted(y for y in years if winning_streak(years, y) == run)

"""The wizard's progress bar only moves forward, even as answers make more pages relevant."""

from __future__ import annotations

from tests.ui.test_interview_wizard import (  # noqa: F401 (fixtures)
    boxes,
    fill_to_summary,
    household_id,
    open_window,
    service,
)


def test_progress_never_runs_backwards(qtbot, service, household_id, boxes):  # noqa: F811
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    seen: list[tuple[int, int, int]] = []  # (value, maximum, pages known then)

    def record(_index: int) -> None:
        seen.append((window.progress.value(), window.progress.maximum(), len(window.pages)))

    record(0)
    window.pageShown.connect(record)
    fill_to_summary(qtbot, window)
    assert seen[-1][2] > seen[0][2]  # answers made more pages relevant on the way ...
    assert {maximum for _, maximum, _ in seen} == {seen[0][1]}  # ... the total stayed put
    values = [value for value, _, _ in seen]
    assert values == sorted(values) and values[-1] == seen[-1][1]  # forward only, full at the end
    assert window.progress.format() == "Bagian %v dari %m"
    window.close()

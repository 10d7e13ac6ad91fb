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


def test_an_open_interview_follows_the_app_language(qtbot, service, household_id):  # noqa: F811
    from kampung_desktop.ui import i18n

    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    window.go_to(3)
    assert "Tanggal pendataan" in window.view.rows["tanggal_pendataan"].label.text()
    try:
        assert i18n.apply("en")  # what Settings → English does
        qtbot.waitUntil(lambda: window.session.lang == "en", timeout=5_000)
        assert window.next_button.text() == "Next ▶"
        assert window.language.currentData() == "en"
        assert "Tanggal pendataan" not in window.view.rows["tanggal_pendataan"].label.text()
        assert window.current_page.key == "blok2"
    finally:
        i18n.apply("id")
    qtbot.waitUntil(lambda: window.session.lang == "id", timeout=5_000)
    window.close()


def test_progress_counts_the_sections_the_list_shows(qtbot, service, household_id):  # noqa: F811
    """Calculates have no page: the bar says "Bagian 5 dari 10" on the 5th of 9 sections (and
    the summary), not "Bagian 8 dari 17"."""
    aid = service.start("household_assessment", "", household_id=household_id)
    window = open_window(qtbot, service, aid)
    fill_to_summary(qtbot, window)  # every section relevant now
    from kampung_desktop.ui.interview.sections import PAGE_ROLE

    listed = window.sections.count()  # the sections and the summary, as the user sees them
    assert window.progress.maximum() == listed
    for row in range(listed - 1):
        window.go_to(window.sections.item(row).data(PAGE_ROLE))
        assert window.progress.value() == row + 1, row
    window.close()

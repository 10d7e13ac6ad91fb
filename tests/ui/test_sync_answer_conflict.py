"""The office settles a conflict on an assessment answer in the conflict dialog, against a real
`kampung server run` on 127.0.0.1: two laptops of the same enumerator change the same answer of
a returned assessment; the office window picks the other version; after syncing both laptops
and the office hold it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_sync_live import (
    ENUMERATOR,
    OFFICE,
    finalized_assessment,
    open_enrolled,
    publish_form,
    server,  # noqa: F401  (fixture)
    settle_again,
    sync_headless,
)

pytestmark = pytest.mark.slow


def _with_answers(data_dir: Path, job: Any) -> Any:
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.review import ReviewService

    ctx = AppContext.open(data_dir)
    try:
        return job(ctx, ReviewService.for_context(ctx).assessments)
    finally:
        ctx.close()


def test_the_office_picks_the_other_answer_in_the_dialog(
    qtbot,
    open_window,
    data_dir,
    tmp_path,
    server,  # noqa: F811
):
    publish_form(server)
    one, two, office_dir = (tmp_path / n for n in ("one", "two", "office"))
    for path in (one, two, office_dir):
        path.mkdir()
    aid = _with_answers(one, lambda ctx, _a: finalized_assessment(ctx))
    sync_headless(one, server.url, ENUMERATOR)
    sync_headless(office_dir, server.url, OFFICE)
    _with_answers(office_dir, lambda _c, a: a.transition(aid, "return", "Periksa kategori"))
    sync_headless(office_dir, server.url, OFFICE)
    for path, value in ((one, "kecil"), (two, "besar")):
        sync_headless(path, server.url, ENUMERATOR)

        def edit(_ctx: Any, answers: Any, value: str = value) -> None:
            answers.transition(aid, "reopen")
            answers.save_answer(aid, "kategori_rt", value)

        _with_answers(path, edit)
    sync_headless(one, server.url, ENUMERATOR)
    sync_headless(two, server.url, ENUMERATOR, ok_if_attention=True)  # its edit: a conflict

    window = open_enrolled(qtbot, open_window, data_dir, server, OFFICE)
    ui = window.sync_ui
    assert ui.controller.status.open_conflicts == 1
    todo = ui.open_todo()
    qtbot.waitUntil(lambda: todo.conflict_view.topLevelItemCount() == 1, timeout=10_000)
    todo.conflict_view.setCurrentItem(todo.conflict_view.topLevelItem(0))
    dialog = todo.resolve_selected()
    assert dialog.table.item(0, 0).text() == "Kategori lomba"  # the form's labels, as before
    assert dialog.radios[("value", "mine")].text() == "Kecil"  # in force now
    assert dialog.radios[("value", "theirs")].text() == "Besar"
    dialog.choose("value", "theirs")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: todo.conflict_view.topLevelItemCount() == 0, timeout=10_000)
    assert todo.message.text() == "Keputusan disimpan; terkirim pada sinkron berikutnya."
    answers = review_answers(window.backend.ctx)
    assert answers.answers(aid)["kategori_rt"] == "besar"

    ui.sync_action.trigger()
    assert settle_again(qtbot, ui).ok
    qtbot.waitUntil(lambda: ui.controller.status.open_conflicts == 0, timeout=10_000)
    assert ui.controller.status.pending_total == 0
    for path in (one, two):
        sync_headless(path, server.url, ENUMERATOR)
        held = _with_answers(path, lambda _c, a: a.answers(aid)["kategori_rt"])
        assert held == "besar"


def review_answers(ctx: Any) -> Any:
    from kampung_desktop.services.review import ReviewService

    return ReviewService.for_context(ctx).assessments

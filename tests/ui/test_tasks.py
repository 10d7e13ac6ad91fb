"""The database worker: results come back on the UI thread; newer keyed jobs replace older ones."""

from __future__ import annotations

import threading

from kampung_desktop.ui.tasks import TaskRunner


def make_runner(errors: list) -> TaskRunner:
    return TaskRunner(errors.append)


def test_result_is_delivered_on_the_ui_thread(qtbot):
    errors: list = []
    runner = make_runner(errors)
    seen: list = []
    main = threading.get_ident()
    runner.run(
        lambda: threading.get_ident(), lambda worker: seen.append((worker, threading.get_ident()))
    )
    qtbot.waitUntil(lambda: bool(seen))
    worker, callback_thread = seen[0]
    assert worker != main and callback_thread == main
    assert not runner.busy and not errors
    runner.shutdown()


def test_a_newer_job_with_the_same_key_supersedes_the_waiting_one(qtbot):
    errors: list = []
    runner = make_runner(errors)
    gate = threading.Event()
    ran: list[str] = []
    shown: list[str] = []

    def job(name: str, wait: bool = False):
        def work() -> str:
            if wait:
                gate.wait(5)
            ran.append(name)
            return name

        return work

    runner.run(job("first", wait=True), shown.append, key="search")  # starts, then blocks
    runner.run(job("b"), shown.append, key="search")  # waits behind it ...
    runner.run(job("bu"), shown.append, key="search")  # ... and is replaced by this one
    runner.run(job("other"), shown.append, key="status")  # another key is not affected
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert ran == ["first", "bu", "other"]  # "b" never ran
    assert shown == ["bu", "other"]  # "first" finished but was stale by then
    assert not errors
    runner.shutdown()


def test_errors_go_to_the_handler_and_later_jobs_still_run(qtbot):
    errors: list = []
    runner = make_runner(errors)
    done: list = []
    runner.run(lambda: 1 / 0)
    runner.run(lambda: "next", done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert [type(e) for e in errors] == [ZeroDivisionError]
    assert done == ["next"]
    runner.shutdown()


def test_shutdown_waits_for_the_running_job_and_drops_callbacks(qtbot):
    errors: list = []
    runner = make_runner(errors)
    finished = threading.Event()
    called: list = []

    def slow_write() -> None:
        threading.Event().wait(0.05)
        finished.set()

    runner.run(slow_write, called.append)
    runner.shutdown()
    assert finished.is_set()  # a write in progress is completed, never cut off
    qtbot.wait(20)
    assert called == []
    runner.run(lambda: None, called.append)  # ignored after shutdown
    qtbot.wait(20)
    assert called == []

"""Benchmark the interview wizard on the engine benchmark's generated form, offscreen.

The form (from bench_form_engine.py): 300 questions, 60 calculations, and a repeat filled with
30 members — one question per page, so ~880 pages. The assessment is stored in a temp data dir
with every answer given, then opened in the wizard as the app does (AutosaveWriter, SQLite).

Measures
  open:         service.open (form parse, answers from SQLite, interview) + window + first
                page painted; cold (form parsed) and warm (form cached in the process)
  answer:       an editor commits a value → engine update, autosave handed over, the page's
                widgets repainted and the event loop drained (top-level and member fields);
                floor: the engine's set_answer alone for the same changes (ratio printed)
  relevance:    an answer that changes which pages exist (page list recomputed)
  page switch:  Next → the new page built, shown and painted
  commit:       the background commit of one answer (SQLite, synchronous=FULL) — off the UI
                thread, printed for reference

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_interview_ui.py [--answers 300]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_form_engine import MEMBERS, answers_for, write_form  # noqa: E402

KELURAHAN = "36.71.09.1002"


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def line(name: str, values: list[float], extra: str = "") -> None:
    print(
        f"{name:34s} median {statistics.median(values):7.2f} ms  p95 {pct(values, 0.95):7.2f} ms"
        f"  max {max(values):7.2f} ms  (n={len(values)}){extra}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--pages", type=int, default=150)
    parser.add_argument("--opens", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    from kampung_desktop.ui.qt import QApplication

    app = QApplication.instance() or QApplication([])
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.interviews import InterviewService
    from kampung_desktop.survey import load_form
    from kampung_desktop.survey.navigation import page_index
    from kampung_desktop.ui.interview.autosave import AutosaveWriter
    from kampung_desktop.ui.interview.wizard import InterviewWindow

    with tempfile.TemporaryDirectory() as tmp:
        form_path = Path(tmp) / "bench.xlsx"
        write_form(form_path)
        ctx = AppContext.open(Path(tmp) / "data")
        service = InterviewService.for_context(ctx)
        service.assessments.install_form(form_path)
        answers = answers_for(load_form(form_path), rng)
        aid = service.assessments.start("bench", KELURAHAN, 1, 1, prefill=answers)

        def open_window(cold: bool) -> tuple[InterviewWindow, float]:
            if cold:
                service._forms.clear()
            start = time.perf_counter()
            writer = AutosaveWriter(service.assessments)
            session = service.open(aid, writer=writer)
            window = InterviewWindow(session)
            window.show()
            app.processEvents()
            window.repaint()
            return window, ms(start)

        cold, warm = [], []
        for _ in range(args.opens):
            window, took = open_window(cold=True)
            cold.append(took)
            window.close()
            window.deleteLater()
            window, took = open_window(cold=False)
            warm.append(took)
            window.close()
            window.deleteLater()
        app.processEvents()

        window, _ = open_window(cold=False)
        session = window.session
        pages = window.pages
        print(
            f"form: {session.form.question_count} questions, "
            f"{sum(1 for n in session.form.walk() if n.type == 'calculate')} calculations, "
            f"{len(session.interview.entries('members'))}-member repeat, {len(pages)} pages"
        )
        line("open (cold: parse form)", cold)
        line("open (warm: form cached)", warm)

        def integer_pages(member: bool) -> list[str]:
            return [
                p.key
                for p in window.pages
                if p.kind == "question"
                and p.node.type == "integer"
                and bool(p.entry) == member
                and not p.node.relevant
            ]

        ui_times: dict[str, list[float]] = {"top": [], "member": []}
        floor: list[float] = []
        commits: list[float] = []
        for kind in ("top", "member"):
            candidates = integer_pages(kind == "member")
            for n in range(args.answers // 2):
                path = candidates[n % len(candidates)]
                if window.current_page is None or window.current_page.key != path:
                    window.go_to(page_index(window.pages, path))
                    app.processEvents()
                editor = window.view.rows[path].editor
                editor.line.setText(str(rng.randint(0, 900)))
                start = time.perf_counter()
                editor.commit_pending()
                app.processEvents()
                ui_times[kind].append(ms(start))
                value = rng.randint(0, 900)
                start = time.perf_counter()
                session.interview.set_answer(path, value)
                floor.append(ms(start))
                if n % 10 == 0:
                    start = time.perf_counter()
                    window.writer.flush()
                    commits.append(ms(start))
        engine = statistics.median(floor)
        for kind, values in ui_times.items():
            ratio = f", median/engine floor {statistics.median(values) / engine:.1f}×"
            line(f"answer → widgets ({kind})", values, ratio)
        line("floor: engine set_answer alone", floor)

        # An answer that flips relevance: the page list is recomputed, the page synced.
        # q0_0 is an integer that q0_3 (and the members' calculations) depend on.
        relevance: list[float] = []
        path = "q0_0"
        window.go_to(page_index(window.pages, path))
        for n in range(40):
            editor = window.view.rows[path].editor
            editor.line.setText("" if n % 2 else "5")
            start = time.perf_counter()
            editor.commit_pending()
            app.processEvents()
            relevance.append(ms(start))
        line("answer that changes the page list", relevance)

        switches: list[float] = []
        window.go_to(0)
        app.processEvents()
        step = max(1, len(window.pages) // args.pages)
        for index in range(0, len(window.pages), step):
            start = time.perf_counter()
            window.go_to(index)
            app.processEvents()
            window.repaint()
            switches.append(ms(start))
        line("page switch (build + paint)", switches)
        window.writer.flush()
        line("background commit of one answer", commits)
        window.close()
        ctx.close()
    assert MEMBERS == 30
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Data → "Impor data rumah tangga…": the real import service on real files, with progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ui_sample_data import SUKARASA

from kampung_desktop.core.nik import Sex, compose
from kampung_desktop.ui import i18n

HEADER = "kelurahan_kode,rw,rt,alamat,no_kk,nik,nama,jenis_kelamin,tanggal_lahir,hubungan"


def rows(households: int, start: int = 0) -> list[str]:
    lines = []
    for i in range(start, start + households):
        born = date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
        no_kk = f"3671011501{10 + i // 9000:02d}{1 + i % 9000:04d}"
        head = compose("367101", Sex.MALE, born, 1 + i % 9999)
        wife = compose("367101", Sex.FEMALE, born, 1 + i % 9999)
        where = f"{SUKARASA},7,{1 + i % 5},Jl. Impor No. {i}"
        lines.append(f"{where},{no_kk},{head},Warga {i},L,{born},1")
        lines.append(f"{where},{no_kk},{wife},Istri {i},P,{born},2")
    return lines


def n(count: int) -> str:
    """A count as the window prints it (the locale's digit grouping)."""
    from kampung_desktop.ui.qt import QLocale

    return QLocale().toString(count)


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def run_import(qtbot, window, path: Path, skip: bool = False):  # type: ignore[no-untyped-def]
    dialog = window.sync_ui.open_import()
    dialog.path_edit.setText(str(path))
    dialog.skip_box.setChecked(skip)
    dialog.import_button.click()
    assert dialog.busy and dialog.progress_bar.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    return dialog


def test_import_from_the_data_menu_shows_progress_and_the_new_households(
    qtbot, open_window, filled_dir, tmp_path
):
    window = open_window(filled_dir)
    assert window.sync_ui.import_action in window.file_menu.actions()
    assert window.sync_ui.import_action.text() == "Impor data rumah tangga…"
    seen: list[tuple[int, int]] = []
    path = write(tmp_path / "registri.csv", rows(1200))
    dialog = window.sync_ui.open_import()
    dialog.runner.progressed.connect(seen.append)
    dialog.path_edit.setText(str(path))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)

    assert dialog.message.text() == (
        f"Diimpor — rumah tangga: {n(1200)} ({n(1200)} baru, 0 diperbarui); anggota: "
        f"{n(2400)} ({n(2400)} baru, 0 diperbarui)."
    )
    assert seen and all(0 < done <= total for done, total in seen)
    assert dialog.progress_bar.value() == dialog.progress_bar.maximum()
    qtbot.waitUntil(
        lambda: window.list.count_label.text() == f"{n(1203)} rumah tangga", timeout=10_000
    )
    status = window.sync_ui.controller
    qtbot.waitUntil(lambda: status.status is not None and status.status.pending_total >= 3600)

    again = run_import(qtbot, window, path)  # the same file again: the same records
    assert again.message.text() == (
        f"{n(1200)} rumah tangga ({n(2400)} anggota) di berkas sudah sama dengan data laptop "
        "ini; tidak ada yang berubah."
    )
    lines = rows(1200)
    lines[:2] = [line.replace("Jl. Impor No. 0", "Jl. Impor No. 0A") for line in lines[:2]]
    changed = run_import(qtbot, window, write(tmp_path / "registri.csv", lines))
    assert changed.message.text() == (  # the address is the household's: one update
        f"Diimpor — rumah tangga: {n(1200)} (0 baru, 1 diperbarui); anggota: {n(2400)} "
        "(0 baru, 0 diperbarui)."
    )


def test_a_bad_row_stops_the_import_and_names_its_line_and_column(
    qtbot, open_window, filled_dir, tmp_path
):
    window = open_window(filled_dir)
    lines = rows(3)
    lines[2] = lines[2].replace(lines[2].split(",")[5], "12345")  # a NIK of five digits
    path = write(tmp_path / "registri.csv", lines)
    dialog = run_import(qtbot, window, path)
    assert dialog.report is None
    assert dialog.message.text() == (
        '1 masalah; tidak ada yang diimpor. Perbaiki berkasnya, atau centang "Impor baris yang '
        'benar saja".'
    )
    problems = dialog.problem_lines()
    assert len(problems) == 1 and problems[0].startswith("baris 4, kolom 6 (nik): ")
    assert dialog.problem_view.toPlainText() == problems[0]
    assert window.list.count_label.text() == "3 rumah tangga"  # nothing written

    i18n.apply("en")
    try:
        qtbot.waitUntil(lambda: dialog.problem_view.toPlainText().startswith("line 4, column 6"))
        assert dialog.import_button.text() == "Import"
    finally:
        i18n.apply("id")

    skipped = run_import(qtbot, window, path, skip=True)
    reject = tmp_path / "registri.ditolak.csv"
    assert skipped.message.text() == (
        "Diimpor — rumah tangga: 2 (2 baru, 0 diperbarui); anggota: 4 (4 baru, 0 diperbarui). "
        f"2 baris ditolak, ditulis ke {reject}."
    )
    assert reject.exists()
    qtbot.waitUntil(lambda: window.list.count_label.text() == "5 rumah tangga", timeout=10_000)


def test_a_missing_file_is_named_before_anything_runs(qtbot, open_window, filled_dir, tmp_path):
    window = open_window(filled_dir)
    dialog = window.sync_ui.open_import()
    dialog.path_edit.setText(str(tmp_path / "tidak-ada.csv"))
    dialog.import_button.click()
    assert not dialog.busy
    assert dialog.message.text() == "Pilih berkas CSV atau XLSX yang ada."

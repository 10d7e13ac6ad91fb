"""`kampung --self-check` in the test process: it passes on a good install and names what broke.

The bundle itself is built and self-checked in tests/test_installer.py (slow); here each check
is shown to fail, by name, when the part it checks is broken.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from kampung_desktop import paths
from kampung_desktop.cli import main
from kampung_desktop.services import selfcheck
from kampung_desktop.services.selfcheck import SelfCheckState, run_check
from kampung_desktop.ui import selfcheck as ui_selfcheck

CHECKS = (
    "database",
    "household",
    "forms",
    "scoring",
    "certificate",
    "sync client",
    "translations",
    "pdf view",
    "main window",
)


def report(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--self-check"])
    return code, capsys.readouterr().out.splitlines()


def test_self_check_passes_every_check(qapp, capsys):
    code, lines = report(capsys)
    assert code == 0, "\n".join(lines)
    assert lines[0].startswith("kampung 0.1.0 self-check (python, ")
    assert [line[6:19].strip() for line in lines[1:-1]] == list(CHECKS)
    assert all(line.startswith("ok    ") for line in lines[1:-1])
    assert lines[-1] == "self-check: OK (9 checks) / pemeriksaan mandiri berhasil"
    certificate = next(line for line in lines if "certificate" in line)
    assert re.search(r"400\.9/001/DPMPPA/\d{4} .*QR 29×29 matches, verifies as valid", certificate)


def test_a_broken_form_fails_the_forms_check_by_name(qapp, capsys, tmp_path, monkeypatch):
    forms = tmp_path / "forms"
    shutil.copytree(paths.forms_dir(), forms)
    (forms / "ksm_potential.xlsx").write_bytes(b"not a workbook")
    monkeypatch.setattr(paths, "forms_dir", lambda: forms)
    code, lines = report(capsys)
    assert code == 1
    [failed] = [line for line in lines if line.startswith("FAIL")]
    assert failed.startswith("FAIL  forms") and "ksm_potential.xlsx" in failed
    assert lines[-1] == "self-check: FAILED (forms) / pemeriksaan mandiri GAGAL"


def test_missing_translation_fails_by_name(qapp, capsys, tmp_path, monkeypatch):
    from kampung_desktop.ui import i18n

    monkeypatch.setattr(i18n, "qm_path", lambda code: tmp_path / f"kampung_{code}.qm")
    code, lines = report(capsys)
    assert code == 1
    assert lines[-1].startswith("self-check: FAILED (translations)")


def test_scoring_that_drifts_from_the_worked_example_fails(tmp_path, monkeypatch):
    real = selfcheck.examples

    def drifted():
        cases = real()
        return [replace(cases[0], total=cases[0].total + 1), *cases[1:]]

    monkeypatch.setattr(selfcheck, "examples", drifted)
    result = run_check("scoring", selfcheck.check_scoring, SelfCheckState(tmp_path))
    assert not result.ok
    assert result.detail == "kotaku: 38 KS, expected 39 KS"


def test_a_program_without_an_example_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(selfcheck, "examples", lambda: [])
    result = run_check("scoring", selfcheck.check_scoring, SelfCheckState(tmp_path))
    assert not result.ok and result.detail.startswith("no self-check example for program ")


def test_a_qr_that_renders_differently_fails_the_pdf_view(qapp, tmp_path):
    state = SelfCheckState(tmp_path)
    try:
        assert run_check("database", selfcheck.check_database, state).ok
        assert run_check("certificate", selfcheck.check_certificate, state).ok
    finally:
        state.close()
    assert run_check("pdf view", ui_selfcheck.check_pdf_view, state).ok
    qr = state.certificate_qr
    assert qr is not None
    flipped = list(qr.rows)
    flipped[10] ^= 1 << 12  # one module of the data area, light <-> dark
    state.certificate_qr = replace(qr, rows=tuple(flipped))
    result = run_check("pdf view", ui_selfcheck.check_pdf_view, state)
    assert (result.ok, result.detail) == (False, "1 of 841 QR modules render wrongly in QtPdf")


def test_pdf_without_the_certificate_qr_is_named(tmp_path):
    pdf = tmp_path / "blank.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n")
    with pytest.raises(selfcheck.CheckFailed, match="blank.pdf carries no QR code"):
        selfcheck.read_pdf_qr(pdf)
    (tmp_path / "cut.pdf").write_bytes(pdf.read_bytes()[:20])
    with pytest.raises(selfcheck.CheckFailed, match="cut.pdf is not a complete PDF file"):
        selfcheck.read_pdf_qr(tmp_path / "cut.pdf")


def test_checks_after_a_failed_database_say_why_they_did_not_run(qapp, tmp_path, monkeypatch):
    from kampung_desktop.services import app

    def refuse(data_dir: Path):
        raise OSError("disk full")

    monkeypatch.setattr(app.AppContext, "open", classmethod(lambda cls, d: refuse(d)))
    out = io.StringIO()
    assert ui_selfcheck.run_self_check(out) == 1
    lines = out.getvalue().splitlines()
    assert "FAIL  database" in lines[1] and "OSError: disk full" in lines[1]
    certificate = next(line for line in lines if line[6:19].strip() == "certificate")
    assert certificate.startswith("FAIL") and "not run: the database check failed" in certificate
    assert lines[-1].startswith(
        "self-check: FAILED (database, household, certificate, sync client, pdf view"
    )


def test_an_error_in_a_window_slot_is_named_not_waited_for(qapp, tmp_path, monkeypatch):
    from kampung_desktop.ui.main_window import MainWindow

    def broken(self, result):
        raise RuntimeError("tree model exploded")

    monkeypatch.setattr(MainWindow, "_loaded", broken)
    state = SelfCheckState(tmp_path)
    result = run_check("main window", ui_selfcheck.check_main_window, state)
    assert not result.ok
    assert result.detail.startswith("the main window failed: RuntimeError: tree model exploded")
    assert result.seconds < ui_selfcheck.WINDOW_TIMEOUT_S / 2


def test_a_token_store_that_loses_the_token_fails_the_sync_check(tmp_path, monkeypatch):
    from kampung_desktop.services.sync import credentials

    monkeypatch.setattr(credentials.TokenStore, "load", lambda self: None)
    before = os.environ.get(credentials.BACKEND_ENV)
    state = SelfCheckState(tmp_path)
    try:
        assert run_check("database", selfcheck.check_database, state).ok
        result = run_check("sync client", selfcheck.check_sync, state)
    finally:
        state.close()
    assert (result.ok, result.detail) == (
        False,
        "the encrypted token file did not give back the token saved",
    )
    assert os.environ.get(credentials.BACKEND_ENV) == before  # put back as it was

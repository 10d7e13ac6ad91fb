"""The rotating log file in the data dir, and the safety net that keeps NIKs out of it."""

from __future__ import annotations

import logging
import logging.handlers

import pytest

from kampung_desktop.services import logsetup


@pytest.fixture
def root_logger():
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield root
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_log_goes_to_a_rotating_file_in_the_data_dir(tmp_path, root_logger):
    path = logsetup.configure(tmp_path)
    assert path == tmp_path / "logs" / "kampung.log"
    logging.getLogger("kampung.test").info("household saved: %s", "0f1e2d")
    handler = next(h for h in root_logger.handlers if getattr(h, "_kampung", False))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == logsetup.MAX_BYTES and handler.backupCount == logsetup.BACKUPS
    handler.flush()
    assert "household saved: 0f1e2d" in path.read_text(encoding="utf-8")


def test_configuring_twice_keeps_one_handler(tmp_path, root_logger):
    logsetup.configure(tmp_path / "a")
    logsetup.configure(tmp_path / "b")
    ours = [h for h in root_logger.handlers if getattr(h, "_kampung", False)]
    assert len(ours) == 1


@pytest.mark.parametrize(
    "text",
    ["3671011708800001", "3671 0117 0880 0001", "367101.170880.0001", "NIK=3671011708800001;"],
)
def test_sixteen_digit_numbers_are_blanked(text):
    assert "0001" not in logsetup.redact(text)
    assert logsetup.REDACTED in logsetup.redact(text)


def test_shorter_numbers_and_ids_are_kept():
    text = "household 3f2a9c1e-0b7d rowid 123456 at 2026-11-23 RT 005"
    assert logsetup.redact(text) == text


def test_tracebacks_are_redacted_too(tmp_path, root_logger):
    path = logsetup.configure(tmp_path)
    try:
        raise ValueError("bad NIK 3671014508900002")
    except ValueError:
        logging.getLogger("kampung.test").exception("failed")
    for handler in root_logger.handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "Traceback" in text and "ValueError" in text
    assert "3671014508900002" not in text


def test_unwritable_data_dir_falls_back_to_stderr(tmp_path, root_logger):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    assert logsetup.configure(blocker) is None

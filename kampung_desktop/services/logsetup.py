"""The app's log: a rotating file in `<data dir>/logs/`, with no personal data in it.

Code logs ids and counts, never names or NIKs. As a safety net the formatter also blanks every
16-digit number (NIK, No. KK) that slips into a message or a traceback, because exception texts
are not under our control.
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_DIRNAME = "logs"
LOG_FILENAME = "kampung.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
REDACTED = "[angka-16-disamarkan]"
# 16 digits, run together or in the groups people type ("3671 0145 0190 0001", "367101.450190.0001")
_SIXTEEN_DIGITS = re.compile(r"(?<!\d)(?:\d[ .-]?){15}\d(?!\d)")


class RedactingFormatter(logging.Formatter):
    """A formatter that blanks NIK/No. KK-like numbers in the whole record, traceback included."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def redact(text: str) -> str:
    return _SIXTEEN_DIGITS.sub(REDACTED, text)


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIRNAME / LOG_FILENAME


class _WhenDataDirExists(RotatingFileHandler):
    """The rotating file, opened at the first record and only once the data dir exists.

    A command that fails before it made its database (a typo in --data-dir) or a read-only
    command on a folder that is not there must not create a folder just to log; records
    before then are dropped (nothing was changed, so nothing needs recording).
    """

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        self.data_dir = Path(path).parent.parent

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is None:  # type: ignore[has-type]
            try:
                if not self.data_dir.is_dir():
                    return
                Path(self.baseFilename).parent.mkdir(exist_ok=True)
            except OSError:
                return  # a read-only data dir or an impossible name: the command says so
        super().emit(record)


def configure(data_dir: Path, level: int = logging.INFO, create: bool = True) -> Path | None:
    """Send the root logger to the rotating file; returns its path, None if it cannot be made.

    `create=False` (the CLI) makes nothing until the data dir exists for another reason.
    Idempotent: a second call (a reopened window, a test) replaces the handler it added before.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_kampung", False)]:
        root.removeHandler(handler)
        handler.close()
    path = log_path(data_dir)
    handler: logging.Handler
    try:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        else:
            handler = _WhenDataDirExists(path)
    except OSError:
        handler, path = logging.StreamHandler(), None  # unwritable data dir: stderr only
    handler.setFormatter(RedactingFormatter(FORMAT))
    handler._kampung = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path

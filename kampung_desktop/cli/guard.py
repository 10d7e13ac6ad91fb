"""Run one subcommand so that no traceback ever reaches the user.

Every command goes through `run()`: its failures are mapped by `services.failures.explain`
(the same mapping the GUI's fault dialog uses) to one line "kampung: <id> / <en>" and a
non-zero exit code. A failure the mapping does not know is a bug: its traceback goes to the
log file (which holds no personal data) and the user gets a short note saying where it is.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from kampung_desktop.cli.common import CliError, data_dir
from kampung_desktop.services import logsetup
from kampung_desktop.services.failures import EXIT_BUG, explain

log = logging.getLogger("kampung.cli")

EXIT_INTERRUPTED = 130
SERVER_COMMANDS = frozenset({"server"})
EXIT_BROKEN_PIPE = 141  # what a shell reports for a program ended by SIGPIPE (`… | head`)


def command_name(args: argparse.Namespace) -> str:
    """`awards decide`, `forms check`, … (`gui` when no subcommand was given)."""
    command = getattr(args, "command", None) or "gui"
    action = getattr(args, f"{command}_command", None)
    return f"{command} {action}" if action else command


def run(handler: Callable[[argparse.Namespace], int | None], args: argparse.Namespace) -> int:
    """Run `handler(args)`; every exception becomes a message and an exit code."""
    name = command_name(args)
    log_file = _start_log(args)
    try:
        code = int(handler(args) or 0)
        sys.stdout.flush()  # a closed pipe shows up here, inside the guard
    except CliError as exc:
        _log(logging.INFO, "%s refused (exit %d)", name, exc.exit_code)
        _say(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _log(logging.INFO, "%s interrupted", name)
        _say("dibatalkan / cancelled")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        return _report(name, exc, log_file)
    _log(logging.INFO, "%s finished (exit %d)", name, code)
    return code


def _report(name: str, exc: Exception, log_file: Path | None) -> int:
    failure = explain(exc)
    if failure is None:
        where = _record_bug(name, exc, log_file)
        _say(
            "terjadi kesalahan tak terduga; data yang sudah tersimpan aman. Rincian: "
            f"{where} / an unexpected error occurred; saved data is safe. Details: {where}"
        )
        return EXIT_BUG
    _log(logging.WARNING, "%s failed: %s", name, failure.kind)
    _say(failure.text())
    return failure.exit_code


def _log(level: int, message: str, *args: object) -> None:
    """Logging must never turn a clear message into a traceback (full disk, odd path)."""
    with contextlib.suppress(Exception):
        log.log(level, message, *args)


def _start_log(args: argparse.Namespace) -> Path | None:
    """The data dir's log, made only once the data dir exists (a typo creates nothing).
    The central server keeps its own log; a laptop's data dir is not its business."""
    logging.raiseExceptions = False  # a full disk must not print logging's own traceback
    if getattr(args, "command", None) in SERVER_COMMANDS:
        return None
    try:
        return logsetup.configure(data_dir(args), create=False)
    except Exception:  # noqa: BLE001 - an odd --data-dir is the command's to report
        return None


def _record_bug(name: str, exc: Exception, log_file: Path | None) -> str:
    """Log the traceback (redacted) and say where; a temp file when the log cannot be used."""
    with contextlib.suppress(Exception):
        log.error("%s: unexpected error (%s)", name, type(exc).__name__, exc_info=exc)
        if log_file is not None and log_file.is_file():
            return str(log_file)
    text = "".join(traceback.format_exception(exc))
    try:
        fd, path = tempfile.mkstemp(prefix="kampung-error-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(logsetup.redact(text))
    except OSError:
        return "-"
    return path


def _say(text: str) -> None:
    with contextlib.suppress(OSError):  # stderr itself is gone; the exit code still says it
        print(f"kampung: {text}", file=sys.stderr, flush=True)


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at devnull so the interpreter's final flush is quiet."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())

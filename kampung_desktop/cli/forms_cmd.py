"""`kampung forms check|eval`: the headless contract of the form engine.

    kampung forms check FORM.xlsx
        exit 0, one line: `<form_id> <version>: N questions, M groups, K repeats, languages: id, en`
        exit 1, one line per problem: `<sheet>:<row>: <message>`
    kampung forms eval FORM.xlsx ANSWERS.json [--lang CODE] [--today YYYY-MM-DD]
        prints {"form_id", "version", "complete", "fields": {PATH: {relevant, required, valid,
        value, message}}}

Other tools script against these lines and this JSON; keep them stable.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from kampung_desktop.cli.common import CliError


def register(sub: argparse._SubParsersAction) -> None:
    forms = sub.add_parser("forms", help="periksa dan uji formulir XLSForm / check and try forms")
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="SUBCOMMAND", required=True)

    check = forms_sub.add_parser("check", help="periksa formulir / check a form")
    check.add_argument("form", type=Path, help="XLSForm .xlsx (or .md)")
    check.add_argument("--lang", default="id", help="bahasa pesan / message language (id, en)")
    check.set_defaults(handler=run_check)

    evaluate = forms_sub.add_parser("eval", help="hitung jawaban / evaluate answers")
    evaluate.add_argument("form", type=Path, help="XLSForm .xlsx (or .md)")
    evaluate.add_argument("answers", type=Path, help="ANSWERS.json: field name → value")
    evaluate.add_argument("--lang", default=None, help="bahasa pesan / message language")
    evaluate.add_argument(
        "--today",
        default=None,
        help="tanggal untuk today(); now() = tengah malam / date for today(); now() is midnight",
    )
    evaluate.set_defaults(handler=run_eval)


def _load(path: Path, lang: str) -> Any:
    from kampung_desktop.services.input_files import InputFileError, check_file
    from kampung_desktop.survey import FormLoadError, load_form

    try:
        check_file(path)
    except InputFileError as exc:
        raise CliError(str(exc)) from None
    try:
        return load_form(path)
    except FormLoadError as exc:
        for problem in exc.problems:
            print(problem.line(lang))
        return None


def run_check(args: argparse.Namespace) -> int:
    form = _load(args.form, args.lang)
    if form is None:
        return 1
    if not _usable_language(form, form.default_language):  # what `eval` would refuse
        print(
            f"settings:2: default_language '{form.default_language}' tidak ada di formulir; "
            f"pakai salah satu dari {', '.join(form.languages)} / is not a language of the form"
        )
        return 1
    print(form.summary())
    for warning in form.warnings:  # what ODK tolerates: the form loads; stdout stays one line
        print(
            f"{warning.sheet}:{warning.row}: peringatan / warning: {warning.text(args.lang)}",
            file=sys.stderr,
        )
    return 0


def _usable_language(form: Any, lang: str) -> bool:
    return lang in form.languages or lang in ("id", "en")


def run_eval(args: argparse.Namespace) -> int:
    from kampung_desktop.survey import AnswerError, Interview

    today = _parse_today(args.today)
    form = _load(args.form, args.lang or "id")
    if form is None:
        return 1
    lang = args.lang or form.default_language
    if not _usable_language(form, lang):
        raise CliError(
            f"bahasa '{lang}' tidak ada di formulir / language '{lang}' is not in the form "
            f"({', '.join(form.languages)})"
        )
    answers = _read_answers(args.answers)
    now = datetime.combine(today, time()) if today else None  # reproducible now() with --today
    try:
        interview = Interview(form, answers, lang=lang, today=today, now=now)
    except AnswerError as exc:
        raise CliError(
            f"{args.answers}: {exc.text(lang if lang in ('id', 'en') else 'id')}"
        ) from exc
    print(json.dumps(_finite(interview.to_eval_json()), ensure_ascii=False, indent=2))
    return 0


def _finite(value: Any) -> Any:
    """JSON has no NaN or Infinity: a non-finite number is written as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def _parse_today(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(
            f"--today harus TTTT-BB-HH / --today must be YYYY-MM-DD, not '{text}'"
        ) from None


def _read_answers(path: Path) -> dict[str, Any]:
    from kampung_desktop.services.input_files import InputFileError, read_text

    try:
        data = json.loads(read_text(path))
    except InputFileError as exc:
        raise CliError(str(exc)) from None
    except json.JSONDecodeError as exc:
        where = f"baris/line {exc.lineno}, kolom/column {exc.colno}"
        raise CliError(f"{path}: JSON tidak sah / invalid JSON ({where}: {exc.msg})") from None
    except RecursionError:
        raise CliError(f"{path}: JSON bersarang terlalu dalam / JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise CliError(f"{path}: harus objek JSON / must be a JSON object")
    return data

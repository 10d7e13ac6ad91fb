"""`kampung awards score` and `kampung awards decide`: award scoring and decisions from the CLI.

`score` is a headless contract other tools rely on: it prints the JSON of
`kampung_desktop.scoring.Result.to_dict()` — at least `program`, `total`, `level`, `label` and
`items` of `{id, input, percent, score}` — and exits 1 with one line on any invalid input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from kampung_desktop.cli.common import CliError, add_data_dir, area_code, rw_rt, year
from kampung_desktop.cli.credentials import add_credentials, open_context
from kampung_desktop.core.roles import Permission


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "awards",
        help="skor dan keputusan penghargaan / award scoring and decisions",
        description="Skor penilaian dan keputusan penghargaan / award scoring and decisions.",
    )
    awards = parser.add_subparsers(dest="awards_command", metavar="ACTION", required=True)

    score = awards.add_parser(
        "score",
        help="hitung skor dari berkas jawaban JSON / score an answers JSON file",
        description="Cetak skor sebagai JSON / print the score as JSON "
        '{"program", "total", "level", "label", "items": [{"id", "input", "percent", "score"}]}.',
    )
    # A plain string, not argparse `choices`: an unknown program must exit 1 with our one-line
    # message, not argparse's usage text and exit 2.
    score.add_argument("program", metavar="PROGRAM", help="kotaku | bantar | ksm")
    score.add_argument("answers", metavar="ANSWERS.json", help="jawaban per nama field / answers")
    score.set_defaults(handler=_score)

    # ── decide: records an award decision through AwardsService, exactly as the GUI does. ──
    decide = awards.add_parser(
        "decide",
        help="catat keputusan penghargaan / record an award decision",
        description="Catat keputusan penghargaan / record an award decision.",
    )
    add_data_dir(decide)
    add_credentials(decide)
    decide.add_argument("--program", required=True, help="kotaku | bantar | ksm")
    decide.add_argument("--year", required=True, type=year)
    decide.add_argument("--kelurahan", required=True, type=area_code, metavar="CODE")
    decide.add_argument("--rw", required=True, type=rw_rt, metavar="N")
    decide.add_argument(
        "--rt",
        required=True,
        type=rw_rt,
        metavar="N",
        help="RT (0 for an RW-level award such as KSM)",
    )
    decide.add_argument("--category", required=True, metavar="C")
    decide.add_argument(
        "--override",
        action="store_true",
        help="catat walau penilaian belum disetujui, skor di bawah ambang atau tidak ada "
        "penilaian (wajib --reason; dicatat di log audit) / record it anyway (needs --reason; "
        "kept in the audit log)",
    )
    decide.add_argument("--reason", metavar="TEXT", help="alasan pengecualian / override reason")
    decide.set_defaults(handler=_decide)

    from kampung_desktop.cli.awards_list import register_list

    register_list(awards)


def _score(args: argparse.Namespace) -> int:
    from kampung_desktop.scoring import ScoringError, load_rules, score

    answers = _read_answers(Path(args.answers))
    try:
        result = score(load_rules(args.program), answers)
    except ScoringError as exc:
        raise CliError(str(exc)) from None
    json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _read_answers(path: Path) -> dict[str, Any]:
    from kampung_desktop.services.input_files import InputFileError, read_text

    try:
        text = read_text(path)
    except InputFileError as exc:
        raise CliError(str(exc)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"baris/line {exc.lineno}, kolom/column {exc.colno}"
        raise CliError(f"{path}: JSON tidak sah / invalid JSON ({where}: {exc.msg})") from None
    except RecursionError:
        raise CliError(f"{path}: JSON bersarang terlalu dalam / JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise CliError(
            f"{path}: jawaban harus berupa objek JSON {{nama_field: nilai}} / "
            "answers must be a JSON object {field_name: value}"
        )
    return data


def _decide(args: argparse.Namespace) -> int:
    """Record an award decision exactly as the review window does (same service, same rule).

    The RT's ranked assessment of that year supplies the score and level stored with the
    decision. An RT without an approved assessment that reached the award threshold is refused
    unless `--override --reason TEXT` records it anyway (the reason goes into the audit log).
    """
    from kampung_desktop.core.awards import format_decimal
    from kampung_desktop.services.app import LANGUAGE_SETTING
    from kampung_desktop.services.award_rules import AwardRefused
    from kampung_desktop.services.awards import AwardError
    from kampung_desktop.services.review import ReviewService

    if args.override and not (args.reason or "").strip():
        raise CliError("--override perlu --reason TEKS / --override needs --reason TEXT")
    if args.reason is not None and not args.override:
        raise CliError("--reason hanya bersama --override / --reason goes with --override")
    ctx = open_context(args, Permission.DECIDE_AWARDS, args.kelurahan)  # see cli/guard.py
    try:
        lang = ctx.setting(LANGUAGE_SETTING) or "id"
        review = ReviewService.for_context(ctx)
        try:
            decision, _ = review.decide_rt(
                args.program, args.year, args.kelurahan, args.rw, args.rt, args.category,
                override_reason=args.reason if args.override else None,
            )  # fmt: skip
        except AwardRefused as exc:
            raise CliError(
                f"{exc}; --override --reason TEKS untuk tetap mencatat / to record it anyway"
            ) from None
        except (AwardError, ValueError) as exc:
            raise CliError(str(exc)) from None
        place = review.area_name(decision.kelurahan_kode)
    finally:
        ctx.close()
    scored = (
        f" (skor {format_decimal(decision.score, lang)}, {_level_label(decision, lang)})"
        if decision.score
        else " (tanpa skor)"
    )
    print(
        f"{decision.id}  {decision.program} {decision.year} kategori {decision.category}: "
        f"{_area(decision.rw, decision.rt)} Kelurahan {place}{scored}"
    )
    return 0


def _level_label(decision: Any, lang: str) -> str:
    """The tier as people read it ("Layak Kampung Bantar"), not its code ("layak")."""
    from kampung_desktop.scoring import load_rules

    for level in load_rules(decision.program).levels:
        if level.code == decision.level:
            return level.label_en if lang == "en" else level.label
    return str(decision.level)


def _area(rw: int, rt: int) -> str:
    """`RT 005 / RW 012`, or `RW 002` for an RW-level award (rt 0)."""
    return f"RT {rt:03d} / RW {rw:03d}" if rt else f"RW {rw:03d}"

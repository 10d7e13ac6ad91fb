"""`kampung awards list`: which RTs have assessments, their scores, and whether they can be awarded.

    kampung awards list --data-dir DIR --program P --year Y [--kelurahan CODE] [--json]

Human output: one line per area, best score first, with the state, the score in the user's
language (88,89 in Indonesian), the level, the decision taken and what stands against an award.
`--json` prints a list of objects (scores as JSON numbers, with a dot) for other tools:
`{"rank", "kelurahan_kode", "kelurahan", "rw", "rt", "assessment_id", "state", "score", "level",
"label", "eligible", "refusals": [{"code", "id", "en"}], "decision": {"id", "category",
"certificate"} | null}`. Areas with a decision but no ranked assessment are listed too.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from kampung_desktop.cli.common import CliError, add_data_dir, area_code, year
from kampung_desktop.cli.credentials import CITY, add_credentials, open_context
from kampung_desktop.core.roles import Permission


def register_list(awards: argparse._SubParsersAction) -> None:
    parser = awards.add_parser(
        "list",
        help="daftar RT dengan penilaian, skor dan keputusan / RTs with assessments and scores",
        description="Daftar RT (RW untuk KSM) yang punya penilaian pada tahun itu, skor, tingkat, "
        "apakah bisa diberi penghargaan dan keputusan yang sudah ada / areas with assessments, "
        "scores, eligibility and decisions.",
    )
    add_data_dir(parser)
    add_credentials(parser)
    parser.add_argument("--program", required=True, help="bantar | ksm | kotaku")
    parser.add_argument("--year", required=True, type=year)
    parser.add_argument(
        "--kelurahan", type=area_code, metavar="CODE", help="kelurahan (atau kecamatan, kota)"
    )
    parser.add_argument("--json", action="store_true", help="keluaran JSON / JSON output")
    parser.set_defaults(handler=_list)


def _list(args: argparse.Namespace) -> int:
    from kampung_desktop.scoring import PROGRAM_FORMS
    from kampung_desktop.services.app import LANGUAGE_SETTING
    from kampung_desktop.services.review import ReviewService

    if args.program not in PROGRAM_FORMS:
        raise CliError(
            f"Program '{args.program}' tidak dikenal; pilih {', '.join(PROGRAM_FORMS)} / "
            "unknown program."
        )
    ctx = open_context(args, Permission.REVIEW, args.kelurahan or CITY)
    try:
        lang = ctx.setting(LANGUAGE_SETTING) or "id"
        review = ReviewService.for_context(ctx)
        items = _items(review, args.program, args.year, args.kelurahan)
    finally:
        ctx.close()
    if args.json:
        json.dump(items, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not items:
        print(f"Belum ada penilaian {args.program} {args.year} / no assessments for that year.")
        return 0
    for item in items:
        print(_line(item, lang))
    return 0


def _items(review: Any, program: str, year_: int, kode: str | None) -> list[dict[str, Any]]:
    from kampung_desktop.core.awards import RW_LEVEL_PROGRAMS
    from kampung_desktop.scoring.result import json_number

    rw_level = program in RW_LEVEL_PROGRAMS
    names = review.areas_by_code()
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for ranked in review.ranking(program, year_, kode):
        a, decision = ranked.assessment, ranked.decision
        refusals = review.refusals(a)
        if decision is not None:
            seen.add(decision.id)
        items.append({
            "rank": ranked.rank,
            "kelurahan_kode": a.kelurahan_kode,
            "kelurahan": a.kelurahan,
            "rw": a.rw,
            "rt": None if rw_level else a.rt,  # KSM: the RW is awarded
            "assessment_id": a.id,
            "state": a.state,
            "score": json_number(a.total),
            "level": a.result.level if a.result else None,
            "label": a.result.label if a.result else None,
            "label_en": a.result.label_en if a.result else None,
            "eligible": not refusals,
            "refusals": [{"code": r.code, "id": r.text_id, "en": r.text_en} for r in refusals],
            "decision": None,
            "_decision": decision,
        })  # fmt: skip
    for row in review.awards.decisions(program, year_, kode):
        if row.decision.id not in seen:
            d = row.decision
            items.append({
                "rank": None, "kelurahan_kode": d.kelurahan_kode,
                "kelurahan": names.get(d.kelurahan_kode, (row.kelurahan, ""))[0],
                "rw": d.rw, "rt": d.rt or None, "assessment_id": d.assessment_id, "state": None,
                "score": json_number(_decimal(d.score)), "level": d.level, "label": None,
                "label_en": None, "eligible": False, "refusals": [], "decision": None,
                "_decision": d,
            })  # fmt: skip
    certificates = {
        r.decision.id: r.certificate_number for r in review.awards.decisions(program, year_, kode)
    }
    for item in items:
        d = item.pop("_decision")
        if d is not None:
            item["decision"] = {
                "id": d.id,
                "category": d.category,
                "certificate": certificates.get(d.id),
            }
    return items


def _line(item: dict[str, Any], lang: str) -> str:
    from kampung_desktop.core.awards import format_decimal
    from kampung_desktop.services.review import state_label

    rank = f"{item['rank']:>3}" if item["rank"] else "  –"
    rt = f"RT {item['rt']:03d} / " if item["rt"] else ""
    place = f"{rt}RW {item['rw']:03d} {item['kelurahan']} ({item['kelurahan_kode']})"
    score = format_decimal(f"{item['score']:.2f}", lang) if item["score"] is not None else "–"
    label = item["label"] if lang == "id" else item["label_en"]
    parts = [f"{rank}  {place}", f"skor {score}" + (f" ({label})" if label else "")]
    if item["state"]:
        parts.append(state_label(item["state"], lang))
    if item["decision"]:
        cert = item["decision"]["certificate"]
        parts.append(
            f"diputuskan: {item['decision']['category']}" + (f", piagam {cert}" if cert else "")
        )
    elif item["eligible"]:
        parts.append("dapat diberi penghargaan / eligible")
    elif item["refusals"]:
        parts.append("; ".join(r[lang if lang in ("id", "en") else "id"] for r in item["refusals"]))
    return " · ".join(parts)


def _decimal(text: str | None) -> Any:
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None

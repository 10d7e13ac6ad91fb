"""`kampung certificates print | verify | report`: award certificates and summary reports.

Contracts other tools rely on:
    kampung certificates print --data-dir DIR --program bantar --year 2026 [--kelurahan CODE]
        --out FILE.pdf [--separate DIR]
    kampung certificates verify --data-dir DIR NUMBER
        first word of the output: valid | revoked | unknown (| altered for a scanned QR text);
        exit 0 only for valid
    kampung certificates report --data-dir DIR --program P --year Y --kelurahan CODE
        --out FILE.pdf [--csv F] [--xlsx F]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from kampung_desktop.cli.common import CliError, add_data_dir, area_code, year
from kampung_desktop.cli.credentials import CITY, add_credentials, open_context
from kampung_desktop.core.roles import Permission

VERIFY_TEXT = {
    "valid": "piagam sah / certificate is valid",
    "revoked": "piagam telah dicabut / certificate was revoked",
    "unknown": "nomor tidak terdaftar / number not on record",
    "altered": "isi piagam tidak cocok dengan arsip / content does not match the record",
}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "certificates",
        help="cetak dan periksa piagam penghargaan / print and verify award certificates",
        description="Piagam penghargaan dan laporan rekapitulasi / certificates and reports.",
    )
    actions = parser.add_subparsers(dest="certificates_command", metavar="ACTION", required=True)

    pr = actions.add_parser(
        "print",
        help="cetak piagam untuk semua RT yang diberi penghargaan / print certificates",
        description="Cetak piagam semua keputusan aktif di kelurahan, kecamatan atau kota "
        "(tanpa --kelurahan: seluruh kota) / print the certificates of all active decisions.",
    )
    add_data_dir(pr)
    add_credentials(pr)
    _program_year(pr)
    pr.add_argument(
        "--kelurahan",
        type=area_code,
        metavar="CODE",
        help="kode kelurahan (atau kecamatan/kota) / kelurahan (or kecamatan, city) code",
    )
    pr.add_argument("--out", metavar="FILE.pdf", help="satu PDF berisi semua piagam / one PDF")
    pr.add_argument("--separate", metavar="DIR", help="satu PDF per piagam / one PDF each")
    pr.add_argument("--date", metavar="YYYY-MM-DD", help="tanggal piagam baru (default: hari ini)")
    pr.add_argument("--template", metavar="NAME|FILE.toml", help="templat lain / another template")
    pr.set_defaults(handler=_print)

    verify = actions.add_parser(
        "verify",
        help="periksa nomor piagam / check a certificate number",
        description="Cetak valid, revoked, unknown, atau altered bila teks QR yang dipindai "
        "(PIAGAM|nomor|digest) tidak cocok dengan arsip (isi piagam diubah); keluar 0 hanya "
        "untuk valid / prints valid, revoked, unknown, or altered when a scanned QR text "
        "(PIAGAM|number|digest) does not match the record (the printed content was changed); "
        "exit 0 only for valid.",
    )
    add_data_dir(verify)
    add_credentials(verify)
    verify.add_argument("number", metavar="NUMBER", help="nomor piagam atau teks QR / number or QR")
    verify.set_defaults(handler=_verify)

    report = actions.add_parser(
        "report",
        help="laporan rekapitulasi per kelurahan / summary report per kelurahan",
        description="Laporan PDF (tabel, jumlah per tingkat, grafik) dan ekspor CSV/XLSX.",
    )
    add_data_dir(report)
    add_credentials(report)
    _program_year(report)
    report.add_argument("--kelurahan", required=True, type=area_code, metavar="CODE")
    report.add_argument("--out", metavar="FILE.pdf", help="laporan PDF / report PDF")
    report.add_argument("--csv", metavar="FILE.csv")
    report.add_argument("--xlsx", metavar="FILE.xlsx")
    report.set_defaults(handler=_report)


def _program_year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--program", required=True, help="bantar | ksm | kotaku")
    parser.add_argument("--year", required=True, type=year)


def _open(args: argparse.Namespace, permission: Permission, area: str | None):  # type: ignore[no-untyped-def]
    return open_context(args, permission, area)  # in use, read-only…: cli/guard.py says so


def _check_program(program: str) -> None:
    from kampung_desktop.scoring import PROGRAM_FORMS

    if program not in PROGRAM_FORMS:
        raise CliError(
            f"Program '{program}' tidak dikenal; pilih {', '.join(PROGRAM_FORMS)} / unknown program."
        )


def _print(args: argparse.Namespace) -> int:
    from kampung_desktop.services.printing import PrintError, PrintingService, PrintRequest

    _check_program(args.program)
    if not args.out and not args.separate:
        raise CliError("--out FILE.pdf atau --separate DIR wajib / give --out or --separate")
    on_date = _date(args.date) if args.date else None
    ctx = _open(args, Permission.PRINT, args.kelurahan or CITY)
    try:
        service = PrintingService(ctx.db, ctx.user_id)
        request = PrintRequest(
            program=args.program,
            year=args.year,
            kode_prefix=args.kelurahan,
            out_pdf=Path(args.out) if args.out else None,
            separate_dir=Path(args.separate) if args.separate else None,
            on_date=on_date,
            template=args.template,
        )
        try:
            outcome = service.run(request)
            warning = service.signatory_warning(args.program, args.template)
        except PrintError as exc:
            raise CliError(str(exc)) from None
    finally:
        ctx.close()
    where = ", ".join(str(f) for f in outcome.files[:1])
    if args.separate:
        where = (where + ", " if args.out else "") + f"{args.separate} ({outcome.count} berkas)"
    if warning:  # on stderr, after a batch that printed (an error stays one line)
        print(f"Peringatan / warning: {warning}", file=sys.stderr)
    first, last = outcome.numbers[0], outcome.numbers[-1]
    print(f"{outcome.count} piagam dicetak / printed: {where}; nomor {first} … {last}")
    return 0


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"--date '{text}': tulis YYYY-MM-DD / use YYYY-MM-DD") from None


def _verify(args: argparse.Namespace) -> int:
    from kampung_desktop.services.printing import PrintError, PrintingService

    ctx = _open(args, Permission.VIEW_REGISTRY, None)
    try:
        try:
            result = PrintingService(ctx.db, ctx.user_id).verify(args.number)
        except PrintError as exc:
            raise CliError(str(exc)) from None
    finally:
        ctx.close()
    details = [VERIFY_TEXT[result.status], result.number]
    decision = result.decision
    if decision is not None:
        details.append(
            f"{decision.program} {decision.year} kategori {decision.category}, "
            f"RT {decision.rt:03d}/RW {decision.rw:03d}, kelurahan {decision.kelurahan_kode}"
        )
    if result.reason:
        details.append(f"alasan / reason: {result.reason}")
    print(f"{result.status} — " + "; ".join(details))
    return 0 if result.status == "valid" else 1


def _report(args: argparse.Namespace) -> int:
    from kampung_desktop.services.printing import PrintError, write_report
    from kampung_desktop.services.review import ReviewService

    _check_program(args.program)
    if not (args.out or args.csv or args.xlsx):
        raise CliError("--out, --csv atau --xlsx wajib / give --out, --csv or --xlsx")
    ctx = _open(args, Permission.EXPORT, args.kelurahan)
    try:
        review = ReviewService.for_context(ctx)
        try:
            outcome = write_report(
                review,
                args.program,
                args.year,
                args.kelurahan,
                Path(args.out) if args.out else None,
                Path(args.csv) if args.csv else None,
                Path(args.xlsx) if args.xlsx else None,
            )
        except PrintError as exc:
            raise CliError(str(exc)) from None
    finally:
        ctx.close()
    files = ", ".join(str(f) for f in outcome.files)
    print(f"laporan {outcome.rows} RT / report of {outcome.rows} rows: {files}")
    return 0

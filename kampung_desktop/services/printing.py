"""Batch printing of award certificates and the summary report, for the GUI and the CLI alike.

A batch is every active award decision of a program and year in a kelurahan, a kecamatan or the
city. The template is loaded and checked first, so a broken template or a missing emblem stops
the batch before any number is allocated or any file exists. Numbers are then allocated in one
transaction (`AwardsService.issue`: never repeated, even with two processes printing at once;
a reprint keeps its number), and the pages are rendered with progress and cancel. A cancelled or
failed batch leaves no file behind (the renderer writes to a temporary file and renames it).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kampung_desktop import paths
from kampung_desktop.certificates.model import parse_payload
from kampung_desktop.certificates.render import render_batch, render_separate
from kampung_desktop.certificates.report import ReportRow, SummaryReport, render_summary_report
from kampung_desktop.certificates.template import CertificateTemplate, TemplateError, load_template
from kampung_desktop.core import wilayah as wilayah_rules
from kampung_desktop.scoring import ScoringError, load_rules
from kampung_desktop.services import signatory
from kampung_desktop.services.audit import AuditService
from kampung_desktop.services.awards import (
    CATEGORIES,
    AwardError,
    AwardsService,
    DecisionRow,
    Verification,
)
from kampung_desktop.services.failures import shorten
from kampung_desktop.services.output_paths import file_problem, folder_problem
from kampung_desktop.services.review import PROGRAM_TITLES, ReviewService, SummaryRow
from kampung_desktop.storage import audit
from kampung_desktop.storage.database import Database

log = logging.getLogger(__name__)

Progress = Callable[[int, int], bool]
"""`progress(done, total) -> keep_going`; return False to cancel."""

SCOPE_NAMES = {
    wilayah_rules.Level.KABKOTA: ("kota", "city"),
    wilayah_rules.Level.KECAMATAN: ("kecamatan", "district"),
    wilayah_rules.Level.KELURAHAN: ("kelurahan", "kelurahan"),
}


class PrintError(ValueError):
    """A batch that cannot be printed; the text (id / en) says what to fix."""


@dataclass(frozen=True)
class PrintRequest:
    program: str
    year: int
    kode_prefix: str | None  # kelurahan, kecamatan or kota code; None: every decision
    out_pdf: Path | None = None  # all certificates in one PDF
    separate_dir: Path | None = None  # one PDF per certificate
    on_date: date | None = None  # printed date of newly issued certificates (default today)
    template: str | os.PathLike[str] | None = None  # default: the program's shipped template


@dataclass(frozen=True)
class PrintOutcome:
    count: int
    files: tuple[Path, ...]
    numbers: tuple[str, ...]
    cancelled: bool = False


def template_for(
    program: str, template: str | os.PathLike[str] | None = None
) -> CertificateTemplate:
    """The certificate template of `program` (or the one named); PrintError if unusable."""
    if template is None and not paths.resource("certificates", f"{program}.toml").is_file():
        raise PrintError(
            f"Belum ada templat piagam untuk program '{program}' "
            f"(resources/certificates/{program}.toml) / no certificate template for this program."
        )
    try:
        return load_template(template if template is not None else program)
    except TemplateError as exc:
        raise PrintError(str(exc)) from None


def category_choices(program: str) -> list[tuple[str, str]]:
    """(code, printed label) of the award categories the GUI offers: the certificate
    template's, else the ones `AwardsService` insists on; empty means free text."""
    try:
        categories = template_for(program).categories
    except PrintError:
        categories = {}
    if not categories:
        categories = {code: code.title() for code in CATEGORIES.get(program, ())}
    return list(categories.items())


def check_scope(kode: str | None) -> None:
    if kode is None:
        return
    if not wilayah_rules.is_valid_code(kode) or wilayah_rules.level_of(kode) not in SCOPE_NAMES:
        raise PrintError(
            f"Kode wilayah '{shorten(kode)}' harus kode kota, kecamatan atau kelurahan / "
            "must be a city, kecamatan or kelurahan code."
        )


class PrintingService:
    def __init__(self, db: Database, user_id: str | None, access: Any = None) -> None:
        """`access`: the signed-in AccessSession; printing needs the PRINT permission and
        lists only decisions inside the account's kelurahan (None: unprotected dir or CLI)."""
        self.db = db
        self.user_id = user_id
        self.access = access
        self.awards = AwardsService(db, user_id)

    def template(
        self, program: str, template: str | os.PathLike[str] | None = None
    ) -> CertificateTemplate:
        """The template to print with: the program's, signed by whom Settings say (a named
        template file keeps its own signatory)."""
        loaded = template_for(program, template)
        return signatory.apply(self.db, program, loaded) if template is None else loaded

    def signatory_warning(
        self, program: str, template: str | os.PathLike[str] | None = None
    ) -> str | None:
        """What to warn about before printing: a placeholder signatory (None when real)."""
        return signatory.placeholder_warning(self.template(program, template))

    def batch(self, program: str, year: int, kode_prefix: str | None) -> list[DecisionRow]:
        """The active decisions a batch would print (revoked ones are never printed)."""
        check_scope(kode_prefix)
        rows = self.awards.decisions(program, year, kode_prefix)
        scope = self.access.principal.scope if self.access is not None else ()
        if not scope:
            return rows
        from kampung_desktop.core.roles import in_scope

        return [row for row in rows if in_scope(scope, row.decision.kelurahan_kode)]

    def run(self, request: PrintRequest, progress: Progress | None = None) -> PrintOutcome:
        """Issue numbers and render; returns what was written (nothing when cancelled)."""
        if self.access is not None:
            from kampung_desktop.core.roles import Permission
            from kampung_desktop.services.access import require

            require(self.access, Permission.PRINT, request.kode_prefix)
        if request.out_pdf is None and request.separate_dir is None:
            raise PrintError(
                "Pilih berkas PDF atau folder tujuan / choose an output file or folder."
            )
        problem = file_problem(request.out_pdf) or folder_problem(request.separate_dir)
        if problem:  # before any number is issued
            raise PrintError(problem)
        template = self.template(request.program, request.template)
        rows = self.batch(request.program, request.year, request.kode_prefix)
        if not rows:
            raise PrintError(
                f"Belum ada keputusan penghargaan {request.program} {request.year} di wilayah ini"
                " / no award decisions to print here."
            )
        outputs = int(request.out_pdf is not None) + int(request.separate_dir is not None)
        total = len(rows) * outputs
        if progress is not None and not progress(0, total):
            return PrintOutcome(0, (), (), cancelled=True)
        try:
            items = self.awards.issue(rows, template, request.on_date or date.today())
        except AwardError as exc:
            raise PrintError(str(exc)) from None
        numbers = tuple(item.number for item in items)
        files: list[Path] = []
        offset = 0

        def step(done: int, _total: int) -> bool:
            return progress is None or progress(offset + done, total)

        if request.out_pdf is not None:
            result = render_batch(items, template, request.out_pdf, progress=step)
            if result.cancelled:
                return PrintOutcome(0, (), numbers, cancelled=True)
            files += result.files
            offset = len(items)
        if request.separate_dir is not None:
            result = render_separate(items, template, request.separate_dir, progress=step)
            if result.cancelled:
                for written in files:  # one output without the other is half a batch
                    Path(written).unlink(missing_ok=True)
                return PrintOutcome(0, (), numbers, cancelled=True)
            files += result.files
        AuditService(self.db, self.user_id).record_many(
            audit.PRINT, "award_decisions", [row.decision.id for row in rows]
        )
        log.info(
            "certificates printed: %d (%s %s, scope %s) into %d file(s)%s",
            len(items),
            request.program,
            request.year,
            request.kode_prefix or "all",
            len(files),
            " + one file each" if request.separate_dir is not None else "",
        )
        return PrintOutcome(len(items), tuple(files), numbers)

    def verify(self, text: str) -> Verification:
        """Check a certificate number, or a scanned QR text `PIAGAM|<number>|<digest>`."""
        text = text.strip()
        if text.startswith("PIAGAM|"):
            try:
                payload = parse_payload(text)
            except ValueError as exc:
                raise PrintError(str(exc)) from None
            return self.awards.verify(payload.number, payload.digest)
        return self.awards.verify(text)


# -- summary report ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportOutcome:
    rows: int
    files: tuple[Path, ...]


def report_rows(rows: list[SummaryRow]) -> list[ReportRow]:
    """The report's table: every scored area, and every awarded one even without a score
    (its certificate was printed, so the report must show it)."""
    out = []
    for row in rows:
        if row.score is None and not row.decision:
            continue
        notes = []
        if row.decision:
            notes.append(f"Penghargaan: kategori {row.decision}")
        if row.certificate:
            notes.append(f"No. {row.certificate}")
        if row.category and not row.decision:
            notes.append(f"Kategori {row.category}")
        out.append(
            ReportRow(
                rw=row.rw or 0,
                rt=row.rt or 0,
                score=float(row.score) if row.score is not None else None,
                level=row.level,
                note="; ".join(notes),
            )  # fmt: skip
        )
    return out


def summary_report(
    review: ReviewService,
    program: str,
    year: int,
    kelurahan_kode: str,
    printed_on: date | None = None,
) -> SummaryReport:
    """The report of one kelurahan: its RTs with scores and levels, counts per level."""
    kelurahan = review.areas_by_code().get(kelurahan_kode)
    if kelurahan is None:
        raise PrintError(f"Kelurahan {shorten(kelurahan_kode)} tidak ada / unknown kelurahan.")
    try:
        rules = load_rules(program)
    except ScoringError as exc:
        raise PrintError(str(exc)) from None
    rows = review.summary_rows(program, year, kelurahan_kode)
    authority = [review.government_of(kelurahan_kode)]  # "PEMERINTAH KOTA JAMBI", every program
    with contextlib.suppress(PrintError):  # the office under it, from the program's template
        authority += template_for(program).letterhead_lines[1:2]
    return SummaryReport(
        title=f"Rekapitulasi Penilaian {PROGRAM_TITLES.get(program, program)}",
        kelurahan=kelurahan[0],
        kecamatan=kelurahan[1],
        year=year,
        rows=report_rows(rows),
        levels=[level.code for level in rules.levels],
        level_heading="Tingkat",
        level_labels={level.code: level.label for level in rules.levels},
        authority="\n".join(line for line in authority if line),
        printed_on=printed_on or date.today(),
    )


def write_report(
    review: ReviewService,
    program: str,
    year: int,
    kelurahan_kode: str,
    out_pdf: Path | None,
    csv_path: Path | None = None,
    xlsx_path: Path | None = None,
) -> ReportOutcome:
    """The summary report as PDF and/or the same table as CSV and XLSX."""
    from kampung_desktop.certificates.export import export_csv, export_xlsx

    report = summary_report(review, program, year, kelurahan_kode)
    if not report.rows:
        raise PrintError(
            f"Belum ada penilaian {program} {year} yang final di kelurahan ini / "
            "no finalized assessments to report."
        )
    written: list[Path] = []
    for target in (out_pdf, csv_path, xlsx_path):
        problem = file_problem(target)
        if problem:
            raise PrintError(problem)
    if out_pdf is not None:
        render_summary_report(report, out_pdf)
        written.append(Path(out_pdf))
    if csv_path is not None:
        export_csv(report.rows, csv_path, report.level_heading)
        written.append(Path(csv_path))
    if xlsx_path is not None:
        export_xlsx(report.rows, xlsx_path, report.level_heading)
        written.append(Path(xlsx_path))
    trail = AuditService(review.db, review.user_id)
    report_id = f"{program}/{year}/{kelurahan_kode}"
    for path in written:
        kind = path.suffix.lower().lstrip(".")  # pdf | csv | xlsx
        action = trail.printed if kind == "pdf" else trail.exported
        action("summary_report", report_id, [kind])
    log.info(
        "summary report written: %s %s kelurahan %s, %d rows, %d file(s)",
        program,
        year,
        kelurahan_kode,
        len(report.rows),
        len(written),
    )
    return ReportOutcome(len(report.rows), tuple(written))

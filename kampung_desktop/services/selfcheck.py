"""The checks of `kampung --self-check` that need no Qt: database, forms, scoring, certificate.

An installed bundle is only worth shipping if every part it carries works where it landed: the
SQLite build and migrations, pyxform and the shipped forms, the scoring rules, reportlab with the
shipped fonts, template and emblem. Each check runs the real code path on a throw-away data dir
and returns one line saying what it saw, or raises `CheckFailed` naming what is wrong. The Qt
checks (translations, PDF view, main window) and the runner live in `kampung_desktop.ui.selfcheck`.
Each check imports what it tests, so a part missing from a bundle fails that check by name.
"""

from __future__ import annotations

import os
import re
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kampung_desktop import paths
from kampung_desktop.services.selfcheck_examples import bantar_answers, examples

if TYPE_CHECKING:
    from kampung_desktop.services.app import AppContext

# Pasir Putih, Kec. Jambi Selatan, Kota Jambi: a Kampung Bantar kelurahan in the shipped wilayah.
KELURAHAN = "15.71.02.1002"
CATEGORY = "sedang"


class CheckFailed(Exception):
    """What a check found wrong, in words for the person running it."""


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass(frozen=True)
class QrPlacement:
    """A QR symbol as painted in a PDF page: module (c, r) has its top-left corner at
    (left + c·module, top − r·module) in PDF points, y pointing up."""

    size: int
    rows: tuple[int, ...]
    module: float
    left: float
    top: float


@dataclass
class SelfCheckState:
    """What one check leaves for the next (the open database, the printed certificate)."""

    work_dir: Path
    ctx: AppContext | None = None
    certificate_pdf: Path | None = None
    certificate_number: str = ""
    certificate_qr: QrPlacement | None = None
    households: int = 0  # registered by the household check; the main window must list them

    @property
    def data_dir(self) -> Path:
        return self.work_dir / "data"

    def close(self) -> None:
        if self.ctx is not None:
            self.ctx.close()
            self.ctx = None


Check = Callable[[SelfCheckState], str]


def run_check(name: str, check: Check, state: SelfCheckState) -> CheckResult:
    """Run one check; any exception becomes a failed result naming it (never a traceback)."""
    started = time.perf_counter()
    try:
        detail, ok = check(state), True
    except CheckFailed as exc:
        detail, ok = str(exc), False
    except Exception as exc:  # noqa: BLE001 - the report must name any failure and go on
        detail, ok = f"{type(exc).__name__}: {exc}", False
    return CheckResult(name, ok, detail, time.perf_counter() - started)


def check_database(state: SelfCheckState) -> str:
    """Create a database from nothing (migrations, reference areas), write, read back."""
    from kampung_desktop.services.app import AppContext
    from kampung_desktop.services.dbinfo import database_info

    state.ctx = ctx = AppContext.open(state.data_dir)
    token = f"{time.time_ns()}"
    ctx.set_setting("self_check", token)
    if ctx.setting("self_check") != token:
        raise CheckFailed("a setting written was not read back / pengaturan tidak terbaca")
    info = database_info(state.data_dir)
    if info["integrity_check"] != "ok":
        raise CheckFailed(f"integrity_check: {info['integrity_check']}")
    areas = info["tables"].get("wilayah", 0)
    if not areas:
        raise CheckFailed("no reference areas (wilayah) loaded / data wilayah kosong")
    return f"created schema {info['schema_version']}, integrity ok, {areas} wilayah"


def check_household(state: SelfCheckState) -> str:
    """Register a (made-up) household as an enumerator would: NIK rules with the region table,
    the write, and the search index that finds it again."""
    from kampung_desktop.core.nik import Sex, compose, known_regency_prefix
    from kampung_desktop.core.registry import HouseholdInput, MemberInput
    from kampung_desktop.services.registry import RegistryService

    if state.ctx is None:
        raise CheckFailed("not run: the database check failed / basis data gagal")
    if not known_regency_prefix(KELURAHAN.replace(".", "")[:4]):
        raise CheckFailed("the NIK region table does not know Kota Jambi (python-stdnum data)")
    born = date(1980, 8, 17)
    head = MemberInput(
        "Pemeriksa Mandiri", "L", "1", compose("157102", Sex.MALE, born, 1), "Jambi", born
    )
    draft = HouseholdInput(
        kelurahan_kode=KELURAHAN, rw=1, rt=1, address="Jl. Contoh No. 1", members=[head]
    )
    registry = RegistryService(state.ctx.db, state.ctx.user_id)
    saved = registry.save(draft)
    if saved.warnings:
        raise CheckFailed(f"the household saved with warnings: {', '.join(saved.warnings)}")
    found = [row.id for row in registry.search("Pemeriksa")]
    if found != [saved.household_id]:
        raise CheckFailed(f"search found {len(found)} households instead of the one saved")
    state.households = 1
    return "1 household saved (NIK checked) and found by search"


def check_forms(state: SelfCheckState) -> str:
    """Every shipped XLSForm loads through pyxform and passes the form engine's checks."""
    from kampung_desktop.survey import FormLoadError, load_form

    files = sorted(paths.forms_dir().glob("*.xlsx"))
    if not files:
        raise CheckFailed(f"no forms in {paths.forms_dir()} / tidak ada formulir")
    loaded, problems = [], []
    for path in files:
        try:
            form = load_form(path)
        except FormLoadError as exc:
            problems += [f"{path.name}: {p.line('en')}" for p in exc.problems[:3]]
            continue
        loaded.append(f"{form.form_id} {form.version}")
    if problems:
        raise CheckFailed("; ".join(problems))
    return f"{len(loaded)} forms: " + ", ".join(loaded)


def check_scoring(state: SelfCheckState) -> str:
    """One worked example per program scores exactly what it was worked out to score."""
    from kampung_desktop.scoring import PROGRAM_FORMS, load_rules, score

    cases = examples()
    missing = sorted(set(PROGRAM_FORMS) - {case.program for case in cases})
    if missing:
        raise CheckFailed(f"no self-check example for program {', '.join(missing)}")
    seen, wrong = [], []
    for case in cases:
        rules = load_rules(case.program)
        if not (paths.forms_dir() / f"{PROGRAM_FORMS[case.program]}.xlsx").is_file():
            wrong.append(f"{case.program}: form {PROGRAM_FORMS[case.program]}.xlsx missing")
        result = score(rules, case.answers)
        seen.append(f"{case.program} {result.total} {result.level}")
        if (result.total, result.level) != (case.total, case.level):
            wrong.append(
                f"{case.program}: {result.total} {result.level}, expected {case.total} {case.level}"
            )
    if wrong:
        raise CheckFailed("; ".join(wrong))
    return ", ".join(seen)


def check_certificate(state: SelfCheckState) -> str:
    """Assess one RT, approve, decide its award, print the certificate, verify number, QR, file."""
    from kampung_desktop.certificates.qr import qr_matrix
    from kampung_desktop.services.printing import PrintingService, PrintRequest, template_for
    from kampung_desktop.services.review import ReviewService

    if state.ctx is None:
        raise CheckFailed("not run: the database check failed / basis data gagal")
    ctx, year = state.ctx, date.today().year
    review = ReviewService.for_context(ctx)
    review.assessments.install_form(paths.forms_dir() / "bantar_rt.xlsx")
    assessment = review.assessments.start(
        "bantar_rt", KELURAHAN, rw=1, rt=1, prefill=bantar_answers() | {"tahun": year}
    )
    review.assessments.transition(assessment, "finalize")
    review.approve(assessment)  # an award needs an assessment the reviewer approved
    decision, _ = review.decide_rt("bantar", year, KELURAHAN, 1, 1, CATEGORY)
    if decision.score is None or Decimal(str(decision.score)) != Decimal("81.20"):
        raise CheckFailed(f"stored assessment scored {decision.score}, expected 81.20")

    pdf = state.work_dir / "piagam.pdf"
    printing = PrintingService(ctx.db, ctx.user_id)
    outcome = printing.run(PrintRequest("bantar", year, KELURAHAN, out_pdf=pdf))
    rows = printing.batch("bantar", year, KELURAHAN)
    [issued] = printing.awards.issue(rows, template_for("bantar"), date.today())  # the reprint
    if outcome.numbers != (issued.number,):
        raise CheckFailed(f"printed {outcome.numbers}, on record {issued.number}")
    verdict = printing.verify(issued.qr_payload).status
    if verdict != "valid":
        raise CheckFailed(f"the certificate's own QR text verifies as '{verdict}'")

    placement = read_pdf_qr(pdf)
    expected = qr_matrix(issued.qr_payload)
    if (placement.size, placement.rows) != (expected.size, expected.rows):
        raise CheckFailed("the QR code in the PDF does not encode the certificate's QR text")
    state.certificate_pdf, state.certificate_number = pdf, issued.number
    state.certificate_qr = placement
    return (
        f"{issued.number} ({pdf.stat().st_size // 1024} KB), QR {placement.size}×"
        f"{placement.size} matches, verifies as {verdict}"
    )


def check_sync(state: SelfCheckState) -> str:
    """The sync client's parts, without a server: its status from the database, the CA
    certificates HTTPS needs, the encrypted token file (Fernet) used where there is no keyring,
    and which keyring the OS offers (looked up, never written)."""
    import ssl

    import requests

    from kampung_desktop.services.sync import SyncService, credentials

    if state.ctx is None:
        raise CheckFailed("not run: the database check failed / basis data gagal")
    status = SyncService.for_context(state.ctx).status()
    if status.enrolled:
        raise CheckFailed("a new database claims to be enrolled with a server")
    ssl.create_default_context(cafile=requests.certs.where())  # raises if missing or unreadable
    token = f"self-check-{time.time_ns()}"
    with _environment(
        {credentials.BACKEND_ENV: "file", credentials.KEY_DIR_ENV: str(state.work_dir / "keys")}
    ):
        store = credentials.TokenStore(state.data_dir, "self-check")
        store.save(token)
        loaded = store.load()
        store.forget()
    if loaded != token:
        raise CheckFailed("the encrypted token file did not give back the token saved")
    keyring = credentials.TokenStore(state.data_dir, "self-check").backend
    return (
        f"not enrolled, {status.pending_total} changes waiting, CA certificates load, "
        f"token file round-trips, token store here: {keyring}"
    )


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


# -- reading back the PDF --------------------------------------------------------------------

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_QR_OPS = re.compile(
    rb"q ([\d.]+) 0 0 -([\d.]+) ([\d.]+) ([\d.]+) cm ((?:\d+ \d+ \d+ \d+ re ?)+)f Q"
)


def read_pdf_qr(path: Path) -> QrPlacement:
    """The QR symbol painted on a certificate page (as `certificates.qr.qr_ops` paints it)."""
    raw = Path(path).read_bytes()
    if not raw.startswith(b"%PDF-") or b"%%EOF" not in raw[-1024:]:
        raise CheckFailed(f"{Path(path).name} is not a complete PDF file")
    for match in _STREAM.finditer(raw):
        try:
            content = zlib.decompress(match.group(1))
        except zlib.error:
            content = match.group(1)
        found = _QR_OPS.search(content)
        if found:
            return _placement(found)
    raise CheckFailed(f"{Path(path).name} carries no QR code")


def _placement(found: re.Match[bytes]) -> QrPlacement:
    numbers = [int(n) for n in found.group(5).replace(b"re", b"").split()]
    rects = [numbers[i : i + 4] for i in range(0, len(numbers), 4)]
    size = max(c + w for c, _, w, _ in rects)
    if max(r + h for _, r, _, h in rects) != size:
        raise CheckFailed("the QR code in the PDF is not square")
    rows = [0] * size
    for c, r, w, h in rects:
        bits = ((1 << w) - 1) << c
        for row in range(r, r + h):
            rows[row] |= bits
    return QrPlacement(
        size, tuple(rows), float(found.group(1)), float(found.group(3)), float(found.group(4))
    )


DATA_CHECKS: tuple[tuple[str, Check], ...] = (
    ("database", check_database),
    ("household", check_household),
    ("forms", check_forms),
    ("scoring", check_scoring),
    ("certificate", check_certificate),
    ("sync client", check_sync),
)

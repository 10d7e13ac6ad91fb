"""Batch printing: many certificates into one PDF, or one PDF each, never a half-written file.

Output goes to a temporary file (or folder) next to the target and is renamed into place only
when everything succeeded (`atomic.atomic_path`), so a crash, an error in the middle of the batch or a cancel from the
progress dialog leaves the target untouched. Pages are streamed to disk as they are drawn:
memory does not grow with the number of certificates.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kampung_desktop.certificates.atomic import atomic_path, owner_alive, remove_stale_parts
from kampung_desktop.certificates.layout import PAGE_SIZE, CertificatePainter
from kampung_desktop.certificates.model import CertificateData
from kampung_desktop.certificates.pdfwriter import ImageData, PdfStreamWriter, prepare_image
from kampung_desktop.certificates.template import CertificateTemplate

Progress = Callable[[int, int], bool]
"""`progress(done, total) -> keep_going`; total is 0 when unknown. Return False to cancel."""


@dataclass(frozen=True)
class BatchResult:
    pages: int
    files: tuple[Path, ...]
    cancelled: bool = False


class _Cancelled(Exception):
    pass


def _total(items: Iterable[CertificateData], total: int | None) -> int:
    if total is not None:
        return total
    try:
        return len(items)  # type: ignore[arg-type]
    except TypeError:
        return 0


def _emblem(template: CertificateTemplate) -> ImageData:
    return prepare_image(template.emblem, max_height_px=int(template.layout.emblem_height * 5))


def _write_pdf(
    fh,
    template: CertificateTemplate,
    items: Iterator[CertificateData],
    emblem: ImageData,
    on_page: Callable[[], None],
) -> int:
    writer = PdfStreamWriter(fh, PAGE_SIZE, title=template.title.title())
    painter = CertificatePainter(writer, template, emblem)
    for data in items:
        writer.add_page(painter.page(data))
        on_page()
    if writer.page_count == 0:
        raise ValueError("tidak ada piagam untuk dicetak / no certificates to print")
    writer.close()
    return writer.page_count


def render_batch(
    items: Iterable[CertificateData],
    template: CertificateTemplate,
    out_path: str | os.PathLike[str],
    progress: Progress | None = None,
    total: int | None = None,
) -> BatchResult:
    """All certificates into one PDF at `out_path` (replaced atomically on success)."""
    out = Path(out_path)
    count = _total(items, total)
    emblem = _emblem(template)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and not progress(done, count):
            raise _Cancelled

    if progress is not None and not progress(0, count):
        return BatchResult(0, (), cancelled=True)
    try:
        with atomic_path(out) as tmp, open(tmp, "wb") as fh:
            pages = _write_pdf(fh, template, iter(items), emblem, tick)
            fh.flush()
            os.fsync(fh.fileno())
    except _Cancelled:
        return BatchResult(done, (), cancelled=True)
    return BatchResult(pages, (out,))


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_file_name(number: str, suffix: str = ".pdf") -> str:
    """`400.9/007/DPMPPA/2026` → `piagam-400.9_007_DPMPPA_2026.pdf`: no separators, no leading
    dot, no Windows device names (the fixed prefix sees to that), at most ~120 characters."""
    stem = _UNSAFE.sub("_", number).strip("._")[:100] or "tanpa-nomor"
    return f"piagam-{stem}{suffix}"


def render_separate(
    items: Iterable[CertificateData],
    template: CertificateTemplate,
    out_dir: str | os.PathLike[str],
    progress: Progress | None = None,
    total: int | None = None,
) -> BatchResult:
    """One PDF per certificate in `out_dir`, named after its number. Files are written into a
    hidden staging folder inside `out_dir` and moved into place only when all succeeded; a
    batch killed while moving is completed by the next batch into that folder."""
    target = Path(out_dir)
    created = not target.exists()
    target.mkdir(parents=True, exist_ok=True)
    recover_staging(target)
    count = _total(items, total)
    emblem = _emblem(template)
    staging = Path(tempfile.mkdtemp(dir=target, prefix=f"{_STAGING}{os.getpid()}-"))
    names: list[str] = []
    try:
        if progress is not None and not progress(0, count):
            raise _Cancelled
        used: set[str] = set()
        for data in items:
            name = safe_file_name(data.number)
            stem, n = name[:-4], 2
            while name.lower() in used:  # case-insensitive file systems (Windows, macOS)
                name, n = f"{stem}-{n}.pdf", n + 1
            used.add(name.lower())
            with open(staging / name, "wb") as fh:
                _write_pdf(fh, template, iter((data,)), emblem, lambda: None)
            names.append(name)
            if progress is not None and not progress(len(names), count):
                raise _Cancelled
        if not names:
            raise ValueError("tidak ada piagam untuk dicetak / no certificates to print")
        _write_manifest(staging, names)  # from here on the batch is complete: roll forward
        _publish(staging, target, names)
    except _Cancelled:
        _discard(staging, target, created)
        return BatchResult(len(names), (), cancelled=True)
    except BaseException:
        _discard(staging, target, created)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return BatchResult(len(names), tuple(target / name for name in names))


_STAGING = ".piagam-"
_MANIFEST = "BATCH-COMPLETE"
_STAGING_RE = re.compile(r"^\.piagam-(?:(?P<pid>\d+)-)?[a-z0-9_]{8}$")


def _write_manifest(staging: Path, names: list[str]) -> None:
    """Mark the staging folder complete (names + fsync), before any file is moved out."""
    with open(staging / _MANIFEST, "w", encoding="utf-8") as fh:
        fh.write("\n".join(names))
        fh.flush()
        os.fsync(fh.fileno())


def _publish(staging: Path, target: Path, names: list[str]) -> None:
    for name in names:
        if (staging / name).exists():  # a resumed batch: some are out already
            os.replace(staging / name, target / name)


def recover_staging(target: Path) -> int:
    """Finish or discard what a killed batch left in `target`; returns how many were found.

    A staging folder whose owner is gone is either complete (its manifest was written, so
    some files may already be out: the rest are moved, and the batch is whole) or not (it
    is deleted: no file of that batch was visible). Stale `.part` files go too.
    """
    remove_stale_parts(target)
    found = 0
    try:
        entries = [e for e in os.scandir(target) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return 0
    for entry in entries:
        match = _STAGING_RE.match(entry.name)
        if match is None:
            continue
        staging = Path(entry.path)
        if owner_alive(int(match["pid"]) if match["pid"] else None, staging):
            continue
        found += 1
        manifest = staging / _MANIFEST
        if manifest.is_file():
            names = [n for n in manifest.read_text(encoding="utf-8").splitlines() if n]
            with contextlib.suppress(OSError):
                _publish(staging, target, names)
        shutil.rmtree(staging, ignore_errors=True)
    return found


def _discard(staging: Path, target: Path, created: bool) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    if created:
        with contextlib.suppress(OSError):  # only if still empty: never remove others' files
            target.rmdir()

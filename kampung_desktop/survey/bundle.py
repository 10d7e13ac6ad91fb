"""A form with its media files in one file: a zip of the XLSForm and its CSV/XML/GeoJSON files.

An installed form version is stored as one blob (`form_versions.content`); storing this bundle
there makes the media files travel with the version, with no schema change. `load_form` tells a
bundle from a plain .xlsx (itself a zip) by its members, so a bundle may even keep an `.xlsx`
name in a cache folder.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath

from kampung_desktop.survey.media import MEDIA_SUFFIXES, Media

FORM_SUFFIXES = (".xlsx", ".xls", ".md", ".csv")
MAX_MEMBER_BYTES = 50 * 1024 * 1024  # a media file larger than this is not a choice list


def is_bundle(path: Path) -> bool:
    """A zip that is not itself a workbook (an .xlsx has `[Content_Types].xml`)."""
    try:
        if not zipfile.is_zipfile(path):
            return False
        with zipfile.ZipFile(path) as archive:
            return "[Content_Types].xml" not in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def read_bundle(path: Path | bytes) -> tuple[bytes, str, Media]:
    """(form bytes, form suffix, media) of a bundle (a file or its bytes); ValueError when it
    holds no form."""
    source = io.BytesIO(path) if isinstance(path, bytes) else path
    with zipfile.ZipFile(source) as archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        forms = [m for m in members if _suffix(m.filename) in (".xlsx", ".xls", ".md")]
        if not forms:  # a CSV form only when no other form is there
            forms = [m for m in members if _suffix(m.filename) == ".csv" and _top(m.filename)]
        if not forms:
            raise ValueError("the zip holds no XLSForm (.xlsx, .xls, .md or .csv)")
        form = min(forms, key=lambda m: (m.filename.count("/"), m.filename))
        files: dict[str, bytes | Path] = {}
        for member in members:
            name = PurePosixPath(member.filename).name
            if member is form or _suffix(name) not in MEDIA_SUFFIXES:
                continue
            if member.file_size <= MAX_MEMBER_BYTES:
                files.setdefault(name, archive.read(member))
        return archive.read(form), _suffix(form.filename), Media(files)


def make_bundle(form: Path, media: list[Path]) -> bytes:
    """A bundle of `form` and its media files (what an install stores as the version)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(form, form.name)
        for path in media:
            archive.write(path, f"media/{path.name}")
    return buffer.getvalue()


def _suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def _top(name: str) -> bool:
    return "/" not in name.strip("/")


def _form_text(form: Path) -> str:
    """Every cell of the form's sheets as one text (to see which media files it names)."""
    from pyxform.xls2json_backends import get_xlsform

    try:
        definition = get_xlsform(str(form))
    except Exception:  # noqa: BLE001 - an unreadable form names no media; load_form reports it
        return ""
    cells: list[str] = []
    for sheet in ("survey", "choices", "settings", "external_choices", "entities"):
        for row in getattr(definition, sheet, None) or []:
            if isinstance(row, dict):
                cells.extend(str(value) for value in row.values() if value is not None)
    return "\n".join(cells)


def media_for(form: Path) -> list[Path]:
    """The media files that travel with `form`: every file in its `<stem>-media/` folder, and
    each file beside it that the form names — by file name (`select_one_from_file kota.csv`)
    or by its stem in quotes (`pulldata('harga', …)`, `instance('harga')`). Other CSV files that
    happen to share the folder stay out of the bundle."""
    form = Path(form)
    found: dict[str, Path] = {}
    folder = form.parent / f"{form.stem}-media"
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix.lower() in MEDIA_SUFFIXES:
                found.setdefault(path.name, path)
    beside = [
        p
        for p in sorted(form.parent.iterdir())
        if p.is_file() and p.suffix.lower() in MEDIA_SUFFIXES and p != form
    ]
    if beside:
        text = _form_text(form)
        for path in beside:
            named = path.name in text
            quoted = f"'{path.stem}'" in text or f'"{path.stem}"' in text
            if named or quoted:
                found.setdefault(path.name, path)
    return list(found.values())


def package_form(form: Path) -> tuple[bytes, str]:
    """(content, file name) to store or publish for `form`: a bundle stays as it is, a form
    that names media files becomes a bundle with them, any other form is stored as it is."""
    form = Path(form)
    if is_bundle(form):
        return form.read_bytes(), form.name
    media = media_for(form)
    if not media:
        return form.read_bytes(), form.name
    return make_bundle(form, media), f"{form.stem}.zip"


def form_bytes(content: bytes) -> tuple[bytes, str]:
    """(form bytes, suffix) of stored content: the form inside a bundle, or the workbook itself."""
    buffer = io.BytesIO(content)
    if zipfile.is_zipfile(buffer):
        with zipfile.ZipFile(buffer) as archive:
            workbook = "[Content_Types].xml" in archive.namelist()
        if not workbook:
            form, suffix, _media = read_bundle(content)
            return form, suffix
    return content, ".xlsx"

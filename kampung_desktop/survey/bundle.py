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


def read_bundle(path: Path) -> tuple[bytes, str, Media]:
    """(form bytes, form suffix, media) of a bundle; ValueError when it holds no form."""
    with zipfile.ZipFile(path) as archive:
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

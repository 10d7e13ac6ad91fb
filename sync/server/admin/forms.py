"""`kampung server forms publish FORM.xlsx`: a form version (and its scoring rules) for every laptop.

The form is loaded with the desktop's own form engine and the `.scoring.toml` next to it with the
desktop's scoring loader before anything is written, so a form that would fail on a laptop is
refused here, with every problem listed. A published version never changes: publishing the same
file again does nothing, and different content under the same version is refused (laptops and
finished assessments refer to the version, so its content must stay what they saw).
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from kampung_sync.server import db
from kampung_sync.server.admin import AdminError
from kampung_sync.server.records import write_server_records
from kampung_sync.server.tables import Record
from sqlalchemy.orm import Session


def scoring_path(form: Path) -> Path:
    """`bantar_rt.xlsx` -> `bantar_rt.scoring.toml` (the pairing `kampung forms` uses)."""
    return form.with_name(f"{form.stem}.scoring.toml")


def _load(form_path: Path) -> tuple[str, str, str, str | None]:
    """(form_id, version, title, scoring TOML text) after both loaded cleanly."""
    from kampung_desktop.scoring import ScoringError, load_rules_file
    from kampung_desktop.survey import FormLoadError, load_form

    if not form_path.is_file():
        raise AdminError(f"{form_path}: berkas tidak ditemukan", f"{form_path}: file not found")
    if form_path.suffix.lower() not in (".xlsx", ".zip"):
        raise AdminError(
            f"{form_path}: formulir harus berkas .xlsx (XLSForm) atau .zip berisi formulir "
            "dan berkas medianya",
            f"{form_path}: the form must be an .xlsx file (XLSForm) or a .zip of the form and "
            "its media files",
        )
    try:
        form = load_form(form_path)
    except FormLoadError as exc:
        lines = "\n".join(p.line("id") + " / " + p.line("en") for p in exc.problems[:50])
        raise AdminError(
            f"{form_path.name}: formulir tidak dapat dipakai",
            f"{form_path.name}: the form cannot be used\n{lines}",
        ) from None
    except (OSError, ValueError) as exc:
        raise AdminError(
            f"{form_path.name}: formulir tidak dapat dibaca ({type(exc).__name__})",
            f"{form_path.name}: the form cannot be read ({type(exc).__name__})",
        ) from None
    rules_file = scoring_path(form_path)
    scoring = None
    if rules_file.is_file():
        try:
            load_rules_file(rules_file)
        except ScoringError as exc:
            raise AdminError(
                f"{rules_file.name}: aturan skor tidak sah",
                f"{rules_file.name}: the scoring rules are not valid\n{exc}",
            ) from None
        scoring = rules_file.read_text(encoding="utf-8")
    if not form.version:
        raise AdminError(
            f"{form_path.name}: isi 'version' di lembar settings",
            f"{form_path.name}: fill in 'version' on the settings sheet",
        )
    return form.form_id, str(form.version), form.title or form.form_id, scoring


def publish_form(url: str, form_path: Path) -> str:
    """Publish one form version; returns the line the CLI prints."""
    from kampung_desktop.survey.bundle import package_form

    form_id, version, title, scoring = _load(form_path)
    # The media files the form names (choice lists, pulldata tables) travel in one bundle.
    content, file_name = package_form(form_path)
    digest = hashlib.sha256(content).hexdigest()
    row = {
        "form_id": form_id,
        "version": version,
        "title": title,
        "file_name": file_name,
        "sha256": digest,
        "content_b64": base64.b64encode(content).decode("ascii"),
        "scoring_toml": scoring,
    }
    engine = db.make_engine(db.normalise_url(url))
    try:
        with db.transaction(engine) as session:
            existing = _existing(session, f"{form_id}/{version}")
            if existing is not None:
                same = existing.get("sha256") == digest
                same = same and existing.get("scoring_toml") == scoring
                if same:
                    return f"sudah diterbitkan / already published: {form_id} {version}"
                raise AdminError(
                    f"{form_id} versi {version} sudah diterbitkan dengan isi lain; naikkan "
                    "'version' di lembar settings lalu terbitkan lagi",
                    f"{form_id} version {version} was already published with other content; "
                    "raise 'version' on the settings sheet and publish again",
                )
            write_server_records(session, "form_versions", [row], actor="cli:forms-publish")
    finally:
        engine.dispose()
    rules = " + aturan skor / scoring rules" if scoring else ""
    return f"diterbitkan / published: {form_id} {version} ({title}){rules}"


def _existing(session: Session, record_id: str) -> dict | None:
    found = session.get(Record, ("form_versions", record_id))
    return dict(found.data) if found is not None else None

"""Who signs the piagam: the template's signatory, or the one an authorised user set in Settings.

The shipped templates carry placeholders ("NAMA WALI KOTA", NIP 000000000000000000) for the
office to replace. A reviewer or an administrator can set the real signatory per programme in
Settings (kept in this laptop's settings table, overriding the template); printing with a
placeholder still left asks first (GUI) or warns on stderr (CLI), so no certificate goes out
with a stand-in name unnoticed.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, replace

from kampung_desktop.certificates.template import CertificateTemplate
from kampung_desktop.storage import settings, users
from kampung_desktop.storage.database import Database

log = logging.getLogger(__name__)

#: Roles allowed to change who signs (an enumerator is not).
EDITOR_ROLES = frozenset({"pemeriksa", "admin"})
_NIP = re.compile(r"^\d{18}$")


class SignatoryError(ValueError):
    """A signatory that cannot be saved; the text (id / en) says why."""


@dataclass(frozen=True)
class Signatory:
    title: str
    name: str
    nip: str = ""

    def placeholders(self) -> list[str]:
        """What is still a stand-in: the name ("NAMA …") and/or the NIP (all zeros)."""
        found = []
        if not self.name.strip() or self.name.strip().upper().startswith("NAMA "):
            found.append("name")
        if self.nip and set(self.nip) == {"0"}:
            found.append("nip")
        return found


def _key(program: str) -> str:
    return f"signatory.{program}"


def of_template(template: CertificateTemplate) -> Signatory:
    return Signatory(template.signatory_title, template.signatory_name, template.signatory_nip)


def stored(db: Database, program: str) -> Signatory | None:
    with db.read() as session:
        stored_value = settings.get(session, _key(program))
    if stored_value is None:
        return None
    try:
        values = json.loads(stored_value)
        return Signatory(str(values["title"]), str(values["name"]), str(values.get("nip", "")))
    except (ValueError, KeyError, TypeError):
        return None  # a damaged value falls back to the template's signatory


def apply(db: Database, program: str, template: CertificateTemplate) -> CertificateTemplate:
    """The template with the signatory set in Settings (if any)."""
    chosen = stored(db, program)
    if chosen is None:
        return template
    return replace(
        template,
        signatory_title=chosen.title,
        signatory_name=chosen.name,
        signatory_nip=chosen.nip,
    )


def can_edit(db: Database, user_id: str | None) -> bool:
    with db.read() as session:
        user = users.user(session, user_id) if user_id else None
    return user is not None and user.role in EDITOR_ROLES


def save(db: Database, user_id: str | None, program: str, signatory: Signatory) -> None:
    """Set who signs `program`'s certificates from now on (reviewers and admins only)."""
    if not can_edit(db, user_id):
        raise SignatoryError(
            "Hanya pemeriksa atau admin yang boleh mengubah penandatangan piagam / "
            "only a reviewer or an administrator may change the certificate signatory."
        )
    title, name = " ".join(signatory.title.split()), " ".join(signatory.name.split())
    nip = signatory.nip.replace(" ", "")
    if not title or not name:
        raise SignatoryError("Jabatan dan nama wajib diisi / title and name are required.")
    if nip and not _NIP.match(nip):
        raise SignatoryError(
            "NIP harus 18 angka, atau kosong bila bukan ASN / the NIP must be 18 digits, or empty."
        )
    cleaned = Signatory(title, name, nip)
    if cleaned.placeholders():
        raise SignatoryError(
            "Tulis nama dan NIP yang sebenarnya, bukan contoh / write the real name and NIP."
        )
    value = json.dumps({"title": title, "name": name, "nip": nip}, ensure_ascii=False)
    with db.write() as session:
        settings.put(session, _key(program), value)
    log.info("certificate signatory set for %s by user %s", program, user_id)  # not the name


def placeholder_warning(template: CertificateTemplate) -> str | None:
    """The warning to show before printing, or None when the signatory is real."""
    missing = of_template(template).placeholders()
    if not missing:
        return None
    what_id = " dan ".join({"name": "nama", "nip": "NIP"}[m] for m in missing)
    what_en = " and ".join({"name": "name", "nip": "NIP"}[m] for m in missing)
    return (
        f"Penandatangan piagam masih contoh ({what_id}: {template.signatory_name}"
        f"{', NIP ' + template.signatory_nip if 'nip' in missing else ''}); isi di Pengaturan "
        f"→ Penandatangan piagam / the certificate signatory is still a placeholder ({what_en}); "
        "set it in Settings."
    )

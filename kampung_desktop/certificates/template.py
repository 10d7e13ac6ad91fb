"""Certificate templates: wording, emblem, signatory, numbering and layout from a TOML file.

A city office edits `resources/certificates/<program>.toml` (or its own copy) to change what the
piagam says; no code changes. Everything is checked when the template is loaded, before any
output file exists, and every problem names the file and the key at fault.
"""

from __future__ import annotations

import datetime as _dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase.ttfonts import TTFontFace

from kampung_desktop import paths
from kampung_desktop.certificates import template_schema
from kampung_desktop.certificates.model import CertificateData, verification_url
from kampung_desktop.certificates.template_reader import RGB, Reader, TemplateError
from kampung_desktop.certificates.template_schema import Layout

__all__ = ["CertificateTemplate", "Layout", "TemplateError", "load_template", "template_path"]

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


@dataclass(frozen=True)
class CertificateTemplate:
    path: Path
    emblem: Path
    letterhead_lines: tuple[str, ...]
    title: str
    number_label: str
    given_to: str
    recipient: tuple[str, ...]
    achievement: str
    citation: str
    verify_hint: str
    program: str
    categories: dict[str, str]
    number_pattern: str
    place: str
    signatory_title: str
    signatory_name: str
    signatory_nip: str
    fonts: dict[str, Path]
    colors: dict[str, RGB]
    layout: Layout = field(default_factory=Layout)
    # `[verification] base_url`: when set, the QR holds `{base_url}/verify?number=..&digest=..`,
    # which a resident's phone opens on the city server; when empty, the offline `PIAGAM|..` text.
    verify_base_url: str = ""

    # -- filling in ------------------------------------------------------------------------

    def number(self, seq: int, year: int, month: int = 1) -> str:
        """Certificate number from the pattern, e.g. `400.9/007/DPMPPA/2026`."""
        return self.number_pattern.format(
            seq=seq, year=year, month=month, month_roman=ROMAN_MONTHS[month - 1]
        )

    def qr_text(self, data: CertificateData) -> str:
        """What the QR code of `data` holds (a verification link when the template has one)."""
        if self.verify_base_url:
            return verification_url(self.verify_base_url, data.number, data.digest)
        return data.qr_payload

    def category_label(self, category: str) -> str:
        """Printed name of a category code (`sedang` → `Sedang`); unknown codes print as given."""
        return self.categories.get(category.lower(), category)

    def recipient_lines(self, **names: Any) -> tuple[str, ...]:
        values = {"rt": 0, "rw": 0, "kelurahan": "", "kecamatan": "", "kota": ""} | names
        return tuple(" ".join(line.format(**values).split()) for line in self.recipient)

    def achievement_text(self, category: str, year: int, program: str | None = None) -> str:
        values = {
            "program": program or self.program,
            "category": self.category_label(category),
            "year": year,
        }
        return self.achievement.format(**values)

    def certificate(
        self,
        *,
        seq: int,
        year: int,
        category: str,
        date: _dt.date,
        rw: int,
        kelurahan: str,
        kecamatan: str,
        rt: int = 0,
        kota: str = "",
        program: str | None = None,
    ) -> CertificateData:
        """The full printed content of one certificate, ready for `render_batch`."""
        return CertificateData(
            number=self.number(seq, year, date.month),
            recipient_lines=self.recipient_lines(
                rt=rt, rw=rw, kelurahan=kelurahan, kecamatan=kecamatan, kota=kota
            ),
            achievement=self.achievement_text(category, year, program),
            place=self.place,
            date=date,
            signatory_title=self.signatory_title,
            signatory_name=self.signatory_name,
            signatory_nip=self.signatory_nip,
        )

    def face(self, role: str) -> TTFontFace:
        """Parsed font for `regular`, `bold` or `italic` (cached across templates)."""
        return _load_face(self.fonts[role])


_FACES: dict[Path, TTFontFace] = {}


def _load_face(path: Path) -> TTFontFace:
    face = _FACES.get(path)
    if face is None:
        face = _FACES[path] = TTFontFace(str(path))
    return face


# -- loading ---------------------------------------------------------------------------------


def template_path(name_or_path: str | Path) -> Path:
    """A path as given, or a shipped template by name (`bantar` → resources/certificates/...)."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".toml" or candidate.parent != Path("."):
        return candidate
    return paths.resource("certificates", f"{candidate}.toml")


def load_template(name_or_path: str | Path) -> CertificateTemplate:
    """Read and check a template; raises TemplateError naming the file and key at fault."""
    path = template_path(name_or_path)
    if not path.is_file():
        raise TemplateError(path, "-", "berkas templat tidak ditemukan", "template file not found")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TemplateError(
            path, "sintaks", f"TOML tidak sah: {exc}", f"invalid TOML: {exc}"
        ) from exc
    values = template_schema.check(path, data)
    reader = Reader(path)
    search = [path.parent]
    emblem = reader.file("letterhead.emblem", values.letterhead.emblem, search)
    reader.image("letterhead.emblem", emblem)
    fonts = {}
    for role in ("regular", "bold", "italic"):
        font_path = reader.file(
            f"fonts.{role}", getattr(values.fonts, role), [path.parent, paths.resource("fonts")]
        )
        try:
            _load_face(font_path)
        except Exception as exc:  # reportlab raises assorted errors for a broken TTF
            raise reader.error(
                f"fonts.{role}", f"bukan font TrueType: {exc}", f"not a TrueType font: {exc}"
            ) from exc
        fonts[role] = font_path

    texts, sign, colors = values.texts, values.signatory, values.colors
    return CertificateTemplate(
        path=path.resolve(),
        emblem=emblem,
        letterhead_lines=values.letterhead.lines,
        title=texts.title,
        number_label=texts.number_label,
        given_to=texts.given_to,
        recipient=texts.recipient,
        achievement=texts.achievement,
        citation=texts.citation,
        verify_hint=texts.verify_hint,
        program=values.award.program,
        categories=dict(values.award.categories),
        number_pattern=values.numbering.pattern,
        place=sign.place,
        signatory_title=sign.title,
        signatory_name=sign.name,
        signatory_nip=sign.nip,
        fonts=fonts,
        colors={"border": colors.border, "accent": colors.accent, "text": colors.text},
        layout=values.layout_values(),
        verify_base_url=values.verification.base_url,
    )

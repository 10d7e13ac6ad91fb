"""Certificate templates: wording, emblem, signatory, numbering and layout from a TOML file.

A city office edits `resources/certificates/<program>.toml` (or its own copy) to change what the
piagam says; no code changes. Everything is checked when the template is loaded, before any
output file exists, and every problem names the file and the key at fault.
"""

from __future__ import annotations

import datetime as _dt
import string
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from reportlab.pdfbase.ttfonts import TTFontFace

from kampung_desktop import paths
from kampung_desktop.certificates.model import CertificateData, verification_url
from kampung_desktop.certificates.template_reader import RGB, Reader, TemplateError

__all__ = ["CertificateTemplate", "Layout", "TemplateError", "load_template", "template_path"]

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

_RECIPIENT_NAMES = frozenset({"rt", "rw", "kelurahan", "kecamatan", "kota"})
_AWARD_NAMES = frozenset({"program", "category", "year"})
_NUMBER_NAMES = frozenset({"seq", "year", "month", "month_roman"})


@dataclass(frozen=True)
class Layout:
    """Sizes in points (1 pt = 0.353 mm); A4 landscape is 842 × 595 pt."""

    margin: float = 22.0
    border_width: float = 3.5
    inner_border_gap: float = 6.0
    inner_border_width: float = 1.0
    emblem_height: float = 70.0
    letterhead_size: float = 16.0
    letterhead_sub_size: float = 12.0
    title_size: float = 34.0
    title_char_space: float = 3.0
    number_size: float = 12.0
    given_to_size: float = 15.0
    recipient_size: float = 22.0
    recipient_min_size: float = 13.0
    achievement_size: float = 17.0
    achievement_min_size: float = 11.0
    citation_size: float = 13.0
    signatory_size: float = 12.0
    signature_space: float = 58.0
    qr_size: float = 72.0
    text_width: float = 700.0


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


def _layout(reader: Reader) -> Layout:
    allowed = {f.name for f in fields(Layout)}
    sec = reader.section("layout", allowed, required=False)
    values = {}
    for key, value in sec.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise reader.error(f"layout.{key}", "harus angka ≥ 0", "must be a number ≥ 0")
        values[key] = float(value)
    return Layout(**values)


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
    reader = Reader(path, data)
    known = {
        "letterhead",
        "texts",
        "award",
        "numbering",
        "signatory",
        "fonts",
        "colors",
        "layout",
        "verification",
    }
    for name in data:
        if name not in known:
            raise reader.error(name, "bagian tidak dikenal", "unknown section")

    head = reader.section("letterhead", {"emblem", "lines"})
    texts = reader.section(
        "texts",
        {
            "title",
            "number_label",
            "given_to",
            "recipient",
            "achievement",
            "citation",
            "verify_hint",
        },
    )
    award = reader.section("award", {"program", "categories"})
    numbering = reader.section("numbering", {"pattern"})
    sign = reader.section("signatory", {"place", "title", "name", "nip"})
    font_sec = reader.section("fonts", {"regular", "bold", "italic"})
    color_sec = reader.section("colors", {"border", "accent", "text"}, required=False)
    verify_sec = reader.section("verification", {"base_url"}, required=False)
    verify_base_url = reader.text(verify_sec, "verification", "base_url", "").strip().rstrip("/")
    if verify_base_url and (
        not verify_base_url.startswith(("https://", "http://")) or "?" in verify_base_url
    ):
        raise reader.error(
            "verification.base_url",
            "harus alamat seperti https://kampung.kota.go.id (tanpa '?')",
            "must be an address like https://kampung.kota.go.id (no '?')",
        )

    recipient = reader.lines(texts, "texts", "recipient")
    for i, line in enumerate(recipient):
        reader.placeholders(f"texts.recipient[{i}]", line, _RECIPIENT_NAMES)
    achievement = reader.text(texts, "texts", "achievement")
    reader.placeholders("texts.achievement", achievement, _AWARD_NAMES)
    citation = reader.text(texts, "texts", "citation", "")
    reader.placeholders("texts.citation", citation, frozenset())
    pattern = reader.text(numbering, "numbering", "pattern")
    reader.placeholders("numbering.pattern", pattern, _NUMBER_NAMES)
    if not any(name == "seq" for _, name, _, _ in string.Formatter().parse(pattern)):
        raise reader.error(
            "numbering.pattern",
            "harus memuat {seq} agar nomor tidak berulang",
            "must contain {seq} so numbers never repeat",
        )
    if "|" in pattern:
        raise reader.error("numbering.pattern", "tidak boleh memuat '|'", "may not contain '|'")

    categories = award.get("categories", {})
    if not isinstance(categories, dict) or not all(isinstance(v, str) for v in categories.values()):
        raise reader.error(
            "award.categories", "harus tabel kode = nama", "must be a table code = label"
        )

    search = [path.parent]
    emblem = reader.file("letterhead.emblem", reader.text(head, "letterhead", "emblem"), search)
    reader.image("letterhead.emblem", emblem)
    fonts = {}
    for role in ("regular", "bold", "italic"):
        font_path = reader.file(
            f"fonts.{role}",
            reader.text(font_sec, "fonts", role),
            [path.parent, paths.resource("fonts")],
        )
        try:
            _load_face(font_path)
        except Exception as exc:  # reportlab raises assorted errors for a broken TTF
            raise reader.error(
                f"fonts.{role}", f"bukan font TrueType: {exc}", f"not a TrueType font: {exc}"
            ) from exc
        fonts[role] = font_path

    default_colors = {"border": "#1F3A5F", "accent": "#B8892B", "text": "#111111"}
    colors = {
        key: reader.color(f"colors.{key}", color_sec.get(key, default))
        for key, default in default_colors.items()
    }
    return CertificateTemplate(
        path=path.resolve(),
        emblem=emblem,
        letterhead_lines=reader.lines(head, "letterhead", "lines"),
        title=reader.text(texts, "texts", "title"),
        number_label=reader.text(texts, "texts", "number_label", "Nomor"),
        given_to=reader.text(texts, "texts", "given_to"),
        recipient=recipient,
        achievement=achievement,
        citation=citation,
        verify_hint=reader.text(texts, "texts", "verify_hint", ""),
        program=reader.text(award, "award", "program"),
        categories={str(k).lower(): v for k, v in categories.items()},
        number_pattern=pattern,
        place=reader.text(sign, "signatory", "place"),
        signatory_title=reader.text(sign, "signatory", "title"),
        signatory_name=reader.text(sign, "signatory", "name"),
        signatory_nip=reader.text(sign, "signatory", "nip", ""),
        fonts=fonts,
        colors=colors,
        layout=_layout(reader),
        verify_base_url=verify_base_url,
    )

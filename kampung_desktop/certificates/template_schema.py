"""The schema of a certificate template's TOML, as pydantic models.

Sections and keys are checked by the models (unknown ones refused, so a typo is an error, not a
text that silently keeps its default); placeholders, the number pattern, colours and the
verification address by their validators. `check` turns the first problem into a
TemplateError that names the file and key, in Indonesian and English. Files (emblem, fonts) are
looked up afterwards by `template.load_template`, relative to the template.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model
from pydantic_core import PydanticCustomError

from kampung_desktop.certificates.template_reader import RGB, TemplateError

_RECIPIENT_NAMES = frozenset({"rt", "rw", "kelurahan", "kecamatan", "kota"})
_AWARD_NAMES = frozenset({"program", "category", "year"})
_NUMBER_NAMES = frozenset({"seq", "year", "month", "month_roman"})

# Sample values to test-format every templated text at load time.
_SAMPLES: dict[str, Any] = {
    "rt": 5,
    "rw": 12,
    "kelurahan": "Contoh",
    "kecamatan": "Contoh",
    "kota": "Contoh",
    "program": "Contoh",
    "category": "Contoh",
    "year": 2026,
    "seq": 1,
    "month": 9,
    "month_roman": "IX",
}


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


def _problem(problem_id: str, problem_en: str, suffix: str = "") -> PydanticCustomError:
    """A problem in both languages; `suffix` narrows the key (`[1]` for a list's second line)."""
    return PydanticCustomError(
        "template", "{id} / {en}", {"id": problem_id, "en": problem_en, "suffix": suffix}
    )


def _placeholders(text: str, allowed: frozenset[str], suffix: str = "") -> str:
    """Reject names outside `allowed` and format specs that fail on sample values."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise _problem(f"kurung kurawal salah: {exc}", f"bad braces: {exc}", suffix) from exc
    for _, name, _, _ in parsed:
        if name is not None and name not in allowed:
            names = ", ".join(f"{{{n}}}" for n in sorted(allowed))
            raise _problem(
                f"placeholder {{{name}}} tidak dikenal (boleh: {names})",
                f"unknown placeholder {{{name}}} (allowed: {names})",
                suffix,
            )
    try:
        text.format(**_SAMPLES)
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        raise _problem(f"format tidak sah: {exc}", f"invalid format: {exc}", suffix) from exc
    return text


def _lines(value: Any) -> tuple[str, ...]:
    """One text or a non-empty list of texts."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise _problem("harus berupa daftar teks", "must be a list of strings")
    return tuple(value)


def _recipient(value: Any) -> tuple[str, ...]:
    lines = _lines(value)
    for i, line in enumerate(lines):
        _placeholders(line, _RECIPIENT_NAMES, f"[{i}]")
    return lines


def _checked(allowed: frozenset[str]) -> BeforeValidator:
    def check(value: Any) -> Any:
        return _placeholders(value, allowed) if isinstance(value, str) else value

    return BeforeValidator(check)


def _pattern(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    _placeholders(value, _NUMBER_NAMES)
    if not any(name == "seq" for _, name, _, _ in string.Formatter().parse(value)):
        raise _problem(
            "harus memuat {seq} agar nomor tidak berulang",
            "must contain {seq} so numbers never repeat",
        )
    if "|" in value:
        raise _problem("tidak boleh memuat '|'", "may not contain '|'")
    return value


def _categories(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise _problem("harus tabel kode = nama", "must be a table code = label")
    return {str(k).lower(): v for k, v in value.items()}


def rgb(value: Any) -> RGB:
    """`#1F3A5F` as (r, g, b) fractions."""
    text = value if isinstance(value, str) else ""
    try:
        if len(text) != 7 or not text.startswith("#"):
            raise ValueError(text)
        return tuple(int(text[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]
    except ValueError:
        raise _problem("warna harus seperti #1F3A5F", "colour must look like #1F3A5F") from None


def _size(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _problem("harus angka ≥ 0", "must be a number ≥ 0")
    return float(value)


def _base_url(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    url = value.strip().rstrip("/")
    if url and (not url.startswith(("https://", "http://")) or "?" in url):
        raise _problem(
            "harus alamat seperti https://kampung.kota.go.id (tanpa '?')",
            "must be an address like https://kampung.kota.go.id (no '?')",
        )
    return url


Lines = Annotated[tuple[str, ...], BeforeValidator(_lines)]
Color = Annotated[RGB, BeforeValidator(rgb)]
Size = Annotated[float, BeforeValidator(_size)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Letterhead(_Section):
    emblem: str
    lines: Lines


class Texts(_Section):
    title: str
    number_label: str = "Nomor"
    given_to: str
    recipient: Annotated[tuple[str, ...], BeforeValidator(_recipient)]
    achievement: Annotated[str, _checked(_AWARD_NAMES)]
    citation: Annotated[str, _checked(frozenset())] = ""
    verify_hint: str = ""


class Award(_Section):
    program: str
    categories: Annotated[dict[str, str], BeforeValidator(_categories)] = Field(
        default_factory=dict
    )


class Numbering(_Section):
    pattern: Annotated[str, BeforeValidator(_pattern)]


class Signatory(_Section):
    place: str
    title: str
    name: str
    nip: str = ""


class Fonts(_Section):
    regular: str
    bold: str
    italic: str


class Colors(_Section):
    border: Color = rgb("#1F3A5F")
    accent: Color = rgb("#B8892B")
    text: Color = rgb("#111111")


# Every Layout size is optional; the ones given must be numbers ≥ 0.
LayoutSection = create_model(  # type: ignore[call-overload]
    "LayoutSection", __base__=_Section, **{f.name: (Size | None, None) for f in fields(Layout)}
)


class Verification(_Section):
    # When set, the QR holds `{base_url}/verify?number=..&digest=..`, which a resident's phone
    # opens on the city server; when empty, the offline `PIAGAM|..` text.
    base_url: Annotated[str, BeforeValidator(_base_url)] = ""


class TemplateFile(_Section):
    letterhead: Letterhead
    texts: Texts
    award: Award
    numbering: Numbering
    signatory: Signatory
    fonts: Fonts
    colors: Colors = Field(default_factory=Colors)
    layout: LayoutSection = Field(default_factory=LayoutSection)  # type: ignore[valid-type]
    verification: Verification = Field(default_factory=Verification)

    def layout_values(self) -> Layout:
        return Layout(**self.layout.model_dump(exclude_none=True))  # type: ignore[attr-defined]


def check(path: Path, data: dict[str, Any]) -> TemplateFile:
    """The template's values, checked; raises TemplateError for the first problem, reported
    as a person reading the file meets it: an unknown section or key (a typo) before what it
    left missing, then a section's own problems before those of its keys."""
    try:
        return TemplateFile.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = min(
            range(len(errors)),
            key=lambda i: (errors[i]["type"] != "extra_forbidden", len(errors[i]["loc"]) > 1, i),
        )
        raise _as_template_error(path, errors[first]) from None


_SECTION_TYPES = {"model_type", "model_attributes_type", "dict_type"}


def _as_template_error(path: Path, error: Any) -> TemplateError:
    loc = [str(part) for part in error["loc"]]
    key = ".".join(loc)
    kind, section = error["type"], len(loc) == 1
    ctx = error.get("ctx") or {}
    if kind == "template":
        return TemplateError(path, key + ctx.get("suffix", ""), ctx["id"], ctx["en"])
    if kind == "extra_forbidden":
        if section:
            return TemplateError(path, key, "bagian tidak dikenal", "unknown section")
        return TemplateError(path, key, "kunci tidak dikenal", "unknown key")
    if kind == "missing":
        if section:
            return TemplateError(path, key, "bagian wajib tidak ada", "required section is missing")
        return TemplateError(path, key, "kunci wajib tidak ada", "required key is missing")
    if section and kind in _SECTION_TYPES:
        return TemplateError(path, key, "harus berupa bagian [..]", "must be a [section]")
    if kind == "string_type":
        return TemplateError(path, key, "harus berupa teks", "must be a string")
    return TemplateError(
        path, key, f"nilai tidak sah: {error['msg']}", f"invalid value: {error['msg']}"
    )

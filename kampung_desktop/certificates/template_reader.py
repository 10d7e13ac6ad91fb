"""Reading a certificate template's TOML: typed access that turns every mistake into a
TemplateError naming the file and key at fault, in Indonesian and English."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

RGB = tuple[float, float, float]

# Placeholders each templated text may use, with sample values to test-format them at load time.
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


class TemplateError(ValueError):
    """A template that cannot be used; says which file and key, in Indonesian and English."""

    def __init__(self, path: Path | str, key: str, problem_id: str, problem_en: str) -> None:
        self.path = Path(path)
        self.key = key
        self.problem_id = problem_id
        self.problem_en = problem_en
        super().__init__(f"{self.path}: [{key}] {problem_id} / {problem_en}")


class Reader:
    """Typed access to the parsed TOML that turns every mistake into a TemplateError."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def error(self, key: str, problem_id: str, problem_en: str) -> TemplateError:
        return TemplateError(self.path, key, problem_id, problem_en)

    def section(self, name: str, allowed: set[str], required: bool = True) -> dict[str, Any]:
        value = self.data.get(name)
        if value is None:
            if required:
                raise self.error(name, "bagian wajib tidak ada", "required section is missing")
            return {}
        if not isinstance(value, dict):
            raise self.error(name, "harus berupa bagian [..]", "must be a [section]")
        for key in value:
            if key not in allowed:
                raise self.error(f"{name}.{key}", "kunci tidak dikenal", "unknown key")
        return value

    def text(self, sec: dict[str, Any], name: str, key: str, default: str | None = None) -> str:
        value = sec.get(key, default)
        if value is None:
            raise self.error(f"{name}.{key}", "kunci wajib tidak ada", "required key is missing")
        if not isinstance(value, str):
            raise self.error(f"{name}.{key}", "harus berupa teks", "must be a string")
        return value

    def lines(self, sec: dict[str, Any], name: str, key: str) -> tuple[str, ...]:
        value = sec.get(key)
        if value is None:
            raise self.error(f"{name}.{key}", "kunci wajib tidak ada", "required key is missing")
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise self.error(
                f"{name}.{key}", "harus berupa daftar teks", "must be a list of strings"
            )
        return tuple(value)

    def placeholders(self, key: str, text: str, allowed: frozenset[str]) -> None:
        """Reject names outside `allowed` and format specs that fail on sample values."""
        try:
            parsed = list(string.Formatter().parse(text))
        except ValueError as exc:
            raise self.error(key, f"kurung kurawal salah: {exc}", f"bad braces: {exc}") from exc
        for _, name, _, _ in parsed:
            if name is None:
                continue
            if name not in allowed:
                names = ", ".join(f"{{{n}}}" for n in sorted(allowed))
                raise self.error(
                    key,
                    f"placeholder {{{name}}} tidak dikenal (boleh: {names})",
                    f"unknown placeholder {{{name}}} (allowed: {names})",
                )
        try:
            text.format(**_SAMPLES)
        except (ValueError, TypeError, IndexError, KeyError) as exc:
            raise self.error(key, f"format tidak sah: {exc}", f"invalid format: {exc}") from exc

    def file(self, key: str, name: str, search: list[Path]) -> Path:
        candidate = Path(name)
        options = [candidate] if candidate.is_absolute() else [d / candidate for d in search]
        for option in options:
            if option.is_file():
                return option.resolve()
        tried = ", ".join(str(o) for o in options)
        raise self.error(key, f"berkas tidak ditemukan: {tried}", f"file not found: {tried}")

    def color(self, key: str, value: Any) -> RGB:
        text = value if isinstance(value, str) else ""
        if len(text) != 7 or not text.startswith("#"):
            raise self.error(key, "warna harus seperti #1F3A5F", "colour must look like #1F3A5F")
        try:
            return tuple(int(text[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]
        except ValueError as exc:
            raise self.error(
                key, "warna harus seperti #1F3A5F", "colour must look like #1F3A5F"
            ) from exc

    def image(self, key: str, path: Path) -> None:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as img:
                img.verify()
        except (OSError, UnidentifiedImageError) as exc:
            raise self.error(
                key, f"bukan gambar yang dapat dibaca: {path}", f"not a readable image: {path}"
            ) from exc

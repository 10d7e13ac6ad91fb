"""A certificate template's errors (TemplateError names the file and key at fault, in Indonesian
and English) and the checks of the files it names (emblem, fonts)."""

from __future__ import annotations

from pathlib import Path

RGB = tuple[float, float, float]


class TemplateError(ValueError):
    """A template that cannot be used; says which file and key, in Indonesian and English."""

    def __init__(self, path: Path | str, key: str, problem_id: str, problem_en: str) -> None:
        self.path = Path(path)
        self.key = key
        self.problem_id = problem_id
        self.problem_en = problem_en
        super().__init__(f"{self.path}: [{key}] {problem_id} / {problem_en}")


class Reader:
    """The checks that need the disk: files named by the template, found next to it (or in the
    shipped folders) and readable as what they claim to be."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def error(self, key: str, problem_id: str, problem_en: str) -> TemplateError:
        return TemplateError(self.path, key, problem_id, problem_en)

    def file(self, key: str, name: str, search: list[Path]) -> Path:
        candidate = Path(name)
        options = [candidate] if candidate.is_absolute() else [d / candidate for d in search]
        for option in options:
            if option.is_file():
                return option.resolve()
        tried = ", ".join(str(o) for o in options)
        raise self.error(key, f"berkas tidak ditemukan: {tried}", f"file not found: {tried}")

    def image(self, key: str, path: Path) -> None:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(path) as img:
                img.verify()
        except (OSError, UnidentifiedImageError) as exc:
            raise self.error(
                key, f"bukan gambar yang dapat dibaca: {path}", f"not a readable image: {path}"
            ) from exc

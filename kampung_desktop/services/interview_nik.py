"""The NIK in an interview's member roster, checked exactly as in the household dialog.

Both use `kampung_desktop.core.nik`: the same specific messages (length, region, birth date,
serial) instead of the form's generic constraint text, and a valid NIK fills in sex and birth
date when they are still empty (in the codes the form uses: 1/2 or L/P).
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.core import nik

NIK_FIELD = "nik"
SEX_FIELD = "jenis_kelamin"
BIRTH_FIELD = "tanggal_lahir"
_SEX_CODES = {nik.Sex.MALE: ("1", "L"), nik.Sex.FEMALE: ("2", "P")}


class NikRefused(ValueError):
    """The NIK breaks a rule; `text(lang)` is the household dialog's message."""

    def __init__(self, problems: list[nik.Problem]) -> None:
        self.problems = problems
        super().__init__(self.text("en"))

    def text(self, lang: str | None = None) -> str:
        return " ".join(p.text(lang) for p in self.problems)


def is_nik(path: str) -> bool:
    return path.rsplit("/", 1)[-1] == NIK_FIELD


def check(value: Any) -> str | None:
    """The cleaned NIK (None for an empty answer); NikRefused when it is not a valid NIK."""
    if value is None or str(value).strip() == "":
        return None
    found = nik.problems(str(value))
    if found:
        raise NikRefused(found)
    return nik.clean(str(value))


def followups(interview: Any, path: str, value: Any) -> dict[str, Any]:
    """After an answer at `path`: what a valid NIK fills in (nothing for other answers, an
    empty or a refused NIK, whose row says what is wrong)."""
    if not is_nik(path):
        return {}
    try:
        cleaned = check(value)
    except NikRefused:
        return {}
    return fills(interview, path, cleaned) if cleaned else {}


def fills(interview: Any, path: str, value: str) -> dict[str, Any]:
    """Sibling answers a valid NIK gives (sex, birth date) where they are still empty."""
    decoded = nik.info(value)
    if decoded is None:
        return {}
    prefix = path[: -len(NIK_FIELD)]
    out: dict[str, Any] = {}
    form = interview.form
    sex_node = form.nodes.get(SEX_FIELD)
    if sex_node is not None and _empty(interview, prefix + SEX_FIELD):
        for code in _SEX_CODES[decoded.sex]:
            if not sex_node.is_select or sex_node.choice(code) is not None:
                out[prefix + SEX_FIELD] = code
                break
    if form.nodes.get(BIRTH_FIELD) is not None and _empty(interview, prefix + BIRTH_FIELD):
        out[prefix + BIRTH_FIELD] = decoded.birth_date.isoformat()
    return out


def _empty(interview: Any, path: str) -> bool:
    try:
        return interview.answer(path) in (None, "")
    except (ValueError, KeyError):
        return False  # not a question in this scope

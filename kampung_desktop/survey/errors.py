"""Error types of the form engine.

A form author fixes a spreadsheet row by row, so a load error collects *every* problem found,
each with its sheet and row, instead of stopping at the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kampung_desktop.survey.messages import message


@dataclass(frozen=True)
class LoadProblem:
    """One problem in a form workbook: where it is and what is wrong (a message code)."""

    sheet: str
    row: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str | None = None) -> str:
        # A parameter may itself be a coded message (an expression error inside a column).
        params = {k: v.text(lang) if hasattr(v, "text") else v for k, v in self.params.items()}
        return message(self.code, lang, **params)

    def line(self, lang: str | None = None) -> str:
        """The `<sheet>:<row>: <message>` line `kampung forms check` prints."""
        return f"{self.sheet}:{self.row}: {self.text(lang)}"


class FormLoadError(Exception):
    """The form cannot be used; `problems` lists every `(sheet, row, message)` found."""

    def __init__(self, problems: list[LoadProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.sheet != "survey", p.sheet, p.row))
        super().__init__("\n".join(p.line("en") for p in self.problems))


class ExpressionError(Exception):
    """An expression cannot be compiled; the loader adds sheet, row and column."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def text(self, lang: str | None = None) -> str:
        return message(self.code, lang, **self.params)


class AnswerError(ValueError):
    """A call on an interview that cannot be honoured (unknown path, fixed repeat size...)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(message(code, "en", **params))
        self.code = code
        self.params = params

    def text(self, lang: str | None = None) -> str:
        return message(self.code, lang, **self.params)


class EvaluationError(Exception):
    """An expression failed while computing (a bug or a limit); shown on the one field."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def text(self, lang: str | None = None) -> str:
        return message(self.code, lang, **self.params)

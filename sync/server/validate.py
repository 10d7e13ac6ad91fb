"""Checks of one pushed op that need no database: shape, ids, demo flag, NIK/KK rules, revisions.

Run before the write transaction so the time under the writers' lock is spent writing only.
A failed check becomes that op's `rejected` receipt; the rest of the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, get_args

from kampung_sync import protocol
from kampung_sync.server.errors import summary, text, validation_details
from kampung_sync.server.records import record_key
from pydantic import BaseModel, ValidationError

from kampung_desktop.core import kk, nik


@dataclass(slots=True)
class Prepared:
    """An op with its data normalised by its record model, or the reason it was refused."""

    index: int
    op: protocol.Op
    data: dict[str, Any] = field(default_factory=dict)
    code: str | None = None
    reason: protocol.Text | None = None
    details: list[dict[str, Any]] = field(default_factory=list)
    key: tuple[str, str] = field(init=False)  # (table, record_id), looked up many times

    def __post_init__(self) -> None:
        self.key = (self.op.table, self.op.record_id)

    def reject(self, code: str, details: list[dict[str, Any]] | None = None, **params: Any) -> None:
        self.code = code
        self.reason = text(code, **params)
        self.details = details or []

    @property
    def rejected(self) -> bool:
        return self.code is not None


def _is_flat(model: type[BaseModel]) -> bool:
    """No field holds another model (whose instances model_dump would turn into dicts)."""

    def models_in(annotation: Any) -> bool:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return True
        return any(models_in(arg) for arg in get_args(annotation))

    return not any(models_in(f.annotation) for f in model.model_fields.values())


VALIDATORS: dict[str, tuple[Any, bool]] = {
    table: (model.__pydantic_validator__, _is_flat(model))
    for table, model in protocol.RECORD_MODELS.items()
}


def _problems_text(problems: list[Any]) -> tuple[str, str]:
    return (
        "; ".join(p.text("id") for p in problems),
        "; ".join(p.text("en") for p in problems),
    )


def prepare(index: int, op: protocol.Op) -> Prepared:
    """Validate `op` without the database (see module doc)."""
    item = Prepared(index=index, op=op)
    validator, flat = VALIDATORS[op.table]
    try:
        record = validator.validate_python(op.data)
    except ValidationError as exc:
        errors = list(exc.errors(include_input=False))
        item.reject("invalid_data", validation_details(errors), detail=summary(errors))
        return item
    # A model of plain fields holds exactly what model_dump would give (a copy: 3x cheaper).
    data = dict(record.__dict__) if flat else record.model_dump()
    item.data = data
    inner = record_key(op.table, data)
    if inner != op.record_id:
        item.reject("id_mismatch", inner=inner[:80], outer=op.record_id[:80])
        return item
    if data.get("is_demo"):
        item.reject("demo_record")
        return item
    if op.revision <= op.base_revision:
        item.reject("bad_revision", revision=op.revision, base=op.base_revision)
        return item
    if "revision" in data:
        data["revision"] = op.revision
    if op.op == "delete" and "deleted" in data:
        data["deleted"] = True
    if op.table == "members" and data.get("nik"):
        problems = nik.problems(data["nik"])
        if problems:
            item.reject("invalid_nik", [{"loc": ["data", "nik"]}], detail=_problems_text(problems))
    if op.table == "households" and data.get("no_kk"):
        problems = kk.problems(data["no_kk"])
        if problems:
            item.reject("invalid_kk", [{"loc": ["data", "no_kk"]}], detail=_problems_text(problems))
    return item

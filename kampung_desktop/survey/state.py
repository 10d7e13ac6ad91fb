"""What a view reads: the state of one field, and the set of fields one change touched."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kampung_desktop.survey.instance import Instance
from kampung_desktop.survey.model import FormNode


@dataclass(frozen=True)
class FieldState:
    """What a view shows for one field: `forms eval` prints these, keyed by `path`."""

    path: str
    name: str
    relevant: bool
    required: bool
    read_only: bool
    valid: bool
    #: JSON value: number, string, list of choice names, YYYY-MM-DD... or None when empty.
    value: Any
    #: Why the field is invalid, in the interview language; None when valid.
    message: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "relevant": self.relevant,
            "required": self.required,
            "valid": self.valid,
            "value": self.value,
            "message": self.message,
        }


class ChangeSet:
    """The result of one change: the fields whose state changed.

    `changed` maps each path to its new `FieldState`; it is built on first access (reading it
    costs more than computing it), so read it before making the next change.
    """

    def __init__(
        self,
        render: Callable[[FormNode, Instance], FieldState],
        cells: list[tuple[FormNode, Instance]],
        evaluated: list[str],
    ) -> None:
        self._render = render
        self._cells = cells
        self._changed: dict[str, FieldState] | None = None
        #: Names of the nodes evaluated, in order (values, then checks): tests and profiling.
        self.evaluated = evaluated
        #: Path of the repeat entry added by `add_repeat`, if any.
        self.entry: str | None = None

    @property
    def changed(self) -> dict[str, FieldState]:
        if self._changed is None:
            states = (
                self._render(node, inst) for node, inst in self._cells if node.name in inst.cells
            )
            self._changed = {state.path: state for state in states}
        return self._changed

    @classmethod
    def merge(cls, first: ChangeSet, second: ChangeSet) -> ChangeSet:
        """One change set for two runs (a change and the triggers it fired)."""
        cells = {(id(n), id(i)): (n, i) for n, i in first._cells + second._cells}
        merged = cls(first._render, list(cells.values()), first.evaluated + second.evaluated)
        merged.entry = first.entry
        return merged

    def __contains__(self, path: str) -> bool:
        return path in self.changed

    def __len__(self) -> int:
        return len(self._cells)

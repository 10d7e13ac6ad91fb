"""Runtime state of one interview: a tree of instances (the root and one per repeat entry).

Each instance holds the answers given at its level and one `Cell` per form node whose state
lives there. Compiled expressions read `inst.cells[name].value` directly, which is what keeps
evaluation cheap; instances are identified by object identity so moving a repeat entry does not
invalidate anything that points at it.
"""

from __future__ import annotations

from typing import Any

from kampung_desktop.survey.model import FormNode


class Cell:
    """The computed state of one node in one instance."""

    __slots__ = (
        "node",
        "relevant",
        "value",
        "required",
        "read_only",
        "valid",
        "problem",
        "error",
    )

    def __init__(self, node: FormNode) -> None:
        self.node = node
        self.relevant = True
        #: The value expressions see: the typed answer or calculation, "" when empty or not
        #: relevant. Select-multiple answers are space-separated choice names, as in XForms.
        self.value: Any = ""
        self.required = False
        self.read_only = False
        self.valid = True
        #: Why the cell is invalid: (message code, params) or ("form", texts) for the form's text.
        self.problem: tuple[str, Any] | None = None
        #: An expression of this cell failed to compute: (column, EvaluationError).
        self.error: tuple[str, Any] | None = None


class Instance:
    """The root of the answers, or one entry of a repeat."""

    __slots__ = ("repeat", "parent", "pos", "answers", "bad", "children", "cells")

    def __init__(self, repeat: FormNode | None, parent: Instance | None) -> None:
        self.repeat = repeat
        self.parent = parent
        #: 1-based position among the entries of its repeat (0 for the root).
        self.pos = 0
        #: Typed answers of the fields whose state lives here, by field name.
        self.answers: dict[str, Any] = {}
        #: Answers that did not fit the field type: name → (raw value, message code).
        self.bad: dict[str, tuple[Any, str]] = {}
        #: Entries of the repeats directly inside this level, by repeat name.
        self.children: dict[str, list[Instance]] = {}
        self.cells: dict[str, Cell] = {}

    @property
    def depth(self) -> int:
        return len(self.repeat.chain) if self.repeat is not None else 0

    def ancestor(self, depth: int) -> Instance:
        """The instance at repeat depth `depth` above (or equal to) this one."""
        inst: Instance = self
        for _ in range(self.depth - depth):
            assert inst.parent is not None
            inst = inst.parent
        return inst

    def path_prefix(self) -> str:
        """`rep[2]/inner[1]/` for a repeat entry, "" for the root."""
        parts: list[str] = []
        inst: Instance | None = self
        while inst is not None and inst.repeat is not None:
            parts.append(f"{inst.repeat.name}[{inst.pos}]")
            inst = inst.parent
        return "".join(f"{part}/" for part in reversed(parts))

    def descendants(self, down: tuple[str, ...]) -> list[Instance]:
        """The entries reached by walking down the repeats named in `down`."""
        insts = [self]
        for name in down:
            insts = [child for inst in insts for child in inst.children.get(name, ())]
        return insts

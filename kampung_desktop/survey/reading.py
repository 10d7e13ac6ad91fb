"""What a view reads from an interview: field states, pages' texts, completeness, and the
JSON an autosave writes and `kampung forms eval` prints (a mixin of `Interview`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from kampung_desktop.survey.answers import answer_json, value_json
from kampung_desktop.survey.errors import AnswerError, EvaluationError
from kampung_desktop.survey.instance import Cell, Instance
from kampung_desktop.survey.messages import message
from kampung_desktop.survey.model import Choice, DependencyGraph, Form, FormNode
from kampung_desktop.survey.state import FieldState
from kampung_desktop.survey.xpath.compiler import Compiled, Compiler, Env
from kampung_desktop.survey.xpath.values import NodeSet, to_str

_TEXT_REF_RE = re.compile(r"\$\{\s*([^}\s]+)\s*\}")


class Reading:
    """Field states, texts and serialisation of an interview."""

    form: Form
    graph: DependencyGraph
    env: Env
    root: Instance
    _compiler: Compiler
    _text_readers: dict[tuple[str, str], Compiled]
    _child_repeats: dict[str, list[FormNode]]

    def _resolve(self, path: str) -> tuple[FormNode, Instance]:
        raise NotImplementedError

    if TYPE_CHECKING:  # supplied by Evaluator, after this class in the MRO

        def _filtered_choices(self, node: FormNode, inst: Instance) -> list[Choice]: ...

    @staticmethod
    def path_of(node: FormNode, inst: Instance) -> str:
        return f"{inst.path_prefix()}{node.name}"

    # --- reading state -------------------------------------------------------------------

    def _render_cell(self, node: FormNode, inst: Instance) -> FieldState:
        return self._state(node, inst, inst.cells[node.name])

    def _state(self, node: FormNode, inst: Instance, cell: Cell) -> FieldState:
        if node.stores_answer and node.name in inst.bad and cell.relevant:
            value = _json_safe(inst.bad[node.name][0])
        else:
            value = value_json(node, cell.value)
        return FieldState(
            path=self.path_of(node, inst),
            name=node.name,
            relevant=cell.relevant,
            required=cell.required,
            read_only=cell.read_only,
            valid=cell.valid,
            value=value,
            message=self._message(node, cell),
        )

    def _message(self, node: FormNode, cell: Cell) -> str | None:
        if cell.problem is None:
            return None
        code, params = cell.problem
        lang = self.env.lang
        if code == "answer.eval_error":
            column, error = params
            return message(code, lang, column=column, detail=error.text(lang))
        if code == "required":
            text = self.form.text(node.required_message, lang)
            return text or message("answer.required", lang)
        if code == "constraint":
            text = self.form.text(node.constraint_message, lang)
            return text or message("answer.constraint", lang)
        return message(code, lang, **(params or {}))

    def state(self, path: str) -> FieldState:
        """Relevance, required, validity, value and message of one field."""
        node, inst = self._resolve(path)
        if not node.is_field or (node.is_repeat and inst.repeat is node):
            raise AnswerError("answer.unknown_path", path=path)
        return self._state(node, inst, inst.cells[node.name])

    def is_relevant(self, path: str) -> bool:
        """Relevance of any field, group, repeat entry (`rep[2]`) or repeat (`rep`)."""
        node, inst = self._resolve(path)
        if node.is_repeat and inst.repeat is not node:  # the repeat as a whole
            parent = node.parent
            if parent is None:
                return True
            return inst.cells[parent.name].relevant
        return inst.cells[node.name].relevant

    def iter_cells(self) -> Iterator[tuple[FormNode, Instance]]:
        """Every field and container cell in document order, repeat entries expanded."""
        yield from self._walk(self.form.children, self.root)

    def _walk(self, nodes: list[FormNode], inst: Instance) -> Iterator[tuple[FormNode, Instance]]:
        for node in nodes:
            if node.is_repeat:
                for entry in inst.children[node.name]:
                    yield node, entry
                    yield from self._walk(node.children, entry)
            else:
                yield node, inst
                if node.children:
                    yield from self._walk(node.children, inst)

    def fields(self) -> list[FieldState]:
        """States of every question, calculate and note, in document order."""
        return [
            self._state(node, inst, inst.cells[node.name])
            for node, inst in self.iter_cells()
            if node.is_field and not node.implicit
        ]

    def missing(self) -> list[FieldState]:
        """Relevant fields that are not valid (required but empty, or failing a rule)."""
        return [
            self._state(node, inst, cell)
            for node, inst in self.iter_cells()
            if node.is_field
            for cell in (inst.cells[node.name],)
            if cell.relevant and not cell.valid
        ]

    def is_complete(self) -> bool:
        return not any(
            not inst.cells[node.name].valid and inst.cells[node.name].relevant
            for node, inst in self.iter_cells()
            if node.is_question
        )

    def choices(self, path: str) -> list[Choice]:
        """The choices of a select field after its choice_filter, in form order."""
        node, inst = self._resolve(path)
        if not node.is_select:
            return []
        return self._filtered_choices(node, inst)

    def label(self, path: str, lang: str | None = None) -> str:
        """The label of a field or container, with `${name}` replaced by current values."""
        node, inst = self._resolve(path)
        return self.render(node, inst, self.form.text(node.labels, lang or self.env.lang))

    def hint(self, path: str, lang: str | None = None) -> str:
        node, inst = self._resolve(path)
        return self.render(node, inst, self.form.text(node.hints, lang or self.env.lang))

    def render(self, node: FormNode, inst: Instance, text: str) -> str:
        """Replace `${name}` in a label or hint with the value as seen from `node`."""
        if "${" not in text:
            return text

        def value(match: re.Match[str]) -> str:
            key = (node.name, match[1])
            reader = self._text_readers.get(key)
            if reader is None:
                chain = (
                    node.chain[:-1] if node.is_repeat and inst.repeat is not node else node.chain
                )
                reader = self._compiler.compile(
                    f"${{{match[1]}}}", context=node, chain=chain, column="label"
                )
                self._text_readers[key] = reader
            try:
                result = reader(self.env, inst)
            except EvaluationError:
                return ""
            if isinstance(result, NodeSet):
                return " ".join(to_str(v) for v in result)
            return to_str(result)

        return _TEXT_REF_RE.sub(value, text)

    # --- serialisation -------------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        """All answers as plain JSON: field name → value, repeat → list of entry objects.

        Fields that have a default are written even when empty (as null), so that reloading
        the dict does not bring a cleared default back.
        """
        return self._dump(self.root)

    def _dump(self, inst: Instance) -> dict[str, Any]:
        out: dict[str, Any] = {}
        key = inst.repeat.name if inst.repeat is not None else ""
        for node in sorted(self.graph.scope_nodes.get(key, ()), key=lambda n: n.index):
            if node.calculation is not None and node.calculation.uses_once:
                if node.name in inst.answers:  # once(): kept so that a resume keeps it
                    out[node.name] = answer_json(node, inst.answers[node.name])
                continue
            if not node.stores_answer or node.computed:
                continue
            if node.name in inst.bad:
                out[node.name] = inst.bad[node.name][0]
            elif node.name in inst.answers:
                out[node.name] = answer_json(node, inst.answers[node.name])
            elif node.default is not None or node.default_expr is not None:
                out[node.name] = None
        for repeat in self._child_repeats.get(key, ()):
            out[repeat.name] = [self._dump(entry) for entry in inst.children[repeat.name]]
        return out

    def to_eval_json(self) -> dict[str, Any]:
        """The document `kampung forms eval` prints."""
        states = self.fields()
        return {
            "form_id": self.form.form_id,
            "version": self.form.version,
            "complete": all(state.valid for state in states if state.relevant),
            "fields": {state.path: state.as_json() for state in states},
        }


def _json_safe(raw: Any) -> Any:
    """A kept wrong answer as valid JSON (NaN/Infinity read from a file become text)."""
    if isinstance(raw, float) and (raw != raw or raw in (float("inf"), float("-inf"))):
        return str(raw)
    if isinstance(raw, list | tuple):
        return [_json_safe(item) for item in raw]
    if isinstance(raw, dict):
        return {str(key): _json_safe(value) for key, value in raw.items()}
    return raw

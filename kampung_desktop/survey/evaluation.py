"""Incremental evaluation: from changed cells to every dependent value, relevance and check.

Cells are evaluated from a heap ordered by the graph's topological rank, so each cell runs once,
after all its inputs; a cell whose relevance and value did not change stops the propagation.
Checks (required, constraint, choice membership) run last, for the questions whose inputs
changed. `Interview` inherits this and supplies instances, entries and field states.
"""

from __future__ import annotations

import heapq
import secrets
from typing import Any

from kampung_desktop.survey.answers import expression_value
from kampung_desktop.survey.errors import EvaluationError, ExpressionError
from kampung_desktop.survey.graph import COUNT_TYPE
from kampung_desktop.survey.instance import Cell, Instance
from kampung_desktop.survey.model import Choice, Compiled, DependencyGraph, Edge, Form, FormNode
from kampung_desktop.survey.state import ChangeSet, FieldState
from kampung_desktop.survey.xpath.compiler import Compiler, Env
from kampung_desktop.survey.xpath.shuffle import MODULUS, seed_of, shuffle
from kampung_desktop.survey.xpath.values import NodeSet, is_empty, to_bool, to_num, to_str

#: A repeat_count larger than this is treated as this (a typo must not allocate millions).
MAX_REPEAT_ENTRIES = 500

Seeds = list[tuple[FormNode, Instance]]
Checks = set[tuple[FormNode, Instance]]


class Evaluator:
    """The recompute machinery of an interview (a mixin of `Interview`)."""

    form: Form
    graph: DependencyGraph
    env: Env
    root: Instance
    _seq: int
    _compiler: Compiler
    _text_readers: dict[tuple[str, str], Compiled]
    _random_seed: int | None = None

    def _insert_entry(
        self, node: FormNode, parent: Instance, position: int, data: dict[str, Any] | None
    ) -> Instance:
        raise NotImplementedError

    def _drop_entry(self, node: FormNode, parent: Instance, entry: Instance) -> None:
        raise NotImplementedError

    def _render_cell(self, node: FormNode, inst: Instance) -> FieldState:
        raise NotImplementedError

    def _seed_entry(
        self,
        entry: Instance,
        seeds: Seeds,
        checks: Checks,
    ) -> None:
        for cell in entry.cells.values():
            seeds.append((cell.node, entry))
            if cell.node.is_question:
                checks.add((cell.node, entry))
        for children in entry.children.values():
            for child in children:
                self._seed_entry(child, seeds, checks)

    def _seed_structure(
        self,
        repeat: FormNode,
        parent: Instance,
        seeds: Seeds,
        checks: Checks,
    ) -> None:
        """After entries of `repeat` under `parent` changed: totals outside, positions inside."""
        value_edges, check_edges = self.graph.structure_edges.get(repeat.name, ([], []))
        for edge in value_edges:
            seeds.extend(_targets(edge, parent))
        for edge in check_edges:
            checks.update(_targets(edge, parent))
        position_nodes = self.graph.position_nodes.get(repeat.name, ())
        if position_nodes:
            for entry in parent.children[repeat.name]:
                for node in position_nodes:
                    seeds.append((node, entry))

    # --- evaluation ----------------------------------------------------------------------

    def recompute_all(self) -> ChangeSet:
        """Re-evaluate every cell (opening an interview, switching clock or language)."""
        seeds: Seeds = []
        checks: Checks = set()
        self._seed_entry(self.root, seeds, checks)
        return self._run(seeds, checks)

    def _run(
        self,
        seeds: Seeds,
        checks: Checks,
        touched: tuple[FormNode, Instance] | None = None,
    ) -> ChangeSet:
        """Evaluate `seeds` and everything downstream, then the checks; `touched` is reported
        as changed even if its derived state is not (a new but still invalid answer)."""
        heap: list[tuple[int, int, FormNode, Instance]] = []
        pending: set[tuple[int, int]] = set()
        changed: dict[tuple[int, int], tuple[FormNode, Instance]] = {}
        if touched is not None:
            changed[(id(touched[0]), id(touched[1]))] = touched
        evaluated: list[str] = []
        value_edges = self.graph.value_edges
        check_edges = self.graph.check_edges

        def push(node: FormNode, inst: Instance) -> None:
            key = (id(node), id(inst))
            if key in pending:
                return
            pending.add(key)
            self._seq += 1
            heapq.heappush(heap, (node.rank, self._seq, node, inst))

        for node, inst in seeds:
            push(node, inst)
        while heap:
            _, _, node, inst = heapq.heappop(heap)
            key = (id(node), id(inst))
            pending.discard(key)
            cell = inst.cells.get(node.name)
            if cell is None:  # the entry was removed meanwhile
                continue
            evaluated.append(node.name)
            if node.type == COUNT_TYPE:
                self._evaluate_count(node, inst, cell, push, checks)
                continue
            if not self._evaluate(node, inst, cell):
                continue
            if node.is_field:
                changed[key] = (node, inst)
            for edge in value_edges.get(node.name, ()):
                for target in _targets(edge, inst):
                    push(*target)
            for edge in check_edges.get(node.name, ()):
                checks.update(_targets(edge, inst))
            if node.is_question:
                checks.add((node, inst))

        for node, inst in sorted(checks, key=lambda item: item[0].rank):
            cell = inst.cells.get(node.name)
            if cell is None or not node.is_question:
                continue
            evaluated.append(node.name)
            if self._check(node, inst, cell):
                changed[(id(node), id(inst))] = (node, inst)
        return ChangeSet(self._render_cell, list(changed.values()), evaluated)

    def _evaluate(self, node: FormNode, inst: Instance, cell: Cell) -> bool:
        """Recompute relevance and value; True when either changed."""
        parent = node.parent
        if parent is None:
            relevant = True
        elif node.is_repeat:
            relevant = inst.parent.cells[parent.name].relevant  # type: ignore[union-attr]
        else:
            relevant = inst.cells[parent.name].relevant
        error = None
        try:
            if relevant and node.relevant is not None:
                relevant = to_bool(node.relevant.fn(self.env, inst))
            if not relevant:
                value: Any = ""
            elif node.calculation is not None:
                value = plain(node.calculation.fn(self.env, inst))
            elif node.stores_answer:
                typed = inst.answers.get(node.name)
                value = "" if typed is None else expression_value(node, typed)
            else:
                value = ""
        except EvaluationError as exc:
            column = "calculation" if relevant and node.calculation is not None else "relevant"
            error, value = (column, exc), ""
        if error != cell.error:
            cell.error = error
            cell.problem = None if error is None else ("answer.eval_error", error)
            cell.valid = error is None
        elif relevant == cell.relevant and _identical(value, cell.value):
            return False
        cell.relevant = relevant
        cell.value = value
        return True

    def _evaluate_count(
        self,
        node: FormNode,
        inst: Instance,
        cell: Cell,
        push: Any,
        checks: Checks,
    ) -> None:
        assert node.calculation is not None
        try:
            number = to_num(plain(node.calculation.fn(self.env, inst)))
        except EvaluationError:
            number = 0
        wanted = 0 if number != number or number < 0 else min(int(number), MAX_REPEAT_ENTRIES)
        cell.value = wanted
        repeat = self.form.nodes[node.name.removesuffix("#count")]
        entries = inst.children[repeat.name]
        if len(entries) == wanted:
            return
        seeds: Seeds = []
        while len(entries) > wanted:
            self._drop_entry(repeat, inst, entries[-1])
        while len(entries) < wanted:
            entry = self._insert_entry(repeat, inst, len(entries) + 1, None)
            self._seed_entry(entry, seeds, checks)
        self._seed_structure(repeat, inst, seeds, checks)
        for seed in seeds:
            push(*seed)

    def _check(self, node: FormNode, inst: Instance, cell: Cell) -> bool:
        """Recompute required, read-only and validity of a question cell; True if any changed."""
        before = (cell.required, cell.read_only, cell.problem)
        if not cell.relevant:
            cell.required = cell.read_only = False
            cell.valid, cell.problem = True, None
            return before != (False, False, None)
        try:
            problem = self._check_rules(node, inst, cell)
        except _RuleFailed as failed:
            problem = ("answer.eval_error", (failed.column, failed.error))
        if cell.error is not None:
            problem = ("answer.eval_error", cell.error)
        cell.valid = problem is None
        cell.problem = problem
        return before != (cell.required, cell.read_only, problem)

    def _check_rules(self, node: FormNode, inst: Instance, cell: Cell) -> tuple[str, Any] | None:
        env = self.env
        required = node.required
        cell.required = (
            False
            if node.computed
            else bool(required is True or (required and _truth("required", required, env, inst)))
        )
        read_only = node.read_only
        cell.read_only = node.computed or bool(
            read_only is True or (read_only and _truth("read_only", read_only, env, inst))
        )
        bad = inst.bad.get(node.name)
        if bad is not None:
            return (bad[1], {})
        if is_empty(cell.value):
            return ("required", None) if cell.required else None
        if node.is_select and (node.list_name is not None or node.itemset is not None):
            problem = self._choice_problem(node, inst, cell.value)
            if problem is not None:
                return problem
        constraint = node.constraint
        if constraint is not None and not _truth("constraint", constraint, env, inst):
            return ("constraint", None)
        return None

    def _choice_problem(self, node: FormNode, inst: Instance, value: Any) -> tuple[str, Any] | None:
        allowed = {choice.name for choice in self._filtered_choices(node, inst)}
        for name in to_str(value).split():
            if name not in allowed:
                return ("answer.choice", {"value": name})
        return None

    def _filtered_choices(self, node: FormNode, inst: Instance) -> list[Choice]:
        choices = self._unordered_choices(node, inst)
        flag = str(node.parameters.get("randomize", "")).strip().lower()
        if flag in ("true", "yes", "true()", "1"):
            return shuffle(choices, self._choice_seed(node, inst))
        return choices

    def _choice_seed(self, node: FormNode, inst: Instance) -> int | None:
        """The `seed` parameter's value (an expression such as `${seed}`), or this interview's
        own random seed: an unseeded list keeps one order while the interview is open."""
        source = str(node.parameters.get("seed") or "").strip()
        if not source:
            if self._random_seed is None:
                self._random_seed = secrets.randbelow(MODULUS - 1) + 1
            return self._random_seed
        key = (node.name, "#seed")
        reader = self._text_readers.get(key)
        try:
            if reader is None:
                reader = self._compiler.compile(
                    source, context=node, chain=node.chain, column="parameters"
                )
                self._text_readers[key] = reader
            return seed_of(reader(self.env, inst))
        except (EvaluationError, ExpressionError):
            return None

    def _unordered_choices(self, node: FormNode, inst: Instance) -> list[Choice]:
        if node.itemset is not None:
            return _answers_as_choices(node.itemset, self.env, inst)
        if node.choice_filter is None:
            return list(node.choices)
        env = self.env
        keep: list[Choice] = []
        try:
            for choice in node.choices:
                env.choice = choice
                if to_bool(node.choice_filter.fn(env, inst)):
                    keep.append(choice)
        except EvaluationError:
            return list(node.choices)  # the field shows the failure; offer every choice
        finally:
            env.choice = None
        if node.or_other:
            other = node.choice("other")
            if other is not None and other not in keep:
                keep.append(other)
        return keep


def _targets(edge: Edge, inst: Instance) -> list[tuple[FormNode, Instance]]:
    for _ in range(edge.up):
        inst = inst.parent  # type: ignore[assignment]
    if not edge.down:
        return [(edge.target, inst)]
    return [(edge.target, entry) for entry in inst.descendants(edge.down)]


def plain(value: Any) -> Any:
    """A calculation result as stored: first node of a node-set, "" for NaN (ODK keeps
    Infinity, so do we: `forms eval` shows it as the text "Infinity")."""
    if isinstance(value, NodeSet):
        value = value[0] if value else ""
    if isinstance(value, float) and value != value:
        return ""
    return value


def _answers_as_choices(itemset: Any, env: Env, inst: Instance) -> list[Choice]:
    """Choices from a repeat's answers: each distinct non-empty value, labelled by itself."""
    try:
        values = itemset.fn(env, inst)
    except EvaluationError:
        return []
    seen: dict[str, Choice] = {}
    for value in values if isinstance(values, NodeSet) else (values,):
        text = to_str(value).strip()
        if text and text not in seen:
            seen[text] = Choice(name=text, labels={"default": text})
    return list(seen.values())


class _RuleFailed(Exception):
    def __init__(self, column: str, error: EvaluationError) -> None:
        super().__init__(column)
        self.column = column
        self.error = error


def _truth(column: str, compiled: Any, env: Env, inst: Instance) -> bool:
    try:
        return to_bool(compiled.fn(env, inst))
    except EvaluationError as exc:
        raise _RuleFailed(column, exc) from None


def _identical(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b

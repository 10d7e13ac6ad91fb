"""One interview: the answers to a form, addressed by path, and what a view reads from them.

`set_answer` stores one answer and lets the evaluator (see `evaluation`) update only what
depends on it; it returns a `ChangeSet` listing the fields whose visible state changed — what a
view repaints. `answers()` is the plain JSON an autosave writes and a resume reads back.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from kampung_desktop.survey.answers import BadAnswer, answer_json, coerce
from kampung_desktop.survey.errors import AnswerError, EvaluationError
from kampung_desktop.survey.evaluation import Checks, Evaluator, Seeds
from kampung_desktop.survey.events import AnswerEvents, default_value
from kampung_desktop.survey.instance import Cell, Instance
from kampung_desktop.survey.metadata import initial_value
from kampung_desktop.survey.model import (
    RECORDED_TYPES,
    DependencyGraph,
    Form,
    FormNode,
    root_attributes,
)
from kampung_desktop.survey.reading import Reading
from kampung_desktop.survey.state import ChangeSet
from kampung_desktop.survey.xpath.compiler import Compiled, Compiler, Env

_ENTRY_RE = re.compile(r"^([^\[\]]+)\[(\d+)\]$")
_TEXT_REF_RE = re.compile(r"\$\{\s*([^}\s]+)\s*\}")


class Interview(AnswerEvents, Reading, Evaluator):
    """Answers to one form. No Qt here: the wizard, the CLI and tests all drive this class.

    `answers` is the JSON shape of `answers()` (field name → value, repeat → list of objects).
    Fields missing from it get the form's default; `today`/`now` fix the clock for `today()`.
    """

    def __init__(
        self,
        form: Form,
        answers: dict[str, Any] | None = None,
        *,
        lang: str | None = None,
        today: date | None = None,
        now: datetime | None = None,
        device: dict[str, str] | None = None,
        last_saved: dict[str, Any] | None = None,
    ) -> None:
        if form.graph is None:  # pragma: no cover - load_form always builds it
            raise ValueError("form has no dependency graph")
        self.form = form
        self.graph: DependencyGraph = form.graph
        moment = now or datetime.now().replace(microsecond=0)
        self._fixed_clock = now is not None
        self.device = dict(device or {})
        self.env = Env(
            today=today or moment.date(),
            now=moment,
            lang=lang or form.default_language,
            default_lang=form.default_language,
            last_saved=dict(last_saved or {}),
            form_version=str(form.version or ""),
        )
        self._triggered: dict[str, list[FormNode]] = {}
        for node in form.walk():
            for name in node.triggers:
                self._triggered.setdefault(name, []).append(node)
        self._end_nodes = [n for n in form.walk() if n.type == "end" and not n.chain]
        self._audit = next((n for n in form.walk() if n.type == "audit" and not n.chain), None)
        self._compiler = Compiler(
            form.nodes,
            media=form.media,
            choices=form.choices,
            root_attributes=root_attributes(form),
        )
        self._text_readers: dict[tuple[str, str], Compiled] = {}
        self._child_repeats: dict[str, list[FormNode]] = {}
        for node in form.walk():
            if node.is_repeat:
                key = node.chain[-2].name if len(node.chain) > 1 else ""
                self._child_repeats.setdefault(key, []).append(node)
        self._seq = 0
        self.root = self._new_instance(None, None)
        seen = self._load(self.root, answers or {}, dynamic_defaults=False)
        self.recompute_all()
        # Dynamic defaults of the root may read other answers: apply them once those are known.
        seeds = [
            (node, self.root)
            for node in self.graph.scope_nodes.get("", ())
            if node.default_expr is not None and node.name not in seen and not node.computed
        ]
        for node, inst in seeds:
            self._store(inst, node, self._dynamic_default(node, inst))
        if seeds:
            self._run(seeds, set(seeds))

    # --- clock and language --------------------------------------------------------------

    @property
    def lang(self) -> str:
        return self.env.lang

    def set_language(self, lang: str) -> None:
        """Switch the language of messages, labels and `jr:choice-name()`."""
        self.env.lang = lang
        if any(
            "jr:choice-name" in node.sources.get("calculation", "") for node in self.form.walk()
        ):
            self.recompute_all()

    # --- building instances --------------------------------------------------------------

    def _new_instance(self, repeat: FormNode | None, parent: Instance | None) -> Instance:
        inst = Instance(repeat, parent)
        key = repeat.name if repeat is not None else ""
        for node in self.graph.scope_nodes.get(key, ()):
            inst.cells[node.name] = Cell(node)
        for child in self._child_repeats.get(key, ()):
            inst.children[child.name] = []
        return inst

    def _load(
        self, inst: Instance, data: dict[str, Any], *, dynamic_defaults: bool = True
    ) -> set[str]:
        """Store answers from JSON into `inst` (and new entries); defaults fill absent keys.

        Returns the field names present in `data`.
        """
        if not isinstance(data, dict):
            raise AnswerError("answer.repeat_shape", path=inst.path_prefix() or "/")
        chain = inst.repeat.chain if inst.repeat is not None else ()
        seen: set[str] = set()
        self._load_keys(inst, chain, data, seen)
        self._apply_defaults(inst, seen, dynamic_defaults)
        return seen

    def _load_keys(
        self, inst: Instance, chain: tuple[FormNode, ...], data: dict[str, Any], seen: set[str]
    ) -> None:
        for key, value in data.items():
            node = self.form.nodes.get(key)
            prefix = inst.path_prefix()
            if node is None:
                raise AnswerError("answer.unknown_path", path=prefix + key)
            if node.is_group and isinstance(value, dict) and node.chain == chain:
                inner = {_child_key(node, k): v for k, v in value.items()}
                self._load_keys(inst, chain, inner, seen)  # tolerate nested group objects
                continue
            if node.is_repeat and node.chain[:-1] == chain:
                if not isinstance(value, list):
                    raise AnswerError("answer.repeat_shape", path=prefix + key)
                entries = inst.children[node.name]
                for item in value:
                    entry = self._new_instance(node, inst)
                    entries.append(entry)
                    entry.pos = len(entries)
                    self._load(entry, item)
                continue
            if not node.is_field or node.chain != chain:
                raise AnswerError("answer.unknown_path", path=prefix + key)
            seen.add(key)
            if node.stores_answer and not node.computed:
                self._store(inst, node, value)
            elif _keeps_once(node) and value not in (None, ""):
                inst.answers[node.name] = value

    def _apply_defaults(self, inst: Instance, seen: set[str], dynamic: bool) -> None:
        key = inst.repeat.name if inst.repeat is not None else ""
        for node in self.graph.scope_nodes.get(key, ()):
            if node.name in seen or not node.stores_answer or node.computed:
                continue
            if node.default is not None:
                inst.answers[node.name] = node.default
            elif node.default_expr is not None and dynamic:
                self._store(inst, node, self._dynamic_default(node, inst))
            elif node.is_meta:
                self._store(inst, node, meta_value(node.type, self.env, self.device))

    def _dynamic_default(self, node: FormNode, inst: Instance) -> Any:
        assert node.default_expr is not None
        try:
            return default_value(node, node.default_expr(self.env, inst))
        except EvaluationError:
            return None  # the default cannot be computed: the field starts empty

    def _store(self, inst: Instance, node: FormNode, raw: Any) -> None:
        inst.bad.pop(node.name, None)
        try:
            typed = coerce(node, raw)
        except BadAnswer as exc:
            inst.answers.pop(node.name, None)
            inst.bad[node.name] = (raw, exc.code)
            return
        if typed is None:
            inst.answers.pop(node.name, None)
        else:
            inst.answers[node.name] = typed

    # --- paths ---------------------------------------------------------------------------

    def _resolve(self, path: str) -> tuple[FormNode, Instance]:
        """`name`, `rep[2]/name`, `rep[2]` (an entry) or `rep` (a repeat) → node, instance.

        Keys of repeated names contain `/` (`group/rep[1]/group/rep/name`), so each entry step
        is the longest run of segments that names an entry of the current instance.
        """
        parts = [p for p in path.strip().strip("/").split("/") if p]
        if not parts:
            raise AnswerError("answer.unknown_path", path=path)
        inst = self.root
        index = 0
        while index < len(parts):
            step = self._entry_step(inst, parts, index)
            if step is None:
                break
            inst, index = step
        if index == len(parts):  # the path names an entry
            if inst.repeat is None:
                raise AnswerError("answer.unknown_path", path=path)
            return inst.repeat, inst
        node = self.form.nodes.get("/".join(parts[index:]))
        chain = inst.repeat.chain if inst.repeat is not None else ()
        if node is None:
            raise AnswerError("answer.unknown_path", path=path)
        expected = node.chain[:-1] if node.is_repeat else node.chain
        if expected != chain:
            raise AnswerError("answer.unknown_path", path=path)
        return node, inst

    def _entry_step(
        self, inst: Instance, parts: list[str], index: int
    ) -> tuple[Instance, int] | None:
        """The entry named by the longest `key[i]` run from `parts[index]`, and where it ends."""
        for end in range(len(parts), index, -1):
            match = _ENTRY_RE.match("/".join(parts[index:end]))
            if match is None:
                continue
            entries = inst.children.get(match[1])
            if entries is None:
                continue
            position = int(match[2])
            if not 1 <= position <= len(entries):
                raise AnswerError("answer.unknown_path", path="/".join(parts))
            return entries[position - 1], end
        return None

    def node_at(self, path: str) -> FormNode:
        """The form node a field path points at (`rep[2]/g/name` → the node `g/name`)."""
        return self._resolve(path)[0]

    # --- answering -----------------------------------------------------------------------

    def set_answer(self, path: str, value: Any) -> ChangeSet:
        """Store one answer (JSON shape; None or "" clears it) and update its dependents.

        A value that does not fit the type is kept (so nothing typed is lost) and reported as
        invalid. Raises AnswerError for unknown paths and for computed or read-only fields.
        """
        node, inst = self._resolve(path)
        recorded = node.type in RECORDED_TYPES  # a background recording's file, from the app
        if not (node.is_question or node.triggers or recorded):
            raise AnswerError("answer.unknown_path", path=path)
        if node.computed or inst.cells[node.name].read_only:
            raise AnswerError("answer.read_only")
        self._store(inst, node, value)
        if not recorded:
            self._log("question", path)
        seeds: Seeds = [(node, inst)]
        checks: Checks = {(node, inst)}
        seeds.extend(self._refresh_end())
        changes = self._run(seeds, checks, touched=(node, inst))
        triggered = self._fire_triggers(node, inst)
        if triggered:
            more = self._run(triggered, set(triggered))
            changes = ChangeSet.merge(changes, more)
        return changes

    def answer(self, path: str) -> Any:
        """The stored answer of a question in JSON shape (None when empty)."""
        node, inst = self._resolve(path)
        if node.name in inst.bad:
            return inst.bad[node.name][0]
        return answer_json(node, inst.answers.get(node.name))

    # --- repeats -------------------------------------------------------------------------

    def entries(self, path: str) -> list[str]:
        """Paths of the entries of a repeat (`rep` or `outer[1]/inner`), in order."""
        node, inst = self._repeat(path)
        return [f"{entry.path_prefix()[:-1]}" for entry in inst.children[node.name]]

    def add_repeat(self, path: str, index: int | None = None) -> ChangeSet:
        """Add an entry (at the end, or at 1-based `index`); `ChangeSet.entry` is its path."""
        node, inst = self._repeat(path)
        if node.repeat_count is not None:
            raise AnswerError("answer.fixed_count", path=path)
        entries = inst.children[node.name]
        position = len(entries) + 1 if index is None else max(1, min(index, len(entries) + 1))
        entry = self._insert_entry(node, inst, position, None)
        seeds: Seeds = []
        checks: Checks = set()
        self._seed_entry(entry, seeds, checks)
        self._seed_structure(node, inst, seeds, checks)
        changes = self._run(seeds, checks)
        changes.entry = entry.path_prefix()[:-1]
        return changes

    def remove_repeat(self, entry_path: str) -> ChangeSet:
        node, entry = self._resolve(entry_path)
        if not node.is_repeat or entry.repeat is not node:
            raise AnswerError("answer.not_repeat", path=entry_path)
        if node.repeat_count is not None:
            raise AnswerError("answer.fixed_count", path=entry_path)
        parent = entry.parent
        assert parent is not None
        self._drop_entry(node, parent, entry)
        seeds: Seeds = []
        checks: Checks = set()
        self._seed_structure(node, parent, seeds, checks)
        return self._run(seeds, checks)

    def move_repeat(self, entry_path: str, new_index: int) -> ChangeSet:
        """Move an entry to 1-based `new_index` (clamped to the valid range)."""
        node, entry = self._resolve(entry_path)
        if not node.is_repeat or entry.repeat is not node:
            raise AnswerError("answer.not_repeat", path=entry_path)
        parent = entry.parent
        assert parent is not None
        entries = parent.children[node.name]
        entries.remove(entry)
        entries.insert(max(0, min(new_index - 1, len(entries))), entry)
        _renumber(entries)
        seeds: Seeds = []
        checks: Checks = set()
        self._seed_structure(node, parent, seeds, checks)
        return self._run(seeds, checks)

    def _repeat(self, path: str) -> tuple[FormNode, Instance]:
        node, inst = self._resolve(path)
        if not node.is_repeat or inst.repeat is node:
            raise AnswerError("answer.not_repeat", path=path)
        return node, inst

    def _insert_entry(
        self, node: FormNode, parent: Instance, position: int, data: dict[str, Any] | None
    ) -> Instance:
        entry = self._new_instance(node, parent)
        entries = parent.children[node.name]
        entries.insert(position - 1, entry)
        _renumber(entries)
        self._load(entry, data or {})
        return entry

    def _drop_entry(self, node: FormNode, parent: Instance, entry: Instance) -> None:
        entries = parent.children[node.name]
        entries.remove(entry)
        _renumber(entries)
        _kill(entry)


def _keeps_once(node: FormNode) -> bool:
    return node.calculation is not None and node.calculation.uses_once


def _child_key(group: FormNode, name: str) -> str:
    """The node key of `name` written inside a group object of an answers file."""
    for child in group.children:
        if child.xml_name == name:
            return child.name
    return name


def meta_value(kind: str, env: Env, device: dict[str, str]) -> Any:
    return initial_value(kind, env.now, env.today, device)


def _renumber(entries: list[Instance]) -> None:
    for position, entry in enumerate(entries, start=1):
        entry.pos = position


def _kill(entry: Instance) -> None:
    entry.cells = {}
    for children in entry.children.values():
        for child in children:
            _kill(child)

"""What happens around an answer besides its dependents: `trigger` rows are set, `end` moves
to the time of the change, and the audit log records it (a mixin of `Interview`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kampung_desktop.survey.errors import EvaluationError
from kampung_desktop.survey.evaluation import Seeds, plain
from kampung_desktop.survey.instance import Instance
from kampung_desktop.survey.metadata import audit_event
from kampung_desktop.survey.model import FormNode
from kampung_desktop.survey.xpath.compiler import Env
from kampung_desktop.survey.xpath.values import to_str


class AnswerEvents:
    env: Env
    root: Instance
    _triggered: dict[str, list[FormNode]]
    _end_nodes: list[FormNode]
    _audit: FormNode | None
    _fixed_clock: bool

    def _store(self, inst: Instance, node: FormNode, raw: Any) -> None:
        raise NotImplementedError

    def _fire_triggers(self, node: FormNode, inst: Instance) -> Seeds:
        """Set the rows whose `trigger` names `node` (ODK: on its value change)."""
        seeds: Seeds = []
        for target in self._triggered.get(node.name, ()):
            if len(target.chain) > len(inst.repeat.chain if inst.repeat else ()):
                continue  # a target inside a repeat the trigger is not in: no single entry
            target_inst = inst.ancestor(len(target.chain))
            value: Any = None
            if target.on_trigger is not None:
                try:
                    value = default_value(target, target.on_trigger(self.env, target_inst))
                except EvaluationError:
                    value = None
            self._store(target_inst, target, value)
            seeds.append((target, target_inst))
        return seeds

    def _refresh_end(self) -> Seeds:
        """`end` metadata: the time of the last change (ODK: when the form is finished)."""
        if not self._end_nodes or self._fixed_clock:
            return []
        moment = datetime.now().replace(microsecond=0)
        for node in self._end_nodes:
            self.root.answers[node.name] = moment
        return [(node, self.root) for node in self._end_nodes]

    def _log(self, event: str, path: str) -> None:
        if self._audit is None:
            return
        when = self.env.now if self._fixed_clock else datetime.now()
        log = self.root.answers.get(self._audit.name) or []
        self.root.answers[self._audit.name] = audit_event(log, event, path, when)


def default_value(node: FormNode, result: Any) -> Any:
    """A computed value (dynamic default, trigger) in the shape `coerce` expects for the field."""
    result = plain(result)
    if node.type == "date" and isinstance(result, date):
        return result
    if isinstance(result, int | float) and not isinstance(result, bool):
        return result
    return to_str(result)

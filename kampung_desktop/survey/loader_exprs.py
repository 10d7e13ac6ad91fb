"""The loader's second half: compile every expression column of every node, check defaults.

Errors that would make an interview go wrong (unparsable expressions, unknown names and
functions) are load problems. What ODK Collect tolerates — a choice filter reading a column the
list lacks, `selected()` with a value that is not a choice, a default that is not a choice or
does not fit the type — loads with a warning, so a form that ODK runs runs here too.
"""

from __future__ import annotations

import re
from typing import Any

from kampung_desktop.survey.answers import BadAnswer, coerce
from kampung_desktop.survey.errors import ExpressionError, LoadProblem
from kampung_desktop.survey.messages import message
from kampung_desktop.survey.model import Form, FormNode, root_attributes
from kampung_desktop.survey.xpath.compiler import Compiled, Compiler

_YES_NO = {
    "yes": True,
    "true": True,
    "true()": True,
    "no": False,
    "false": False,
    "false()": False,
}
_LABEL_REF_RE = re.compile(r"\$\{\s*([^}\s]*)\s*\}")
_EXCEL_DATE_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00$")
#: pyxform's own rule for a dynamic default needs its type names.
_PYXFORM_TYPE = {"datetime": "dateTime"}


_REF_RE = re.compile(r"\$\{([^}]*)\}")


def _relative(repeat: FormNode, node: FormNode) -> str:
    """The path from a repeat entry down to `node` (`group/name`)."""
    parts = []
    while node is not repeat and node is not None:
        parts.append(node.xml_name)
        node = node.parent  # type: ignore[assignment]
    return "/".join(reversed(parts))


class Rendered:
    """A message parameter rendered in the problem's language."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params

    def text(self, lang: str | None = None) -> str:
        return message(self.code, lang, **self.params)


class ExpressionChecks:
    """Mixin of the loader's builder: compiles columns, collects problems and warnings."""

    problems: list[LoadProblem]
    warnings: list[LoadProblem]
    media: Any
    #: Names of rows refused for their type: references to them are not problems of their own.
    refused: set[str]

    def problem(self, row: int, code: str, sheet: str = "survey", **params: Any) -> None:
        raise NotImplementedError

    def warn(self, row: int, code: str, sheet: str = "survey", **params: Any) -> None:
        self.warnings.append(LoadProblem(sheet, row, code, params))

    def compile_form(self, form: Form) -> None:
        compiler = Compiler(
            form.nodes,
            media=self.media,
            choices=form.choices,
            root_attributes=root_attributes(form),
        )
        for node in form.walk():
            self._compile_node(compiler, node)

    def _expr(
        self,
        compiler: Compiler,
        node: FormNode,
        column: str,
        chain: tuple[FormNode, ...] | None = None,
        context: FormNode | None | bool = True,
    ) -> Compiled | None:
        source = node.sources.get(column)
        if source is None:
            return None
        try:
            compiled = compiler.compile(
                source,
                context=node if context is True else (context or None),
                chain=node.chain if chain is None else chain,
                column=column,
            )
        except ExpressionError as exc:
            if exc.code != "expr.unknown_name" or exc.params.get("name") not in self.refused:
                self.problem(node.row, "expr.in_column", column=column, detail=exc)
            return None
        for warning in compiled.warnings:
            self.warn(node.row, "expr.in_column", column=column, detail=warning)
        return compiled

    def _flag(self, compiler: Compiler, node: FormNode, column: str) -> Compiled | bool | None:
        source = node.sources.get(column)
        if source is None:
            return None
        flag = _YES_NO.get(source.lower())
        if flag is not None:
            return True if flag else None
        return self._expr(compiler, node, column)

    def _compile_node(self, compiler: Compiler, node: FormNode) -> None:
        node.relevant = self._expr(compiler, node, "relevant")
        if node.is_repeat:
            node.repeat_count = self._expr(
                compiler, node, "repeat_count", chain=node.chain[:-1], context=None
            )
        if node.is_field:
            compiled = self._expr(compiler, node, "calculation")
            if node.triggers:
                node.on_trigger = compiled
            else:
                node.calculation = compiled
        if node.is_question:
            node.constraint = self._expr(compiler, node, "constraint")
            node.required = self._flag(compiler, node, "required")
            node.read_only = self._flag(compiler, node, "read_only")
        if node.is_select and "itemset" in node.sources:
            self._dynamic_itemset(compiler, node)
        elif node.is_select:
            node.choice_filter = self._expr(compiler, node, "choice_filter")
            if node.choice_filter is not None:
                self._check_choice_columns(node)
        if node.stores_answer and "default" in node.sources:
            self._default(compiler, node)
        for column, texts in (("label", node.labels), ("hint", node.hints)):
            for text in texts.values():
                for name in _LABEL_REF_RE.findall(text):
                    if name in self.refused or name.startswith("last-saved#"):
                        continue
                    if name not in compiler.nodes:
                        detail = ExpressionError("expr.unknown_name", name=name)
                        self.problem(node.row, "expr.in_column", column=column, detail=detail)

    def _dynamic_itemset(self, compiler: Compiler, node: FormNode) -> None:
        """`select_one ${name}`: the answers to `name` in the entries of its repeat, the
        choice_filter read per entry (`${x}` of that repeat, bare names and `position()` are
        the candidate entry's; `current()` is the question), as pyxform writes the itemset."""
        target = compiler.nodes.get(node.sources["itemset"])
        repeat = target.chain[-1] if target is not None and target.chain else None
        if target is None or repeat is None or target.is_container:
            self.problem(node.row, "load.dynamic_choices", itemset=node.sources["itemset"])
            return
        inside = {n.name: _relative(repeat, n) for n in repeat.walk() if n is not repeat}
        condition = node.sources.get("choice_filter", "")
        condition = _REF_RE.sub(lambda m: inside.get(m[1].strip(), m[0]), condition)
        predicate = f"[{condition}]" if condition else ""
        node.sources["choice_filter"] = f"${{{repeat.name}}}{predicate}/{inside[target.name]}"
        node.itemset = self._expr(compiler, node, "choice_filter")

    def _check_choice_columns(self, node: FormNode) -> None:
        assert node.choice_filter is not None
        if node.list_name is None:  # choices from a media file that is not at hand
            return
        known = {"name", "label"} | {key for choice in node.choices for key in choice.columns}
        for name in node.choice_filter.choice_columns:
            if name not in known:
                detail = Rendered("warn.choice_filter_column", name=name, list_name=node.list_name)
                self.warn(node.row, "expr.in_column", column="choice_filter", detail=detail)

    def _default(self, compiler: Compiler, node: FormNode) -> None:
        from pyxform.utils import default_is_dynamic

        text = node.sources["default"]
        if default_is_dynamic(text, _PYXFORM_TYPE.get(node.type, node.type)):
            node.default_expr = self._expr(compiler, node, "default")
            return
        excel_date = _EXCEL_DATE_RE.match(text)
        if excel_date and node.type == "date":
            text = excel_date[1]  # a date cell of the spreadsheet, read with its time
        try:
            value = coerce(node, text)
        except BadAnswer as exc:
            self.warn(node.row, "warn.bad_default", value=text, detail=Rendered(exc.code))
            return
        if node.is_select and value is not None and node.list_name is not None:
            names = (value,) if isinstance(value, str) else value
            for name in names:
                if node.choice(name) is None:
                    detail = Rendered("answer.choice", value=name)
                    self.warn(node.row, "warn.bad_default", value=text, detail=detail)
        node.default = value

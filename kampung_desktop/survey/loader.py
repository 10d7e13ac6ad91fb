"""Turn pyxform's reading of an XLSForm into a checked `Form`, or a list of every problem.

Everything that could go wrong mid-interview is decided here: unsupported types and columns,
duplicate names, unparsable expressions, unknown functions, references to missing names, bad
defaults and dependency cycles — each reported with the sheet and row to fix.
"""

from __future__ import annotations

import re
from os import PathLike
from typing import Any

from kampung_desktop.survey.answers import BadAnswer, coerce
from kampung_desktop.survey.errors import ExpressionError, FormLoadError, LoadProblem
from kampung_desktop.survey.graph import build_graph
from kampung_desktop.survey.messages import all_languages
from kampung_desktop.survey.model import (
    SUPPORTED_TYPES,
    Choice,
    Form,
    FormNode,
    language_code,
)
from kampung_desktop.survey.xlsform import Workbook, read_workbook
from kampung_desktop.survey.xpath.compiler import Compiled, Compiler

#: pyxform JSON type → our type.
TYPE_MAP = {
    "text": "text",
    "string": "text",
    "integer": "integer",
    "int": "integer",
    "decimal": "decimal",
    "date": "date",
    "time": "time",
    "select one": "select_one",
    "select all that apply": "select_multiple",
    "note": "note",
    "calculate": "calculate",
    "acknowledge": "acknowledge",
    "image": "image",
    "photo": "image",
    "geopoint": "geopoint",
    "location": "geopoint",
    "gps": "geopoint",
    "group": "group",
    "repeat": "repeat",
}
_UNSUPPORTED_KEYS = {"trigger": "trigger"}
_UNSUPPORTED_BIND = {"entities:saveto": "save_to", "jr:preload": "type (metadata)"}
_YES_NO = {
    "yes": True,
    "true": True,
    "true()": True,
    "no": False,
    "false": False,
    "false()": False,
}
_LABEL_REF_RE = re.compile(r"\$\{\s*([^}\s]*)\s*\}")
_SUPPORTED_LIST = "text, integer, decimal, date, time, select_one, select_multiple (or_other), note, calculate, acknowledge, image, geopoint, begin/end group, begin/end repeat"


def load_form(source: str | PathLike[str], *, file_type: str | None = None) -> Form:
    """Load an XLSForm (.xlsx, or .md markdown tables); raises FormLoadError with every problem."""
    return build_form(read_workbook(source, file_type=file_type), source=str(source))


def load_form_markdown(text: str) -> Form:
    """Load a form written as pyxform markdown tables (handy in tests)."""
    return build_form(read_workbook(text, file_type=".md"), source="<markdown>")


def build_form(book: Workbook, source: str = "") -> Form:
    builder = _Builder(book)
    form = builder.build(source)
    if builder.problems:
        raise FormLoadError(builder.problems)
    return form


class _Builder:
    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.json = book.json
        self.problems: list[LoadProblem] = list(book.problems)
        self.rows = list(book.survey_rows)
        self.row_index = 0
        self.last_row = 1
        self.default_code = language_code(str(self.json.get("default_language") or "default"))
        self.languages: dict[str, None] = {}
        self.nodes: dict[str, FormNode] = {}
        self.choices: dict[str, tuple[Choice, ...]] = {}

    def problem(self, row: int, code: str, sheet: str = "survey", **params: Any) -> None:
        self.problems.append(LoadProblem(sheet, row, code, params))

    # --- texts ---------------------------------------------------------------------------

    def texts(self, value: Any) -> dict[str, str]:
        if value is None or value == "":
            return {}
        if isinstance(value, dict):
            out = {language_code(str(k)): str(v) for k, v in value.items() if v not in (None, "")}
        else:
            out = {self.default_code: str(value)}
        for code in out:
            self.languages.setdefault(code, None)
        return out

    # --- build ---------------------------------------------------------------------------

    def build(self, source: str) -> Form:
        self._build_choices()
        children: list[FormNode] = []
        for element in self.json.get("children", []):
            if _is_meta(element):
                continue
            node = self._element(element, None, ())
            if node is not None:
                children.append(node)
        nodes = [n for child in children for n in child.walk()]
        for index, node in enumerate(nodes):
            node.index = index
        form = Form(
            form_id=str(self.json.get("id_string") or "form"),
            version=str(self.json.get("version") or ""),
            title=str(self.json.get("title") or self.json.get("id_string") or ""),
            default_language=self._default_language(),
            languages=self._language_list(),
            children=children,
            nodes=self.nodes,
            choices=self.choices,
            source=source,
        )
        if not any(node.is_field for node in nodes):
            self.problem(1, "load.empty_form")
        self._relabel_generated(form)
        self._compile(form)
        if not self.problems:
            graph, problems = build_graph(form)
            form.graph = graph
            self.problems.extend(problems)
        return form

    def _default_language(self) -> str:
        if self.json.get("default_language") not in (None, "", "default"):
            return self.default_code
        codes = self._language_list()
        return codes[0] if codes else "default"

    def _language_list(self) -> tuple[str, ...]:
        codes = list(self.languages)
        if len(codes) > 1 and "default" in codes:
            codes.remove("default")
        if self.default_code in codes:
            codes.remove(self.default_code)
            codes.insert(0, self.default_code)
        return tuple(codes) or ("default",)

    def _build_choices(self) -> None:
        for list_name, items in (self.json.get("choices") or {}).items():
            built = []
            for item in items:
                name = str(item.get("name", ""))
                row = self.book.choice_rows.get((list_name, name), 0)
                columns = {
                    str(k): str(v)
                    for k, v in item.items()
                    if k not in ("name", "label", "media") and v is not None
                }
                labels = self.texts(item.get("label"))
                if name == "other" and row == 0:  # added by pyxform for or_other
                    labels = all_languages("label.other_choice")
                built.append(Choice(name=name, labels=labels, columns=columns, row=row))
            self.choices[list_name] = tuple(built)

    def _row_for(self, name: str) -> tuple[int, str, bool]:
        """The row and raw type of the next survey row named `name` (else: generated)."""
        if self.row_index < len(self.rows) and self.rows[self.row_index][1] == name:
            row, _, raw_type = self.rows[self.row_index]
            self.row_index += 1
            self.last_row = row
            return row, raw_type, False
        return self.last_row, "", True

    def _element(
        self, element: dict[str, Any], parent: FormNode | None, chain: tuple[FormNode, ...]
    ) -> FormNode | None:
        name = str(element.get("name", ""))
        row, raw_type, generated = self._row_for(name)
        json_type = str(element.get("type", ""))
        kind = TYPE_MAP.get(json_type)
        if kind is None or kind not in SUPPORTED_TYPES:
            self.problem(
                row, "load.unsupported_type", type=raw_type or json_type, supported=_SUPPORTED_LIST
            )
            for child in element.get("children", []) or []:
                self._element(child, None, chain)  # keep rows aligned
            return None
        bind = element.get("bind") or {}
        control = element.get("control") or {}
        node = FormNode(
            name=name,
            type=kind,
            row=row,
            parent=parent,
            labels=self.texts(element.get("label")),
            hints=self.texts(element.get("hint")),
            appearance=str(control.get("appearance") or ""),
            generated=generated and name.endswith("_other"),
            required_message=self.texts(bind.get("jr:requiredMsg")),
            constraint_message=self.texts(bind.get("jr:constraintMsg")),
        )
        node.chain = chain + (node,) if kind == "repeat" else chain
        self._check_name(node)
        self._check_columns(node, element, bind)
        sources = {
            "relevant": bind.get("relevant"),
            "calculation": bind.get("calculate"),
            "constraint": bind.get("constraint"),
            "required": bind.get("required"),
            "read_only": bind.get("readonly"),
            "choice_filter": element.get("choice_filter"),
            "repeat_count": control.get("jr:count"),
            "default": element.get("default"),
        }
        node.sources = {k: str(v).strip() for k, v in sources.items() if v not in (None, "")}
        if node.is_select:
            self._attach_choices(node, element, raw_type)
        for child in element.get("children", []) or []:
            if _is_meta(child):
                continue
            built = self._element(child, node, node.chain)
            if built is not None:
                node.children.append(built)
                if built.is_repeat and node.is_field_list:
                    self.problem(built.row, "load.repeat_in_field_list", name=built.name)
        return node

    def _check_name(self, node: FormNode) -> None:
        other = self.nodes.get(node.name)
        if other is not None:
            self.problem(node.row, "load.duplicate_name", name=node.name, other=other.row)
        else:
            self.nodes[node.name] = node

    def _check_columns(self, node: FormNode, element: dict[str, Any], bind: dict[str, Any]) -> None:
        for key, column in _UNSUPPORTED_KEYS.items():
            if element.get(key):
                self.problem(node.row, "load.unsupported_column", column=column)
        for key, column in _UNSUPPORTED_BIND.items():
            if bind.get(key):
                self.problem(node.row, "load.unsupported_column", column=column)

    def _attach_choices(self, node: FormNode, element: dict[str, Any], raw_type: str) -> None:
        itemset = str(element.get("itemset") or element.get("list_name") or "")
        if itemset.startswith("$") or "." in itemset:
            self.problem(node.row, "load.dynamic_choices", itemset=itemset)
            return
        node.list_name = str(element.get("list_name") or itemset)
        node.choices = self.choices.get(node.list_name, ())
        node.or_other = raw_type.split()[-1:] == ["or_other"]

    def _relabel_generated(self, form: Form) -> None:
        """`<name>_other` fields get our bilingual label and a `${name}` relevance."""
        for node in form.walk():
            if not node.generated:
                continue
            select = form.nodes.get(node.name[: -len("_other")])
            if select is None:
                continue
            texts = all_languages("label.specify_other")
            node.labels = {
                code: texts.get(code, texts["id"] if code == "default" else texts["en"])
                for code in form.languages
            }
            node.sources["relevant"] = f"selected(${{{select.name}}}, 'other')"

    # --- expressions ---------------------------------------------------------------------

    def _compile(self, form: Form) -> None:
        compiler = Compiler(form.nodes)
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
            return compiler.compile(
                source,
                context=node if context is True else (context or None),
                chain=node.chain if chain is None else chain,
                column=column,
            )
        except ExpressionError as exc:
            self.problem(node.row, "expr.in_column", column=column, detail=exc)
            return None

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
            node.calculation = self._expr(compiler, node, "calculation")
        if node.is_question:
            node.constraint = self._expr(compiler, node, "constraint")
            node.required = self._flag(compiler, node, "required")
            node.read_only = self._flag(compiler, node, "read_only")
        if node.is_select:
            node.choice_filter = self._expr(compiler, node, "choice_filter")
            if node.choice_filter is not None:
                self._check_choice_columns(node)
        if node.is_question and "default" in node.sources:
            self._default(compiler, node)
        for column, texts in (("label", node.labels), ("hint", node.hints)):
            for text in texts.values():
                for name in _LABEL_REF_RE.findall(text):
                    if name not in compiler.nodes:
                        detail = ExpressionError("expr.unknown_name", name=name)
                        self.problem(node.row, "expr.in_column", column=column, detail=detail)

    def _check_choice_columns(self, node: FormNode) -> None:
        assert node.choice_filter is not None
        known = {"name"} | {key for choice in node.choices for key in choice.columns}
        for name in node.choice_filter.choice_columns:
            if name not in known:
                detail = ExpressionError(
                    "expr.unknown_choice_column", name=name, list_name=node.list_name
                )
                self.problem(node.row, "expr.in_column", column="choice_filter", detail=detail)

    def _default(self, compiler: Compiler, node: FormNode) -> None:
        text = node.sources["default"]
        if "${" in text or "(" in text:
            node.default_expr = self._expr(compiler, node, "default")
            return
        try:
            value = coerce(node, text)
        except BadAnswer as exc:
            self.problem(node.row, "load.bad_default", value=text, detail=_Rendered(exc.code))
            return
        if node.is_select and value is not None:
            names = (value,) if isinstance(value, str) else value
            for name in names:
                if node.choice(name) is None:
                    self.problem(
                        node.row,
                        "load.bad_default",
                        value=text,
                        detail=_Rendered("answer.choice", value=name),
                    )
                    return
        node.default = value


class _Rendered:
    """A message parameter rendered in the problem's language."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params

    def text(self, lang: str | None = None) -> str:
        from kampung_desktop.survey.messages import message

        return message(self.code, lang, **self.params)


def _is_meta(element: dict[str, Any]) -> bool:
    control = element.get("control") or {}
    return element.get("name") == "meta" and bool(control.get("bodyless"))

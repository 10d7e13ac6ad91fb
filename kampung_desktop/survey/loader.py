"""Turn pyxform's reading of an XLSForm into a checked `Form`, or a list of every problem.

Everything that could go wrong mid-interview is decided here: types a desktop cannot offer,
unparsable expressions, unknown functions, references to missing names and dependency cycles —
each reported with the sheet and row to fix. What ODK Collect tolerates loads with a warning
(`Form.warnings`). Names need not be unique (XLSForm allows the same name in different groups):
a repeated name gets the key `group/name`, which is its path in answers and `forms eval`.
"""

from __future__ import annotations

import copy
from collections import deque
from os import PathLike
from pathlib import Path
from typing import Any

from kampung_desktop.survey.bundle import is_bundle, read_bundle
from kampung_desktop.survey.errors import FormLoadError, LoadProblem
from kampung_desktop.survey.graph import build_graph
from kampung_desktop.survey.loader_exprs import ExpressionChecks
from kampung_desktop.survey.media import Media
from kampung_desktop.survey.messages import all_languages
from kampung_desktop.survey.model import (
    META_TYPES,
    SUPPORTED_TYPES,
    Choice,
    Form,
    FormNode,
    language_code,
)
from kampung_desktop.survey.types import EXTERNAL_TYPES, NOT_YET, UNAVAILABLE, resolve
from kampung_desktop.survey.xlsform import Workbook, read_workbook

_IGNORED_BIND = {"entities:saveto": "save_to"}
_SUPPORTED_LIST = (
    "text, integer, decimal, range, date, time, dateTime, select_one, select_multiple, rank, "
    "*_from_file, select_one_external, note, calculate, hidden, acknowledge, trigger, barcode, "
    "image, audio, video, file, geopoint, geotrace, geoshape, metadata (start, end, today, "
    "deviceid, username, email, phonenumber, subscriberid, simserial, audit), begin/end group, "
    "begin/end repeat, begin/end loop"
)


def load_form(
    source: str | PathLike[str], *, file_type: str | None = None, media: Media | None = None
) -> Form:
    """Load an XLSForm (.xlsx, .xls, .csv or .md); raises FormLoadError with every problem.

    Media files (CSV/XML/GeoJSON choice lists, pulldata tables) are looked for next to the form
    and in `<form name>-media/`, as ODK tools lay them out, unless `media` is given. A zip
    bundle (see `bundle`) carries the form and its media files in one file.
    """
    path = Path(source)
    if file_type is None and is_bundle(path):
        try:
            content, suffix, bundled = read_bundle(path)
        except (ValueError, OSError, KeyError) as exc:
            raise FormLoadError(
                [LoadProblem("survey", 1, "load.unreadable", {"detail": str(exc)})]
            ) from exc
        book = read_workbook(content, file_type=suffix)
        return build_form(book, source=str(source), media=media or bundled)
    book = read_workbook(source, file_type=file_type)
    if media is None:
        media = Media.beside(path)
    return build_form(book, source=str(source), media=media)


def load_form_markdown(text: str, media: Media | None = None) -> Form:
    """Load a form written as pyxform markdown tables (handy in tests)."""
    return build_form(read_workbook(text, file_type=".md"), source="<markdown>", media=media)


def build_form(book: Workbook, source: str = "", media: Media | None = None) -> Form:
    builder = _Builder(book, media or Media({}))
    form = builder.build(source)
    if builder.problems:
        raise FormLoadError(builder.problems)
    return form


class _Builder(ExpressionChecks):
    def __init__(self, book: Workbook, media: Media) -> None:
        self.book = book
        self.json = book.json
        self.media = media
        self.problems: list[LoadProblem] = list(book.problems)
        self.warnings: list[LoadProblem] = list(book.warnings)
        self.rows: dict[str, deque[tuple[int, str]]] = {}
        for row, name, raw_type in book.survey_rows:
            self.rows.setdefault(name, deque()).append((row, raw_type))
        self.used_rows: dict[str, tuple[int, str]] = {}
        self.last_row = 1
        self.default_code = language_code(str(self.json.get("default_language") or "default"))
        self.languages: dict[str, None] = {}
        self.nodes: dict[str, FormNode] = {}
        self.choices: dict[str, tuple[Choice, ...]] = {}
        self.refused: set[str] = set()

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
            for child in self._unwrap_meta(element):
                node = self._element(child, None, ())
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
            warnings=self.warnings,
            media=self.media,
        )
        self._relabel_generated(form)
        self.compile_form(form)
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
        lists = dict(self.json.get("choices") or {})
        for row in self.book.external_choices:
            lists.setdefault(str(row.get("list_name", "")), []).append(row)
        for list_name, items in lists.items():
            built = []
            for item in items:
                name = str(item.get("name", ""))
                row = self.book.choice_rows.get((list_name, name), 0)
                columns = {
                    str(k): str(v)
                    for k, v in item.items()
                    if k not in ("name", "label", "media", "list_name") and v is not None
                }
                labels = self.texts(item.get("label"))
                if name == "other" and row == 0:  # added by pyxform for or_other
                    labels = all_languages("label.other_choice")
                built.append(Choice(name=name, labels=labels, columns=columns, row=row))
            self.choices[list_name] = tuple(built)

    def _row_for(self, name: str) -> tuple[int, str, bool]:
        """The row and raw type of the next survey row named `name` (else: generated)."""
        queue = self.rows.get(name)
        if queue:
            row, raw_type = queue.popleft()
            self.used_rows[name] = (row, raw_type)
            self.last_row = row
            return row, raw_type, False
        if name in self.used_rows:  # a loop repeats its rows once per choice
            row, raw_type = self.used_rows[name]
            return row, raw_type, False
        return self.last_row, "", True

    def _element(
        self, element: dict[str, Any], parent: FormNode | None, chain: tuple[FormNode, ...]
    ) -> FormNode | None:
        name = str(element.get("name", ""))
        row, raw_type, generated = self._row_for(name)
        json_type = str(element.get("type", ""))
        if json_type in EXTERNAL_TYPES:
            return None  # declares a media file read by instance('name'); nothing to ask
        resolved = resolve(json_type)
        kind = resolved.kind
        if kind is None or kind not in SUPPORTED_TYPES:
            self._refuse_type(row, raw_type or json_type, json_type)
            self.refused.add(name)
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
            hints=self.texts(element.get("hint") or resolved.hint),
            appearance=str(control.get("appearance") or ""),
            generated=generated and name.endswith("_other"),
            required_message=self.texts(bind.get("jr:requiredMsg")),
            constraint_message=self.texts(bind.get("jr:constraintMsg")),
            parameters=_parameters(element.get("parameters")),
            xml_name=name,
            implicit=bool(element.get("_implicit")),
            in_meta=bool(element.get("_in_meta")),
            triggers=tuple(str(t) for t in element.get("trigger") or ()),
        )
        node.chain = chain + (node,) if kind == "repeat" else chain
        self._register(node)
        for key, column in _IGNORED_BIND.items():
            if bind.get(key):
                self.warn(node.row, "warn.ignored_column", column=column)
        sources = {
            "relevant": bind.get("relevant"),
            "calculation": bind.get("calculate"),
            "constraint": bind.get("constraint") or resolved.constraint,
            "required": bind.get("required"),
            "read_only": bind.get("readonly"),
            "choice_filter": element.get("choice_filter"),
            "repeat_count": control.get("jr:count"),
            "default": element.get("default"),
        }
        node.sources = {k: str(v).strip() for k, v in sources.items() if v not in (None, "")}
        if node.is_select:
            self._attach_choices(node, element, raw_type)
        children = element.get("children", []) or []
        if json_type == "loop":
            children = _expand_loop(element)
        for child in [c for el in children for c in self._unwrap_meta(el)]:
            built = self._element(child, node, node.chain)
            if built is not None:
                node.children.append(built)
                if built.is_repeat and node.is_field_list:
                    self.problem(built.row, "load.repeat_in_field_list", name=built.name)
        return node

    def _unwrap_meta(self, element: dict[str, Any]) -> list[dict[str, Any]]:
        return _meta_children(element, self.json) if _is_meta(element) else [element]

    def _refuse_type(self, row: int, written: str, json_type: str) -> None:
        if json_type in UNAVAILABLE:
            self.problem(row, "load.unavailable_type", type=written, feature=UNAVAILABLE[json_type])
        elif json_type in NOT_YET:
            self.problem(row, "load.unsupported_feature", feature=json_type)
        else:
            self.problem(row, "load.unsupported_type", type=written, supported=_SUPPORTED_LIST)

    def _register(self, node: FormNode) -> None:
        """Give the node a unique key: its name, or `group/name` when the name is taken."""
        if node.name in self.nodes:
            path = []
            parent = node.parent
            while parent is not None:
                path.append(parent.xml_name)
                parent = parent.parent
            key = "/".join([*reversed(path), node.name])
            suffix = 2
            while key in self.nodes:
                key = f"{'/'.join([*reversed(path), node.name])}#{suffix}"
                suffix += 1
            node.name = key
        self.nodes[node.name] = node

    def _attach_choices(self, node: FormNode, element: dict[str, Any], raw_type: str) -> None:
        itemset = str(element.get("itemset") or element.get("list_name") or "")
        node.or_other = raw_type.split()[-1:] == ["or_other"]
        if itemset.startswith("${") and itemset.endswith("}"):
            node.sources["itemset"] = itemset[2:-1].strip()  # compiled once names are known
            node.list_name = None
            return
        if itemset.startswith("$") or "/" in itemset:
            self.problem(node.row, "load.dynamic_choices", itemset=itemset)
            return
        if "." in itemset and itemset.rsplit(".", 1)[1].lower() in ("csv", "xml", "geojson"):
            choices = self.media.choices(itemset, _parameters(element.get("parameters")))
            if choices is None:
                self.warn(node.row, "warn.missing_media", file=itemset)
                node.list_name = None
                return
            node.list_name = itemset
            node.choices = choices
            return
        node.list_name = str(element.get("list_name") or itemset)
        node.choices = self.choices.get(node.list_name, ())

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


def _parameters(value: Any) -> dict[str, str]:
    """The parameters column: pyxform gives a dict for the types it knows, else the text."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    pairs = (part.split("=", 1) for part in str(value or "").replace(",", " ").split())
    return {k.strip(): v.strip() for k, v in (p for p in pairs if len(p) == 2)}


def _is_meta(element: dict[str, Any]) -> bool:
    control = element.get("control") or {}
    return element.get("name") == "meta" and bool(control.get("bodyless"))


def _meta_children(meta: dict[str, Any], form_json: dict[str, Any]) -> list[dict[str, Any]]:
    """The meta group's metadata rows (audit, ...); instanceID only when the form reads it."""
    out = []
    text = repr(form_json.get("children"))
    for child in meta.get("children", []) or []:
        if child.get("name") == "instanceID":
            if "${instanceID}" not in text and "meta/instanceID" not in text:
                continue
            child = {"name": "instanceID", "type": "instanceID", "_implicit": True}
        elif resolve(str(child.get("type"))).kind not in META_TYPES:
            continue  # entity declarations, instanceName: read by servers, not by interviews
        out.append({**child, "_in_meta": True})
    return out


def _expand_loop(loop: dict[str, Any]) -> list[dict[str, Any]]:
    """`begin loop over list`: one group per choice, its rows copied with %(label)s filled in."""
    groups = []
    for column in loop.get("columns", []) or []:
        children = copy.deepcopy(loop.get("children", []) or [])
        for child in children:
            _fill_loop_text(child, column)
        groups.append(
            {
                "type": "group",
                "name": column.get("name"),
                "label": column.get("label"),
                "children": children,
            }
        )
    return groups


def _fill_loop_text(element: dict[str, Any], column: dict[str, Any]) -> None:
    for key in ("label", "hint"):
        value = element.get(key)
        if isinstance(value, str):
            element[key] = _fill(value, column, None)
        elif isinstance(value, dict):
            element[key] = {lang: _fill(str(text), column, lang) for lang, text in value.items()}
    for child in element.get("children", []) or []:
        _fill_loop_text(child, column)


def _fill(text: str, column: dict[str, Any], lang: str | None) -> str:
    label = column.get("label", "")
    if isinstance(label, dict):
        label = label.get(lang, next(iter(label.values()), "")) if lang else ""
    return text.replace("%(label)s", str(label)).replace("%(name)s", str(column.get("name")))

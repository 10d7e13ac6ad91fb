"""The form model: what an XLSForm says, independent of pyxform and of any interview.

A `Form` is a tree of `FormNode`s (questions, calculates, notes, groups, repeats) plus choice
lists. Names are unique in the whole form, so `${name}` and answer keys are unambiguous. Texts are
dicts keyed by language code (`id`, `en`; `default` for columns without a language).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kampung_desktop.survey.errors import ExpressionError

#: Types that take an answer from the enumerator (what `forms check` counts as questions).
INPUT_TYPES = frozenset(
    {
        "text",
        "integer",
        "decimal",
        "date",
        "time",
        "select_one",
        "select_multiple",
        "acknowledge",
        "image",
        "geopoint",
        "datetime",
        "range",
        "barcode",
        "geotrace",
        "geoshape",
        "audio",
        "video",
        "file",
        "rank",
    }
)
#: Values the app fills in itself (XLSForm metadata); never shown as a page or checked.
META_TYPES = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "username",
        "email",
        "phonenumber",
        "subscriberid",
        "simserial",
        "audit",
        "hidden",
        "instanceID",
        "start-geopoint",
        "background-geopoint",
        "background-audio",
    }
)
#: Metadata the app itself records while the interview runs, stored through `set_answer`.
RECORDED_TYPES = frozenset({"background-audio"})
#: Types whose answers are file names (attached, not typed).
FILE_TYPES = frozenset({"image", "audio", "video", "file", "background-audio"})
SELECT_TYPES = frozenset({"select_one", "select_multiple", "rank"})
CALCULATE = "calculate"
NOTE = "note"
GROUP = "group"
REPEAT = "repeat"
FIELD_TYPES = INPUT_TYPES | META_TYPES | {CALCULATE, NOTE}
SUPPORTED_TYPES = FIELD_TYPES | {GROUP, REPEAT}

_LANG_CODE_RE = re.compile(r"\(([^()]+)\)\s*$")


def language_code(language: str) -> str:
    """`Bahasa Indonesia (id)` → `id`; a language without a code in brackets keeps its name."""
    match = _LANG_CODE_RE.search(language)
    return match[1].strip() if match else language.strip()


def pick_text(texts: dict[str, str], lang: str | None, default_lang: str = "default") -> str:
    """The text in `lang`, else in the form's default language, else any text there is."""
    if not texts:
        return ""
    if lang and lang in texts:
        return texts[lang]
    if default_lang in texts:
        return texts[default_lang]
    if "default" in texts:
        return texts["default"]
    return next(iter(texts.values()))


@dataclass(eq=False)
class Choice:
    """One row of the choices sheet; `columns` holds the extra columns choice filters read."""

    name: str
    labels: dict[str, str]
    columns: dict[str, str] = field(default_factory=dict)
    row: int = 0

    def label(self, lang: str | None = None, default_lang: str = "default") -> str:
        return pick_text(self.labels, lang, default_lang) or self.name


@dataclass(frozen=True, slots=True)
class RefUse:
    """A reference to `node`; `common` is the repeat depth the expression and `node` share."""

    node: FormNode
    common: int


@dataclass
class Compiled:
    """A compiled expression as a node holds it (built by `xpath.compiler`).

    It lives here, beside the nodes it reads, so the model needs nothing that needs the model.
    """

    source: str
    #: Called as fn(env, instance) with an `xpath.compiled.Env` and an `instance.Instance`.
    fn: Callable[[Any, Any], Any]
    refs: tuple[RefUse, ...] = ()
    #: Reads `position(..)`: re-evaluate when entries of its repeat are moved or removed.
    uses_position: bool = False
    #: Reads the field's own value (`.`).
    uses_dot: bool = False
    #: Calls once(): the value is kept with the answers, so a resume does not redraw it.
    uses_once: bool = False
    #: Bare names read from the choice row (choice filters only).
    choice_columns: tuple[str, ...] = ()
    #: What ODK tolerates but the author should know (coded messages, like ExpressionError).
    warnings: tuple[ExpressionError, ...] = ()

    def __call__(self, env: Any, inst: Any) -> Any:
        return self.fn(env, inst)


@dataclass(eq=False)
class FormNode:
    """A survey row: a field (question, calculate, note) or a container (group, repeat)."""

    name: str
    type: str
    row: int
    parent: FormNode | None = None
    children: list[FormNode] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    hints: dict[str, str] = field(default_factory=dict)
    appearance: str = ""
    list_name: str | None = None
    choices: tuple[Choice, ...] = ()
    or_other: bool = False
    #: The `parameters` column (range start/end/step, ...), as pyxform read it.
    parameters: dict[str, str] = field(default_factory=dict)
    #: The name as written in the form; `name` is made unique (`group/name`) when a name is
    #: used again in another group, as XLSForm allows.
    xml_name: str = ""
    #: Added by the app (the implicit instanceID), not a row of the form: never listed.
    implicit: bool = False
    #: In pyxform's `meta` group (instanceID, audit, ...): its XPath is /data/meta/<name>.
    in_meta: bool = False
    #: The `trigger` column: names of the questions whose change sets this value.
    triggers: tuple[str, ...] = ()
    #: True for the `<name>_other` text field pyxform adds after a select `or_other`.
    generated: bool = False
    required_message: dict[str, str] = field(default_factory=dict)
    constraint_message: dict[str, str] = field(default_factory=dict)
    #: Raw expression text per XLSForm column (relevant, calculation, constraint, ...).
    sources: dict[str, str] = field(default_factory=dict)

    # Filled in by the loader -------------------------------------------------------------
    relevant: Compiled | None = None
    calculation: Compiled | None = None
    constraint: Compiled | None = None
    #: None = not required, True = always, else an expression.
    required: Compiled | bool | None = None
    read_only: Compiled | bool | None = None
    choice_filter: Compiled | None = None
    #: Choices taken from the answers of a repeat (`select_one ${name}`): their values.
    itemset: Compiled | None = None
    repeat_count: Compiled | None = None
    default: Any = None
    default_expr: Compiled | None = None
    #: The value set when a trigger changes (the calculation of a triggered row).
    on_trigger: Compiled | None = None
    #: The repeats whose instances hold this node's state, outermost first. For a repeat this
    #: includes the repeat itself (its relevance is per instance).
    chain: tuple[FormNode, ...] = ()
    #: Document order over all nodes; used to sort fields and pages.
    index: int = 0
    #: Topological rank in the value dependency graph (set by graph.build_graph).
    rank: int = 0

    # Kinds -------------------------------------------------------------------------------
    @property
    def is_group(self) -> bool:
        return self.type == GROUP

    @property
    def is_repeat(self) -> bool:
        return self.type == REPEAT

    @property
    def is_container(self) -> bool:
        return self.type in (GROUP, REPEAT)

    @property
    def is_field(self) -> bool:
        """Questions, calculates and notes: everything that has a value and a path."""
        return self.type in FIELD_TYPES

    @property
    def is_question(self) -> bool:
        return self.type in INPUT_TYPES

    @property
    def is_meta(self) -> bool:
        """Filled in by the app (start, deviceid, ...): stored like an answer, never asked."""
        return self.type in META_TYPES

    @property
    def is_hidden(self) -> bool:
        """Never shown on a page: calculates and metadata (the app fills them in)."""
        return self.type == CALCULATE or self.type in META_TYPES

    @property
    def stores_answer(self) -> bool:
        return self.type in INPUT_TYPES or self.type in META_TYPES or bool(self.triggers)

    @property
    def is_select(self) -> bool:
        return self.type in SELECT_TYPES

    @property
    def is_multi(self) -> bool:
        """The answer is a list of choice names (select_multiple, rank)."""
        return self.type in ("select_multiple", "rank")

    @property
    def is_field_list(self) -> bool:
        return self.is_container and "field-list" in self.appearance.split()

    @property
    def repeat(self) -> FormNode | None:
        """The nearest enclosing repeat (for a repeat: the repeat around it)."""
        chain = self.chain[:-1] if self.is_repeat else self.chain
        return chain[-1] if chain else None

    @property
    def computed(self) -> bool:
        """The value comes from a calculation, never from the enumerator."""
        return self.calculation is not None

    def label(self, lang: str | None = None, default_lang: str = "default") -> str:
        return pick_text(self.labels, lang, default_lang)

    def hint(self, lang: str | None = None, default_lang: str = "default") -> str:
        return pick_text(self.hints, lang, default_lang)

    def walk(self) -> Iterator[FormNode]:
        """This node and its descendants in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def choice(self, name: str) -> Choice | None:
        for choice in self.choices:
            if choice.name == name:
                return choice
        return None

    def __repr__(self) -> str:
        return f"<FormNode {self.type} {self.name!r} row {self.row}>"


@dataclass(frozen=True, slots=True)
class Edge:
    """How to reach a dependent cell: `up` repeat levels, then `down` the named repeats."""

    target: FormNode
    up: int
    down: tuple[str, ...]


@dataclass
class DependencyGraph:
    """Who must be re-evaluated when a value changes (built by `graph.build_graph`)."""

    #: node name → dependents whose relevance/value must be recomputed when it changes.
    value_edges: dict[str, list[Edge]] = field(default_factory=dict)
    #: node name → dependents whose validity must be re-checked when it changes.
    check_edges: dict[str, list[Edge]] = field(default_factory=dict)
    #: repeat name → (value edges, check edges) to refresh, seen from the parent instance,
    #: when entries of that repeat are added, removed or moved.
    structure_edges: dict[str, tuple[list[Edge], list[Edge]]] = field(default_factory=dict)
    #: repeat name → nodes of its entries that read `position(..)`.
    position_nodes: dict[str, list[FormNode]] = field(default_factory=dict)
    #: repeat name → the internal node holding its `repeat_count` (lives in the parent).
    count_nodes: dict[str, FormNode] = field(default_factory=dict)
    #: repeat name ("" for the root) → nodes whose cells live in its instances, by rank.
    scope_nodes: dict[str, list[FormNode]] = field(default_factory=dict)
    #: Every node (and count node) in evaluation order.
    order: list[FormNode] = field(default_factory=list)


@dataclass(eq=False)
class Form:
    """A loaded, checked form. Build it with `load_form`; never mutate it afterwards."""

    form_id: str
    version: str
    title: str
    default_language: str
    languages: tuple[str, ...]
    children: list[FormNode] = field(repr=False)
    nodes: dict[str, FormNode] = field(repr=False)
    choices: dict[str, tuple[Choice, ...]] = field(repr=False)
    source: str = ""
    graph: DependencyGraph | None = field(default=None, repr=False)
    #: What ODK tolerates but a form author should know (the form loads anyway).
    warnings: list[Any] = field(default_factory=list, repr=False)
    #: The form's media files (choice lists, pulldata tables) as read at load time.
    media: Any = field(default=None, repr=False)

    def walk(self) -> Iterator[FormNode]:
        for child in self.children:
            yield from child.walk()

    @property
    def listed_fields(self) -> list[FormNode]:
        """Fields a person or `forms eval` sees (the implicit instanceID is not one)."""
        return [node for node in self.walk() if node.is_field and not node.implicit]

    def node(self, name: str) -> FormNode:
        return self.nodes[name]

    @property
    def fields(self) -> list[FormNode]:
        """Questions, calculates and notes in document order (what `forms eval` lists)."""
        return [node for node in self.walk() if node.is_field]

    @property
    def question_count(self) -> int:
        """Rows of an input type; notes, calculates, containers and `_other` fields excluded."""
        return sum(1 for node in self.walk() if node.is_question and not node.generated)

    @property
    def group_count(self) -> int:
        return sum(1 for node in self.walk() if node.is_group)

    @property
    def repeat_count(self) -> int:
        return sum(1 for node in self.walk() if node.is_repeat)

    def summary(self) -> str:
        """The one line `kampung forms check` prints for a good form."""
        return (
            f"{self.form_id} {self.version}: {self.question_count} questions, "
            f"{self.group_count} groups, {self.repeat_count} repeats, "
            f"languages: {', '.join(self.languages)}"
        )

    def text(self, texts: dict[str, str], lang: str | None) -> str:
        return pick_text(texts, lang, self.default_language)


def root_attributes(form: Form) -> dict[str, str]:
    """The main instance root's attributes as pyxform writes them: `<data id=".." version="..">`
    (no `version` when the form has none)."""
    found = {"id": form.form_id}
    if form.version:
        found["version"] = form.version
    return found

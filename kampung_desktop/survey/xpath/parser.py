"""Tokenizer and recursive-descent parser for the ODK XPath subset, producing a small AST.

Grammar (XPath 1.0 precedence, lowest first): `or`, `and`, `= !=`, `< <= > >=`, `+ -`,
`* div mod`, unary `-`, then primaries: numbers, strings, `${name}`, `.`, `..`, function calls
and (in choice filters only) bare names of choice columns; location paths (`/data/x`, `../x`,
`instance('c')/root/item[...]`, `@id` and `attribute::id`) with their predicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kampung_desktop.survey.errors import ExpressionError
from kampung_desktop.survey.xpath.values import parse_number

# --- AST ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Literal:
    value: object


@dataclass(frozen=True, slots=True)
class Ref:
    name: str


@dataclass(frozen=True, slots=True)
class Dot:
    pass


@dataclass(frozen=True, slots=True)
class DotDot:
    pass


@dataclass(frozen=True, slots=True)
class Name:
    name: str


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class BinOp:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Node


@dataclass(frozen=True, slots=True)
class Step:
    """One location step: `name`, `*`, `.` (self) or `..` (parent), with its predicates."""

    axis: str  # child, self, parent, descendant, attribute
    name: str
    predicates: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class Path:
    """A location path: from the root (`/data/x`), from a primary (`${rep}[2]/x`,
    `instance('c')/root/item`, `current()/..`) or from the context node (`../x`)."""

    start: Node | None
    absolute: bool
    steps: tuple[Step, ...]


@dataclass(frozen=True, slots=True)
class Union:
    left: Node
    right: Node


Node = Literal | Ref | Dot | DotDot | Name | Call | BinOp | Neg | Path | Union

# --- tokens ------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{\s*(?P<refname>[^}\s]*)\s*\})
  | (?P<number>\d+(\.\d*)?|\.\d+)
  | (?P<string>"[^"]*"|'[^']*')
  | (?P<dotdot>\.\.)
  | (?P<dot>\.)
  | (?P<op>!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,|//|/|\[|\]|\||@|::)
  | (?P<name>[A-Za-z_][\w.\-]*(:[A-Za-z_][\w.\-]*)?)
  | (?P<bad>\S)
    """,
    re.VERBOSE,
)
_OPERATOR_NAMES = {"and", "or", "div", "mod"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # number string ref dot dotdot op name opname end
    text: str
    pos: int


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(source):
        kind = match.lastgroup
        text = match.group()
        pos = match.start() + 1
        if kind == "ws":
            continue
        if match.group("ref") is not None:
            name = match.group("refname")
            if not name:
                raise _syntax(source, pos, "${}")
            tokens.append(Token("ref", name, pos))
            continue
        if kind == "bad":
            raise _syntax(source, pos, text)
        if kind == "name" and text in _OPERATOR_NAMES and _follows_operand(tokens):
            kind = "opname"
        tokens.append(Token(kind or "bad", text, pos))
    tokens.append(Token("end", "", len(source) + 1))
    return tokens


def _follows_operand(tokens: list[Token]) -> bool:
    """`div`, `mod`, `and`, `or` are operators only right after an operand (XPath 1.0 rule)."""
    if not tokens:
        return False
    last = tokens[-1]
    return last.kind in ("number", "string", "ref", "dot", "dotdot", "name") or last.text in (
        ")",
        "]",
    )


def _syntax(source: str, pos: int, detail: str) -> ExpressionError:
    return ExpressionError("expr.syntax", pos=pos, detail=detail, source=source)


# --- parser ------------------------------------------------------------------------------

_LEVELS: tuple[tuple[str, ...], ...] = (
    ("or",),
    ("and",),
    ("=", "!="),
    ("<", "<=", ">", ">="),
    ("+", "-"),
    ("*", "div", "mod"),
)


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = tokenize(source)
        self.index = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def error(self, detail: str | None = None) -> ExpressionError:
        token = self.token
        return _syntax(self.source, token.pos, detail or (token.text or "end"))

    def expect(self, text: str) -> None:
        if self.token.text != text or self.token.kind not in ("op", "opname"):
            raise self.error(f"'{text}'")
        self.advance()

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise self.error("empty")
        node = self.binary(0)
        if self.token.kind != "end":
            raise self.error()
        return node

    def binary(self, level: int) -> Node:
        if level == len(_LEVELS):
            return self.unary()
        node = self.binary(level + 1)
        ops = _LEVELS[level]
        while self.token.kind in ("op", "opname") and self.token.text in ops:
            op = self.advance().text
            node = BinOp(op, node, self.binary(level + 1))
        return node

    def unary(self) -> Node:
        if self.token.kind == "op" and self.token.text == "-":
            self.advance()
            return Neg(self.unary())
        node = self.path()
        while self.at("|"):
            self.advance()
            node = Union(node, self.path())
        return node

    def at(self, *texts: str) -> bool:
        return self.token.kind == "op" and self.token.text in texts

    def path(self) -> Node:
        """A path expression, or a plain primary when no step or predicate follows."""
        if self.at("/", "//"):
            descendant = self.advance().text == "//"
            if not descendant and not self._starts_step():
                return Path(None, True, ())  # the root node alone
            return Path(None, True, self.steps(descendant))
        if (
            self._starts_step()
            and self.token.kind != "name"
            or (self.token.kind == "name" and not self._next_is("("))
        ):
            steps = self.steps(False)
            if len(steps) == 1 and not steps[0].predicates and steps[0].axis in ("self", "parent"):
                return Dot() if steps[0].axis == "self" else DotDot()
            if len(steps) == 1 and steps[0].axis == "child" and not steps[0].predicates:
                return Name(steps[0].name)
            return Path(None, False, steps)
        primary = self.primary()
        predicates = self.predicates()
        if not predicates and not self.at("/", "//"):
            return primary
        steps: tuple[Step, ...] = (Step("self", ".", predicates),) if predicates else ()
        if self.at("/", "//"):
            descendant = self.advance().text == "//"
            steps += self.steps(descendant)
        return Path(primary, False, steps)

    def _next_is(self, text: str) -> bool:
        following = self.tokens[self.index + 1]
        return following.kind == "op" and following.text == text

    def _starts_step(self) -> bool:
        token = self.token
        if token.kind in ("dot", "dotdot"):
            return True
        if token.kind == "op" and token.text in ("*", "@"):
            return True
        return token.kind in ("name", "opname") and not self._next_is("(")

    def steps(self, descendant: bool) -> tuple[Step, ...]:
        steps = [self.step(descendant)]
        while self.at("/", "//"):
            descendant = self.advance().text == "//"
            steps.append(self.step(descendant))
        return tuple(steps)

    def step(self, descendant: bool) -> Step:
        token = self.advance()
        if token.kind == "dot":
            return Step("self", ".", self.predicates())
        if token.kind == "dotdot":
            return Step("parent", "..", self.predicates())
        if token.kind == "op" and token.text == "@":
            return self.attribute_step()
        if token.kind in ("name", "opname") and self.at("::"):
            self.advance()
            if token.text == "attribute":
                return self.attribute_step()
            if token.text != "child":
                raise ExpressionError("expr.path", token=f"{token.text}::")
            token = self.advance()
        if token.kind in ("name", "opname") or (token.kind == "op" and token.text == "*"):
            axis = "descendant" if descendant else "child"
            return Step(axis, token.text, self.predicates())
        self.index -= 1
        raise self.error()

    def attribute_step(self) -> Step:
        """`@name` (or `attribute::name`); JavaRosa has no `@*` and neither do we."""
        token = self.advance()
        if token.kind in ("name", "opname"):
            return Step("attribute", token.text, self.predicates())
        if token.kind == "op" and token.text == "*":
            raise ExpressionError("expr.attribute_step", step="@*")
        self.index -= 1
        raise self.error()

    def predicates(self) -> tuple[Node, ...]:
        found = []
        while self.at("["):
            self.advance()
            found.append(self.binary(0))
            self.expect("]")
        return tuple(found)

    def primary(self) -> Node:
        token = self.advance()
        if token.kind == "number":
            return Literal(parse_number(token.text))
        if token.kind == "string":
            return Literal(token.text[1:-1])
        if token.kind == "ref":
            return Ref(token.text)
        if token.kind in ("name", "opname") and self.at("("):
            self.advance()
            return Call(token.text, self.arguments())
        if token.kind == "op" and token.text == "(":
            node = self.binary(0)
            self.expect(")")
            return node
        self.index -= 1
        raise self.error()

    def arguments(self) -> tuple[Node, ...]:
        args: list[Node] = []
        if self.token.kind == "op" and self.token.text == ")":
            self.advance()
            return ()
        while True:
            args.append(self.binary(0))
            if self.token.kind == "op" and self.token.text == ",":
                self.advance()
                continue
            self.expect(")")
            return tuple(args)


def parse(source: str) -> Node:
    """Parse an expression; raises ExpressionError with the position of the problem."""
    return _Parser(source).parse()


def references(node: Node) -> set[str]:
    """Every `${name}` the expression refers to (string literals are not looked into)."""
    found: set[str] = set()
    _collect(node, found)
    return found


def _collect(node: Node, found: set[str]) -> None:
    if isinstance(node, Ref):
        found.add(node.name)
    elif isinstance(node, Call):
        for arg in node.args:
            _collect(arg, found)
    elif isinstance(node, BinOp):
        _collect(node.left, found)
        _collect(node.right, found)
    elif isinstance(node, Neg):
        _collect(node.operand, found)
    elif isinstance(node, Union):
        _collect(node.left, found)
        _collect(node.right, found)
    elif isinstance(node, Path):
        if node.start is not None:
            _collect(node.start, found)
        for step in node.steps:
            for predicate in step.predicates:
                _collect(predicate, found)

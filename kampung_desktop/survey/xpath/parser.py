"""Tokenizer and recursive-descent parser for the ODK XPath subset, producing a small AST.

Grammar (XPath 1.0 precedence, lowest first): `or`, `and`, `= !=`, `< <= > >=`, `+ -`,
`* div mod`, unary `-`, then primaries: numbers, strings, `${name}`, `.`, `..`, function calls
and (in choice filters only) bare names of choice columns. Location paths (`/data/x`, `../x`,
predicates) are refused with a message pointing to `${name}`, which is what XLSForm authors write.
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


Node = Literal | Ref | Dot | DotDot | Name | Call | BinOp | Neg

# --- tokens ------------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{\s*(?P<refname>[^}\s]*)\s*\})
  | (?P<number>\d+(\.\d*)?|\.\d+)
  | (?P<string>"[^"]*"|'[^']*')
  | (?P<dotdot>\.\.)
  | (?P<dot>\.)
  | (?P<op>!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,)
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
            if text in "/[]@|":
                raise ExpressionError("expr.path", token=text)
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
    return last.kind in ("number", "string", "ref", "dot", "dotdot", "name") or last.text == ")"


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
        return self.primary()

    def primary(self) -> Node:
        token = self.advance()
        if token.kind == "number":
            return Literal(parse_number(token.text))
        if token.kind == "string":
            return Literal(token.text[1:-1])
        if token.kind == "ref":
            return Ref(token.text)
        if token.kind == "dot":
            return Dot()
        if token.kind == "dotdot":
            return DotDot()
        if token.kind in ("name", "opname"):
            if self.token.kind == "op" and self.token.text == "(":
                self.advance()
                return Call(token.text, self.arguments())
            return Name(token.text)
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

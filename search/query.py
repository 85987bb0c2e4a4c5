"""The query language: words, "phrases", prefix*, AND / OR / NOT (and -word), parentheses, and field
filters (lang:ky type:law competence:local_budget budget:yes draft:no year:2024 date:2020..2024
source:pdf doc:12 version:all). Parsed into a small tree that each backend translates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Union

from search.analysis import query_keys

TOKEN = re.compile(
    r'\s*(?:(?P<lp>\()|(?P<rp>\))|"(?P<phrase>[^"]*)"|«(?P<qphrase>[^»]*)»|(?P<word>[^\s()"«»]+))'
)
FIELDS = {"lang", "type", "competence", "budget", "lsg", "draft", "year", "date", "source", "doc", "version"}


@dataclass(frozen=True)
class Term:
    word: str

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(query_keys(self.word))


@dataclass(frozen=True)
class Prefix:
    stem: str


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]

    @property
    def variants(self) -> frozenset[tuple[str, ...]]:
        """The phrase's lemma sequences in each language."""
        from search.analysis import key_of

        return frozenset(tuple(key_of(w, lang) for w in self.words) for lang in ("ky", "ru"))


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Union[Term, Prefix, Phrase, Not, And, Or]  # noqa: UP007 - a recursive alias


@dataclass
class ParsedQuery:
    tree: Node | None
    filters: dict[str, list[str]] = field(default_factory=dict)

    def positive_keys(self) -> set[str]:
        """Every lemma key a match may be highlighted on (not the negated ones)."""
        out: set[str] = set()

        def walk(node: Node | None, negated: bool) -> None:
            if node is None:
                return
            if isinstance(node, Term) and not negated:
                out.update(node.keys)
            elif isinstance(node, Phrase) and not negated:
                for variant in node.variants:
                    out.update(variant)
            elif isinstance(node, Not):
                walk(node.node, not negated)
            elif isinstance(node, (And, Or)):
                for child in node.nodes:
                    walk(child, negated)

        walk(self.tree, False)
        return out

    def prefixes(self) -> set[str]:
        out: set[str] = set()

        def walk(node: Node | None) -> None:
            if isinstance(node, Prefix):
                out.add(node.stem.lower())
            elif isinstance(node, (And, Or)):
                for child in node.nodes:
                    walk(child)

        walk(self.tree)
        return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens: list[tuple[str, str]] = []
        for match in TOKEN.finditer(text):
            kind = match.lastgroup or "word"
            value = match.group(kind)
            if kind == "qphrase":
                kind = "phrase"
            self.tokens.append((kind, value))
        self.pos = 0
        self.filters: dict[str, list[str]] = {}

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Node | None:
        node = self.or_expr()
        while self.peek() is not None:  # stray ')' or similar: skip and go on
            self.take()
            more = self.or_expr()
            node = _join(And, node, more)
        return node

    def or_expr(self) -> Node | None:
        node = self.and_expr()
        while (tok := self.peek()) is not None and tok == ("word", "OR"):
            self.take()
            node = _join(Or, node, self.and_expr())
        return node

    def and_expr(self) -> Node | None:
        node: Node | None = None
        while (tok := self.peek()) is not None and tok[0] != "rp" and tok != ("word", "OR"):
            if tok == ("word", "AND"):
                self.take()
                continue
            node = _join(And, node, self.unary())
        return node

    def unary(self) -> Node | None:
        tok = self.peek()
        if tok == ("word", "NOT"):
            self.take()
            inner = self.unary()
            return Not(inner) if inner is not None else None
        if tok is not None and tok[0] == "word" and tok[1].startswith("-") and len(tok[1]) > 1:
            self.take()
            self.tokens.insert(self.pos, ("word", tok[1][1:]))
            inner = self.unary()
            return Not(inner) if inner is not None else None
        return self.atom()

    def atom(self) -> Node | None:
        kind, value = self.take()
        if kind == "lp":
            node = self.or_expr()
            if self.peek() is not None and self.peek() == ("rp", ")"):
                self.take()
            return node
        if kind == "rp":
            return None
        if kind == "phrase":
            words = tuple(re.findall(r"\w+(?:-\w+)*", value))
            return Phrase(words) if len(words) > 1 else (Term(words[0]) if words else None)
        name, sep, rest = value.partition(":")
        if sep and name.lower() in FIELDS and rest:
            self.filters.setdefault(name.lower(), []).append(rest)
            return None
        if value.endswith("*") and len(value) > 2:
            return Prefix(value[:-1].lower())
        found = re.findall(r"\w+(?:-\w+)*", value)
        if not found:
            return None
        return Term(found[0]) if len(found) == 1 else Phrase(tuple(found))


def _join(cls: type[And] | type[Or], left: Node | None, right: Node | None) -> Node | None:
    if left is None:
        return right
    if right is None:
        return left
    left_nodes = left.nodes if isinstance(left, cls) else (left,)
    return cls((*left_nodes, right))


def parse_query(text: str) -> ParsedQuery:
    parser = _Parser(text)
    tree = parser.parse()
    return ParsedQuery(tree, parser.filters)

"""Matching new articles against many saved searches (watches) quickly, with exactly the semantics of
running each watch as a search over that article.

The percolator's idea, done in Kenesh: an inverted index from the lemma keys (and prefixes, and
near-misses for typo tolerance) a watch needs to the watches, so an article is checked only against
the watches that could match; those are then evaluated in full with the search semantics.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from search.models import SearchDoc, SearchRequest
from search.query import And, Node, Not, Or, ParsedQuery, Phrase, Prefix, Term, parse_query
from search.service import apply_filters
from search.typos import MIN_LENGTH, expand, max_distance

PREFIX_ANCHOR = 3


@dataclass
class WatchSpec:
    id: int
    query: str = ""
    competences: list[str] = field(default_factory=list)
    budget: bool | None = None
    act_types: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def request(self) -> SearchRequest:
        """The search this watch stands for (one act type / language / source: the first given)."""
        return SearchRequest(
            query=self.query,
            competences=self.competences,
            budget=self.budget,
            act_type=self.act_types[0] if len(self.act_types) == 1 else None,
            language=self.languages[0] if len(self.languages) == 1 else None,
            source=self.sources[0] if len(self.sources) == 1 else None,
            limit=1000,
            facets=False,
        )


@dataclass
class _Compiled:
    spec: WatchSpec
    parsed: ParsedQuery
    request: SearchRequest


def _deletes(word: str, distance: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(distance):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


class Evaluator:
    """Evaluates a parsed query against one article, as the search backends would over an index
    holding just that article (the typo vocabulary is the article's own keys)."""

    def __init__(self, doc: SearchDoc) -> None:
        self.doc = doc
        self.stream = doc.lemmas.split()
        self.keys = set(self.stream)
        self._by_first: dict[str, set[str]] = defaultdict(set)
        for key in self.keys:
            self._by_first[key[0]].add(key)

    def vocabulary(self, first: str) -> set[str]:
        return self._by_first.get(first, set())

    def positive(self, node: Node | None) -> bool | None:
        """True/False for a positive clause, None when the clause is only negative."""
        if node is None:
            return None
        if isinstance(node, Term):
            return bool(expand(node.keys, self.vocabulary) & self.keys)
        if isinstance(node, Prefix):
            return any(k.startswith(node.stem) for k in self._by_first.get(node.stem[0], ()))
        if isinstance(node, Phrase):
            return any(self._has_sequence(v) for v in node.variants)
        if isinstance(node, Not):
            return None
        if isinstance(node, Or):
            results = [self.positive(n) for n in node.nodes]
            known = [r for r in results if r is not None]
            return any(known) if known else None
        positives = [self.positive(n) for n in node.nodes if not isinstance(n, Not)]
        negatives = [self.positive(n.node) for n in node.nodes if isinstance(n, Not)]
        if any(negatives):
            return False
        known = [p for p in positives if p is not None]
        return all(known) if known else None

    def matches(self, parsed: ParsedQuery) -> bool:
        tree = parsed.tree
        if tree is None:
            return True
        if isinstance(tree, Not):
            inner = self.positive(tree.node)
            return not inner
        result = self.positive(tree)
        if result is None:  # only negations (e.g. «-бюджет»): true when none of them matches
            negatives = [n.node for n in tree.nodes if isinstance(n, Not)] if isinstance(tree, And) else []
            return not any(self.positive(n) for n in negatives)
        return result

    def _has_sequence(self, words: tuple[str, ...]) -> bool:
        n = len(words)
        first = words[0]
        return any(self.stream[i : i + n] == list(words) for i, k in enumerate(self.stream) if k == first)


def filters_match(doc: SearchDoc, request: SearchRequest) -> bool:
    if not request.all_versions and not doc.latest:
        return False
    checks = [
        request.language is None or doc.language == request.language,
        request.act_type is None or doc.act_type == request.act_type,
        request.source is None or doc.source == request.source,
        request.document_id is None or doc.document_id == request.document_id,
        request.budget is None or doc.budget == request.budget,
        request.lsg is None or doc.lsg == request.lsg,
        request.draft is None or doc.draft == request.draft,
        request.date_from is None or (doc.date is not None and doc.date >= request.date_from),
        request.date_to is None or (doc.date is not None and doc.date <= request.date_to),
        all(c in doc.competences for c in request.competences),
    ]
    return all(checks)


class WatchIndex:
    def __init__(self, specs: list[WatchSpec]) -> None:
        self.compiled: dict[int, _Compiled] = {}
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.by_prefix: dict[str, set[int]] = defaultdict(set)
        self.by_delete: dict[str, set[int]] = defaultdict(set)
        self.by_competence: dict[str, set[int]] = defaultdict(set)
        self.budget_only: set[int] = set()
        self.always: set[int] = set()
        for spec in specs:
            self.add(spec)

    def add(self, spec: WatchSpec) -> None:
        parsed = parse_query(spec.query)
        request = apply_filters(spec.request(), parsed.filters)
        self.compiled[spec.id] = _Compiled(spec, parsed, request)
        anchors = self._anchors(parsed.tree)
        if anchors is None:  # nothing the article must contain: index by filters
            if request.competences:
                self.by_competence[request.competences[0]].add(spec.id)
            elif request.budget:
                self.budget_only.add(spec.id)
            else:
                self.always.add(spec.id)
            return
        keys, prefixes, fuzzy = anchors
        for key in keys:
            self.by_key[key].add(spec.id)
        for prefix in prefixes:
            self.by_prefix[prefix[:PREFIX_ANCHOR]].add(spec.id)
        for key in fuzzy:
            for variant in _deletes(key, max_distance(key)):
                self.by_delete[variant].add(spec.id)

    def _anchors(self, node: Node | None) -> tuple[set[str], set[str], set[str]] | None:
        """Keys / prefixes / typo-tolerant keys of which a matching article holds at least one."""
        if node is None or isinstance(node, Not):
            return None
        if isinstance(node, Term):
            term_keys = set(node.keys)
            return term_keys, set(), {k for k in term_keys if len(k) >= MIN_LENGTH}
        if isinstance(node, Prefix):
            return set(), {node.stem}, set()
        if isinstance(node, Phrase):
            return {v[0] for v in node.variants}, set(), set()
        if isinstance(node, Or):
            keys: set[str] = set()
            prefixes: set[str] = set()
            fuzzy: set[str] = set()
            for child in node.nodes:
                found = self._anchors(child)
                if found is None:
                    if isinstance(child, Not):
                        continue  # negations inside OR are ignored by the search semantics too
                    return None
                keys |= found[0]
                prefixes |= found[1]
                fuzzy |= found[2]
            return (keys, prefixes, fuzzy) if keys or prefixes or fuzzy else None
        for child in node.nodes:  # AND: any one positive child is enough to anchor on
            found = self._anchors(child)
            if found is not None:
                return found
        return None

    def candidates(self, doc: SearchDoc) -> set[int]:
        out: set[int] = set(self.always)
        keys = set(doc.lemmas.split())
        for key in keys:
            out |= self.by_key.get(key, set())
            for n in range(1, PREFIX_ANCHOR + 1):
                out |= self.by_prefix.get(key[:n], set())
        if self.by_delete:
            for key in keys:
                if len(key) >= MIN_LENGTH - 2:
                    for variant in _deletes(key, 2 if len(key) >= 7 else 1):
                        out |= self.by_delete.get(variant, set())
        for competence in doc.competences:
            out |= self.by_competence.get(competence, set())
        if doc.budget:
            out |= self.budget_only
        return out

    def match(self, doc: SearchDoc) -> list[int]:
        evaluator = Evaluator(doc)
        matched = []
        for watch_id in sorted(self.candidates(doc)):
            compiled = self.compiled[watch_id]
            if (
                filters_match(doc, compiled.request)
                and _extra_filters(doc, compiled.spec)
                and evaluator.matches(compiled.parsed)
            ):
                matched.append(watch_id)
        return matched


def _extra_filters(doc: SearchDoc, spec: WatchSpec) -> bool:
    """Filters a search request holds one value of, but a watch may hold several of."""
    return (
        (not spec.act_types or doc.act_type in spec.act_types)
        and (not spec.languages or doc.language in spec.languages)
        and (not spec.sources or doc.source in spec.sources)
    )


def naive_match(doc: SearchDoc, specs: list[WatchSpec]) -> list[int]:
    """Every watch evaluated against the article: the baseline the inverted index is measured against."""
    evaluator = Evaluator(doc)
    out = []
    for spec in specs:
        parsed = parse_query(spec.query)
        request = apply_filters(spec.request(), parsed.filters)
        if filters_match(doc, request) and _extra_filters(doc, spec) and evaluator.matches(parsed):
            out.append(spec.id)
    return out


__all__ = ["Evaluator", "Levenshtein", "WatchIndex", "WatchSpec", "filters_match", "naive_match"]

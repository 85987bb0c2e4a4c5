"""One article as tagging reads it: its tokens with their lemma keys, its sentences, and the sentences
that say something (not boilerplate, a signature, a lone number). Term lookups go through it so that every
rule sees the same substance.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from nlp.ky_cases import can_begin_compound
from nlp.lexicons import Coordinators, Lexicons, TermIndex
from nlp.passing import boilerplate_lead_ins, list_items, signature_sentences
from nlp.tags import Evidence, TokenView, span_of


def first_line_end(text: str) -> int:
    """Where an article's first line (its heading, as the product passes it) ends."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def sentence_spans(tokens: list[TokenView]) -> dict[int, tuple[int, int]]:
    """Each sentence's first and last character, for the patterns read on the words as written."""
    spans: dict[int, tuple[int, int]] = {}
    for t in tokens:
        start, end = spans.get(t.sent, (t.start, t.end))
        spans[t.sent] = (min(start, t.start), max(end, t.end))
    return spans


@dataclass
class Article:
    """One article being tagged: its tokens with their lemma keys, and the sentences that say something
    (not boilerplate, not a signature, not a lone number or initials)."""

    tokens: list[TokenView]
    text: str
    lex: Lexicons
    lemmas: list[str]
    in_substance: set[int]
    items: list[tuple[int, int, int]]  # its list items («1)», «а)», «-»), found once

    @cached_property
    def words(self) -> list[str]:
        """The tokens as written: what a gapped Kyrgyz term's object must look like (the accusative)."""
        return [t.text for t in self.tokens]

    def span(self, i: int, j: int) -> Evidence:
        return span_of(self.tokens, i, j, self.text)

    def substantive(self, hits: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
        return [(i, j, p) for i, j, p in hits if self.tokens[i].sent in self.in_substance]

    def find(self, index: TermIndex, coordinators: Coordinators | None = None) -> list[tuple[int, int, Any]]:
        """The index's terms in the article's substance, each in a form its words allow."""
        return [
            (i, j, p)
            for i, j, p in self.substantive(index.find(self.lemmas, coordinators, self.words))
            if tuple(self.lemmas[i:j]) not in index.bare_first or can_begin_compound(self.tokens[i].text)
        ]

    def find_patterns(self) -> list[tuple[int, int, Any]]:
        """The fields' patterns on the words as written, as term hits over the tokens they cover."""
        hits = []
        for cid, weight, pattern in self.lex.competence_patterns:
            for m in pattern.finditer(self.text):
                covered = tokens_within(self.tokens, *m.span())
                if covered:
                    hits.append((covered[0], covered[-1] + 1, (cid, weight)))
        return self.substantive(hits)


def read_article(tokens: list[TokenView], text: str, lex: Lexicons) -> Article:
    lemmas = [t.lemma for t in tokens]
    sentences = max((t.sent for t in tokens), default=-1) + 1
    spans = sentence_spans(tokens)
    boiler_sents = {s for s, (a, b) in spans.items() if lex.boilerplate.search(text[a:b])}
    boiler_sents |= boilerplate_lead_ins(spans, text, boiler_sents)
    boiler_sents |= signature_sentences(tokens, text)
    words = [0] * sentences
    for t in tokens:
        if len(t.text) > 2 and t.text.isalpha():
            words[t.sent] += 1
    # A «sentence» of a point number or a name's initials («2.», «(М.») says nothing on its own.
    substantive = {s for s in range(sentences) if s not in boiler_sents and words[s] >= 2}
    return Article(tokens, text, lex, lemmas, substantive, list_items(text))


def tokens_within(tokens: list[TokenView], start: int, end: int) -> list[int]:
    """Positions of the tokens that begin inside characters ``start:end`` (a pattern's match)."""
    return [k for k, t in enumerate(tokens) if start <= t.start < end]

"""What an article is about: LSG relevance, competences, local-budget impact, with evidence.

Works on lemma sequences (from the spaCy pipeline), so «бюджеттин эсебинен» and «за счёт средств
местного бюджета» are found in any inflection, and «жер» never matches «жергиликтүү».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nlp.amounts import amounts_in
from nlp.lexicons import Lexicons

REPEAL = re.compile(r"күчүн\s+жогот|утратил\w*\s+сил|признан\w*\s+утратившим|исключен[аоы]?\b", re.I)
ARTICLE_LABEL = re.compile(r"\s*(\d+(-\d+)*\s*-\s*(берене|статья)|статья\s+\d|\d+(-\d+)*\.)", re.I)
EDITION_NOTE = re.compile(r"\([^()]*\)")
WORD3 = re.compile(r"[^\W\d_]{3,}")
SIGNATURE = re.compile(r"\b[А-ЯЁӨҮҢ]\.\s?(?:[А-ЯЁӨҮҢ]\.\s?)?[А-ЯЁӨҮҢ][а-яёөүң]+\W*$")
SIGNATURE_MAX = 8  # tokens
PORTFOLIO_MAX = 25  # tokens of a commission's name after «комиссия по»
TAX_FLOWS = {"exemption", "revenue", "budget_approval"}
COMPETENCE_MIN = 0.7
TAX_ARTICLE_FIELDS = {"local_taxes_fees", "local_budget", "delegated_powers_general", "lsg_organisation"}
MAX_COMPETENCES = 3


@dataclass
class Evidence:
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class CompetenceHit:
    id: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": round(self.score, 2),
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass
class BudgetImpact:
    kind: (
        str | None
    )  # revenue | spending_obligation | transfer | budget_approval | exemption | mention | None
    amounts: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "amounts": self.amounts, "evidence": [e.to_json() for e in self.evidence]}


@dataclass
class ArticleTags:
    lsg_relevant: bool
    local_budget: bool
    competences: list[CompetenceHit]
    budget: BudgetImpact
    reason: str
    actors: list[Evidence] = field(default_factory=list)


@dataclass
class TokenView:
    """What tagging needs of a token: its text, character offsets, lemma key and sentence number."""

    text: str
    start: int
    end: int
    lemma: str
    sent: int


def _span(tokens: list[TokenView], i: int, j: int, text: str) -> Evidence:
    start, end = tokens[i].start, tokens[j - 1].end
    return Evidence(text[start:end], start, end)


def inside_longer_dropped(hits: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """A term inside a longer term of another competence belongs to the longer one: «жер» (land) in
    «айыл чарба жерлери» (agricultural land) is not a second, urban-land hit."""
    kept = []
    for i, j, payload in hits:
        covered = any(
            a <= i and j <= b and (b - a) > (j - i) and other[0] != payload[0] for a, b, other in hits
        )
        if not covered:
            kept.append((i, j, payload))
    return kept


def repealed(text: str) -> bool:
    """An article that only says it was repealed («(КР … Мыйзамына ылайык күчүн жоготту)», «Утратила
    силу»): once its heading, its edition notes and the repeal itself are set aside, nothing is left."""
    first, newline, rest = text.strip().partition("\n")
    body = rest if newline else ARTICLE_LABEL.sub("", first, count=1)
    notes = EDITION_NOTE.findall(body)
    left = EDITION_NOTE.sub(" ", body).strip(" \t\n.:-–—")
    if any(REPEAL.search(note) for note in notes):  # «(… Мыйзамына ылайык күчүн жоготту)»
        return len(WORD3.findall(left)) < 3
    return bool(REPEAL.match(left)) and "\n" not in left  # «Утратила силу в соответствии с Законом …»


def _signatures(tokens: list[TokenView], text: str) -> set[int]:
    """Sentences that are a signature block («Ош шаардык Кеңешинин төрагасы У.Примов»): a few words
    ending with a name and its initials. They name an LSG body but decide nothing."""
    spans: dict[int, tuple[int, int, int]] = {}
    for t in tokens:
        start, end, n = spans.get(t.sent, (t.start, t.end, 0))
        spans[t.sent] = (min(start, t.start), max(end, t.end), n + 1)
    return {
        s for s, (start, end, n) in spans.items() if n <= SIGNATURE_MAX and SIGNATURE.search(text[start:end])
    }


def _commission_portfolios(tokens: list[TokenView], lemmas: list[str], lex: Lexicons) -> set[int]:
    """Token positions inside a standing commission's name: «Кеңешинин архитектура, курулуш, жер …
    маселелери боюнча туруктуу депутаттык комиссиясына», «постоянную комиссию (городского кенеша) по
    вопросам бюджета, …»."""
    inside: set[int] = set()
    if not lex.commission_word:
        return inside
    starts = lex.commission_starts.find(lemmas)
    ends = lex.commission_ends.find(lemmas)
    if lex.commission_ends.by_first:  # Kyrgyz: the portfolio comes first, from the council's name on
        for a, b, _ in ends:
            sent = tokens[a].sent
            following = lemmas[b : b + 4]
            if lex.commission_word not in following or not lex.commission_standing & set(following):
                continue
            before = [j for i, j, _ in starts if j <= a and tokens[i].sent == sent and a - j <= PORTFOLIO_MAX]
            first = max(before) if before else max(a - PORTFOLIO_MAX // 2, 0)
            inside.update(k for k in range(first, a) if tokens[k].sent == sent)
        return inside
    for c, word in enumerate(lemmas):  # Russian: «комиссия … по (вопросам)» and the portfolio after it
        if word != lex.commission_word or not lex.commission_standing & set(lemmas[max(c - 3, 0) : c]):
            continue
        openers = [j for i, j, _ in starts if c < i <= c + 6 and tokens[i].sent == tokens[c].sent]
        if openers:
            first = min(openers)
            inside.update(
                k
                for k in range(first, min(first + PORTFOLIO_MAX, len(tokens)))
                if tokens[k].sent == tokens[c].sent
            )
    return inside


def _owned_by_other(tokens: list[TokenView], i: int, lex: Lexicons) -> bool:
    """«Жайыт комитетинин 2021-жылга бюджети», «бюджет учреждения»: the budget of a pasture committee
    or an enterprise named next to it (a year or number between is skipped) is not the council's."""
    near = [
        k for k in (i - 1, i - 2, i + 1, i + 2) if 0 <= k < len(tokens) and tokens[k].sent == tokens[i].sent
    ]
    for k in near:
        if any(ch.isdigit() for ch in tokens[k].text):
            continue
        if tokens[k].lemma in lex.other_budget_owners:
            return True
    return False


def tag_tokens(
    tokens: list[TokenView],
    text: str,
    lex: Lexicons,
    local_act: bool = False,
    local_tax_section: bool = False,
) -> ArticleTags:
    """``local_act``: the article belongs to an LSG body's own act. ``local_tax_section``: it sits in a
    chapter or section whose heading names a local tax, so its bare «tax» is that tax."""
    if repealed(text):
        return ArticleTags(False, False, [], BudgetImpact(None), "repealed: no norm left to tag")
    lemmas = [t.lemma for t in tokens]
    sentences = max((t.sent for t in tokens), default=-1) + 1
    boiler_sents = {tokens[i].sent for i, _, _ in lex.boilerplate.find(lemmas)}
    boiler_sents |= _signatures(tokens, text)
    words = [0] * sentences
    for t in tokens:
        if len(t.text) > 2 and t.text.isalpha():
            words[t.sent] += 1
    # A «sentence» of a point number or a name's initials («2.», «(М.») says nothing on its own.
    substantive = [s for s in range(sentences) if s not in boiler_sents and words[s] >= 2]
    in_substance = set(substantive)

    generic = {k for i, j, _ in lex.generic_public_bodies.find(lemmas) for k in range(i, j)}
    actors = [
        (i, j) for i, j, _ in lex.actors.find(lemmas) if tokens[i].sent in in_substance and i not in generic
    ]
    portfolio = _commission_portfolios(tokens, lemmas, lex)
    competence_hits = inside_longer_dropped(
        [
            (i, j, cid)
            for i, j, cid in lex.competences.find(lemmas)
            if tokens[i].sent in in_substance and i not in portfolio
        ]
    )
    local_terms = [(i, j) for i, j, _ in lex.local_budget.find(lemmas) if tokens[i].sent in in_substance]
    if local_act:
        # in a council's own act a bare «budget» or «funds» is its own (unless part of a longer term)
        named = {k for i, j in local_terms for k in range(i, j)}
        local_terms += [
            (i, j)
            for i, j, _ in lex.local_act_budget.find(lemmas)
            if i not in named and tokens[i].sent in in_substance and not _owned_by_other(tokens, i, lex)
        ]
    revenue_terms = [(i, j) for i, j, _ in lex.revenue_sources.find(lemmas) if tokens[i].sent in in_substance]
    national = [(i, j) for i, j, _ in lex.national_only.find(lemmas)]
    flows = [(i, j, kind) for i, j, kind in lex.flows.find(lemmas) if tokens[i].sent in in_substance]

    # Local budget: an explicit local-budget term (never the republican budget) or a local revenue
    # source (property tax, local fees…) with a money-flow term close by in the same sentence.
    # A bare «budget» counts only in an LSG body's own act.
    national_tokens = {k for i, j in national for k in range(i, j)}
    flow_hits = [(i, j, kind) for i, j, kind in flows]
    budget_evidence: list[Evidence] = []
    kinds: list[str] = []

    def near_flows(i: int, j: int, window: int) -> list[tuple[int, int, str]]:
        return [
            (a, b, k)
            for a, b, k in flow_hits
            if tokens[a].sent == tokens[i].sent and (abs(a - i) <= window or abs(a - j) <= window)
        ]

    via_budget_term = False  # the money flow is named through a budget or LSG funds, not only a local tax
    budget_topic: list[Evidence] = []  # the local budget is what the article deals with (approval counts)
    for i, j in local_terms:
        if i in national_tokens:
            continue
        found = near_flows(i, j, 10)
        if found and not budget_topic:
            budget_topic = [_span(tokens, i, j, text), *(_span(tokens, a, b, text) for a, b, _ in found[:1])]
        if not local_act:
            # A law saying that a council approves the local budget assigns a power; only a council's
            # own act approving its budget moves money.
            found = [f for f in found if f[2] != "budget_approval"]
        if found:
            via_budget_term = True
            budget_evidence.append(_span(tokens, i, j, text))
            for a, b, flow_kind in found:
                budget_evidence.append(_span(tokens, a, b, text))
                kinds.append(flow_kind)
    if local_tax_section:
        taken = {k for i, j in revenue_terms for k in range(i, j)}
        revenue_terms += [
            (i, j)
            for i, j, _ in lex.local_act_taxes.find(lemmas)
            if i not in taken and tokens[i].sent in in_substance
        ]
    # A local tax is local revenue by law: an article that sets its rates, base or exemptions, or is
    # about it throughout, changes local-budget money.
    about_local_tax = len(revenue_terms) >= 2
    for i, j in revenue_terms:
        tax_kinds = [k for _, _, k in near_flows(i, j, 12) if k in TAX_FLOWS]
        if tax_kinds or about_local_tax:
            budget_evidence.append(_span(tokens, i, j, text))
            kinds.extend(tax_kinds or ["revenue"])
    # An LSG body can only set or waive local taxes: a «tax» with a rate or an exemption in a council's
    # own act, or in a sentence whose actor is an LSG body, is a local tax.
    actor_sentences = {tokens[i].sent for i, _ in actors}
    covered = {k for i, j in revenue_terms for k in range(i, j)}
    for i, j, _ in lex.local_act_taxes.find(lemmas):
        if i in covered or tokens[i].sent not in in_substance:
            continue
        if local_act or tokens[i].sent in actor_sentences:
            tax_kinds = [k for _, _, k in near_flows(i, j, 12) if k in {"exemption", "revenue"}]
            if tax_kinds:
                revenue_terms.append((i, j))
                budget_evidence.append(_span(tokens, i, j, text))
                kinds.extend(tax_kinds)
    local_budget = bool(kinds)
    owned = [(i, j) for i, j, _ in lex.lsg_objects.find(lemmas) if tokens[i].sent in in_substance]
    lsg = bool(actors) or bool(owned) or local_budget or (local_act and bool(substantive))
    priority = ["spending_obligation", "revenue", "transfer", "exemption", "budget_approval"]
    kind = (
        next((k for k in priority if k in kinds), None)
        if local_budget
        else ("mention" if local_terms else None)
    )
    amounts = amounts_in(text) if local_budget else []

    competences: dict[str, CompetenceHit] = {}
    if lsg:
        seen_terms: set[tuple[str, tuple[str, ...]]] = set()
        for i, j, (cid, weight) in competence_hits:
            if cid == "local_budget" and not (local_budget or budget_topic or local_act):
                continue  # outside a council's own act, decided by the budget detector, not by words alone
            hit = competences.setdefault(cid, CompetenceHit(cid, 0.0))
            key = (cid, tuple(lemmas[i:j]))
            if key not in seen_terms:
                seen_terms.add(key)
                hit.score = min(1.0, hit.score + weight)
            hit.evidence.append(_span(tokens, i, j, text))
        if (local_budget and via_budget_term) or budget_topic:
            hit = competences.setdefault("local_budget", CompetenceHit("local_budget", 0.0))
            hit.score = 1.0
            hit.evidence.extend(budget_evidence[:3] if via_budget_term else budget_topic)
        if revenue_terms and local_budget:
            hit = competences.setdefault("local_taxes_fees", CompetenceHit("local_taxes_fees", 0.0))
            hit.score = max(hit.score, 0.9)
    if about_local_tax and "local_taxes_fees" in competences:
        # In an article about a local tax, land, dwellings, pensioners or schools are what is taxed or
        # exempted: the objects of the tax, not fields the article regulates.
        competences = {k: v for k, v in competences.items() if k in TAX_ARTICLE_FIELDS}
    # The strongest first; among equals the one named first (the sort is stable over first mentions):
    # an article states its subject before its details.
    chosen = sorted((c for c in competences.values() if c.score >= COMPETENCE_MIN), key=lambda c: -c.score)
    # past the first two, only a field named strongly (full score from distinct terms) is kept
    chosen = [
        c
        for n, c in enumerate(chosen[:MAX_COMPETENCES])
        if n < 2 or (c.score >= 1.0 and len(c.evidence) >= 3)
    ]
    actor_evidence = [_span(tokens, i, j, text) for i, j in actors]
    if lsg and not chosen and lex.fallback_competence:
        # the LSG body named is the evidence that the article is about LSG itself
        chosen = [CompetenceHit(lex.fallback_competence, COMPETENCE_MIN, actor_evidence[:2])]
    reason = _reason(lsg, local_budget, kind, actor_evidence, chosen, budget_evidence)
    return ArticleTags(
        lsg, local_budget, chosen, BudgetImpact(kind, amounts, budget_evidence), reason, actor_evidence
    )


def _reason(
    lsg: bool,
    budget: bool,
    kind: str | None,
    actors: list[Evidence],
    competences: list[CompetenceHit],
    budget_evidence: list[Evidence],
) -> str:
    if not lsg:
        return "no LSG body or power named"
    parts = []
    if actors:
        parts.append(f"names {actors[0].text!r}")
    if budget and budget_evidence:
        parts.append(f"local budget ({kind}): {' … '.join(e.text for e in budget_evidence[:2])!r}")
    if competences:
        parts.append("competences: " + ", ".join(c.id for c in competences[:3]))
    return "; ".join(parts) or "an LSG act's own decision"

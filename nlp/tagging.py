"""What an article is about: LSG relevance, competences, local-budget impact, with evidence.

Works on lemma sequences (from the spaCy pipeline), so «бюджеттин эсебинен» and «за счёт средств
местного бюджета» are found in any inflection, and «жер» never matches «жергиликтүү».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nlp.amounts import amount_spans, amounts_in
from nlp.ky_lemmatizer import lemmatize as ky_lemmatize
from nlp.lexicons import Coordinators, Lexicons, TermIndex
from nlp.passing import (
    all_listed,
    cited_titles,
    commission_portfolios,
    in_short_list_item,
    lead_in,
    list_items,
    listed_among_everyone,
    listed_among_others,
    repealed,
    signature_sentences,
)

TAX_FLOWS = {"exemption", "rate", "revenue", "budget_approval"}
COMPETENCE_MIN = 0.7
TAX_ARTICLE_FIELDS = {"local_taxes_fees", "local_budget", "delegated_powers_general", "lsg_organisation"}
MAX_COMPETENCES = 3
TOPIC_LIST_FIELDS = 3  # other fields in a forum's article: the topics it takes up


@dataclass
class Evidence:
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


def distinct_spans(evidence: list[Evidence]) -> list[Evidence]:
    """The spans a reader is shown: each once, in the order found, without one that lies inside another
    (a term found by several rules, «каражатынын» within «акча каражатынын»). Decisions count every find;
    only the output is thinned."""
    out: list[Evidence] = []
    for e in evidence:
        if any(o.start <= e.start and e.end <= o.end for o in out):
            continue
        out = [o for o in out if not (e.start <= o.start and o.end <= e.end)]
        out.append(e)
    return out


@dataclass
class CompetenceHit:
    id: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": round(self.score, 2),
            "evidence": [e.to_json() for e in distinct_spans(self.evidence)],
        }


@dataclass
class BudgetImpact:
    kind: (
        str | None
    )  # revenue | spending_obligation | transfer | budget_approval | rate | exemption | mention | None
    amounts: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "amounts": self.amounts,
            "evidence": [e.to_json() for e in distinct_spans(self.evidence)],
        }


@dataclass
class ArticleTags:
    lsg_relevant: bool
    local_budget: bool
    competences: list[CompetenceHit]
    budget: BudgetImpact
    reason: str
    actors: list[Evidence] = field(default_factory=list)
    language: str | None = None  # set by the caller that chose the pipeline


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


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return len(longer) > n and any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def short_forms_dropped(hits: list[tuple[int, int, Any]], lemmas: list[str]) -> list[tuple[int, int, Any]]:
    """A phrase that an article also uses inside a longer term of another field is that term's short form
    there: after «привлечение к общественным работам» (a penalty), «общественные работы» is that penalty,
    not the employment programme. Single words are left alone: a bare «жер» (land) or «полномочия» after
    «айыл чарба жерлери» or «государственные полномочия» may well be the article's own subject."""
    longer = {(tuple(lemmas[i:j]), payload[0]) for i, j, payload in hits}
    return [
        (i, j, payload)
        for i, j, payload in hits
        if j - i < 2
        or not any(cid != payload[0] and _contains(words, tuple(lemmas[i:j])) for words, cid in longer)
    ]


# Kyrgyz case endings a compound's first word cannot carry: locative (-да, -дагы), ablative (-дан),
# dative (-га). The genitive can («жердин салыгы» is still the land's tax).
NOT_COMPOUND_CASE = re.compile(r"([дт][аеоө]|[дт][аеоө]г[ыиуү]|[дтн][аеоө]н|[гкн][аеоө])$")


def _parallel_public_sector(
    tokens: list[TokenView],
    lemmas: list[str],
    pair: tuple[str, str],
    conjunctions: frozenset[str],
    coordinated: frozenset[str],
) -> set[int]:
    """Positions of «municipal X» where the same sentence also names «state X» (the same head X, a few
    words apart or not), or that is coordinated with a «state» modifier sharing its head («государственным
    гражданским или муниципальным служащим»): together they are all public service or property."""
    state, municipal = pair
    heads_by_sentence: dict[int, set[str]] = {}
    for k in range(len(lemmas) - 1):
        if lemmas[k] == state:  # «state X» or «state civil X»: the head is one of the next two words
            heads_by_sentence.setdefault(tokens[k].sent, set()).update(lemmas[k + 1 : k + 3])
    return {
        k
        for k in range(len(lemmas) - 1)
        if lemmas[k] == municipal
        and (
            lemmas[k + 1] in heads_by_sentence.get(tokens[k].sent, set())
            or (k >= 1 and lemmas[k - 1] in coordinated)  # «государственного, муниципального управления»
            or (k >= 2 and lemmas[k - 1] in conjunctions and coordinated & set(lemmas[max(k - 3, 0) : k - 1]))
        )
    }


GLOSSARY_LINE = re.compile(r"^([^\n–—]*?)\s[-–—]\s", re.M)


def _defined_terms(text: str) -> list[tuple[int, int]]:
    """In a glossary, the character spans of the terms being defined: each line's words before its dash
    («22-1) правовое зонирование - деятельность органов местного самоуправления …»)."""
    return [(m.start(), m.end(1)) for m in GLOSSARY_LINE.finditer(text)]


def _heading_end(text: str) -> int:
    """Where an article's first line (its heading, as the product passes it) ends."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def _bare(word: str) -> bool:
    """Whether a Kyrgyz word can be the first word of a compound: its suffixes, past its lemma, end in
    no locative, ablative or dative case («жериндеги» cannot begin «жер салыгы»)."""
    suffix = _suffix(word)
    return not (suffix and NOT_COMPOUND_CASE.search(suffix))


def _suffix(word: str) -> str:
    """A Kyrgyz word's endings past its lemma; a stem's last consonant may have alternated
    («депутаттыгына» of «депутаттык»)."""
    low = word.lower()
    lemma = ky_lemmatize(low)
    return low[len(lemma) :] if lemma and low[: len(lemma) - 1] == lemma[:-1] else ""


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


# Kyrgyz case endings that a modal's subject cannot carry (genitive, accusative, dative, locative,
# ablative): «… башкаруу органдарынын кийлигишүүсүнө тыюу салынат» forbids the interference, it does not
# oblige the bodies; the subject stays in the nominative («органдары … милдеттүү»).
NOT_SUBJECT_CASE = re.compile(
    r"([ыиуү]н|н[ыиуү]|[дт][ыиуү]|[гкн][аеоө]|[дт][аеоө]|[дтн][аеоө]н|[дт][аеоө]г[ыиуү])$"
)


# Kyrgyz genitive, ablative and locative endings: a budget in them is not what a verb approves
OBLIQUE_CASE = re.compile(r"(?:[дтн][ыиуү]н|[дтн][аеоө]н|[дт][аеоө])$")
LOCATIVE = re.compile(r"[дт][аеоө]$")  # a council «кеңеште» is where something happens
GENITIVE = re.compile(r"[дтн][ыиуү]н$")  # a budget «бюджетинин» owns the totals a council approves


def _nominative(word: str) -> bool:
    """Whether a Kyrgyz noun carries no case ending past its lemma (the subject's case)."""
    suffix = _suffix(word)
    return not (suffix and NOT_SUBJECT_CASE.search(suffix))


def _obliged(
    tokens: list[TokenView], i: int, j: int, spans: dict[int, tuple[int, int]], text: str, lex: Lexicons
) -> bool:
    """Whether the sentence of an LSG body named by tokens ``i:j`` obliges or entitles it: a modal word
    after it («органы местного самоуправления обязаны», «… башкаруу органдары … милдеттүү»), the body in
    the nominative where the language marks it (Kyrgyz; «органдары» after «… өз алдынча башкаруу» is the
    word that carries the case)."""
    if not lex.duty_markers.search(text, tokens[j - 1].end, spans[tokens[i].sent][1]):
        return False
    if lex.subject_case_marked:
        last = tokens[j] if j < len(tokens) and tokens[j].lemma in lex.other_body_bodies else tokens[j - 1]
        return _nominative(last.text)
    return True


def _rest_of_sentence(tokens: list[TokenView], k: int) -> list[TokenView]:
    """Tokens from position ``k`` to the end of its sentence."""
    end = k
    while end < len(tokens) and tokens[end].sent == tokens[k].sent:
        end += 1
    return tokens[k:end]


def _agent_of_duty(tokens: list[TokenView], j: int, lex: Lexicons) -> bool:
    """Whether the bodies named up to token ``j`` are the agent of a present passive that tells them what
    to do (Kyrgyz: «… органдары тарабынан акысыз берилет», «тарабынан» right after them and the verb ending
    the sentence)."""
    if lex.agent_duty is None or j >= len(tokens):
        return False
    agent, verb = lex.agent_duty
    return bool(agent.fullmatch(tokens[j].text) and verb.fullmatch(_rest_of_sentence(tokens, j)[-1].text))


PASSIVE_PARTICIPLE = re.compile(r"\w+(?:[ыиуү]л|[аеоөыиуүэюя]н)[гк][аеоө]н")  # «уюштурулган», «бөлүнгөн»


def _agent_of_participle(tokens: list[TokenView], j: int, lex: Lexicons) -> bool:
    """Whether the bodies named up to token ``j`` are the agent of a participle that describes something
    else («… органдары тарабынан … жарыялоо үчүн гана уюштурулган басылмалар»): a duty in the same sentence
    is that thing's, not theirs."""
    if lex.agent_duty is None or j >= len(tokens) or not lex.agent_duty[0].fullmatch(tokens[j].text):
        return False
    for t in _rest_of_sentence(tokens, j)[1:]:
        if lex.agent_duty[1].fullmatch(t.text):
            return False  # a finite passive first: they are told what to do
        if PASSIVE_PARTICIPLE.fullmatch(t.text.lower()):
            return True
    return False


def sentence_spans(tokens: list[TokenView]) -> dict[int, tuple[int, int]]:
    """Each sentence's first and last character, for the patterns read on the words as written."""
    spans: dict[int, tuple[int, int]] = {}
    for t in tokens:
        start, end = spans.get(t.sent, (t.start, t.end))
        spans[t.sent] = (min(start, t.start), max(end, t.end))
    return spans


@dataclass
class _Article:
    """One article being tagged: its tokens with their lemma keys, and the sentences that say something
    (not boilerplate, not a signature, not a lone number or initials)."""

    tokens: list[TokenView]
    text: str
    lex: Lexicons
    lemmas: list[str]
    in_substance: set[int]
    items: list[tuple[int, int, int]]  # its list items («1)», «а)», «-»), found once

    def span(self, i: int, j: int) -> Evidence:
        return _span(self.tokens, i, j, self.text)

    def substantive(self, hits: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
        return [(i, j, p) for i, j, p in hits if self.tokens[i].sent in self.in_substance]

    def find(self, index: TermIndex, coordinators: Coordinators | None = None) -> list[tuple[int, int, Any]]:
        """The index's terms in the article's substance, each in a form its words allow."""
        return [
            (i, j, p)
            for i, j, p in self.substantive(index.find(self.lemmas, coordinators))
            if tuple(self.lemmas[i:j]) not in index.bare_first or _bare(self.tokens[i].text)
        ]

    def find_patterns(self) -> list[tuple[int, int, Any]]:
        """The fields' patterns on the words as written, as term hits over the tokens they cover."""
        hits = []
        for cid, weight, pattern in self.lex.competence_patterns:
            for m in pattern.finditer(self.text):
                covered = _tokens_within(self.tokens, *m.span())
                if covered:
                    hits.append((covered[0], covered[-1] + 1, (cid, weight)))
        return self.substantive(hits)


@dataclass
class _Budget:
    """What the article does to local-budget money, and the evidence for it."""

    kinds: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    local_terms: list[tuple[int, int]] = field(default_factory=list)
    revenue_terms: list[tuple[int, int]] = field(default_factory=list)
    via_budget_term: bool = False  # the flow is named through a budget or LSG funds, not only a local tax
    topic: list[Evidence] = field(default_factory=list)  # the local budget is its field (approval counts)
    about_local_tax: bool = False
    approves_budget: bool = False  # the approval governs the budget itself («бюджети … бекитилсин»)


def _article(tokens: list[TokenView], text: str, lex: Lexicons) -> _Article:
    lemmas = [t.lemma for t in tokens]
    sentences = max((t.sent for t in tokens), default=-1) + 1
    boiler_sents = {s for s, (a, b) in sentence_spans(tokens).items() if lex.boilerplate.search(text[a:b])}
    boiler_sents |= signature_sentences(tokens, text)
    words = [0] * sentences
    for t in tokens:
        if len(t.text) > 2 and t.text.isalpha():
            words[t.sent] += 1
    # A «sentence» of a point number or a name's initials («2.», «(М.») says nothing on its own.
    substantive = {s for s in range(sentences) if s not in boiler_sents and words[s] >= 2}
    return _Article(tokens, text, lex, lemmas, substantive, list_items(text))


def _election_objects(
    tokens: list[TokenView],
    lemmas: list[str],
    named: list[tuple[int, int]],
    duty_sentences: set[int],
    lex: Lexicons,
) -> list[tuple[int, int]]:
    """The councils named as what an election fills: through their deputies in a sentence about electing
    («Жергиликтүү кеңештин депутаттары … жарандар тарабынан шайланат», «кандидат в депутаты местного
    кенеша»), or next to an election word («жергиликтүү кеңештерге шайлоо», «выборы в местные кенеши»).
    Deputies a Russian sentence also obliges or entitles («Депутаты местного кенеша, избранные …, обязаны …»)
    act."""

    def election_word(k: int) -> bool:
        return lemmas[k] in lex.election_words and not (
            k + 1 < len(lemmas) and lemmas[k + 1] in lex.election_districts
        )

    electing = {tokens[k].sent for k in range(len(lemmas)) if election_word(k)}
    elected = []
    for i, j in named:
        if tokens[i].sent not in electing:
            continue
        if lex.head_last:  # «жергиликтүү кеңештин депутаты», «… кеңештердин депутаттарын»
            word = j - 1 if lemmas[j - 1] in lex.election_deputies else j
            deputies = word < len(lemmas) and lemmas[word] in lex.election_deputies
            if deputies and lex.election_passive and _nominative(tokens[word].text):
                # «депутаттары … шайланат» is elected; «депутаты … байланышта болуп турат» acts
                after = _rest_of_sentence(tokens, word)[1:]
                deputies = any(lex.election_passive.match(t.text) for t in after)
            # a council in the locative is where the election or registration happens, by its own hand
            # («жергиликтүү кеңеште каттоодон өткөн», «кеңеште шайлоо өткөрүлөт»), not what it fills
            locative = LOCATIVE.search(tokens[j - 1].text.lower())
            near = range(j, j if locative else min(j + 1 + len(lex.election_between), len(lemmas)))
        else:  # «депутат местного кенеша», «депутатов местных кенешей»
            deputies = any(lemmas[k] in lex.election_deputies for k in (i, i - 1) if k >= 0)
            near = range(i - 1, max(i - 2 - len(lex.election_between), -1), -1)
        adjacent = False
        for k in near:
            if tokens[k].sent != tokens[i].sent:
                break
            if election_word(k):
                participle = lex.election_participle and lex.election_participle.search(tokens[k].text)
                adjacent = not participle
                break
            if lemmas[k] not in lex.election_between:
                break
        # Russian marks no case on «депутаты»: deputies a sentence obliges or entitles act (Kyrgyz: the
        # nominative and the passive above decide)
        if deputies and not lex.subject_case_marked and tokens[i].sent in duty_sentences:
            deputies = False
        electorate = any(lemma in lex.electorate for lemma in lemmas[i:j])
        if deputies or adjacent or electorate:
            elected.append((i, j))
    return elected


def _tokens_within(tokens: list[TokenView], start: int, end: int) -> list[int]:
    """Positions of the tokens that begin inside characters ``start:end`` (a pattern's match)."""
    return [k for k, t in enumerate(tokens) if start <= t.start < end]


def _condition_items(art: _Article) -> list[tuple[int, int]]:
    """Character spans of the list items that enumerate conditions («… в случаях, когда: - … создаются за
    счет местных бюджетов»): the money they name is a case in which something holds, not a flow set."""
    if art.lex.condition_lead_in is None:
        return []
    return [
        (a, b)
        for n, (a, b, _) in enumerate(art.items)
        if art.lex.condition_lead_in.search(lead_in(art.text, art.items, n).rstrip())
    ]


def _budget(
    art: _Article,
    actors: list[tuple[int, int]],
    local_act: bool,
    local_tax_section: bool,
    portfolio: frozenset[int] = frozenset(),
) -> _Budget:
    """Local budget: an explicit local-budget term (never the republican budget) or a local revenue
    source (property tax, local fees…) with a money-flow term close by in the same sentence. A bare
    «budget» or «funds» counts only in an LSG body's own act."""
    tokens, lemmas, lex = art.tokens, art.lemmas, art.lex
    out = _Budget()
    out.local_terms = [(i, j) for i, j, _ in art.find(lex.local_budget)]
    if local_act:
        # in a council's own act a bare «budget» or «funds» is its own (unless part of a longer term),
        # but not in a standing commission's name («бюджет, экономика … боюнча туруктуу комиссиясына»)
        named = {k for i, j in out.local_terms for k in range(i, j)}
        out.local_terms += [
            (i, j)
            for i, j, _ in art.find(lex.local_act_budget)
            if i not in named and i not in portfolio and not _owned_by_other(tokens, i, lex)
        ]
    national_tokens = {k for i, j, _ in lex.national_only.find(lemmas) for k in range(i, j)}
    if not local_act and out.local_terms and not national_tokens:
        # once an article has named the local budget (and no other), a bare «budget» or «funds» after
        # it is that budget: «Бюджетные средства органов МСУ … Изъятие бюджетных средств … не допускается»
        first = min(i for i, _ in out.local_terms)
        named = {k for i, j in out.local_terms for k in range(i, j)}
        out.local_terms += [
            (i, j)
            for i, j, _ in art.find(lex.local_act_budget)
            if i > first and i not in named and not _owned_by_other(tokens, i, lex)
        ]
    out.revenue_terms = [(i, j) for i, j, _ in art.find(lex.revenue_sources)]
    flow_hits = [
        (a, b, kind)
        for a, b, kind in art.substantive(lex.flows.find(lemmas))
        if b - a > 1
        or lemmas[a] not in lex.flow_forms
        or lex.flow_forms[lemmas[a]].fullmatch(tokens[a].text.lower())
    ]
    # a sentence whose flow verb is negated says the money does not move («… жергиликтүү бюджеттин эсебинен
    # каржыланбайт», «не финансируются за счет местного бюджета»): none of its flows counts
    negated = {
        tokens[a].sent
        for a, b, _ in flow_hits
        if lex.negated_flow is not None
        and any(
            lex.negated_flow.fullmatch(f"{tokens[k - 1].text if k else ''} {tokens[k].text}".lower())
            for k in range(a, b)
        )
    }
    flow_hits = [h for h in flow_hits if tokens[h[0]].sent not in negated]
    if local_act and lex.approval_descriptions is not None:
        # a council's own act approves with an order; «кеңеш бюджетти бекитет» there describes a power
        flow_hits = [
            (a, b, kind)
            for a, b, kind in flow_hits
            if kind != "budget_approval" or not lex.approval_descriptions.search(tokens[a].text.lower())
        ]

    def near_flows(i: int, j: int, window: int) -> list[tuple[int, int, str]]:
        return [
            (a, b, k)
            for a, b, k in flow_hits
            if tokens[a].sent == tokens[i].sent and (abs(a - i) <= window or abs(a - j) <= window)
        ]

    reports = [(a, b) for a, b, _ in art.substantive(lex.report_subjects.find(lemmas))]

    def governed(i: int, j: int, subjects: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The subjects that govern the budget term ``i:j``: after it in Kyrgyz, before it in Russian."""
        return [
            (a, b)
            for a, b in subjects
            if tokens[a].sent == tokens[i].sent and 0 <= (a - j if lex.head_last else i - b) <= 3
        ]

    conditions = _condition_items(art)
    spans: dict[int, tuple[int, int]] = {}
    for i, j in out.local_terms:
        if i in national_tokens or any(a <= tokens[i].start < b for a, b in conditions):
            continue
        found = near_flows(i, j, 10)
        if found and lex.deferral is not None and all(lemmas[a] in lex.category_flows for a, _, _ in found):
            # the budget's categories in a sentence leaving them to another act («… кирешелери жана
            # чыгашалары … кодекске ылайык аныкталат») move no money
            spans = spans or sentence_spans(tokens)
            if lex.deferral.search(art.text, *spans[tokens[i].sent]):
                found = []
        if found and not out.topic:
            out.topic = [art.span(i, j), *(art.span(a, b) for a, b, _ in found[:1])]
        reported = bool(governed(i, j, reports))
        if not local_act or reported:
            # A law saying that a council approves the local budget assigns a power; only a council's
            # own act approving its budget moves money — not one approving a report on its execution.
            found = [f for f in found if f[2] != "budget_approval"]
        approves = local_act and not reported
        if approves and lex.head_last:
            # the verb ends the sentence, however long the totals before it; the budget approved is in no
            # oblique case («… бюджети кирешелер боюнча …, чыгашалар боюнча … бекитилсин», «бюджетине
            # өзгөртүүлөр киргизилсин»; not «бюджетинин аткарылышы …», «бюджеттен … бекитилсин»)
            verbs = [
                (a, b)
                for a, b, k in flow_hits
                if k == "budget_approval" and tokens[a].sent == tokens[i].sent and a >= j
            ]
            suffix = _suffix(tokens[j - 1].text)
            # … or in the genitive of its own totals («… бюджетинин кирешелери 12 500,0 миң сом, чыгашалары …
            # бекитилсин»)
            totals = GENITIVE.search(suffix) and j < len(lemmas) and lemmas[j] in lex.category_flows
            approves = bool(verbs) and (not OBLIQUE_CASE.search(suffix) or bool(totals))
        elif approves:  # «Утвердить местный бюджет», «внести изменения в местный бюджет»
            verbs = governed(i, j, [(a, b) for a, b, k in found if k == "budget_approval"])
            approves = bool(verbs)
        if approves:
            out.approves_budget = True
            if all(k != "budget_approval" for _, _, k in found):
                found.append((*verbs[-1], "budget_approval"))
        if found:
            out.via_budget_term = True
            out.evidence.append(art.span(i, j))
            for a, b, flow_kind in found:
                out.evidence.append(art.span(a, b))
                out.kinds.append(flow_kind)
    if not out.topic:  # its drafting, execution or report makes the local budget the field, money or not
        subjects = [(a, b) for a, b, _ in art.substantive(lex.budget_subjects.find(lemmas))]
        for i, j in out.local_terms:
            # the drafting or execution governs the budget
            near = governed(i, j, subjects) if i not in national_tokens else []
            if near:
                out.topic = [art.span(i, j), art.span(*near[0])]
                break
    for flow_kind, pattern in lex.lsg_accounts.items():
        for m in pattern.finditer(art.text):
            inside = _tokens_within(tokens, *m.span())
            if not inside or tokens[inside[0]].sent not in art.in_substance:
                continue
            out.local_terms.append((inside[0], inside[-1] + 1))
            out.via_budget_term = True
            out.evidence.append(art.span(inside[0], inside[-1] + 1))
            out.kinds.append(flow_kind)
    if local_act:
        # a council disposes only of its own money: a sum it allocates («стадионду реконструкциялоого
        # 5 000,0 миң сом бөлүнсүн», «Выделить 300 тыс. сомов») is spent from the local budget, though
        # the decision does not say «budget» (unless the sentence names the republican one)
        national_sents = {tokens[k].sent for k in national_tokens}
        allocations = [
            (a, b, "spending_obligation") for a, b, _ in art.substantive(lex.allocation_verbs.find(lemmas))
        ]
        for start, end in amount_spans(art.text):
            inside = _tokens_within(tokens, start, end)
            sent = tokens[inside[0]].sent if inside else -1
            if sent not in art.in_substance or sent in national_sents:
                continue
            moved = [
                (a, b, k)
                for a, b, k in flow_hits + allocations
                if tokens[a].sent == sent and k in {"spending_obligation", "transfer"}
            ]
            if moved:
                out.via_budget_term = True
                out.evidence += [art.span(inside[0], inside[-1] + 1), art.span(*moved[0][:2])]
                out.kinds.append(moved[0][2])
    if local_tax_section:
        taken = {k for i, j in out.revenue_terms for k in range(i, j)}
        out.revenue_terms += [(i, j) for i, j, _ in art.find(lex.local_act_taxes) if i not in taken]
    # A local tax is local revenue by law: an article that sets its rates, base or exemptions, or is
    # about it throughout (or names it inside the tax's own chapter), changes local-budget money.
    # a local tax named only as an item of a list of others («5) мүлк салыгы;», documents served, taxes
    # deducted) is one of many, not the article's subject
    in_text = [(i, j) for i, j in out.revenue_terms if not in_short_list_item(art.items, tokens[i].start)]
    out.about_local_tax = len(in_text) >= 2 or (local_tax_section and bool(in_text))
    for i, j in out.revenue_terms:
        tax_kinds = [k for _, _, k in near_flows(i, j, 12) if k in TAX_FLOWS]
        if tax_kinds or out.about_local_tax:
            out.evidence.append(art.span(i, j))
            out.kinds.extend(tax_kinds or ["revenue"])
    # An LSG body can only set or waive local taxes: a «tax» with a rate or an exemption in a sentence
    # whose actor is an LSG body is a local tax; in a council's own act, so is a tax paid in. (In a law,
    # an LSG body and a tax paid is delegated collection: «салыктарды төлөө боюнча документтерди».)
    actor_sentences = {tokens[i].sent for i, _ in actors}
    covered = {k for i, j in out.revenue_terms for k in range(i, j)}
    own_kinds = {"exemption", "rate", "revenue"} if local_act else {"exemption", "rate"}
    for i, j, _ in art.find(lex.local_act_taxes):
        if i in covered:
            continue
        if local_act or tokens[i].sent in actor_sentences:
            tax_kinds = [k for _, _, k in near_flows(i, j, 12) if k in own_kinds]
            if tax_kinds:
                out.revenue_terms.append((i, j))
                out.evidence.append(art.span(i, j))
                out.kinds.extend(tax_kinds)
    return out


def _competences(
    art: _Article,
    hits: list[tuple[int, int, Any]],
    budget: _Budget,
    local_act: bool,
    heading_fields: frozenset[str] = frozenset(),
    agenda: bool = False,
    forum: bool = False,
) -> list[CompetenceHit]:
    """Fields the article regulates, strongest first, from the terms found and the budget signals; a
    catalogue of fields (``agenda``) keeps every one named, others the strongest few."""
    local_budget = bool(budget.kinds)
    competences: dict[str, CompetenceHit] = {}
    seen_terms: set[tuple[str, tuple[str, ...]]] = set()
    for i, j, (cid, weight) in hits:
        if cid == "local_budget" and not (local_budget or budget.topic or local_act):
            continue  # outside a council's own act, decided by the budget detector, not by words alone
        hit = competences.setdefault(cid, CompetenceHit(cid, 0.0))
        key = (cid, tuple(art.lemmas[i:j]))
        if key not in seen_terms:
            seen_terms.add(key)
            hit.score = min(1.0, hit.score + weight)
        hit.evidence.append(art.span(i, j))
    if (local_budget and budget.via_budget_term) or budget.topic:
        hit = competences.setdefault("local_budget", CompetenceHit("local_budget", 0.0))
        hit.score = 1.0
        hit.evidence.extend(budget.evidence[:3] if budget.via_budget_term else budget.topic)
    if budget.revenue_terms and local_budget:
        hit = competences.setdefault("local_taxes_fees", CompetenceHit("local_taxes_fees", 0.0))
        hit.score = max(hit.score, 0.9)
        if not hit.evidence:  # the local tax the money moves through is the evidence
            hit.evidence = [art.span(i, j) for i, j in budget.revenue_terms[:3]]
    if budget.about_local_tax and "local_taxes_fees" in competences:
        # In an article about a local tax, land, dwellings, pensioners or schools are what is taxed or
        # exempted: the objects of the tax, not fields the article regulates; a fund or body LSG runs
        # (the State Agricultural Land Fund leased out, a pasture committee) still is one.
        run = {p[0] for i, j, p in hits if tuple(art.lemmas[i:j]) in art.lex.tax_article_institutions}
        competences = {k: v for k, v in competences.items() if k in TAX_ARTICLE_FIELDS or k in run}
    stated = heading_fields & competences.keys()
    for cid in stated:  # the heading states the article's subject
        competences[cid].score = 1.0
    if stated and not local_budget and "local_budget" not in stated:
        # a budget drafted or executed, no money moved, in an article headed with another field (the topics
        # a kurultai may discuss): that field's agenda
        competences.pop("local_budget", None)
    # money moved through the local budget makes it one of the article's fields, whatever else it names
    kept = stated | (
        {"local_budget"}
        if local_budget and budget.via_budget_term and "local_budget" in competences
        else set()
    )
    # … and a local tax whose rate or relief the article sets is one, in its place among the others
    taxed = (
        {"local_taxes_fees"}
        if local_budget and budget.revenue_terms and {"rate", "exemption"} & set(budget.kinds)
        else set()
    )
    # The strongest first; among equals the one named first (the sort is stable over first mentions):
    # an article states its subject before its details.
    chosen = sorted(
        (c for c in competences.values() if c.score >= COMPETENCE_MIN),
        key=lambda c: (c.id not in kept, -c.score),
    )
    if agenda:  # the list of local-significance issues: each item it names is a field of its own
        return chosen
    chosen = _one_of_alternatives(chosen, art.lex.alternative_fields, stated)
    if forum and stated and len([c for c in chosen if c.id not in kept]) >= TOPIC_LIST_FIELDS:
        # a forum's article that names many other fields lists the topics it takes up (what a gathering
        # or a hearing may discuss): they are not fields the article regulates
        chosen = [c for c in chosen if c.id in kept]
    # Past the first, a field named by a single weak term is a passing detail, not what the article
    # regulates; past the first two, only a field named strongly (full score from distinct terms) is kept.
    first = chosen[0] if chosen else None
    return [
        c
        for n, c in enumerate(chosen[: MAX_COMPETENCES - (1 if stated else 0)])
        if (n == 0 or c.id in kept or c.id in taxed)
        or (n == 1 and (c.score >= 1.0 or len(c.evidence) >= 2 or _coordinated(art.text, first, c)))
        or (c.score >= 1.0 and len(c.evidence) >= 3)
    ]


# the words between two conjuncts: the first one's dependents (two at most), a comma or «жана» / «и», the
# second one's dependents («көчөлөрдү жарыктандырууну жана коомдук аймактарды жашылдандырууну»)
CONJUNCTS = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:,\s*(?:(?:жана|и)\s+)?|(?:жана|же|и|или)\s+)(?:[\w-]+\s+){0,2}", re.I
)


def _coordinated(text: str, first: CompetenceHit | None, other: CompetenceHit) -> bool:
    """A field named as a conjunct of the first one («көчөлөрдү жарыктандырууну жана … жашылдандырууну»,
    «освещение улиц и озеленение») is an object of the same duty, not a passing detail."""
    if first is None:
        return False
    for a in first.evidence:
        for b in other.evidence:
            left, right = (a, b) if a.end <= b.start else (b, a)
            if right.start - left.end <= 60 and CONJUNCTS.fullmatch(text, left.end, right.start):
                return True
    return False


def _one_of_alternatives(
    chosen: list[CompetenceHit], groups: tuple[frozenset[str], ...], stated: set[str] | frozenset[str]
) -> list[CompetenceHit]:
    """Of fields an article is about one of (citizens addressing LSG bodies, or those bodies' work), the
    one named most often is its subject; another, named less than half as often, is the counterpart (the
    council a gathering sends its proposals to), unless the heading states it."""
    dropped: set[str] = set()
    for group in groups:
        members = [c for c in chosen if c.id in group]
        if len(members) < 2:
            continue
        lead = max(members, key=lambda c: len(c.evidence))  # the first among equals
        dropped |= {
            c.id
            for c in members
            if c is not lead and c.id not in stated and 2 * len(c.evidence) < len(lead.evidence)
        }
    return [c for c in chosen if c.id not in dropped]


def tag_tokens(
    tokens: list[TokenView],
    text: str,
    lex: Lexicons,
    local_act: bool = False,
    local_tax_section: bool = False,
    procedural: bool = False,
    heading_fields: frozenset[str] = frozenset(),
    other_body: bool = False,
    glossary: bool = False,
    agenda: bool = False,
    forum: bool = False,
    actor_alias: re.Pattern[str] | None = None,
) -> ArticleTags:
    """``local_act``: the article belongs to an LSG body's own act. ``local_tax_section``: it sits in a
    chapter or section whose heading names a local tax, so its bare «tax» is that tax. ``procedural``:
    its heading says it reports, informs or defines, so the money it names is only mentioned.
    ``other_body``: its heading gives another body's powers, so an LSG body counts only where a sentence
    obliges or entitles it. ``glossary``: its heading says it defines terms, so an LSG body counts only
    as a term defined, not inside another term's definition. ``forum``: its heading names a forum, so the many
    fields it may name are topics taken up there. ``agenda``: its heading catalogues the issues of
    local significance or an LSG body's functions, so every field it names is kept. ``actor_alias``: the
    short names the act gives an LSG body («(мындан ары АК)»), each a mention of that body."""
    if repealed(text):
        return ArticleTags(False, False, [], BudgetImpact(None), "repealed: no norm left to tag")
    art = _article(tokens, text, lex)
    lemmas = art.lemmas
    # «state and LSG bodies» is every public authority (a fine on its officials, a source of law), but
    # a sentence that obliges or entitles them still speaks to LSG bodies
    spans = sentence_spans(tokens)
    rights_sentences = {s for s, (a, b) in spans.items() if lex.rights_holders.match(text[a:b])}
    duty_sentences = {
        s for s, (a, b) in spans.items() if lex.duty_markers.search(text[a:b]) and s not in rights_sentences
    }
    generic = {
        k
        for i, j, _ in lex.generic_public_bodies.find(lemmas)
        if (tokens[i].sent not in duty_sentences or _agent_of_participle(tokens, j, lex))
        and not _agent_of_duty(tokens, j, lex)
        for k in range(i, j)
    }
    generic |= {  # «…, ЖӨБ органдарынын жана башка органдардын …»: examples of all bodies
        k
        for i, j, _ in lex.actors.find(lemmas)
        if tokens[i].sent not in duty_sentences
        and not _agent_of_duty(tokens, j, lex)
        and lex.other_bodies_tail.search(text[tokens[j - 1].end : spans[tokens[i].sent][1]])
        for k in range(i, j)
    }
    pairs = lex.public_sector_pairs.find(lemmas)
    generic |= {k for i, j, _ in pairs for k in range(i, j)}
    heading_end = _heading_end(text)
    if any(tokens[i].start < heading_end for i, _, _ in pairs):  # the heading line («107-берене. …»)
        # an article headed «state and municipal servants» is about all public service: its other
        # «municipal posts» («саясий жана административдик муниципалдык кызмат орундары») are those too
        municipal = lex.public_sector_parallel[1]
        generic |= {k for i, j, _ in lex.actors.find(lemmas) if lemmas[i] == municipal for k in range(i, j)}
    generic |= _parallel_public_sector(
        tokens,
        lemmas,
        lex.public_sector_parallel,
        lex.coordinators.conjunctions,
        lex.public_sector_coordinated,
    )
    level_sentences = {tokens[k].sent for k, lemma in enumerate(lemmas) if lemma in lex.territory_levels}
    generic |= {
        k
        for i, j, _ in lex.territory_units.find(lemmas)
        if tokens[i].sent in level_sentences
        for k in range(i, j)
    }
    penalty_sentences = {s for s, (a, b) in spans.items() if lex.penalty_markers.search(text[a:b])}
    generic |= {k for k, t in enumerate(tokens) if t.sent in penalty_sentences}
    cited = cited_titles(text)
    named = [(i, j) for i, j, _ in art.find(lex.actors)]
    if actor_alias is not None:  # the act's short name for an LSG body («АКке», «ТС»): that body
        named = sorted(named + [(k, k + 1) for k, t in enumerate(tokens) if actor_alias.fullmatch(t.text)])
    # a title is a passing citation, unless its sentence amends or repeals part of that act
    in_title = [
        (i, j)
        for i, j in named
        if any(a <= tokens[i].start < b for a, b in cited)
        and not lex.amendment_markers.search(text, *spans[tokens[i].sent])
    ]
    elected = _election_objects(tokens, lemmas, named, duty_sentences, lex)
    passing = set(in_title) | set(elected)
    # one member of an inline list of others that does not speak to it: a rule binding everyone, the
    # owners of acts or data
    everyone = listed_among_everyone(tokens, text, named, lex)
    actors = [(i, j) for i, j in named if i not in generic and i not in everyone and (i, j) not in passing]
    in_definition = []
    if glossary:  # «правовое зонирование - деятельность органов местного самоуправления»: not LSG's term
        defined = _defined_terms(text)
        in_definition = [(i, j) for i, j in actors if not any(a <= tokens[i].start < b for a, b in defined)]
        actors = [a for a in actors if a not in in_definition]
    counterparts = []
    if other_body:  # another body's powers: an LSG body there is its partner unless obliged itself
        counterparts = [(i, j) for i, j in actors if not _obliged(tokens, i, j, spans, text, lex)]
        actors = [a for a in actors if a not in counterparts]
    portfolio = commission_portfolios(tokens, lemmas, lex)
    terms = art.find(lex.competences, lex.coordinators)
    # a pattern adds a wording the terms missed, not a second piece of evidence for a full term it
    # overlaps; a weak term it spans («өткөрүп берилет») is part of it
    patterns = [
        h for h in art.find_patterns() if not any(t[2] == h[2] and t[0] < h[1] and h[0] < t[1] for t in terms)
    ]
    terms = [
        t for t in terms if not any(p[2][0] == t[2][0] and p[0] <= t[0] and t[1] <= p[1] for p in patterns)
    ]
    hits = inside_longer_dropped([h for h in terms + patterns if h[0] not in portfolio])
    hits = short_forms_dropped(hits, lemmas)
    budget = _budget(art, actors, local_act, local_tax_section, frozenset(portfolio))
    if procedural:  # the money it names is only mentioned
        budget = _Budget(evidence=budget.evidence, local_terms=budget.local_terms)
    local_budget = bool(budget.kinds)
    owned = [h for h in art.find(lex.lsg_objects) if h[0] not in generic]
    # an article naming the local budget is LSG's business even where it moves no money (a report on it)
    # … not where everyone is given a right («Ар бир адам … жергиликтүү бюджеттен каржыланган уюмдардын
    # ишмердүүлүгү жөнүндө маалымат алууга укуктуу»): the budget describes whom the right reaches
    named_budgets = [
        tokens[i].start
        for i, _ in budget.local_terms
        if i not in generic and tokens[i].sent not in rights_sentences
    ]
    # … unless each is one short item of a list of others («2) организаций, финансируемых из
    # республиканского и местных бюджетов;»), like an LSG body listed so
    names_budget = bool(named_budgets) and not all_listed(text, art.items, named_budgets, lex.duty_markers)
    names_budget = names_budget and not other_body  # another body's powers: a budget it names is its topic
    own_act = local_act and bool(art.in_substance)
    listed = listed_among_others(text, art.items, actors, tokens, lex.duty_markers)
    lsg = (bool(actors) and not listed) or bool(owned) or local_budget or names_budget or own_act
    # a council approving or amending its budget approves it, though the budget's totals name revenue and
    # spending («… кирешелер боюнча …, чыгашалар боюнча … бекитилсин»)
    priority = ["spending_obligation", "revenue", "transfer", "rate", "exemption", "budget_approval"]
    if budget.approves_budget:
        priority.insert(0, "budget_approval")
    kind = (
        next((k for k in priority if k in budget.kinds), None)
        if local_budget
        else ("mention" if budget.local_terms or budget.evidence else None)
    )
    amounts = amounts_in(text) if local_budget else []
    chosen = _competences(art, hits, budget, local_act, heading_fields, agenda, forum) if lsg else []
    if procedural:  # a report or a glossary is about one thing: its first field
        chosen = chosen[:1]
    actor_evidence = [art.span(i, j) for i, j in actors]
    if lsg and not chosen and names_budget and not named and not owned and not own_act:
        # only a local budget, no LSG body, makes it LSG's (the local share of a law's costs): it is the field
        mentioned_budget = [art.span(i, j) for i, j in budget.local_terms[:2]]
        chosen = [CompetenceHit("local_budget", COMPETENCE_MIN, mentioned_budget)]
    if lsg and not chosen and lex.fallback_competence:
        # the LSG body named is the evidence that the article is about LSG itself
        chosen = [CompetenceHit(lex.fallback_competence, COMPETENCE_MIN, actor_evidence[:2])]
    mentioned = budget.evidence or [art.span(i, j) for i, j in budget.local_terms]
    reason = _reason(lsg, local_budget, kind, actor_evidence, chosen, mentioned)
    amended = [a for a in actors if any(x <= tokens[a[0]].start < y for x, y in cited)]
    if lsg and amended and len(amended) == len(actors):  # the act it amends is what makes it LSG's
        title = next(text[x:y] for x, y in cited if x <= tokens[amended[0][0]].start < y)
        reason = f"amends {title}; " + reason
    if not lsg and named:  # say why a body that is named does not count
        why = (
            "one item of a list of others"
            if listed
            else "as a partner in another body's powers"
            if counterparts and not actors
            else "inside a definition"
            if in_definition and not actors
            else "in a cited act's title"
            if in_title and not actors
            else "as the council an election fills"
            if elected and not actors
            else "with all public bodies, or in a penalty, with no duty of its own"
        )
        reason = f"names {art.span(*named[0]).text!r} only in passing ({why})"
    return ArticleTags(
        lsg, local_budget, chosen, BudgetImpact(kind, amounts, budget.evidence), reason, actor_evidence
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
    elif kind == "mention" and budget_evidence:
        parts.append(f"mentions {budget_evidence[0].text!r}, moves no money")
    if competences:
        parts.append("competences: " + ", ".join(c.id for c in competences[:3]))
    return "; ".join(parts) or "an LSG act's own decision"

"""Which fields an article regulates, from the terms found and the budget signals: the strongest first,
the heading's subject and money moved through the local budget always kept, a second field only when it is
named strongly or as a conjunct of the first, a third only when named strongly and often. Data-driven
weights come from the taxonomy; the thresholds below are the product's.
"""

from __future__ import annotations

import re
from typing import Any

from nlp.article import Article
from nlp.budget_impact import Budget
from nlp.tags import CompetenceHit, distinct_spans

COMPETENCE_MIN = 0.7
TAX_ARTICLE_FIELDS = {"local_taxes_fees", "local_budget", "delegated_powers_general", "lsg_organisation"}
MAX_COMPETENCES = 3
WEAK_TERM = 0.4  # a term that needs a second one, as the taxonomy's «|0.4»
TOPIC_LIST_FIELDS = 3  # other fields in a forum's article: the topics it takes up


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


def weakened_in_context(art: Article, hits: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """A field's terms inside one of the field's weak contexts (the taxonomy's ``weak_contexts``) weigh
    together as one weak term, which needs a second one: «Мэрия … по делегированным государственным
    полномочиям – соответствующим государственным органам» says whom the mayoralty reports to, not that
    powers are delegated."""
    named = {hit[2][0] for hit in hits}  # only the fields found are worth a scan of the text
    spans = {
        cid: [m.span() for m in p.finditer(art.text)]
        for cid, p in art.lex.weak_contexts.items()
        if cid in named
    }
    weighed: set[tuple[str, int]] = set()  # (field, context) already given its weak weight
    out = []
    for i, j, (cid, weight) in hits:
        start, end = art.tokens[i].start, art.tokens[j - 1].end
        inside = next((n for n, (a, b) in enumerate(spans.get(cid, ())) if a <= start and end <= b), None)
        if inside is not None:
            # a hint there («жолу менен»: by way of) is nothing; a full term, one weak term for the context
            weight = 0.0 if (cid, inside) in weighed or weight < COMPETENCE_MIN else min(weight, WEAK_TERM)
            weighed.add((cid, inside))
        out.append((i, j, (cid, weight)))
    return out


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


def scored_fields(
    art: Article, hits: list[tuple[int, int, Any]]
) -> tuple[dict[str, CompetenceHit], dict[tuple[str, tuple[str, ...]], float]]:
    """Each field found, its evidence and its score: the weights of its distinct terms, each term counted
    once at its strongest (up to 1.0); and those term weights."""
    competences: dict[str, CompetenceHit] = {}
    term_weights: dict[tuple[str, tuple[str, ...]], float] = {}
    for i, j, (cid, weight) in hits:
        hit = competences.setdefault(cid, CompetenceHit(cid, 0.0))
        key = (cid, tuple(art.lemmas[i:j]))
        term_weights[key] = max(term_weights.get(key, 0.0), weight)
        hit.evidence.append(art.span(i, j))
    for (cid, _), weight in term_weights.items():
        competences[cid].score = min(1.0, competences[cid].score + weight)
    return competences, term_weights


def choose_competences(
    art: Article,
    hits: list[tuple[int, int, Any]],
    budget: Budget,
    local_act: bool,
    heading_fields: frozenset[str] = frozenset(),
    agenda: bool = False,
    forum: bool = False,
) -> list[CompetenceHit]:
    """Fields the article regulates, strongest first, from the terms found and the budget signals; a
    catalogue of fields (``agenda``) keeps every one named, others the strongest few."""
    local_budget = bool(budget.kinds)
    # outside a council's own act, the local budget is decided by the budget detector, not by words alone
    words_decide_budget = local_budget or bool(budget.topic) or local_act
    competences, term_weights = scored_fields(
        art, [h for h in hits if h[2][0] != "local_budget" or words_decide_budget]
    )
    if (local_budget and budget.via_budget_term) or budget.topic:
        hit = competences.setdefault("local_budget", CompetenceHit("local_budget", 0.0))
        hit.score = 1.0
        # every mention, as for the other fields: a budget annex names its taxes more often than itself
        hit.evidence.extend(budget.evidence if budget.via_budget_term else budget.topic)
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
        if "local_taxes_fees" in heading_fields and "local_budget" not in heading_fields:
            # … and in one headed with the tax, the local budget it is paid into is the tax's detail («Сумма
            # налога зачисляется в местный бюджет»): the two are one article's alternatives (taxonomy:
            # alternative_fields); a budget's annex listing its taxes stays a budget's
            competences.pop("local_budget", None)
    stated = heading_fields & competences.keys()
    for cid in stated:  # the bodies through which the stated field is handled are its procedure
        for other in art.lex.procedure_fields.get(cid, frozenset()) - stated:
            competences.pop(other, None)
    for cid in stated:  # the heading states the article's subject
        competences[cid].score = 1.0
    if stated - {"lsg_organisation"} and not local_budget and "local_budget" not in stated:
        # a budget drafted or executed, no money moved, in an article headed with another field (the topics
        # a kurultai may discuss): that field's agenda. Not under an LSG body's or official's heading:
        # drafting and executing the budget is what the mayor or the council does («Полномочия мэра»).
        competences.pop("local_budget", None)
    for cid in art.lex.object_list_fields & competences.keys():
        listed = object_lists(art.text, competences[cid])
        for other in [k for k, c in competences.items() if k != cid and k not in stated and c.evidence]:
            if all(any(a <= e.start < b for a, b in listed) for e in competences[other].evidence):
                competences.pop(other)
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
    # The strongest first, after any field named only as what describes another; among equals the one
    # named first (the sort is stable over first mentions): an article states its subject before its details.
    chosen = sorted(
        (c for c in competences.values() if c.score >= COMPETENCE_MIN),
        key=lambda c: (c.id not in kept, only_attributive(c), -c.score),
    )
    if agenda:  # the list of local-significance issues: each item it names is a field of its own
        return chosen
    chosen = one_of_alternatives(chosen, art.lex.alternative_fields, stated)
    if forum and stated and len([c for c in chosen if c.id not in kept]) >= TOPIC_LIST_FIELDS:
        # a forum's article that names many other fields lists the topics it takes up (what a gathering
        # or a hearing may discuss): they are not fields the article regulates
        chosen = [c for c in chosen if c.id in kept]
    # Past the first, a field named by a single weak term is a passing detail, not what the article
    # regulates; past the first two, only a field named strongly (full score from distinct terms) is kept.
    # A mention that several terms found («питьевой водой» and «водой») is one mention.
    first = chosen[0] if chosen else None
    mentions = {c.id: len(distinct_spans(c.evidence)) for c in chosen}
    # weak terms alone are hints, however many: relatives' «балдары» and «үй-бүлөсү» name no children's field
    named = {cid for (cid, _), weight in term_weights.items() if weight > WEAK_TERM}
    if budget.topic:  # the budget's drafting, execution or procedure names it, as a term would
        named.add("local_budget")
    # A law that puts a cost on the local budget names what it pays for («Расходы на содержание … дошкольных
    # учреждений финансируются за счет местного бюджета»): that is a field of the norm, though named once
    budget_sentences = {art.tokens[i].sent for i, _ in budget.local_terms}
    purpose = not local_act and first is not None and first.id == "local_budget" and "local_budget" in kept
    if purpose and len(chosen) == 1:
        # … though only by a hint («Содержание школ … за счёт средств местного бюджета»): the one thing
        # the cost is for, in the sentence that puts it on the local budget
        hinted = [
            c
            for c in competences.values()
            if HINT_MIN <= c.score < COMPETENCE_MIN
            and any(art.tokens[i].sent in budget_sentences for i in _token_starts(art, c))
        ]
        if len(hinted) == 1:
            chosen.append(hinted[0])
            named.add(hinted[0].id)
    leads = item_leads(art, chosen) if local_act else set()
    return [
        c
        for n, c in enumerate(chosen[: MAX_COMPETENCES - (1 if stated else 0)])
        if (n == 0 or c.id in kept or c.id in taxed or c.id in leads)
        or (
            purpose
            and n == 1
            and c.id in named
            and any(art.tokens[i].sent in budget_sentences for i in _token_starts(art, c))
        )
        or (
            c.id in named
            and not only_place(art.text, c)
            and (
                (n == 1 and (c.score >= 1.0 or mentions[c.id] >= 2 or coordinated(art.text, first, c)))
                or (c.score >= 1.0 and mentions[c.id] >= 3)
            )
        )
    ]


def item_leads(art: Article, chosen: list[CompetenceHit]) -> set[str]:
    """In a council's point of several orders («Айыл өкмөтүнө тапшырылсын: а) … таштандыдан тазалоо …; б) …
    жолдорду оңдоо …; в) … мектептерди … даярдоо»), the strongest field of each order: each is a subject of
    the point, however weakly the others rank it."""
    if len(art.items) < 2 or not art.lex.is_order(art.text[: art.items[0][0]]):
        return set()  # the lead-in gives the orders («Поручить айыл окмоту:»); a regulation's list does not
    leads = set()
    for a, b, _ in art.items:
        inside = [c for c in chosen if any(a <= e.start < b for e in c.evidence)]
        if inside:
            leads.add(max(inside, key=lambda c: c.score).id)  # the first among equals
    return leads


# where a thing is, not what is done: a Kyrgyz noun in the locative («жайыттарда»), a Russian one in the
# prepositional after «в» or «на», an adjective between («на сельских пастбищах»); not «на» of a purpose,
# its noun in the accusative («на установку фонарей», «на ремонт школ»)
LOCATIVE = re.compile(r"\w(?:да|де|та|те|до|дө|то|тө)$", re.I)
PLACE_BEFORE = re.compile(r"(?:^|\s)(?:в|во|на)\s+(?:\w+(?:ых|их|ом|ем|ой|ей)\s+)?$", re.I)
PREPOSITIONAL = re.compile(r"\w+(?:ах|ях|е|и)\b", re.I)


def only_place(text: str, hit: CompetenceHit) -> bool:
    """A field past the first named only as the place where the first one's work is done
    («противоэпизоотические мероприятия на пастбищах», «жайыттарда эпизоотияга каршы иш-чаралар»): the
    work's setting, not a field the article regulates."""
    return bool(hit.evidence) and all(
        LOCATIVE.search(e.text.rstrip())
        or (PLACE_BEFORE.search(text, max(0, e.start - 40), e.start) and PREPOSITIONAL.match(e.text))
        for e in hit.evidence
    )


# a numbered part or point that starts a line: where a list opened by a colon ends at the latest
NEXT_PART = re.compile(r"\n\s*\d+(?:-\d+)?[.)]\s")


def object_lists(text: str, owner: CompetenceHit) -> list[tuple[int, int]]:
    """The character spans of lists of what the owning field holds: from a colon closing a line or clause
    that names the field («Муниципалдык менчикте төмөндөгү мүлктөр болушу мүмкүн:») to the next numbered
    part, or the end."""
    spans = []
    for colon in (m.start() for m in re.finditer(r":", text)):
        opening = max(text.rfind("\n", 0, colon), text.rfind(".", 0, colon), text.rfind(";", 0, colon))
        if any(opening < e.start < colon for e in owner.evidence):
            after = NEXT_PART.search(text, colon)
            spans.append((colon, after.start() if after else len(text)))
    return spans


# a Kyrgyz word in the locative turned attribute («менчиктеги», «аймагындагы»): it describes the noun that
# follows, which comes after it, Kyrgyz putting the head last
ATTRIBUTIVE = re.compile(r"[дт][аеоө]г[ыиуү]$", re.I)


def only_attributive(hit: CompetenceHit) -> bool:
    """A field named only as what describes another thing («Муниципалдык менчиктеги айылдык китепканалар»:
    libraries in municipal ownership) ranks after a field named as the thing, even one weighed lower
    («муниципалдык менчиктеги … сугат тармагынын иштешин»: the irrigation network is what is run): the first
    mention and the weight would otherwise favour the Kyrgyz modifier, which stands before its noun."""
    return bool(hit.evidence) and all(ATTRIBUTIVE.search(e.text.rstrip()) for e in hit.evidence)


def _token_starts(art: Article, hit: CompetenceHit) -> list[int]:
    """The tokens where a field's evidence begins."""
    starts = {span.start for span in hit.evidence}
    return [k for k, t in enumerate(art.tokens) if t.start in starts]


# the words between two conjuncts: the first one's dependents (three at most: «озеленение территорий
# населенных пунктов и охрану зеленых насаждений»), a comma or «жана» / «и», the second one's dependents
# («көчөлөрдү жарыктандырууну жана коомдук аймактарды жашылдандырууну»)
CONJUNCTS = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:,\s*(?:(?:жана|и)\s+)?|(?:жана|же|и|или)\s+)(?:[\w-]+\s+){0,2}", re.I
)


def coordinated(text: str, first: CompetenceHit | None, other: CompetenceHit) -> bool:
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


def one_of_alternatives(
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
        # mentions, not finds: «председатель городского кенеша» found whole and as «кенеш» is one
        count = {c.id: len(distinct_spans(c.evidence)) for c in members}
        lead = max(members, key=lambda c: count[c.id])  # the first among equals
        dropped |= {
            c.id for c in members if c is not lead and c.id not in stated and 2 * count[c.id] < count[lead.id]
        }
    return [c for c in chosen if c.id not in dropped]


HINT_MIN = 0.5  # a hint strong enough to name the field of a council's point that names no other


def named_hint(art: Article, hits: list[tuple[int, int, Any]]) -> CompetenceHit | None:
    """The field a council's point names only by a hint («Борбордук көчө оңдолсун»: a street), where it
    names no field outright: a point is one order about one thing, so its one named thing is its subject,
    more than the act's title. A hint of a word that needs a second one (жер, салык: «|0.4») is not enough."""
    fields, _ = scored_fields(art, [h for h in hits if h[2][0] != "local_budget"])
    best = max(fields.values(), key=lambda c: c.score, default=None)  # the first among equals
    return best if best is not None and best.score >= HINT_MIN else None

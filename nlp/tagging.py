"""What an article is about: LSG relevance, competences, local-budget impact, with evidence.

Works on lemma sequences (from the spaCy pipeline), so «бюджеттин эсебинен» and «за счёт средств
местного бюджета» are found in any inflection, and «жер» never matches «жергиликтүү». This module decides
whether the LSG bodies named count (with nlp.actors and nlp.passing), then asks nlp.budget_impact what the
money does and nlp.competence_choice which fields the article regulates.
"""

from __future__ import annotations

import re

from nlp.actors import (
    agent_of_duty,
    agent_of_participle,
    defined_terms,
    election_objects,
    obliged,
    parallel_public_sector,
)
from nlp.amounts import amounts_in
from nlp.article import first_line_end, read_article, sentence_spans
from nlp.budget_impact import Budget, budget_impact
from nlp.competence_choice import (
    COMPETENCE_MIN,
    choose_competences,
    inside_longer_dropped,
    named_hint,
    short_forms_dropped,
    weakened_in_context,
)
from nlp.lexicons import Lexicons
from nlp.passing import (
    all_listed,
    cited_law_titles,
    cited_titles,
    commission_portfolios,
    listed_among_everyone,
    listed_among_others,
    repealed,
)
from nlp.tags import ArticleTags, BudgetImpact, CompetenceHit, Evidence, TokenView


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
    context_fields: tuple[str, ...] = (),
    generic_subject: bool = False,
) -> ArticleTags:
    """``local_act``: the article belongs to an LSG body's own act. ``local_tax_section``: it sits in a
    chapter or section whose heading names a local tax, so its bare «tax» is that tax. ``procedural``:
    its heading says it reports, informs or defines, so the money it names is only mentioned.
    ``other_body``: its heading gives another body's powers, so an LSG body counts only where a sentence
    obliges or entitles it. ``glossary``: its heading says it defines terms, so an LSG body counts only
    as a term defined, not inside another term's definition. ``forum``: its heading names a forum, so the many
    fields it may name are topics taken up there. ``agenda``: its heading catalogues the issues of
    local significance or an LSG body's functions, so every field it names is kept. ``actor_alias``: the
    short names the act gives an LSG body («(мындан ары АК)»), each a mention of that body.
    ``context_fields``: the fields the act's title and the chapters around the article name, the subject
    of a council's point that names neither a field nor an LSG body. ``generic_subject``: the act's title or
    chapter names «state and LSG bodies» as one phrase, so that phrase is the bodies the act regulates, not
    every public authority in passing."""
    if repealed(text):
        return ArticleTags(False, False, [], BudgetImpact(None), "repealed: no norm left to tag")
    art = read_article(tokens, text, lex)
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
        if not generic_subject
        and (tokens[i].sent not in duty_sentences or agent_of_participle(tokens, j, lex))
        and not agent_of_duty(tokens, j, lex)
        for k in range(i, j)
    }
    generic |= {  # «…, ЖӨБ органдарынын жана башка органдардын …»: examples of all bodies
        k
        for i, j, _ in lex.actors.find(lemmas)
        if tokens[i].sent not in duty_sentences
        and not agent_of_duty(tokens, j, lex)
        and lex.other_bodies_tail.search(text[tokens[j - 1].end : spans[tokens[i].sent][1]])
        for k in range(i, j)
    }
    pairs = lex.public_sector_pairs.find(lemmas)
    generic |= {k for i, j, _ in pairs for k in range(i, j)}
    heading_end = first_line_end(text)
    if any(tokens[i].start < heading_end for i, _, _ in pairs):  # the heading line («107-берене. …»)
        # an article headed «state and municipal servants» is about all public service: its other
        # «municipal posts» («саясий жана административдик муниципалдык кызмат орундары») are those too
        municipal = lex.public_sector_parallel[1]
        generic |= {k for i, j, _ in lex.actors.find(lemmas) if lemmas[i] == municipal for k in range(i, j)}
    generic |= parallel_public_sector(
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
    elected = election_objects(tokens, lemmas, named, duty_sentences, lex)
    passing = set(in_title) | set(elected)
    # one member of an inline list of others that does not speak to it: a rule binding everyone, the
    # owners of acts or data
    everyone = listed_among_everyone(tokens, text, named, lex)
    actors = [(i, j) for i, j in named if i not in generic and i not in everyone and (i, j) not in passing]
    in_definition = []
    if glossary:  # «правовое зонирование - деятельность органов местного самоуправления»: not LSG's term
        defined = defined_terms(text)
        in_definition = [(i, j) for i, j in actors if not any(a <= tokens[i].start < b for a, b in defined)]
        actors = [a for a in actors if a not in in_definition]
        generic_terms = {(i, j) for i, j, _ in lex.glossary_generic.find(lemmas)}
        if actors and all(a in generic_terms for a in actors):  # only LSG bodies as such, defined
            in_definition, actors = in_definition + actors, []
    counterparts = []
    if other_body:  # another body's powers: an LSG body there is its partner unless obliged itself
        counterparts = [(i, j) for i, j in actors if not obliged(tokens, i, j, spans, text, lex)]
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
    # a field a cited law's title names is that law's subject, unless the sentence amends the law
    law_titles = [
        (a, b)
        for a, b in cited_law_titles(text)
        if (sent := next((t.sent for t in tokens if t.start >= a), None)) is not None
        and not lex.amendment_markers.search(text, *spans[sent])
    ]
    terms_and_patterns = [
        h
        for h in terms + patterns
        if h[0] not in portfolio and not any(a <= tokens[h[0]].start < b for a, b in law_titles)
    ]
    hits = inside_longer_dropped(terms_and_patterns)
    hits = weakened_in_context(art, short_forms_dropped(hits, lemmas))
    budget = budget_impact(art, actors, local_act, local_tax_section, frozenset(portfolio))
    if procedural:  # the money it names is only mentioned
        budget = Budget(evidence=budget.evidence, local_terms=budget.local_terms)
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
    chosen = choose_competences(art, hits, budget, local_act, heading_fields, agenda, forum) if lsg else []
    if procedural:  # a report or a glossary is about one thing: its first field
        chosen = chosen[:1]
    actor_evidence = [art.span(i, j) for i, j in actors]
    if lsg and not chosen and names_budget and not named and not owned and not own_act:
        # only a local budget, no LSG body, makes it LSG's (the local share of a law's costs): it is the field
        mentioned_budget = [art.span(i, j) for i, j in budget.local_terms[:2]]
        chosen = [CompetenceHit("local_budget", COMPETENCE_MIN, mentioned_budget)]
    if lsg and not chosen and own_act and not agenda and lex.is_order(text):
        # a council's order naming its one thing by a hint (a street to repair) is about that thing
        hint = named_hint(art, hits)
        chosen = [hint] if hint is not None else []
    from_context = lsg and not chosen and not actor_evidence and bool(context_fields)
    if from_context:
        # a council's point that names neither a field nor an LSG body («the auction rules are approved»)
        # is about what its act (by its title) or chapter is about
        chosen = [CompetenceHit(cid, COMPETENCE_MIN, []) for cid in context_fields[:2]]
    if lsg and not chosen and lex.fallback_competence:
        # the LSG body named is the evidence that the article is about LSG itself
        chosen = [CompetenceHit(lex.fallback_competence, COMPETENCE_MIN, actor_evidence[:2])]
    mentioned = budget.evidence or [art.span(i, j) for i, j in budget.local_terms]
    reason = _reason(lsg, local_budget, kind, actor_evidence, chosen, mentioned)
    if from_context:
        reason += " (the subject of its act's title or chapter)"
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

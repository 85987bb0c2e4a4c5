"""Tag a whole act: split it into articles (nlp.structure), run the language's pipeline over them in
one ``nlp.pipe`` call, and summarise. The CLI, the API and the ingest chain call this."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from ingest.langdetect import detect
from nlp.lemmas import lemmatize_phrase
from nlp.lexicons import TermIndex, lexicons, load_data
from nlp.pipelines import load
from nlp.structure import ParsedAct, parse_act
from nlp.structure.model import Unit
from nlp.structure.operative import operative_part
from nlp.tags import ArticleTags

if TYPE_CHECKING:
    from nlp.stored_acts import Lookup

LOCAL_ACT_TYPES = {"resolution", "decision", "order", None}
PREAMBLE_CHARS = 1500  # the act's header and preamble, before its first point


@cache
def _local_act_issuers() -> re.Pattern[str]:
    return re.compile("|".join(load_data("taxonomy.yaml")["local_act_issuers"]), re.I)


def local_act(preamble: str, act_type: str | None) -> bool:
    """An act of an LSG body itself (a council decision): its substantive points are LSG matters.
    ``preamble``: the act's text before its first unit."""
    return act_type in LOCAL_ACT_TYPES and bool(_local_act_issuers().search(preamble[:PREAMBLE_CHARS]))


def is_local_act(act: ParsedAct) -> bool:
    return local_act(act.root.own_text, act.header.type)


@cache
def section_lemmas(headings: str, language: str) -> list[str]:
    """The lemmas of what an article sits under (the act's title and its chapters' headings): the same for
    every article of a chapter, so read once for all the questions asked of it."""
    return list(lemmatize_phrase(headings, language))


def names_local_tax(heading: str, language: str) -> bool:
    """True when a chapter or section heading names a local tax («Налог на имущество», «Мүлк салыгы»)."""
    if not heading:
        return False
    return bool(lexicons(language).revenue_sources.find(section_lemmas(heading, language)))


HEADING_TERM_MIN = 0.5  # a weak term (депутат, ыйгарым укук) in a heading does not state its subject
UNIT_WORDS = frozenset({"статья", "берене", "глава", "бап", "пункт"})


def procedural_heading(heading: str, language: str) -> bool:
    """True when an article's heading says it reports, informs or defines («Отчет берүү», «Доступ к
    информации по налогу на имущество»): the taxes and budgets it names are not changed by it. The
    heading's head noun decides, so «Депутатка отчет берүүлөрдү … көмөк көрсөтүү» (help with reporting)
    is not one: Russian puts the head first, Kyrgyz last."""
    lemmas = _heading_lemmas(heading, language)
    if not lemmas:
        return False
    return _heads(lexicons(language).procedural_subjects, lemmas, language)


def _heads(index: TermIndex, lemmas: list[str], language: str) -> bool:
    """True when a term of ``index`` is the heading's head: Russian puts the head first, Kyrgyz last."""
    found = index.find(lemmas)
    if language == "ru":
        return any(i == 0 for i, _, _ in found)
    return any(j == len(lemmas) for _, j, _ in found)


def heading_fields(heading: str, language: str) -> frozenset[str]:
    """The competences an article's heading names by a full term («Коомдук угуулар», «Муниципальная
    собственность»): the heading states the article's subject, so these lead its fields."""
    lex = lexicons(language)
    lemmas = list(lemmatize_phrase(heading, language))
    # … though not by a term in one of its field's weak contexts («… укугунун бузулушу үчүн жоопкерчилиги»:
    # liability for violating a right, not the keeping of order)
    found = {
        cid
        for _, _, (cid, weight) in lex.competences.find(lemmas)
        if weight >= HEADING_TERM_MIN
        and not (cid in lex.weak_contexts and lex.weak_contexts[cid].search(heading))
    }
    return frozenset(found | {cid for _, _, cid in lex.heading_terms.find(lemmas)})


def unit_context(title: str | None, headings: str) -> str:
    """What an article sits under, as ``tag_units`` reads ``sections``: the act's title, then the headings
    of its chapters and sections. The CLI and the stored path both build it here."""
    return f"{title or ''} {headings}".strip()


@cache
def context_fields(headings: str, language: str) -> tuple[str, ...]:
    """The fields the act's title and the chapters around an article name, in the order named (the same
    for every article of a chapter, so read once)."""
    lex = lexicons(language)
    found = sorted(lex.competences.find(section_lemmas(headings, language)), key=lambda hit: hit[0])
    return tuple(dict.fromkeys(cid for _, _, (cid, weight) in found if weight >= HEADING_TERM_MIN))


def names_all_public_bodies(headings: str, language: str) -> bool:
    """True when the act's title or a chapter around the article names «state and LSG bodies» as one phrase
    (the access to information law: «Мамлекеттик органдардын жана жергиликтүү өзалдынча башкаруу
    органдарынын …»): there the phrase is the act's subject, the bodies it regulates, not every public
    authority named in passing. Not where organisations are named beside them (the reglament's chapter on
    parliament's dealings «с избирателями, государственными органами, органами местного самоуправления и
    организациями»): that is everyone parliament deals with."""
    lex = lexicons(language)
    lemmas = section_lemmas(headings, language)
    return bool(lex.generic_public_bodies.find(lemmas)) and not lex.private_persons.find(lemmas)


def other_body_heading(heading: str, language: str) -> bool:
    """True when an article's heading gives another body's powers («Полномочия Торага», «Райондук
    мамлекеттик администрациянын компетенциясы»: a power word and a body) or is about a state body
    («Органы налоговой службы»), and names no LSG body. An LSG body named in such an article is that
    body's partner or source, not regulated by it."""
    lex = lexicons(language)
    lemmas = _heading_lemmas(heading, language)
    if not lemmas:
        return False
    # the head word: «Органы налоговой службы», «Салык кызматынын органдары»
    head = lemmas[0] if language == "ru" else lemmas[-1]
    powers = bool(lex.other_body_powers & set(lemmas) and lex.other_body_bodies & set(lemmas))
    state_body = head in lex.other_body_bodies and bool(lex.other_body_state & set(lemmas))
    if not (powers or state_body):
        return False
    return not (lex.actors.find(lemmas) or lex.lsg_objects.find(lemmas))


def glossary_heading(heading: str, language: str) -> bool:
    """True when an article's heading says it defines terms («Понятия, применяемые в настоящем
    Кодексе», «Ушул Мыйзамда пайдаланылуучу негизги терминдер»)."""
    return bool(lexicons(language).glossary_subjects & set(_heading_lemmas(heading, language)))


def agenda_heading(heading: str, language: str) -> bool:
    """True when an article's heading catalogues the issues of local significance («Жергиликтүү маанидеги
    маселелер», «Вопросы местного значения») or an LSG body's functions («… башкаруу органдарынын
    иш-милдеттери»): each field it names is one of its subjects. The phrase must be the heading's head
    (last in Kyrgyz, first in Russian)."""
    lex = lexicons(language)
    lemmas = _heading_lemmas(heading, language)
    if not lemmas:
        return False
    if _heads(lex.agenda_issues, lemmas, language):
        return True
    return _heads(lex.agenda_functions, lemmas, language) and bool(lex.actors.find(lemmas))


def forum_heading(heading: str, language: str) -> bool:
    """True when an article's heading names a forum (gatherings, hearings, a kurultai): the other fields it
    names are the topics that forum takes up."""
    lemmas = _heading_lemmas(heading, language)
    return bool(lemmas) and bool(lexicons(language).forums.find(lemmas))


def _heading_lemmas(heading: str, language: str) -> list[str]:
    """A heading's lemmas without its unit label («Статья 5.», «12-берене.»)."""
    lemmas = list(lemmatize_phrase(heading, language))
    while lemmas and (lemmas[0] in UNIT_WORDS or any(ch.isdigit() for ch in lemmas[0])):
        lemmas.pop(0)
    return lemmas


UNIT_LANGUAGE_MIN_WORDS = 20  # shorter units are too short to tell their language from the document's


def unit_language(text: str, language: str) -> str:
    """The language of one unit: the document's, unless the unit is plainly in the other one (a Kyrgyz
    code's article left in Russian, as article 409 of the Kyrgyz Tax Code is)."""
    if len(text.split()) < UNIT_LANGUAGE_MIN_WORDS:
        return language
    found = detect(text)[0]
    return found if found in {"ky", "ru"} else language


def tag_units(
    units: list[tuple[str, str]],
    language: str,
    local_act: bool = False,
    sections: list[str] | None = None,
    aliases: list[frozenset[str]] | None = None,
) -> list[ArticleTags]:
    """Tags for (heading, text) pairs of a document in one language, each unit with the pipeline of its
    own language (``unit_language``); ``sections``: per unit, the act's title and the headings of the
    chapters and sections around it (``ParsedAct.enclosing_headings``); ``aliases``: per unit, the short
    names its act gives LSG bodies (``nlp.aliases.defined_aliases``)."""
    languages = [unit_language(text, language) for _, text in units]
    out: list[ArticleTags | None] = [None] * len(units)
    for lang in dict.fromkeys(languages):
        picked = [n for n, unit_lang in enumerate(languages) if unit_lang == lang]
        tagged = _tag_in(
            [units[n] for n in picked],
            lang,
            local_act,
            [sections[n] for n in picked] if sections else None,
            [aliases[n] for n in picked] if aliases else None,
        )
        for n, tags in zip(picked, tagged, strict=True):
            tags.language = lang
            out[n] = tags
    return [t for t in out if t is not None]


def _tag_in(
    units: list[tuple[str, str]],
    language: str,
    local_act: bool,
    sections: list[str] | None,
    aliases: list[frozenset[str]] | None = None,
) -> list[ArticleTags]:
    nlp = load(language)
    docs = []
    for n, (heading, text) in enumerate(units):
        doc = nlp.make_doc(text)
        doc._.local_act = local_act
        doc._.procedural = procedural_heading(heading, language)
        doc._.heading_fields = heading_fields(heading, language)
        doc._.other_body = other_body_heading(heading, language)
        doc._.glossary = glossary_heading(heading, language)
        doc._.agenda = agenda_heading(heading, language)
        doc._.forum = forum_heading(heading, language)
        doc._.local_tax_section = names_local_tax(sections[n] if sections else "", language)
        doc._.context_fields = context_fields(sections[n] if sections else "", language)
        doc._.generic_subject = names_all_public_bodies(sections[n] if sections else "", language)
        doc._.actor_aliases = aliases[n] if aliases else frozenset()
        docs.append(doc)
    return [doc._.tags for doc in nlp.pipe(docs, batch_size=64)] if docs else []


def article_json(unit: Unit, tags: ArticleTags) -> dict[str, Any]:
    return {
        "id": unit.id,
        "kind": unit.kind,  # article, point, or annex (a table after a decision's points)
        "number": unit.number,
        "heading": unit.heading,
        "language": tags.language,  # the article's own language (a Kyrgyz act may keep one in Russian)
        "lsg_relevant": tags.lsg_relevant,
        "local_budget": tags.local_budget,
        "competences": [c.to_json() for c in tags.competences],
        "budget": tags.budget.to_json(),
        "reason": tags.reason,
        "entities": [],
    }


SUMMARY_AMOUNTS = 10  # amounts shown per flagged article (an annex table has hundreds: see the article)


def summarise(articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Competences touched, budget-impact articles first, one line per flagged article."""
    flagged = [a for a in articles if a["lsg_relevant"]]
    flagged.sort(key=lambda a: (not a["local_budget"], articles.index(a)))
    competences: dict[str, int] = {}
    for article in flagged:
        for competence in article["competences"]:
            competences[competence["id"]] = competences.get(competence["id"], 0) + 1
    changes = [c for a in articles for c in a.get("amendments", [])]
    flagged_changes = sorted((c for c in changes if c["lsg_relevant"]), key=lambda c: not c["local_budget"])
    summary: dict[str, Any] = {
        "articles": len(articles),
        "lsg_relevant": len(flagged),
        "local_budget": sum(a["local_budget"] for a in articles),
        "competences": dict(sorted(competences.items(), key=lambda kv: -kv[1])),
        "flagged": [
            {
                "id": a["id"],
                "number": a["number"],
                "local_budget": a["local_budget"],
                "reason": a["reason"],
                # the money a budget article names, as written, so the summary answers «how much»
                "amounts": [
                    {k: x[k] for k in ("value", "currency", "period", "text")}
                    for x in a["budget"]["amounts"][:SUMMARY_AMOUNTS]
                ],
            }
            for a in flagged
        ],
    }
    if changes:  # an amending act: which of its changes touch LSG, budget changes first
        summary["amendments"] = {
            "total": len(changes),
            "lsg_relevant": len(flagged_changes),
            "local_budget": sum(c["local_budget"] for c in changes),
            "flagged": [
                {
                    "source_unit": c["source_unit"],
                    "target_act": c["target_act"],
                    "target_text": c["target_text"],
                    "local_budget": c["local_budget"],
                    "reason": c["reason"],
                }
                for c in flagged_changes
            ],
        }
    return summary


def tag_act(text: str, language: str | None = None, lookup: Lookup | None = None) -> dict[str, Any]:
    """Structure + tags + entities for a whole act (repaired text). ``lookup``: what a changed article of
    a stored act is about (nlp/stored_acts.py), when there is a store to ask."""
    from nlp.aliases import defined_aliases
    from nlp.amendment_tags import fold_changes, tag_amendments
    from nlp.entities import find_entities

    language = language if language in {"ky", "ru"} else None
    if language is None:
        detected = detect(text)[0]
        language = detected if detected in {"ky", "ru"} else "ky"
    act = parse_act(text, language)
    units = act.articles or []
    if not units:  # no article heading: the whole text is one article, or a decision's one order
        units = [Unit(kind="article", number="1", id="art_1", own_text=operative_part(text) or text)]
    local = is_local_act(act)
    around = act.enclosing_headings()
    short_names = defined_aliases(text, language)
    tags = tag_units(
        [(u.heading, u.text) for u in units],
        language,
        local_act=local,
        sections=[unit_context(act.header.title, around.get(u.id, "")) for u in units],
        aliases=[short_names] * len(units),
    )
    changes = tag_amendments(
        [a.to_json() for a in act.amendments], {u.id: u.text for u in units}, language, lookup=lookup
    )
    articles = []
    for unit, unit_tags in zip(units, tags, strict=True):
        item = article_json(unit, unit_tags)
        item["entities"] = find_entities(unit.text, unit_tags.language or language, act.citations, unit)
        if unit.id in changes:
            item["amendments"] = changes[unit.id]
            fold_changes(item)
        articles.append(item)
    return {
        "language": language,
        "act": act.header.to_json(),
        "articles": articles,
        "summary": summarise(articles),
    }

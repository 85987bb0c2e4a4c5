"""Parts of an article that decide nothing, found before it is tagged: a repeal note standing for
the whole article, a signature block, the portfolio in a standing commission's name.

Pure functions over the article's text and tokens; their word lists are data (taxonomy.yaml).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from nlp.lexicons import Lexicons

if TYPE_CHECKING:
    from nlp.tags import TokenView

# … and a council's note that a point was struck out («(… токтому менен «алынсын» …)»)
REPEAL = re.compile(
    r"к[үу]ч[үу]н\s+жогот|утратил\w*\s+сил|признан\w*\s+утративш\w+|исключен[аоы]?\b"
    r"|\bалынсын\b|\bал(?:ын)?ып\s+салын",
    re.I,
)
ARTICLE_LABEL = re.compile(r"\s*(\d+(-\d+)*\s*-\s*(берене|статья)|статья\s+\d|\d+(-\d+)*\.)", re.I)
EDITION_NOTE = re.compile(r"\([^()]*\)")
WORD3 = re.compile(r"[^\W\d_]{3,}")
SIGNATURE = re.compile(r"\b[А-ЯЁӨҮҢ]\.\s?(?:[А-ЯЁӨҮҢ]\.\s?)?[А-ЯЁӨҮҢ][а-яёөүң]+\W*$")
SIGNATURE_MAX = 8  # tokens
PORTFOLIO_MAX = 25  # tokens of a commission's name after «комиссия по»


def repealed(text: str) -> bool:
    """An article that only says it was repealed («(КР … Мыйзамына ылайык күчүн жоготту)», «Утратила
    силу»): once its heading, its edition notes and the repeal itself are set aside, nothing is left."""
    first, newline, rest = text.strip().partition("\n")
    # the first line is a heading, unless a point's note opens there and wraps over lines
    headed = newline and first.count("(") <= first.count(")")
    body = rest if headed else ARTICLE_LABEL.sub("", text.strip(), count=1)
    notes = EDITION_NOTE.findall(body)
    left = EDITION_NOTE.sub(" ", body).strip(" \t\n.:-–—")
    if any(REPEAL.search(note) for note in notes):  # «(… Мыйзамына ылайык күчүн жоготту)»
        return len(WORD3.findall(left)) < 3 or _only_heading_before_repeal(text)
    return bool(REPEAL.match(left)) and "\n" not in left  # «Утратила силу в соответствии с Законом …»


HEADING_MAX_WORDS = 30
SENTENCE_END = re.compile(r"[.;:!?]\s")


def _only_heading_before_repeal(text: str) -> bool:
    """A heading wrapped over lines (a narrow column) before the repeal note: the words before the note
    are one unpunctuated run of heading length whose later lines go on in lower case, and none follow
    the note."""
    notes = [m for m in EDITION_NOTE.finditer(text) if REPEAL.search(m.group())]
    before, after = text[: notes[0].start()], text[notes[-1].end() :]
    head = ARTICLE_LABEL.sub("", before.strip(), count=1).strip(" \t\n.:-–—")
    return (
        not WORD3.findall(after)
        and len(WORD3.findall(head)) <= HEADING_MAX_WORDS
        and not SENTENCE_END.search(head)
        and not EDITION_NOTE.search(head)
        and all(line.strip()[:1].islower() for line in head.split("\n")[1:])
    )


MARKER = r"(?:[-–—•]|\d{1,2}\)|[а-яa-z]\))"
ENDS_BEFORE_ITEM = re.compile(rf"\s{MARKER}\s*$")  # an item's marker ends the sentence before it
ENDS_LEAD_IN = re.compile(rf":\s*{MARKER}?\s*$")


def boilerplate_lead_ins(spans: dict[int, tuple[int, int]], text: str, boiler: set[int]) -> set[int]:
    """A sentence that introduces a list of boilerplate orders is boilerplate too: «Өкмөтү, … жергиликтүү
    өз алдынча башкаруу органдары: - ушул Мыйзамды ишке ашыруу боюнча чараларды көрсүн; - өз чечимдерин
    ушул Мыйзамга ылайык келтирсин» tells everyone to carry out a law, no LSG body anything of its own."""
    # each sentence up to the next one's first word: its words' spans leave out the colon, and the marker of
    # an item stands before that item's first word
    order = sorted(spans)
    ends = [spans[n][0] for n in order[1:]] + [len(text)]
    upto = {s: (spans[s][0], end) for s, end in zip(order, ends, strict=True)}
    out = set()
    for s, (a, b) in upto.items():
        if not ENDS_LEAD_IN.search(text, a, b):
            continue
        items = []
        for n in range(s + 1, order[-1] + 1):
            if n not in upto or n - 1 not in upto:
                break
            if not ENDS_BEFORE_ITEM.search(text, *upto[n - 1]):
                break
            items.append(n)
        if items and all(n in boiler for n in items):
            out.add(s)
    return out


def signature_sentences(tokens: list[TokenView], text: str) -> set[int]:
    """Sentences that are a signature block («Ош шаардык Кеңешинин төрагасы У.Примов»): a few words
    ending with a name and its initials. They name an LSG body but decide nothing."""
    spans: dict[int, tuple[int, int, int]] = {}
    for t in tokens:
        start, end, n = spans.get(t.sent, (t.start, t.end, 0))
        spans[t.sent] = (min(start, t.start), max(end, t.end), n + 1)
    return {
        s for s, (start, end, n) in spans.items() if n <= SIGNATURE_MAX and SIGNATURE.search(text[start:end])
    }


def commission_portfolios(tokens: list[TokenView], lemmas: list[str], lex: Lexicons) -> set[int]:
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
            # with no council's name before it, the portfolio runs back at most to another «боюнча»
            # («… аткарылышы боюнча отчету … жана бюджет боюнча туруктуу комиссиянын»)
            previous = [j for _, j, _ in ends if j < a]
            first = max(before) if before else max(a - PORTFOLIO_MAX // 2, *previous, 0)
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


LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}\)|[а-яөүң]\)|[-–—•])\s*", re.M)  # «1)», «а)», «-»; «1.» opens a part
ITEM_END = re.compile(r"[;.:]\s*(?:\n|$)")
LIST_ITEM_MAX_WORDS = 10
LIST_MIN_ITEMS = 3


def list_items(text: str) -> list[tuple[int, int, int]]:
    """The items of the lists in an article, as (start, end, words). An item runs from its marker
    («1)», «а)», «-») to the next one or to the end of its clause (a line ending in «;», «.» or «:»),
    across the line breaks of a wrapped line."""
    starts = [m.start() for m in LIST_ITEM.finditer(text)]
    items: list[tuple[int, int, int]] = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(text)
        clause_end = ITEM_END.search(text, start, stop)
        end = clause_end.end() if clause_end else stop
        items.append((start, end, len(WORD3.findall(text[start:end]))))
    return items


def in_short_list_item(items: list[tuple[int, int, int]], offset: int) -> bool:
    """Whether the character at ``offset`` lies in a short item of a list of at least three
    (``items``: the article's ``list_items``)."""
    return len(items) >= LIST_MIN_ITEMS and any(
        a <= offset < b and words <= LIST_ITEM_MAX_WORDS for a, b, words in items
    )


def listed_among_others(
    text: str,
    items: list[tuple[int, int, int]],
    actors: list[tuple[int, int]],
    tokens: list[TokenView],
    duty: re.Pattern[str],
) -> bool:
    """Every LSG body the article names is one short item of a list of others («Салыктык укук
    мамилелеринин катышуучулары … 5) жергиликтүү өз алдынча башкаруу органдары;»): the article
    enumerates who takes part or what counts, it gives LSG bodies nothing to do — unless the words
    that open the list oblige or entitle those listed («милдеттүү», «вправе»)."""
    return bool(actors) and all_listed(text, items, [tokens[i].start for i, _ in actors], duty)


def all_listed(
    text: str, items: list[tuple[int, int, int]], offsets: list[int], duty: re.Pattern[str]
) -> bool:
    """Every offset lies in a short item of a list of others, and no list holding one is opened by
    words that oblige or entitle those listed."""
    if len(items) < LIST_MIN_ITEMS:
        return False
    for offset in offsets:
        n = next((n for n, (a, b, _) in enumerate(items) if a <= offset < b), None)
        if n is None or items[n][2] > LIST_ITEM_MAX_WORDS or duty.search(lead_in(text, items, n)):
            return False
    return True


SENTENCE_END = re.compile(r"[.;!?](?=\s)")


def lead_in(text: str, items: list[tuple[int, int, int]], n: int) -> str:
    """The words that open the list holding item ``n``: the sentence before the first item of its run
    (items that follow one another with nothing but spaces between)."""
    first = n
    while first > 0 and not text[items[first - 1][1] : items[first][0]].strip():
        first -= 1
    before = text[items[first - 1][1] if first else 0 : items[first][0]]
    ends = list(SENTENCE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


CITED_TITLE = re.compile(r"«(?:[^«»]{0,200}?\s(?:жөнүндө|тууралуу)|\s*(?:О|Об)\s[^«»]{0,200}?)»", re.I)


# the law word that makes a cited title a law's or a code's: after it in Kyrgyz («… жөнүндө» Мыйзамына),
# before it in Russian («Законом «О …»»); titles listed together («…», «…» мыйзамдарга) share it
LAW_AFTER = re.compile(r"\s*(?:Кыргыз\s+Республикасынын\s+)?(?:мыйзам|закон|кодекс|конституциял)", re.I)
LAW_BEFORE = re.compile(r"(?:закон\w*|кодекс\w*|мыйзам\w*)\s+(?:Кыргызской\s+Республики\s+)?$", re.I)
BETWEEN_TITLES = re.compile(r"\s*(?:,|и|жана)\s*(?:,\s*)?", re.I)


def cited_law_titles(text: str) -> list[tuple[int, int]]:
    """The cited titles that are laws' or codes': the fields they name are another act's subject
    («… «Жергиликтүү өз алдынча башкаруу жөнүндө», «Мүлккө болгон муниципалдык менчик жөнүндө»
    мыйзамдарга … ылайык жүргүзөт», «законами «О местном самоуправлении», «О …»»). A regulation or a
    programme a council's point approves («… жөнүндө» Жобо бекитилсин) is the point's own subject."""
    titles = cited_titles(text)
    groups: list[list[tuple[int, int]]] = []  # titles listed together share the law word before or after
    for a, b in titles:
        if groups and BETWEEN_TITLES.fullmatch(text, groups[-1][-1][1], a):
            groups[-1].append((a, b))
        else:
            groups.append([(a, b)])
    return [
        title
        for group in groups
        if LAW_AFTER.match(text, group[-1][1]) or LAW_BEFORE.search(text, 0, group[0][0])
        for title in group
    ]


def cited_titles(text: str) -> list[tuple[int, int]]:
    """Character spans of act titles cited in quotes («Жергиликтүү өз алдынча башкаруу жөнүндө»
    Мыйзамы, «О местном самоуправлении»): the bodies they name are the subject of another act, not
    actors of this one."""
    return [(m.start(), m.end()) for m in CITED_TITLE.finditer(text)]


AGENT = re.compile(r"\w+(?:ами|ями)$", re.I)  # a Russian list in the instrumental: the passive's agents
AGENT_AFTER = re.compile(r"\bтарабынан\b", re.I)  # a Kyrgyz list the agent of the verb after it
# a Russian passive in «-ся» and its agent in the instrumental right after it: «… устанавливается местным
# кенешем», whatever the commas before («… участков, предоставляемых гражданам, …») make of members
PASSIVE = re.compile(r"\w+(?:ся|сь)$", re.I)
INSTRUMENTAL = re.compile(r"\w+(?:ым|им|ом|ем|ой|ей|ами|ями|ыми|ими)$", re.I)
VERB_LEMMA = re.compile(r"\w+(?:ть|ться|чь|чься)$", re.I)  # a Russian verb's lemma, its infinitive
MEMBER_MAX = 6  # word tokens of one member of an inline list («жергиликтүү өз алдынча башкаруу органдары»)
LIST_MIN_MEMBERS = 3

Member = tuple[int, int] | None  # (first, last + 1) token positions; None: punctuation that ends a list


def _members(tokens: list[TokenView], text: str, i: int, conjunctions: frozenset[str]) -> list[Member]:
    """The members of the sentence holding token ``i``: the stretches of words between commas and
    conjunctions, with None where other punctuation («;», «:», a bracket) ends a run of them."""
    sent = tokens[i].sent
    k = start = next(n for n in range(i, -1, -1) if n == 0 or tokens[n - 1].sent != sent)
    first_token = start
    members: list[Member] = []
    while k < len(tokens) and tokens[k].sent == sent:
        gap = text[tokens[k - 1].end : tokens[k].start].strip() if k > first_token else ""
        other = bool(gap.replace(",", "").strip())
        conjunction = tokens[k].lemma in conjunctions
        if k > start and ("," in gap or other or conjunction):
            members.append((start, k))
            if other:
                members.append(None)
            start = k + 1 if conjunction else k
        elif k == start and conjunction:
            start = k + 1
        k += 1
    if k > start:
        members.append((start, k))
    return members


def _run(members: list[Member], at: int) -> tuple[int, int]:
    """The run of short members around member ``at``; the last may run on into the verb («… жеке адамдар
    үчүн милдеттүү болот»)."""
    short = [m is not None and 0 < m[1] - m[0] <= MEMBER_MAX for m in members]
    first = last = at
    while first > 0 and short[first - 1]:
        first -= 1
    while last + 1 < len(members) and members[last + 1] is not None:
        last += 1
        if not short[last]:
            break
    return first, last


def listed_among_everyone(
    tokens: list[TokenView], text: str, actors: list[tuple[int, int]], lex: Lexicons
) -> set[int]:
    """Token positions of actors that are one member of an inline list of at least three others, where
    the list does not speak to them:
    - a rule binding everyone, which names private persons beside them («… бардык мамлекеттик органдар,
      жергиликтүү өз алдынча башкаруу органдары, юридикалык жактар … үчүн милдеттүү», «обязательны для
      … органов местного самоуправления, юридических и физических лиц»), though it says «милдеттүү»;
    - the owners of acts, data or decisions, the LSG body in the genitive (Kyrgyz: or ablative) among
      others than public bodies and their own people («… постановлений Правительства, актов органов
      местного самоуправления и локальных нормативных актов», «по решению Кабинета Министров, местных
      кенешей, некоммерческих организаций»).
    A list that opens the sentence is its subject, whose members each act («Айыл өкмөтү, мектептер, уюмдар
    жана жарандар … көмөктөшүүгө милдеттүү»); so are a passive's agents («… осуществляются органами
    местного самоуправления, юридическими …»), and a Russian LSG body right after a verb, whatever the
    commas before make of members: the clause's subject («…, устанавливает местный кенеш») or the agent of
    its passive («… устанавливается местным кенешем»)."""
    if not actors:
        return set()
    lemmas = [t.lemma for t in tokens]
    private = {i for i, _, _ in lex.private_persons.find(lemmas)}
    officials = {i for i, _, _ in lex.public_officials.find(lemmas)}
    public = lex.coordinators.pronouns | lex.other_body_bodies
    out: set[int] = set()
    for i, j in actors:
        members = _members(tokens, text, i, lex.coordinators.conjunctions)
        at = next((n for n, m in enumerate(members) if m and m[0] <= i < m[1]), None)
        own = members[at] if at is not None else None
        # the actor makes its member, with a word or two before («актами органов …») or after it («…
        # органдарынын актыларынан»); a last member may run on into the verb («… органдарынан алынган …»)
        if at is None or own is None or i - own[0] > 2:
            continue
        if own[1] - j > 3 and not (at + 1 == len(members) or members[at + 1] is None):
            continue  # not a member of its own: «Органы … рассматривают обращения граждан, …»
        if AGENT.search(tokens[i].text) or AGENT_AFTER.search(
            text, tokens[j - 1].end, _sentence_end(tokens, j)
        ):
            continue
        if i > own[0] and PASSIVE.fullmatch(tokens[i - 1].text) and INSTRUMENTAL.fullmatch(tokens[i].text):
            continue
        before = tokens[i - 1] if i > own[0] else None
        if before is not None and VERB_LEMMA.fullmatch(before.lemma) and before.text.lower() != before.lemma:
            continue  # a clause's verb and its subject after it: «…, устанавливает местный кенеш»
        first, last = _run(members, at)
        # a long member before the run ends with the list's first item («… по решению Кабинета Министров,»)
        size = last - first + 1 + (1 if first > 0 and members[first - 1] is not None else 0)
        if size < LIST_MIN_MEMBERS:
            continue
        # a private person opening a member next to the actor's («органов местного самоуправления,
        # юридических и физических лиц», «их должностные лица»); further off, the run may be two clauses'
        neighbours = [m[0] for n, m in enumerate(members) if m and abs(n - at) == 1 and first <= n <= last]
        binding = first > 0 and any(p in private for a in neighbours for p in (a, a + 1))
        # the genitive never heads the subject, except in the sentence's first member («Жергиликтүү
        # кеңештин депутаты …»); the others must not all be public bodies and their own people («… органынын
        # же жергиликтүү … органынын жетекчиси же кызмат адамы»)
        heads = tokens[j - 1 : min(j + 1, own[1])] if lex.head_last else tokens[i:j]
        owner = (
            at > 0
            and any(lex.possessive_case.fullmatch(t.text) for t in heads)
            and any(
                m is not None
                and not any(m[0] <= a < m[1] for a, _ in actors)
                and not {t.lemma for t in tokens[m[0] : m[1]]} & public
                and not any(m[0] <= a < m[1] for a in officials)
                for m in members[first : last + 1]
            )
        )
        if binding or owner:
            out.update(range(i, j))
    return out


def _sentence_end(tokens: list[TokenView], j: int) -> int:
    k = j
    while k < len(tokens) and tokens[k].sent == tokens[j - 1].sent:
        k += 1
    return tokens[k - 1].end

"""Who an article's LSG bodies are to it: obliged or entitled by a sentence, the agent of a duty or of a
participle describing something else, the councils an election fills, or «municipal» beside «state» as all
public service. Tagging counts an LSG body only where it acts; these say where it does not.
"""

from __future__ import annotations

import re

from nlp.ky_cases import LOCATIVE, nominative
from nlp.lexicons import Lexicons
from nlp.tags import TokenView


def parallel_public_sector(
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


def defined_terms(text: str) -> list[tuple[int, int]]:
    """In a glossary, the character spans of the terms being defined: each line's words before its dash
    («22-1) правовое зонирование - деятельность органов местного самоуправления …»)."""
    return [(m.start(), m.end(1)) for m in GLOSSARY_LINE.finditer(text)]


def obliged(
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
        return nominative(last.text)
    return True


def rest_of_sentence(tokens: list[TokenView], k: int) -> list[TokenView]:
    """Tokens from position ``k`` to the end of its sentence."""
    end = k
    while end < len(tokens) and tokens[end].sent == tokens[k].sent:
        end += 1
    return tokens[k:end]


def agent_of_duty(tokens: list[TokenView], j: int, lex: Lexicons) -> bool:
    """Whether the bodies named up to token ``j`` are the agent of a present passive that tells them what
    to do (Kyrgyz: «… органдары тарабынан акысыз берилет», «тарабынан» right after them and the verb ending
    the sentence)."""
    if lex.agent_duty is None or j >= len(tokens):
        return False
    agent, verb = lex.agent_duty
    return bool(agent.fullmatch(tokens[j].text) and verb.fullmatch(rest_of_sentence(tokens, j)[-1].text))


PASSIVE_PARTICIPLE = re.compile(r"\w+(?:[ыиуү]л|[аеоөыиуүэюя]н)[гк][аеоө]н")  # «уюштурулган», «бөлүнгөн»


def agent_of_participle(tokens: list[TokenView], j: int, lex: Lexicons) -> bool:
    """Whether the bodies named up to token ``j`` are the agent of a participle that describes something
    else («… органдары тарабынан … жарыялоо үчүн гана уюштурулган басылмалар»): a duty in the same sentence
    is that thing's, not theirs."""
    if lex.agent_duty is None or j >= len(tokens) or not lex.agent_duty[0].fullmatch(tokens[j].text):
        return False
    for t in rest_of_sentence(tokens, j)[1:]:
        if lex.agent_duty[1].fullmatch(t.text):
            return False  # a finite passive first: they are told what to do
        if PASSIVE_PARTICIPLE.fullmatch(t.text.lower()):
            return True
    return False


def election_objects(
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
            if deputies and lex.election_passive and nominative(tokens[word].text):
                # «депутаттары … шайланат» is elected; «депутаты … байланышта болуп турат» acts
                after = rest_of_sentence(tokens, word)[1:]
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

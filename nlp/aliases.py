"""Short names an act gives an LSG body once and uses after: «Ош шаарынын аймактык Кеңеши (мындан ары
АК)», «Территориальный Совет (далее – ТС)», «айыл өкмөтү (мындан ары – АӨ)». A point that names only «АКке»
speaks to that body as surely as one that spells it out, so the alias counts as the body wherever the act
uses it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.lemmas import lemmatize_phrase
from nlp.lexicons import lexicons

# the definition itself, found first (a scan for the words before every bracket of a long code is slow)
DEFINITION = re.compile(
    r"\(\s*(?:мындан\s+ары|далее)(?:\s+по\s+тексту)?\s*[-–—:]?\s*[«\"]?(?P<alias>[А-ЯЁӨҮҢA-Z][\w-]{0,14})[»\"]?\s*\)",
    re.I,
)
PHRASE_BEFORE = re.compile(r"(?:[\w-]+[\s,]+){0,8}[\w-]+\s*$")  # the defined phrase ends at the bracket


def defined_aliases(text: str, language: str) -> frozenset[str]:
    """The one-word short names the act defines for an LSG body (an actor term among the words just
    before the definition)."""
    actors = lexicons(language).actors
    out = set()
    for match in DEFINITION.finditer(text):
        alias = match.group("alias")
        if not alias[0].isupper() or len(alias) < 2:
            continue
        # the words of its own clause (only spaces and commas between them), nine at most
        before = PHRASE_BEFORE.search(text, max(0, match.start() - 200), match.start())
        if before is None:
            continue
        lemmas = list(lemmatize_phrase(before.group(), language))
        found = actors.find(lemmas)
        # the phrase ends with the body («… аймактык Кеңеши (мындан ары АК)»); an abbreviation may stand
        # for a longer name around it («Территориальный Совет … мэрии города Ош (далее ТС)»), a word not:
        # «… жергиликтүү өз алдынча башкаруу жагындагы … Конституциясында (мындан ары – Конституция)»
        if any(j == len(lemmas) for _, j, _ in found) or (found and alias.isupper()):
            out.add(alias)
    return frozenset(out)


@lru_cache(maxsize=64)  # one act's aliases serve all its units: compiled once, not per unit
def alias_pattern(aliases: frozenset[str]) -> re.Pattern[str] | None:
    """A token that is an alias, with a case ending after it («АКке», «АКнын», «ТС»), not a longer word
    that begins with it («АКШ»)."""
    if not aliases:
        return None
    names = "|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?:{names})(?:-?[а-яёөүң]{{0,6}})")

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

DEFINITION = re.compile(
    r"(?P<before>(?:[\w-]+[\s,]+){1,8}?[\w-]+)\s*\(\s*(?:мындан\s+ары|далее)(?:\s+по\s+тексту)?\s*[-–—:]?\s*"
    r"[«\"]?(?P<alias>[А-ЯЁӨҮҢA-Z][\w-]{0,14})[»\"]?\s*\)",
    re.I,
)


def defined_aliases(text: str, language: str) -> frozenset[str]:
    """The one-word short names the act defines for an LSG body (an actor term among the words just
    before the definition)."""
    actors = lexicons(language).actors
    out = set()
    for match in DEFINITION.finditer(text):
        alias = match.group("alias")
        if not alias[0].isupper() or len(alias) < 2:
            continue
        if actors.find(list(lemmatize_phrase(match.group("before"), language))):
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

"""Whether a point of a council's act is an order («… жол оңдолсун», «Отремонтировать дорогу …») rather
than a rule of a regulation or charter the act approves («Жайгашкан жери: Ош шаары, Ленин көчөсү»). An
order is one instruction about one thing, so even a hint it names (a road, a school) is its subject; a
rule's hints are mostly words in passing (an address, «… жолу менен», holidays)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any

import yaml

from nlp.ky_lemmatizer import lemmatize
from nlp.lemmas import ru_morph

SENTENCE = re.compile(r"[^.!?;]+")
WORD = re.compile(r"[А-Яа-яЁёӨөҮүҢң]+")


@cache
def _ky_imperative() -> re.Pattern[str]:
    path = Path(__file__).parent / "data" / "order_forms.yaml"
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return re.compile(spec["ky"])


def _ky_order(text: str) -> bool:
    """A word in the imperative whose whole ending the lemmatizer cuts, leaving a verb root."""
    words = (w.lower() for w in WORD.findall(text))
    return any(_ky_imperative().search(w) and w[:-3].startswith(lemmatize(w)) for w in words)


def _first_verb_is_infinitive(sentence: str) -> bool:
    for word in WORD.findall(sentence):
        if not ru_morph().word_is_known(word.lower()):
            continue  # a Kyrgyz name («айыл окмоту») guessed as a verb is no verb
        tag = ru_morph().parse(word.lower())[0].tag
        if tag.POS == "INFN":
            return True
        if tag.POS == "VERB":  # a finite verb first: «имеет право проводить» states a right
            return False
    return False


def is_order(text: str, language: str) -> bool:
    """The point, or one of its sentences, orders something."""
    if language == "ky":
        return _ky_order(text)
    return any(_first_verb_is_infinitive(s) for s in SENTENCE.findall(text))


def order_test(language: str) -> Callable[[str], bool]:
    """``is_order`` for one language (a ``Lexicons`` field)."""
    return partial(is_order, language=language)

"""Kyrgyz case endings read past a word's lemma: whether a word can begin a compound («жер салыгы», not
«жериндеги салык»), whether a noun is in the nominative (the subject a modal obliges), and the oblique,
locative and genitive endings that decide what a verb governs. Kyrgyz marks these on the word; Russian
needs none of them.
"""

from __future__ import annotations

import re

from nlp.ky_lemmatizer import lemmatize as ky_lemmatize

# Kyrgyz case endings a compound's first word cannot carry: locative (-да, -дагы), ablative (-дан),
# dative (-га). The genitive can («жердин салыгы» is still the land's tax).
NOT_COMPOUND_CASE = re.compile(r"([дт][аеоө]|[дт][аеоө]г[ыиуү]|[дтн][аеоө]н|[гкн][аеоө])$")


def can_begin_compound(word: str) -> bool:
    """Whether a Kyrgyz word can be the first word of a compound: its suffixes, past its lemma, end in
    no locative, ablative or dative case («жериндеги» cannot begin «жер салыгы»)."""
    suffix = endings(word)
    return not (suffix and NOT_COMPOUND_CASE.search(suffix))


def endings(word: str) -> str:
    """A Kyrgyz word's endings past its lemma; a stem's last consonant may have alternated
    («депутаттыгына» of «депутаттык»)."""
    low = word.lower()
    lemma = ky_lemmatize(low)
    return low[len(lemma) :] if lemma and low[: len(lemma) - 1] == lemma[:-1] else ""


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
ABLATIVE = re.compile(r"[дтн][аеоө]н$")  # money paid «бюджетинен» leaves the budget


def nominative(word: str) -> bool:
    """Whether a Kyrgyz noun carries no case ending past its lemma (the subject's case)."""
    suffix = endings(word)
    return not (suffix and NOT_SUBJECT_CASE.search(suffix))

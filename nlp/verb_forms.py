"""The finite forms of the Kyrgyz verb a verbal noun names (жарыктандыруу → жарыктандырылсын,
жарыктандырылат, жарыктандырылган), so a field's term written as a verbal noun («көчөлөрдү
жарыктандыруу») meets an order or a norm that uses the verb («көчөлөрү жарыктандырылсын»). Matching only:
lemmas keep the treebank's convention, where a verbal noun is a noun of its own."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from nlp.ky_lemmatizer import VOWELS, rules

VERBAL_NOUN = ("уу", "үү", "оо", "өө")
MIN_ROOT = 3
# the root's last vowel -> (low, high) vowel of a suffix after it
HARMONY = {"а": "аы", "ы": "аы", "я": "аы", "о": "оу", "у": "оу", "ё": "оу", "ю": "оу"}
HARMONY |= {"е": "еи", "и": "еи", "э": "еи", "ө": "өү", "ү": "өү"}


def roots(verbal_noun: str) -> list[str]:
    """The verb a verbal noun is made from: бер-үү, оңдо-о; a rounded vowel may stand for a plain one
    (тазала → тазалоо, эмде → эмдөө)."""
    base = verbal_noun[:-2]
    if verbal_noun.endswith(("уу", "үү")):
        return [base]
    rounded = verbal_noun[-1]
    return [base + rounded, base + ("а" if rounded == "о" else "е")]


@cache
def finite_forms(verbal_noun: str) -> tuple[str, ...]:
    """The passive order, present and participle, and the converb, of the verb a verbal noun names; ()
    for other words."""
    if not verbal_noun.endswith(VERBAL_NOUN) or len(verbal_noun) < MIN_ROOT + 2:
        return ()
    spec = rules()["verb_forms"]
    forms = []
    for root in roots(verbal_noun):
        last = next((c for c in reversed(root) if c in VOWELS), "а")
        vowels = HARMONY.get(last, "аы")
        low, high = vowels[0], vowels[1]
        if root[-1] in VOWELS:
            passive = spec["passive"]["after_la" if root[-2:-1] == "л" else "after_vowel"]
        else:
            passive = spec["passive"]["after_l" if root[-1] == "л" else "after_consonant"]
        stem = root + passive.format(A=low, I=high)
        forms += [stem + ending.format(A=low, I=high) for ending in spec["endings"]]
        converb = spec["converb"]["after_vowel" if root[-1] in VOWELS else "after_consonant"]
        forms.append(root + converb.format(A=low, I=high))
    return tuple(forms)


def verb_keys(verbal_noun: str, key: Callable[[str], str]) -> frozenset[str]:
    """The matching keys of those forms that keep the whole root: a form the lemmatizer cuts deeper
    («камсыздалган» → камсыз, the adjective «provided») is another word's key."""
    whole = tuple(roots(verbal_noun)) if verbal_noun.endswith(VERBAL_NOUN) else ()
    return frozenset(k for form in finite_forms(verbal_noun) if (k := key(form)).startswith(whole))

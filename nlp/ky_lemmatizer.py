"""Kyrgyz lemmatizer: strips case, plural, possessive, predicative and common derivational suffixes,
and the verb's tense, participle, verbal-noun, negative and passive suffixes, with their vowel-harmony
and consonant variants, and undoes stem alternations (бөлүгү → бөлүк, кайтарылды → кайтар).

Rules are data (nlp/data/ky_suffixes.yaml, ky_lemma_exceptions.tsv): which suffixes exist, what
sound each may follow, in which order they stack, which final consonant clusters a stem may have.
Among the stems the rules allow, one that is a known word (the shipped lexicon) is preferred, so the
rules do not cut real words short; an unknown word is cut only by suffixes of two letters or more.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ingest.repair.lexicon import shipped_words

DATA = Path(__file__).parent / "data"
VOWELS = frozenset("аеёиоөуүыэюя")
BACK = frozenset("аоуыя")
HIGH = frozenset("ыиуү")
HARMONY = {  # last vowel of the stem -> vowels a suffix may carry
    "а": set("аы"),
    "ы": set("аы"),
    "я": set("аы"),
    "о": set("оу"),
    "у": set("аоу"),
    "ё": set("оу"),
    "е": set("еи"),
    "и": set("еи"),
    "э": set("еи"),
    "ө": set("өү"),
    "ү": set("өүе"),
    "ю": set("уа"),
}
WORD = re.compile(r"^[а-яёөүң]+$")
ACRONYM_WITH_SUFFIX = re.compile(r"^([А-ЯЁӨҮҢ]{2,})([а-яёөүң]+)$")
NUMBER_WITH_SUFFIX = re.compile(r"^(\d+(?:[.,]\d+)?)\s*-\s*(.+)$")
MIN_KNOWN = 2


@dataclass(frozen=True)
class Suffix:
    text: str
    group: str
    slot: int
    vowels: frozenset[str]
    first_vowel: str | None


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return yaml.safe_load((DATA / "ky_suffixes.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def suffixes() -> tuple[Suffix, ...]:
    data = rules()
    classes: dict[str, list[str]] = {**data["consonants"], **data["vowels"]}
    out: dict[tuple[str, str], Suffix] = {}  # one spelling may mark two things (-син: possessive, imperative)
    for group, templates in data["groups"].items():
        for template in templates:
            names = re.findall(r"\{(\w)\}", template)
            for combo in itertools.product(*(classes[name] for name in names)):
                text = template
                for name, value in zip(names, combo, strict=True):
                    text = text.replace("{" + name + "}", value or "", 1)
                vowels = [c for c in text if c in VOWELS]
                if len({v in BACK for v in vowels}) > 1:
                    continue  # a suffix is harmonic within itself
                out.setdefault(
                    (text, group),
                    Suffix(
                        text, group, data["slots"][group], frozenset(vowels), vowels[0] if vowels else None
                    ),
                )
    return tuple(sorted(out.values(), key=lambda s: -len(s.text)))


@lru_cache(maxsize=1)
def _by_last_letter() -> dict[str, tuple[Suffix, ...]]:
    table: dict[str, list[Suffix]] = {}
    for suffix in suffixes():
        table.setdefault(suffix.text[-1], []).append(suffix)
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def exceptions() -> dict[str, str]:
    out = {}
    for line in (DATA / "ky_lemma_exceptions.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, _, lemma = line.partition("\t")
            out[form] = lemma
    return out


def _sound(letter: str) -> set[str]:
    data = rules()
    kinds = {letter}
    if letter in VOWELS:
        kinds.add("v")
    if letter in data["voiced"]:
        kinds.add("voiced")
    if letter in data["voiceless"]:
        kinds.add("voiceless")
    return kinds


def _last_vowel(stem: str) -> str | None:
    return next((c for c in reversed(stem) if c in VOWELS), None)


def _harmonising(stem: str, last: str) -> set[str]:
    """Vowels a suffix may carry after this stem. A stem with back and front vowels together is a
    loanword (отчет, проект), whose suffixes follow either (отчет-ту, отчет-тор, проект-ти)."""
    allowed = HARMONY.get(last, set())
    vowels = {c for c in stem if c in VOWELS}
    if vowels & BACK and vowels - BACK:
        allowed = allowed.union(*(HARMONY.get(v, set()) for v in vowels))
    return allowed


def _plausible(stem: str, suffix: Suffix) -> bool:
    data = rules()
    if len(stem) < 2 or not any(c in VOWELS for c in stem):
        return False
    last = _last_vowel(stem)
    if last is not None and suffix.first_vowel and suffix.first_vowel not in _harmonising(stem, last):
        return False
    first = suffix.text[0]
    if suffix.group == "case" and first == "н" and suffix.text[1:2] not in HIGH and stem[-1] not in HIGH:
        return False  # -нда, -нан, -на follow only the 3rd-person possessive (башы-нан, облусу-нда)
    if first in VOWELS:
        if stem[-1] in VOWELS:
            return False
    else:
        allowed = data["follows"].get(first)
        if first == "с" and suffix.group != "possessive":
            allowed = None  # -сыз (without) follows anything; only the possessive -сы needs a vowel
        if allowed is not None and not (_sound(stem[-1]) & set(allowed)):
            return False
    # a stem may end in two consonants only where a known cluster allows it
    return stem[-1] in VOWELS or stem[-2] in VOWELS or stem[-2:] in data["final_clusters"]


def _restore(stem: str, vowel_suffix: bool, known: dict[str, int]) -> str:
    """Undo the softening of a final consonant before a vowel (бөлүг -> бөлүк, талаб -> талап)."""
    last = stem[-1]
    alternations = rules()["alternations"]
    if vowel_suffix and last in alternations and known.get(stem, 0) < MIN_KNOWN:
        return stem[:-1] + alternations[last]
    return stem


@lru_cache(maxsize=1)
def _verbal_endings() -> frozenset[str]:
    """Suffixes that may follow a passive or negative verb stem (from ``verb_endings`` in the rules)."""
    spec = rules().get("verb_endings", {})
    groups = set(spec.get("groups", []))
    return frozenset({sx.text for sx in suffixes() if sx.group in groups} | set(spec.get("texts", [])))


@lru_cache(maxsize=1)
def _agent_noun_stem() -> re.Pattern[str]:
    """A stem the possessive vowel may not be cut back to (``agent_noun_stem`` in the rules)."""
    return re.compile(rules()["agent_noun_stem"])


def third_possessive(suffix: Suffix) -> bool:
    """The 3rd-person possessive «-ы», «-сы»: the case endings after it are the н-forms (үйү-нө, not
    үйү-гө; баласы-нда, not баласы-да)."""
    return suffix.group == "possessive" and (
        len(suffix.text) == 1 or (len(suffix.text) == 2 and suffix.text[0] == "с")
    )


def _candidates(word: str) -> list[tuple[str, int, bool]]:
    """(stem, letters cut, whether the cut suffix began with a vowel) for every allowed stacking."""
    out = [(word, 0, False)]
    frontier: list[tuple[str, int, bool, str, str]] = [(word, -1, False, "", "")]
    non_final = set(rules().get("non_final", []))
    agent_noun = _agent_noun_stem()
    verbal_after = _verbal_endings()
    standalone = shipped_words()
    seen = {word}
    for _ in range(6):
        nxt = []
        for stem, slot, _vowel, group, after in frontier:
            for suffix in _by_last_letter().get(stem[-1], ()):
                if suffix.slot < slot or len(suffix.text) >= len(stem) or not stem.endswith(suffix.text):
                    continue
                if suffix.group == group and group != "derivational":
                    continue  # one possessive, one case, one plural per word
                if suffix.group in non_final and (after not in verbal_after or standalone.get(stem, 0) >= 2):
                    continue  # a passive stem takes a verb ending: «айыл» is a noun, «кайтарыл-» a verb
                rest = stem[: -len(suffix.text)]
                if rest in seen or not _plausible(rest, suffix):
                    continue
                if third_possessive(suffix) and group == "case" and after[0] not in "н":
                    continue  # after «its» a case ending begins with н: бириге is no бири-ге (that is бирине)
                agent = suffix.group == "possessive" and agent_noun.search(rest)
                if agent and standalone.get(rest, 0) < MIN_KNOWN:
                    continue  # жүргүнчү is a passenger, not «жүргүнч» with «its»
                seen.add(rest)
                vowel = suffix.text[0] in VOWELS or suffix.group == "possessive"
                nxt.append((rest, suffix.slot, vowel, suffix.group, suffix.text))
                out.append((rest, len(word) - len(rest), vowel))
        frontier = nxt[:16]
        if not frontier:
            break
    return out


@lru_cache(maxsize=1)
def paradigm_support() -> dict[str, float]:
    """How many known words each stem accounts for (itself, or itself plus a valid suffix chain).

    A real stem is attested in several forms (облус: облусу, облусунун, облусунда…); a wrong cut is
    not. Built once from the shipped lexicon."""
    support: dict[str, float] = {}
    for word, count in shipped_words().items():
        if "-" in word or not WORD.match(word):
            continue
        weight = 1.0 + min(count, 20) / 20
        for stem, _cut, vowel in _candidates(word):
            support[stem] = support.get(stem, 0.0) + weight
            restored = _restore(stem, vowel, {})
            if restored != stem:
                support[restored] = support.get(restored, 0.0) + weight
    return support


@lru_cache(maxsize=1)
def _plural_suffixes() -> frozenset[str]:
    return frozenset(sx.text for sx in suffixes() if sx.group == "plural")


def _adds_only(longer: str, shorter: str, extra: frozenset[str]) -> bool:
    """True when ``longer`` is ``shorter`` plus one of ``extra``: a noun's lemma is its singular, so a
    stem ending in a plural suffix (чыгымдар) never wins over the singular (чыгым) on a tie."""
    return longer.startswith(shorter) and longer[len(shorter) :] in extra


@lru_cache(maxsize=1)
def whole_stems() -> frozenset[str]:
    lines = (DATA / "ky_whole_stems.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


LINKED_STEM_SUPPORT = 2.0  # paradigm support a loanword stem needs to shed its linking vowel
LINKED_MAX_KNOWN = 5  # a form seen this often on its own is a word of its own (алты «six», not алт-ы)


def _without_linking_vowel(form: str) -> str:
    """A loanword ending in a consonant cluster takes a high vowel before its possessive and case endings
    (объект-и-си, пункт-у-нун, фонд-у): the cut leaves that vowel on, and the loanword is the lemma."""
    base = form[:-1]
    if (
        len(base) >= 4
        and form[-1] in HIGH
        and base[-2:] in rules()["final_clusters"]
        and paradigm_support().get(base, 0.0) >= LINKED_STEM_SUPPORT
        and shipped_words().get(form, 0) < LINKED_MAX_KNOWN
    ):
        return base
    return form


@lru_cache(maxsize=200_000)
def lemmatize_lower(word: str) -> str:
    lemma = _lemmatize_lower(word)
    return lemma if "-" in lemma or lemma in exceptions().values() else _without_linking_vowel(lemma)


def _lemmatize_lower(word: str) -> str:
    if word in exceptions():
        return exceptions()[word]
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return f"{head}-{lemmatize_lower(tail)}" if tail else word
    if len(word) <= 2 or not WORD.match(word):
        return word
    support = paradigm_support()
    known = shipped_words()
    kept = [
        form
        for stem, cut, vowel in _candidates(word)
        for form in {stem, _restore(stem, vowel, known)}
        if form in whole_stems()
    ]
    if kept:
        return max(kept, key=len)
    scored: list[tuple[int, float, str]] = []
    clusters = rules()["final_clusters"]
    for stem, cut, vowel in _candidates(word):
        form = _restore(stem, vowel, known) if cut else stem
        evidence = max(support.get(form, 0.0), support.get(stem, 0.0))
        if cut and len(form) < 3 and known.get(form, 0) < 3:
            continue  # a two-letter stem must be a word seen on its own (иш, ай, ош)
        if (
            cut
            and form[-1] not in VOWELS
            and form[-2:] in clusters
            and known.get(form, 0) == 0
            and not any(word.startswith(form + plural) for plural in _plural_suffixes())
        ):
            continue  # a stem ending in a cluster (министр) must be attested, or be followed by a plural
        if evidence >= 2.0 or cut == 0:
            scored.append((len(form), evidence, form))
    if len(scored) > 1:
        # The shortest stem that accounts for a fair share of the attested forms, unless a longer one
        # accounts for nearly as many (облус-у rather than облу-су).
        top = max(e for _, e, _ in scored)
        qualified = sorted(s for s in scored if s[1] >= 0.3 * top)
        choice = qualified[0]
        plurals = _plural_suffixes()
        for other in qualified[1:]:
            if other[1] >= 0.9 * choice[1] and not _adds_only(other[2], choice[2], plurals):
                choice = other
        return choice[2]
    # No attested stem: cut suffix chains of two letters or more, or a final possessive vowel after a
    # consonant cluster a stem may end in, keeping at least 3 letters.
    shortest, vowel_cut = word, False
    for stem, cut, vowel in _candidates(word):
        if len(stem) >= 3 and len(stem) < len(shortest) and (cut >= 2 or (cut == 1 and len(stem) >= 4)):
            shortest, vowel_cut = stem, vowel
    return _restore(shortest, vowel_cut, known) if shortest != word else word


@lru_cache(maxsize=200_000)
def match_root(lemma: str) -> str:
    """The key a Kyrgyz lemma is matched by: the verb root its derived forms share (``match_roots`` in
    the rules). Only a derived ending opens the way to a root, so an adjective ending like a passive
    stem (жашыл, кызыл) keeps its lemma."""
    spec = rules().get("match_roots")
    if not spec or len(lemma) < 4 or not WORD.match(lemma) or lemma in whole_stems():
        return lemma
    support = paradigm_support()
    bases: list[str] = []
    for ending in spec["derived"]:
        if lemma.endswith(ending) and len(lemma) > len(ending):
            base = lemma[: -len(ending)]
            if ending[0] in "оө":  # a vowel stem lengthened (корго-о) or rounded (сарпта → сарптоо)
                bases += [base + ending[0], base + ("а" if ending[0] == "о" else "е")]
            else:
                bases.append(base)
    roots = list(bases)
    for base in bases:
        for ending in spec["voice"]:
            if base.endswith(ending) and len(base) > len(ending):
                roots.append(base[: -len(ending)])
    standalone = shipped_words()
    attested = [
        (support.get(root, 0.0), root)
        for root in roots
        if len(root) >= spec["min_root"]
        and root != lemma
        and support.get(root, 0.0) >= spec["min_support"]
        # a root that is itself a common word is a noun (жыл «year» is not the root of жылуу «warm»);
        # a bare verb stem is an imperative, rare in legal text
        and standalone.get(root, 0) < spec["max_standalone"]
    ]
    if not attested:
        return lemma
    # the shortest attested root: the verb under its voice (бөлүн → бөл), when it is attested too
    return min(attested, key=lambda item: (len(item[1]), -item[0]))[1]


def lemmatize(word: str) -> str:
    """The lemma of one Kyrgyz word in lower case; numbers keep their suffix's lemma (9-беренесинин ->
    9-берене), acronyms lose their suffix (ЖӨБдүн -> жөб)."""
    acronym = ACRONYM_WITH_SUFFIX.match(word)
    if acronym:
        return acronym.group(1).lower()
    low = word.lower()
    number = NUMBER_WITH_SUFFIX.match(low)
    if number:
        return f"{number.group(1)}-{lemmatize_lower(number.group(2))}"
    return lemmatize_lower(low)

"""Letters typed on a Russian keyboard: ү→у, ө→о, ң→н. A word is corrected only when it is not a
known word, is not Russian, and exactly the corrected form is known (more often than the typed one)."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ingest.repair.lexicon import Lexicon, fully_harmonic, harmonic, shipped_words
from ingest.repair.russian import is_russian_word

SUBSTITUTES = {"у": "ү", "о": "ө", "н": "ң", "У": "Ү", "О": "Ө", "Н": "Ң"}
WORD = re.compile(r"[а-яөүңА-ЯӨҮҢ]{3,}")
MAX_POSITIONS = 7
CANDIDATE = re.compile(r"(?<![а-яөүңА-ЯӨҮҢ])(?=[а-яөүңА-ЯӨҮҢ]*?[уонУОН])[а-яөүңА-ЯӨҮҢ]{3,}")


def correct_word(word: str, lexicon: Lexicon) -> str | None:
    low = word.lower()
    if len(word) < 3 or low in shipped_words() or is_russian_word(word):
        return None
    # Vowels are only changed where the word breaks vowel harmony; н→ң has no such test and relies
    # on the lexicon alone.
    vowels_too = not fully_harmonic(word)
    positions = [i for i, c in enumerate(word) if c in SUBSTITUTES and (vowels_too or c in "нН")]
    if not positions or len(positions) > MAX_POSITIONS:
        return None
    own = lexicon.count(low)
    best: tuple[int, str] | None = None
    for r in range(1, len(positions) + 1):
        for combo in itertools.combinations(positions, r):
            chars = list(word)
            for i in combo:
                chars[i] = SUBSTITUTES[chars[i]]
            candidate = "".join(chars)
            if not harmonic(candidate) and harmonic(word):
                continue
            count = lexicon.count(candidate)
            if count > own and (best is None or count > best[0]):
                best = (count, candidate)
    if best is None and not vowels_too:
        return _all_rounded_swapped(word, own, lexicon)
    return best[1] if best else None


SWAP_MIN_LENGTH = 6
SWAP_MIN_COUNT = 3


def _all_rounded_swapped(word: str, own: int, lexicon: Lexicon) -> str | None:
    """«Айыл окмотунун» → «өкмөтүнүн»: a typist without ө and ү types every one of them as о and у, so
    the word keeps its harmony and the vowel test above cannot see it. Changed only when every о and у
    of an unknown word, changed together, gives a harmonic word the lexicon knows well; a word with
    other back vowels (а, ы) can never become harmonic so, and short words («кол»/«көл») are left."""
    vowels = [i for i, c in enumerate(word) if c in "оуОУ"]
    if len(word) < SWAP_MIN_LENGTH or len(vowels) < 2:
        return None
    chars = list(word)
    for i in vowels:
        chars[i] = SUBSTITUTES[chars[i]]
    base = "".join(chars)
    if not harmonic(base):
        return None
    nasal = [i for i, c in enumerate(base) if c in "нН"]
    best: tuple[int, str] | None = None
    for r in range(0, min(len(nasal), 2) + 1):
        for combo in itertools.combinations(nasal, r):
            letters = list(base)
            for i in combo:
                letters[i] = SUBSTITUTES[letters[i]]
            candidate = "".join(letters)
            count = lexicon.count(candidate)
            if count >= SWAP_MIN_COUNT and count > own and (best is None or count > best[0]):
                best = (count, candidate)
    return best[1] if best else None


def repair_keyboard(text: str, lexicon: Lexicon, stats: Counter[str]) -> str:
    memo: dict[str, str | None] = {}
    shipped = shipped_words()

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if word not in memo:
            memo[word] = None if word.lower() in shipped else correct_word(word, lexicon)
        fixed = memo[word]
        if fixed is None or _next_to_russian(text, match):
            return word
        stats["keyboard_letters"] += 1
        return fixed

    return CANDIDATE.sub(fix, text)


def _next_to_russian(text: str, match: re.Match[str]) -> bool:
    """A word beside a Russian word is taken as Russian too («Ошский городской Кенеш»)."""
    before = WORD.findall(text[max(0, match.start() - 40) : match.start()])
    after = WORD.findall(text[match.end() : match.end() + 40])
    neighbours = ([before[-1]] if before else []) + ([after[0]] if after else [])
    return any(is_russian_word(w) and w.lower() not in shipped_words() for w in neighbours)

"""Letters typed on a Russian keyboard: ү→у, ө→о, ң→н. A word is corrected only when it is not a
known word, is not Russian, and exactly the corrected form is known (more often than the typed one).

A text with Kyrgyz letters here and there had a few slips: a vowel is changed only where the typed word
breaks vowel harmony. A Kyrgyz text with none of ө, ү, ң at all was typed without them: there every
о, у, н of an unknown word may stand for one («корсоткучтору» → «көрсөткүчтөрү», «оз алдынча» → «өз
алдынча»), and the lexicon alone decides.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from functools import lru_cache

from ingest.repair.lexicon import Lexicon, fully_harmonic, harmonic, shipped_words
from ingest.repair.russian import is_russian_word

SUBSTITUTES = {"у": "ү", "о": "ө", "н": "ң", "У": "Ү", "О": "Ө", "Н": "Ң"}
WORD = re.compile(r"[а-яөүңА-ЯӨҮҢ]{3,}")
MAX_POSITIONS = 7
CANDIDATE = re.compile(r"(?<![а-яөүңА-ЯӨҮҢ])(?=[а-яөүңА-ЯӨҮҢ]*?[уонУОН])[а-яөүңА-ЯӨҮҢ]{3,}")
TYPED_WITHOUT_CANDIDATE = re.compile(r"(?<![а-яөүңА-ЯӨҮҢ])(?=[а-яөүңА-ЯӨҮҢ]*?[уонУОН])[а-яөүңА-ЯӨҮҢ]{2,}")


def correct_word(word: str, lexicon: Lexicon, typed_without: bool = False) -> str | None:
    low = word.lower()
    if len(word) < 2:
        return None
    if typed_without and (len(word) <= SHORT_WORD or not is_russian_word(word)):
        # pymorphy3 knows «оз» and «эн» as abbreviations: a short word goes by frequency alone
        return _any_letters_swapped(word, lexicon)
    if low in shipped_words():
        return None
    if is_russian_word(word):
        return None
    if len(word) < 3:
        return None
    # Vowels are only changed where the word breaks vowel harmony; н→ң has no such test and relies
    # on the lexicon alone.
    vowels_too = not fully_harmonic(word)
    positions = [i for i, c in enumerate(word) if c in SUBSTITUTES and (vowels_too or c in "нН")]
    if not positions or len(positions) > MAX_POSITIONS:
        # a harmonic word with no н is left as typed: «которуу» (transfer) is a word, not «көтөрүү»
        return None
    own = lexicon.count(low)
    best: tuple[int, str] | None = None
    for candidate in _swaps(word, positions):
        if not harmonic(candidate) and harmonic(word):
            continue
        count = lexicon.count(candidate)
        if count > own and (best is None or count > best[0]):
            best = (count, candidate)
    if best is None and not vowels_too:
        return _all_rounded_swapped(word, own, lexicon)
    return best[1] if best else None


def _swaps(word: str, positions: list[int]) -> list[str]:
    """The word with each non-empty subset of ``positions`` given its Kyrgyz letter."""
    out: list[str] = []
    for r in range(1, len(positions) + 1):
        for combo in itertools.combinations(positions, r):
            chars = list(word)
            for i in combo:
                chars[i] = SUBSTITUTES[chars[i]]
            out.append("".join(chars))
    return out


SHORT_WORD = 4  # «оз», «учун», «кун»: short words change only to a frequent word
SHORT_WORD_MIN_COUNT = 20
MAX_TYPED_POSITIONS = 10  # «моонотунон»: every о, у, н of a long word may be a slip
TYPO_RATIO = 10


def _any_letters_swapped(word: str, lexicon: Lexicon) -> str | None:
    """In a text typed without Kyrgyz letters: the word that some of its о, у, н stand for. A known word
    wins, the most frequent first; else the form whose beginning is the longest beginning of a known word
    («турлорго» → «түрлөргө», as «түрлөрү» is known), if that covers most of it — the lexicon holds the
    forms seen, not every case ending. The typed word's count in the text is no evidence (the text spells
    it so every time), and one the shipped lexicon holds gives way only to a word ten times as frequent
    (the seeds hold some typos, «учун»); a short word changes only to a frequent one («оз» → «өз»)."""
    positions = [i for i, c in enumerate(word) if c in SUBSTITUTES]
    if not positions or len(positions) > MAX_TYPED_POSITIONS:
        return None
    own = shipped_words().get(word.lower(), 0)
    short = len(word) <= SHORT_WORD
    typed_reach = known_prefix(word.lower())
    best: tuple[tuple[int, int, bool, int], str] | None = None
    for candidate in _swaps(word, positions):
        count = lexicon.count(candidate)
        if own and count < TYPO_RATIO * own:
            continue
        if short:
            if count < SHORT_WORD_MIN_COUNT:
                continue
            rank = (1, len(candidate), True, count)
        else:
            reach = len(candidate) if count else known_prefix(candidate.lower())
            # as far as the typed word reaches will do where the typed word breaks vowel harmony and the
            # candidate keeps it («ченемдуу» → «ченемдүү»: both begin as «ченемдик» does)
            mends = not fully_harmonic(word) and fully_harmonic(candidate)
            if reach < typed_reach or (reach == typed_reach and not mends):
                continue
            if reach < max(PREFIX_MIN, len(candidate) * PREFIX_SHARE):
                continue
            rank = (1 if count else 0, reach, harmonic(candidate), count)
        if best is None or rank > best[0]:
            best = (rank, candidate)
    return best[1] if best else None


PREFIX_MIN = 4
PREFIX_SHARE = 0.6


def known_prefix(word: str) -> int:
    """Length of the longest beginning of ``word`` that begins a shipped word."""
    words = _sorted_shipped()
    longest = 0
    for n in range(1, len(word) + 1):
        prefix = word[:n]
        i = bisect.bisect_left(words, prefix)
        if i < len(words) and words[i].startswith(prefix):
            longest = n
        else:
            break
    return longest


@lru_cache(maxsize=1)
def _sorted_shipped() -> list[str]:
    return sorted(shipped_words())


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


KYRGYZ_LETTERS = re.compile(r"[өүңӨҮҢ]")
CYRILLIC_LETTERS = re.compile(r"[а-яёөүңА-ЯЁӨҮҢ]")
TYPED_WITHOUT_MIN_LETTERS = 200  # a short text may lack them by chance
# A part of a text that has them elsewhere: clean acts hold stretches of up to 1,200 letters without them
# (lists, headings, a line of Russian), so a part must be longer than that to count
PART_MIN_LETTERS = 2000


def typed_without_kyrgyz_letters(kyrgyz_text: str) -> bool:
    """True when Kyrgyz text of some length has none of ө, ү, ң: typed on a Russian keyboard throughout
    (every Kyrgyz paragraph of real length has dozens of them: «жергиликтүү», «үчүн», «өз»)."""
    letters = len(CYRILLIC_LETTERS.findall(kyrgyz_text))
    return letters >= TYPED_WITHOUT_MIN_LETTERS and not KYRGYZ_LETTERS.search(kyrgyz_text)


def lines_typed_without(lines: list[str]) -> list[bool]:
    """The lines of each stretch of ``PART_MIN_LETTERS`` letters or more without ө, ү, ң: a part of a
    Kyrgyz text typed on a Russian keyboard (pasted from another source) while the rest has its letters.
    A line without letters neither breaks a stretch nor counts."""
    flags = [False] * len(lines)
    start, letters = 0, 0
    for n, line in enumerate([*lines, "ө"]):  # a last stretch is closed by a line with the letters
        if KYRGYZ_LETTERS.search(line):
            if letters >= PART_MIN_LETTERS:
                flags[start:n] = [True] * (n - start)
            start, letters = n + 1, 0
        else:
            letters += len(CYRILLIC_LETTERS.findall(line))
    return flags


def repair_keyboard(text: str, lexicon: Lexicon, stats: Counter[str], typed_without: bool = False) -> str:
    memo: dict[str, str | None] = {}
    shipped = shipped_words()
    candidate_words = TYPED_WITHOUT_CANDIDATE if typed_without else CANDIDATE

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if word not in memo:
            memo[word] = (
                None
                if word.lower() in shipped and not typed_without
                else correct_word(word, lexicon, typed_without)
            )
        fixed = memo[word]
        if fixed is None or (not typed_without and _next_to_russian(text, match)):
            # (typed without its letters, Kyrgyz reads as Russian to the dictionary: «кун», «уч», «бул»)
            return word
        stats["keyboard_letters"] += 1
        return fixed

    return candidate_words.sub(fix, text)


def _next_to_russian(text: str, match: re.Match[str]) -> bool:
    """A word beside a Russian word is taken as Russian too («Ошский городской Кенеш»)."""
    before = WORD.findall(text[max(0, match.start() - 40) : match.start()])
    after = WORD.findall(text[match.end() : match.end() + 40])
    neighbours = ([before[-1]] if before else []) + ([after[0]] if after else [])
    return any(is_russian_word(w) and w.lower() not in shipped_words() for w in neighbours)

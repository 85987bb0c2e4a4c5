"""Legacy-font mojibake: Kyrgyz letters typed in 8-bit fonts that put them on Russian-keyboard keys.

There is no single table (``ё`` is ө in one font and ң in another), so the mapping is chosen per
document: by the font name where the format keeps it, otherwise by which mapping turns the suspicious
words into known Kyrgyz words. Only Cyrillic words change, and never a known Russian word.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ingest.repair.lexicon import Lexicon, harmonic, shipped_words
from ingest.repair.russian import is_russian_word

DATA = Path(__file__).parent / "data" / "legacy_fonts.yaml"
# «ъ» before е, ё, ю, я is Russian's hard sign (объект, субъекттер, съезд), not a legacy font's «ө»: no
# Kyrgyz word has «ө» before those letters
RUSSIAN_HARD_SIGN = re.compile("[ъЪ][еёюяЕЁЮЯ]")
CYR_LETTERS = "а-яёөүңА-ЯЁӨҮҢ"


@dataclass(frozen=True)
class FontMapping:
    id: str
    fonts: tuple[str, ...]
    table: dict[str, str]

    @property
    def strong(self) -> set[str]:
        return {c for c in self.table if not c.isalpha()}

    @property
    def pattern(self) -> re.Pattern[str]:
        """Words of Cyrillic letters and this font's characters that hold at least one of the latter."""
        return _token_pattern(tuple(sorted(self.table)))


@lru_cache(maxsize=16)
def _token_pattern(sources: tuple[str, ...]) -> re.Pattern[str]:
    extra = "".join(re.escape(c) for c in sources if not c.isalpha())
    any_source = "".join(re.escape(c) for c in sources)
    word = rf"[{CYR_LETTERS}{extra}]"
    # Anchored at a word start, so the scan stays linear in the text's length.
    return re.compile(rf"(?<!{word})(?={word}*?[{any_source}]){word}+")


@lru_cache(maxsize=1)
def load_mappings() -> tuple[FontMapping, ...]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return tuple(
        FontMapping(id=m["id"], fonts=tuple(m.get("fonts") or ()), table=dict(m["map"]))
        for m in data["mappings"]
    )


def _case_ok(word: str) -> bool:
    """lower, Title, UPPER, or an acronym with a lowercase suffix (ЖӨБдүн)."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return False
    if all(c.islower() for c in letters) or all(c.isupper() for c in letters):
        return True
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return True
    split = next((i for i, c in enumerate(letters) if c.islower()), len(letters))
    return all(c.isupper() for c in letters[:split]) and all(c.islower() for c in letters[split:])


def convert_token(
    token: str, mapping: FontMapping, lexicon: Lexicon, kyrgyz_context: bool = True
) -> str | None:
    """The repaired word, or None when this token should stay as it is."""
    sources = {c for c in token if c in mapping.table}
    if not sources or not any(c.isalpha() for c in token) or RUSSIAN_HARD_SIGN.search(token):
        return None
    # Strong characters at the edges of a word are punctuation-like (``жана/``) only if nothing else
    # suggests mojibake; a strong character between letters or closing a word (``жергиликт==``) is not.
    mapped = "".join(mapping.table.get(c, c) for c in token)
    if not all(c.isalpha() for c in mapped) or not _case_ok(mapped):
        return None
    strong = bool(sources & mapping.strong)
    if strong and _separates_known_words(token, mapping):
        return None
    if strong:
        if token[0] in mapping.strong and token.count(token[0]) == len(token):
            return None
        return mapped
    # Only weak characters (real Russian letters): change only into a known Kyrgyz word.
    if mapped.lower() in lexicon:
        return mapped
    if is_russian_word(token):
        return None
    if kyrgyz_context and harmonic(mapped) and lexicon.knows_stem(mapped, min_stem=4):
        return mapped
    # … or another form of a known word («тълъм» → «төлөм» of «төлөмдөр»; «търагасынын» → «төрагасынын»,
    # a compound that breaks vowel harmony)
    if kyrgyz_context and lexicon.shares_stem(mapped):
        return mapped
    return None


def _separates_known_words(token: str, mapping: FontMapping) -> bool:
    """«жана/же», «ЖАНА/ЖЕ», «и/или»: a strong character between real words is a real separator."""
    pieces = re.split("|".join(re.escape(c) for c in mapping.strong), token)
    if len(pieces) < 2 or any(len(p) < 2 for p in pieces):
        return False
    # Only the shipped list counts here: the document's own "words" include mojibake fragments.
    known = shipped_words()
    return all(known.get(p.lower(), 0) >= 2 or is_russian_word(p) for p in pieces)


def score_mapping(text: str, mapping: FontMapping, lexicon: Lexicon) -> int:
    """How many suspicious words this mapping turns into known words."""
    score = 0
    for match in mapping.pattern.finditer(text):
        token = match.group()
        if not any(c in mapping.table for c in token):
            continue
        mapped = convert_token(token, mapping, lexicon)
        if mapped is not None and lexicon.knows_stem(mapped):
            score += 1
    return score


def choose_mapping(text: str, fonts: list[str] | tuple[str, ...], lexicon: Lexicon) -> FontMapping | None:
    mappings = load_mappings()
    lowered = {f.lower() for f in fonts}
    for mapping in mappings:
        if any(font.lower() in lowered for font in mapping.fonts):
            return mapping
    scored = [(score_mapping(text, m, lexicon), i, m) for i, m in enumerate(mappings)]
    best, _, mapping = max(scored, key=lambda s: (s[0], -s[1]))
    return mapping if best >= 1 else None


def repair_mojibake(
    text: str,
    fonts: list[str] | tuple[str, ...] = (),
    lexicon: Lexicon | None = None,
    stats: Counter[str] | None = None,
) -> tuple[str, str | None]:
    """Repair legacy-font words in ``text``; returns the text and the id of the mapping used."""
    stats = stats if stats is not None else Counter()
    lexicon = lexicon or Lexicon.for_text(text)
    mapping = choose_mapping(text, fonts, lexicon)
    if mapping is None:
        return text, None

    def fix(match: re.Match[str]) -> str:
        token = match.group()
        mapped = convert_token(token, mapping, lexicon)
        if mapped is None:
            return token
        stats["mojibake_words"] += 1
        return mapped

    return mapping.pattern.sub(fix, text), mapping.id


def mojibake_tokens(text: str) -> list[str]:
    """Words still holding a strong legacy-font character between or after letters (for checks)."""
    found = []
    for mapping in load_mappings():
        for match in mapping.pattern.finditer(text):
            token = match.group()
            if any(c in mapping.strong for c in token) and convert_token(token, mapping, Lexicon.shipped()):
                found.append(token)
    return found

"""Character-level normalisation: Unicode NFC, spaces, quotes, dashes, № / N, look-alike letters and symbols
(``data/characters.yaml``)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "characters.yaml"
CYR = "а-яёөүңА-ЯЁӨҮҢ"


@dataclass(frozen=True)
class CharacterTables:
    """The character repairs of ``characters.yaml``, compiled once."""

    everywhere: dict[str, str]
    everywhere_char: re.Pattern[str]
    latin: dict[int, str]
    mixed_script: re.Pattern[str]
    lookalike_word: re.Pattern[str]
    hyphen_between_letters: re.Pattern[str] | None


@lru_cache(maxsize=1)
def character_tables() -> CharacterTables:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    everywhere = {**data.get("kyrgyz_letter_variants", {}), **data.get("symbols", {})}
    latin = data.get("latin_lookalikes", {})
    lat = re.escape("".join(latin))
    hyphens = "".join(data.get("hyphens_between_letters", []))
    return CharacterTables(
        everywhere=everywhere,
        everywhere_char=re.compile(f"[{re.escape(''.join(everywhere))}]"),
        latin=str.maketrans(latin),
        mixed_script=re.compile(rf"[{CYR}][{lat}]|[{lat}][{CYR}]"),
        lookalike_word=re.compile(
            rf"(?<![{CYR}{lat}])(?=[{CYR}{lat}]*?(?:[{CYR}][{lat}]|[{lat}][{CYR}]))[{CYR}{lat}]+"
        ),
        hyphen_between_letters=re.compile(rf"(?<=\w)[{re.escape(hyphens)}](?=\w)") if hyphens else None,
    )


INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
DASHES = re.compile(r"[\u2012\u2013\u2014\u2015\u2212]")
SPACED_NUMERAL_DASH = re.compile(rf"(\d)\s+[-–]\s+(?=[{CYR}])")
LATIN_N_NUMBER = re.compile(r"(?<![A-Za-z])N\s*(?=\d)")
NUMBER_SIGN = re.compile(r"№\s*(?=\d)")
PAIRED_QUOTES = re.compile(r"[“„‟]([^“”„‟\n]*)[”“]")
STRAIGHT_QUOTED = re.compile(r'(^|[\s(\[—–-])"([^"\n]+?)"')


def normalize(text: str, stats: Counter[str] | None = None) -> str:
    """Return ``text`` in one canonical spelling; counts of what changed go to ``stats``."""
    stats = stats if stats is not None else Counter()
    out = unicodedata.normalize("NFC", text)
    out = out.replace("\r\n", "\n").replace("\r", "\n")
    before = out
    tables = character_tables()
    if tables.hyphen_between_letters is not None:
        out, n = tables.hyphen_between_letters.subn("-", out)
        stats["odd_hyphens"] += n
    out, n = tables.everywhere_char.subn(lambda m: tables.everywhere[m.group()], out)
    stats["odd_characters"] += n
    out, n = INVISIBLE.subn("", out)
    stats["invisible_chars"] += n
    out, n = SPACES.subn(" ", out)
    stats["odd_spaces"] += n
    out = out.replace("\t", " ")
    out, n = DASHES.subn(lambda m: "–" if m.group() != "\u2212" else "-", out)
    stats["dashes"] += sum(1 for ch in before if ch in "\u2012\u2014\u2015\u2212")
    out, n = SPACED_NUMERAL_DASH.subn(r"\1-", out)
    stats["spaced_numeral_dashes"] += n
    out, n = LATIN_N_NUMBER.subn("№ ", out)
    stats["latin_n_numbers"] += n
    out = NUMBER_SIGN.sub("№ ", out)
    out, n = PAIRED_QUOTES.subn(r"«\1»", out)
    stats["quotes"] += n
    for src, dst in (("“", "«"), ("”", "»"), ("„", "«"), ("‟", "«")):
        count = out.count(src)
        if count:
            out = out.replace(src, dst)
            stats["quotes"] += count
    out, n = STRAIGHT_QUOTED.subn(lambda m: f"{m.group(1)}«{m.group(2)}»", out)
    stats["quotes"] += n
    if tables.mixed_script.search(out):
        out, n = tables.lookalike_word.subn(lambda m: m.group().translate(tables.latin), out)
        stats["latin_lookalikes"] += n
    out = re.sub(r"[ ]{2,}", " ", out)
    out = "\n".join(line.strip() for line in out.split("\n"))
    return out

"""Character-level normalisation: Unicode NFC, spaces, quotes, dashes, № / N, Latin look-alikes."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

CYR = "а-яёөүңА-ЯЁӨҮҢ"
LATIN_TO_CYRILLIC = str.maketrans(
    {
        "a": "а",
        "e": "е",
        "o": "о",
        "p": "р",
        "c": "с",
        "x": "х",
        "y": "у",
        "A": "А",
        "B": "В",
        "E": "Е",
        "K": "К",
        "M": "М",
        "H": "Н",
        "O": "О",
        "P": "Р",
        "C": "С",
        "T": "Т",
        "X": "Х",
    }
)
_LAT = "aeopcxyABEKMHOPCTX"
MIXED_SCRIPT = re.compile(rf"[{CYR}][{_LAT}]|[{_LAT}][{CYR}]")
LOOKALIKE_WORD = re.compile(
    rf"(?<![{CYR}{_LAT}])(?=[{CYR}{_LAT}]*?(?:[{CYR}][{_LAT}]|[{_LAT}][{CYR}]))[{CYR}{_LAT}]+"
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
    if MIXED_SCRIPT.search(out):
        out, n = LOOKALIKE_WORD.subn(lambda m: m.group().translate(LATIN_TO_CYRILLIC), out)
        stats["latin_lookalikes"] += n
    out = re.sub(r"[ ]{2,}", " ", out)
    out = "\n".join(line.strip() for line in out.split("\n"))
    return out

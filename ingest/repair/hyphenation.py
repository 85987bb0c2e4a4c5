"""Line-end hyphens: a syllable break (``мам-⏎лекеттик``) is joined, a real compound
(``иш-⏎аракеттер``) or a numeral suffix (``114-⏎беренесинин``) keeps its hyphen.

The decision uses the lexicon (shipped words plus the document's own words), never a prefix list.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.repair.lexicon import Lexicon, shipped_words

HYPHENS = ("-", "‐", "‑")
LINE_END = re.compile(r"(\w+)[-‐‑]$")
LINE_START = re.compile(r"^(\w+)")


def keep_hyphen(left: str, right: str, lexicon: Lexicon) -> bool:
    if left[-1].isdigit() or not right[0].isalpha():
        return True
    if right[0].isupper() and not left.isupper():
        return True
    hyphenated = lexicon.count(f"{left}-{right}")
    joined = lexicon.count(left + right)
    if hyphenated or joined:
        return hyphenated > joined
    # Unknown either way: a compound of two known words keeps its hyphen; otherwise it was a break.
    shipped = shipped_words()
    return len(right) >= 4 and left.lower() in shipped and right.lower() in shipped


def join_hyphenated_lines(text: str, lexicon: Lexicon, stats: Counter[str]) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        while i + 1 < len(lines) and line.endswith(HYPHENS):
            end = LINE_END.search(line)
            start = LINE_START.match(lines[i + 1].lstrip())
            if not end or not start:
                break
            nxt = lines[i + 1].lstrip()
            if keep_hyphen(end.group(1), start.group(1), lexicon):
                line = line + nxt
                stats["hyphens_kept"] += 1
            else:
                line = line[:-1] + nxt
                stats["hyphens_joined"] += 1
            i += 1
            line = line.rstrip()
        out.append(line)
        i += 1
    return "\n".join(out)

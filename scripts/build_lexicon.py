"""Rebuild ingest/repair/data/ky_lexicon.tsv, the shipped Kyrgyz word list, from the seed documents.

Only clean words go in: no legacy-font characters, no digits. Words that break across lines with a
hyphen are not counted from their halves. Run: python scripts/build_lexicon.py ../shared/seeds
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[а-яөүңА-ЯӨҮҢ]+(?:-[а-яөүңА-ЯӨҮҢ]+)*")


def _variants(word: str) -> list[str]:
    subs = {"у": "ү", "о": "ө", "н": "ң"}
    positions = [i for i, c in enumerate(word) if c in subs][:7]
    out = []
    for mask in range(1, 1 << len(positions)):
        chars = list(word)
        for bit, i in enumerate(positions):
            if mask >> bit & 1:
                chars[i] = subs[chars[i]]
        out.append("".join(chars))
    return out


def main(folder: str) -> None:
    counts: Counter[str] = Counter()
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"-\s*\n\s*", "\u0000", text)  # drop words split at line ends
        for line in text.splitlines():
            for match in WORD.finditer(line):
                start, end = match.span()
                if (start and line[start - 1] in "=\\+/™\u0000") or (
                    end < len(line) and line[end] in "=\\+/™\u0000"
                ):
                    continue
                counts[match.group().lower()] += 1
    # A word typed on a Russian keyboard (кенеши for кеңеши) is a typo when its Kyrgyz-letter form is
    # clearly more frequent: leave it out, so the keyboard repair can correct it.
    typos = {w for w in counts if any(counts.get(v, 0) >= 2 * counts[w] for v in _variants(w))}
    for word in typos:
        del counts[word]
    out = Path(__file__).resolve().parent.parent / "ingest" / "repair" / "data" / "ky_lexicon.tsv"
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# Kyrgyz words seen in the seed documents, with counts. Extend freely: word<TAB>count\n")
        for word, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if len(word) > 1:
                fh.write(f"{word}\t{count}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")

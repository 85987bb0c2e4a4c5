"""Kyrgyz lemmatizer accuracy on the UD Kyrgyz-KTMU treebank (manual lemmas), read in place from
../shared/data; case-insensitive, per part of speech, against the baseline of leaving words unchanged.

Usage: .venv/bin/python -m bench.lemma_eval [--errors N]
"""

from __future__ import annotations

import sys
import time
from collections import Counter

from bench.common import need_shared
from nlp.ky_lemmatizer import lemmatize


def read_tokens() -> list[tuple[str, str, str]]:
    path = need_shared() / "data" / "ud_kyrgyz_ktmu" / "ky_ktmu-ud-train.conllu"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            out.append((cols[1], cols[2], cols[3]))
    return out


def accuracy(tokens: list[tuple[str, str, str]], pos: tuple[str, ...]) -> float:
    chosen = [(form, gold) for form, gold, p in tokens if p in pos]
    return sum(lemmatize(form).lower() == gold.lower() for form, gold in chosen) / len(chosen)


def main() -> None:
    tokens = read_tokens()
    right: Counter[str] = Counter()
    base: Counter[str] = Counter()
    total: Counter[str] = Counter()
    errors: Counter[tuple[str, str, str]] = Counter()
    start = time.perf_counter()
    for form, gold, pos in tokens:
        predicted = lemmatize(form)
        total[pos] += 1
        right[pos] += predicted.lower() == gold.lower()
        base[pos] += form.lower() == gold.lower()
        if predicted.lower() != gold.lower() and pos in {"NOUN", "PROPN"}:
            errors[(form.lower(), gold.lower(), predicted)] += 1
    elapsed = time.perf_counter() - start
    for group in (("NOUN", "PROPN"), ("NOUN",), ("PROPN",), ("ADJ",), ("VERB",)):
        n = sum(total[p] for p in group)
        r = sum(right[p] for p in group)
        b = sum(base[p] for p in group)
        print(f"{'+'.join(group):11} n={n:5}  accuracy {r / n:.3f}  (unchanged baseline {b / n:.3f})")
    print(f"{len(tokens)} tokens in {elapsed:.2f} s (cold cache)")
    if "--errors" in sys.argv:
        limit = int(sys.argv[sys.argv.index("--errors") + 1])
        for (form, gold, predicted), n in errors.most_common(limit):
            print(f"{n:3} {form:25} gold={gold:20} got={predicted}")


if __name__ == "__main__":
    main()

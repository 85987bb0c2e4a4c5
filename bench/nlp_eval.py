"""Tagging quality on ../shared/corpus/dev_articles.jsonl (hand-labelled real articles) and on the
labelled articles of tests/data/, per language: precision, recall, F1 for "touches LSG" and "affects
local budgets", micro-F1 over competences; the development part and a held-aside part (every fifth
unit, never used for tuning) separately, and Kenesh's own labelled units: a development batch
(tests/data/labelled_dev.yaml) and two batches never tuned on (labelled_refs.yaml, labelled_refs_2.yaml,
from acts and sections the development set does not hold); throughput in words per second per pipeline
on one core. Each competence figure carries a 95% bootstrap interval (units resampled): on a part of a few
dozen units one article more or less moves the figure by several points, and the interval says how far.

Usage: .venv/bin/python -m bench.nlp_eval [--errors]
"""

from __future__ import annotations

import json
import random
import sys
import time
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from bench.common import ROOT, need_shared
from ingest.repair import repair_text
from nlp.pipelines import load
from nlp.tagger_service import is_local_act, local_act, tag_units, unit_context


def is_local(row: dict[str, Any]) -> bool:
    """An act of a local council: known from its header (title, issuer), here the act field and kind."""
    return local_act(row.get("act", ""), None) or row.get("doc_type") == "local_decision"


def held_aside(row: dict[str, Any]) -> bool:
    return int(row["id"].rsplit("-", 1)[1]) % 5 == 0


@lru_cache(maxsize=1)  # read once per process: the corpus checks ask for each part in turn
def rows() -> list[dict[str, Any]]:
    out = with_sections(
        [
            json.loads(line)
            for line in (need_shared() / "corpus" / "dev_articles.jsonl").read_text().splitlines()
        ]
    )
    extra = ROOT / "tests" / "data" / "labelled_articles.jsonl"
    if extra.exists():
        out += [json.loads(line) for line in extra.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


@cache
def corpus_text(path: str) -> tuple[str, str | None]:
    """A file of ../shared/corpus read through Kenesh's ingest (extraction and repair), as the product
    reads it: (text, detected language). Read once per process."""
    from core.settings import Settings
    from ingest.pipeline import process_file_bounded

    processed = process_file_bounded(Path(path), Settings(data_dir=ROOT / ".cache" / "nlp_eval"))
    return processed.text, processed.language


LABELLED = {  # Kenesh's own labelled units, per batch (tests/data/), each reported on its own
    "own-dev": "labelled_dev.yaml",  # development data: may be tuned on
    "extension": "labelled_refs.yaml",  # never tuned on
    "extension2": "labelled_refs_2.yaml",  # never tuned on
    "extension3": "labelled_refs_3.yaml",  # never tuned on (session 5: the Russian Civil Code)
    "extension4": "labelled_refs_4.yaml",  # never tuned on (session 11: the Russian Water Code)
}


@cache
def labelled_refs(batch: str = "extension") -> list[dict[str, Any]]:
    """Kenesh's own labelled units (tests/data/labelled_refs*.yaml): labels kept in the repository,
    texts read in place from ../shared/corpus through Kenesh's ingest and structure. A unit is named by
    its id, or by its number where that number is the act's only one."""
    import yaml

    from nlp.aliases import defined_aliases
    from nlp.structure import parse_act

    spec = yaml.safe_load((ROOT / "tests" / "data" / LABELLED[batch]).read_text(encoding="utf-8"))
    out = []
    for source in spec:
        path = need_shared() / "corpus" / source["source"]
        text, _ = corpus_text(str(path))
        act = parse_act(text, source["lang"])
        around = act.enclosing_headings()
        short_names = defined_aliases(text, source["lang"])
        by_id = {u.id: u for u in act.articles}
        by_number: dict[str, list[Any]] = {}
        for u in act.articles:
            if u.kind != "annex":  # an annex is named by its id («annex_1»), not by a point's number
                by_number.setdefault(u.number, []).append(u)
        for name, label in source["units"].items():
            unit = by_id.get(str(name))
            if unit is None:
                same = by_number.get(str(name), [])
                if len(same) != 1:
                    raise SystemExit(f"{source['source']}: {len(same)} units numbered {name}; name one by id")
                unit = same[0]
            out.append(
                {
                    "id": f"{batch}-{source['lang']}-{path.stem}-{name}",
                    "lang": source["lang"],
                    "act": act.header.title or "",
                    # a council's own act or not, as the product reads it from the act's header
                    "doc_type": "local_decision" if is_local_act(act) else "law",
                    "heading": unit.heading,
                    "heading_in_text": True,  # its text starts with its heading line, as in the product
                    "text": unit.text.strip(),
                    "section": around.get(unit.id, ""),
                    "aliases": short_names,  # the act's short names for LSG bodies, as the product reads them
                    **label,
                }
            )
    return out


def _flat(text: str) -> str:
    return " ".join(text.lower().split())


def with_sections(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each labelled article copied from a file in ../shared/corpus/github the headings of the
    chapters and sections around it in that file, as Kenesh sees them when it tags the whole act
    (``ParsedAct.enclosing_headings``). Articles copied from web pages keep none."""
    from nlp.structure import parse_act

    by_source: dict[str, list[dict[str, Any]]] = {}
    for row in items:
        if row.get("url", "").startswith("corpus/github/") and "section" not in row:
            by_source.setdefault(row["url"], []).append(row)
    for url, group in by_source.items():
        text, _ = corpus_text(str(need_shared() / url))
        act = parse_act(text, group[0]["lang"])
        around = act.enclosing_headings()
        units = [(_flat(u.text), around.get(u.id, "")) for u in act.articles]
        for row in group:
            key = _flat(repaired(row["text"]))[:60]
            row["section"] = next((section for text, section in units if key in text), "")
    return items


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bootstrap_f1(counts: list[tuple[int, int, int]], reps: int = 1000, seed: int = 0) -> tuple[float, float]:
    """The 95% interval of micro-F1 over units resampled with replacement; ``counts`` holds each unit's
    (true, false, missed) competences. Seeded, so a run prints the same interval for the same tags."""
    if not counts:
        return 1.0, 1.0
    rng = random.Random(seed)
    scores = []
    for _ in range(reps):
        sample = [counts[rng.randrange(len(counts))] for _ in counts]
        scores.append(f1(sum(c[0] for c in sample), sum(c[1] for c in sample), sum(c[2] for c in sample))[2])
    scores.sort()
    return scores[int(0.025 * reps)], scores[min(reps - 1, int(0.975 * reps))]


def repaired(text: str) -> str:
    return repair_text(text).text


def _with_heading(row: dict[str, Any]) -> str:
    if not row["heading"] or row.get("heading_in_text"):
        return str(row["text"])
    return f"{row['heading']}\n{row['text']}"


def predict(items: list[dict[str, Any]]) -> list[Any]:
    """Tags as the product makes them: the labelled text is verbatim extracted text (mojibake, hyphens,
    double spaces kept), so it goes through the same repair as an ingested file before tagging."""
    out: list[Any] = [None] * len(items)
    for lang in ("ky", "ru"):
        idx = [i for i, r in enumerate(items) if r["lang"] == lang]
        for local in (True, False):
            group = [i for i in idx if is_local(items[i]) == local]
            tags = tag_units(
                [(items[i]["heading"], repaired(_with_heading(items[i]))) for i in group],
                lang,
                local_act=local,
                sections=[unit_context(items[i].get("act"), items[i].get("section", "")) for i in group],
                aliases=[items[i].get("aliases", frozenset()) for i in group],
            )
            for i, t in zip(group, tags, strict=True):
                out[i] = t
    return out


def report(name: str, items: list[dict[str, Any]], tags: list[Any], show_errors: bool) -> dict[str, float]:
    figures: dict[str, float] = {}
    for lang in ("ky", "ru", "all"):
        sel = [(r, t) for r, t in zip(items, tags, strict=True) if lang == "all" or r["lang"] == lang]
        if not sel:
            continue
        line = [f"{name:10} {lang:3} n={len(sel):3}"]
        for label, attr in (("lsg", "lsg_relevant"), ("budget", "local_budget")):
            tp = sum(1 for r, t in sel if r[label] and getattr(t, attr))
            fp = sum(1 for r, t in sel if not r[label] and getattr(t, attr))
            fn = sum(1 for r, t in sel if r[label] and not getattr(t, attr))
            p, rec, f = f1(tp, fp, fn)
            figures[f"{lang}_{label}_f1"] = f
            # a batch of mostly passing mentions has few positives: its false alarms say more than its F1
            negatives = sum(1 for r, _ in sel if not r[label])
            figures[f"{lang}_{label}_specificity"] = 1.0 - fp / negatives if negatives else 1.0
            line.append(f"{label}: P={p:.2f} R={rec:.2f} F1={f:.3f} alarms={fp}/{negatives}")
        counts = []
        for r, t in sel:
            gold = set(r["competences"])
            pred = {c.id for c in t.competences}
            counts.append((len(gold & pred), len(pred - gold), len(gold - pred)))
        p, rec, f = f1(*(sum(c[k] for c in counts) for k in range(3)))
        low, high = bootstrap_f1(counts)
        figures[f"{lang}_competence_f1"] = f
        line.append(f"competences micro: P={p:.2f} R={rec:.2f} F1={f:.3f} [95% {low:.2f}-{high:.2f}]")
        print(" | ".join(line))
    if show_errors:
        for r, t in zip(items, tags, strict=True):
            if r["lsg"] != t.lsg_relevant or r["budget"] != t.local_budget:
                print(
                    f"  {r['id']} gold lsg={r['lsg']} budget={r['budget']} got lsg={t.lsg_relevant} "
                    f"budget={t.local_budget} :: {t.reason[:90]} :: {r['text'][:90]!r}"
                )
    return figures


def throughput() -> None:
    items = rows()
    for lang in ("ky", "ru"):
        texts = [r["text"] for r in items if r["lang"] == lang] * 3
        words = sum(len(t.split()) for t in texts)
        nlp = load(lang)
        list(nlp.pipe(texts[:20]))  # warm the caches of the first batch only
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        elapsed = time.perf_counter() - start
        print(f"throughput {lang}: {words / elapsed:,.0f} words/s ({words} words, one process)")


def main() -> dict[str, float]:
    items = rows()
    show = "--errors" in sys.argv
    dev = [r for r in items if not held_aside(r)]
    aside = [r for r in items if held_aside(r)]
    figures = {}
    parts = [("dev", dev), ("held-out", aside)] + [(batch, labelled_refs(batch)) for batch in LABELLED]
    for name, part in parts:
        tags = predict(part)
        figures.update(
            {f"{name}_{k}": v for k, v in report(name, part, tags, show and name == "dev").items()}
        )
    throughput()
    return figures


if __name__ == "__main__":
    main()

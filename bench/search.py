"""Search at scale: builds a corpus of articles recombined from real text (the codes and decisions in
../shared/corpus/github, read in place, and the seeds), indexes it into both backends and prints the
indexing rate, query latency p50/p95 over a fixed mix of 50 queries, index size on disk, and Kenesh's
end-to-end search time against the raw Elasticsearch query time for the same queries.

Usage: .venv/bin/python -m bench.search [--articles 200000] [--es-url http://127.0.0.1:9200]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import need_shared
from core.settings import Settings
from ingest.pipeline import process_file_bounded
from search.analysis import lemma_stream
from search.embedded import EmbeddedBackend
from search.models import SearchDoc, SearchRequest
from search.service import search

SOURCES = {
    "ky": [
        "ky_tax_code_2022.docx",
        "ky_labour_code_2004_mhtml.doc",
        "ky_land_code_1999.docx",
        "ky_law_2011_101_local_self_government_mhtml.doc",
        "ky_constitution_2021.docx",
    ],
    "ru": [
        "ru_tax_code_2022.txt",
        "ru_labour_code_2004.txt",
        "ru_code_on_offences_2021.txt",
        "ru_land_code_1999.txt",
        "ru_water_code_2005.txt",
    ],
}
QUERIES = [
    "бюджет",
    "жергиликтүү бюджет",
    '"жергиликтүү бюджет"',
    "салык",
    "мүлк салыгы",
    "жер",
    "кеңеш",
    "айыл өкмөтү",
    "муниципалдык менчик",
    "жайыт",
    "бюджет lang:ky",
    "бюджет lang:ru",
    "налог",
    '"местного бюджета"',
    "органы местного самоуправления",
    "штраф",
    "земельный участок",
    "аренда",
    "водоснабжение",
    "пастбище",
    "бюджет budget:yes",
    "competence:local_taxes_fees",
    "салык AND жеңилдик",
    "налог OR сбор",
    "бюджет -республикалык",
    "муниципал*",
    "жергиликтуу",
    "самоуправлениия",
    "type:code budget:yes",
    "date:2015..2020 бюджет",
    "кызмат",
    "эмгек акы",
    '"эмгек акы"',
    "трудовой договор",
    "отпуск",
    "өкмөт",
    "мэрия",
    "сессия депутат",
    "субвенция",
    "трансферт",
    "компенсация",
    "за счет",
    "эсебинен",
    "жер участогу",
    "курулуш",
    "суу",
    "competence:land_urban_planning lang:ru",
    "лицензия",
    "декларация",
    "төлөм",
]
COMPETENCES = [
    "local_budget",
    "local_taxes_fees",
    "municipal_property",
    "land_urban_planning",
    "water_sewerage",
    "roads",
    "lsg_organisation",
    "education_municipal",
]
TYPES = ["law", "code", "resolution", "decree", "decision"]


def sentences(shared: Path) -> dict[str, list[str]]:
    settings = Settings(data_dir=Path(tempfile.mkdtemp()))
    out: dict[str, list[str]] = {"ky": [], "ru": []}
    for lang, names in SOURCES.items():
        for name in names:
            text = process_file_bounded(shared / "corpus" / "github" / name, settings).text
            out[lang] += [s.strip() for s in re.split(r"(?<=[.;:])\s+", text) if 40 < len(s.strip()) < 400]
    for seed in sorted((shared / "seeds").glob("*.txt")):
        text = " ".join(seed.read_text(encoding="utf-8").split())
        out["ky"] += [s for s in re.split(r"(?<=[.;])\s+", text) if 40 < len(s) < 400]
    return out


def corpus(n: int, pool: dict[str, list[str]]) -> list[SearchDoc]:
    rng = random.Random(42)
    docs = []
    for i in range(n):
        lang = "ky" if i % 2 == 0 else "ru"
        text = " ".join(rng.sample(pool[lang], rng.randint(2, 6)))
        document_id = i // 20 + 1
        year = 2000 + rng.randint(0, 25)
        competences = rng.sample(COMPETENCES, rng.randint(0, 2))
        docs.append(
            SearchDoc(
                key=f"{document_id}:art_{i}",
                document_id=document_id,
                version_id=document_id,
                version_seq=1,
                latest=True,
                unit_id=f"art_{i % 20 + 1}",
                number=str(i % 20 + 1),
                heading="",
                title=f"Act {document_id}",
                language=lang,
                act_type=rng.choice(TYPES),
                draft=rng.random() < 0.2,
                date=f"{year}-01-15",
                year=year,
                source=rng.choice(["pdf", "docx", "doc"]),
                competences=competences,
                budget="local_budget" in competences,
                lsg=bool(competences),
                text=text,
                lemmas=lemma_stream(text, lang),
            )
        )
    return docs


def _run(backend: object) -> tuple[list[float], list[dict[str, object]]]:
    times, bodies = [], []
    for n, query in enumerate(QUERIES):
        start = time.perf_counter()
        # every fifth query asks for facets too
        search(backend, SearchRequest(query=query, limit=10, facets=n % 5 == 0))  # type: ignore[arg-type]
        times.append((time.perf_counter() - start) * 1000)
        bodies.append(dict(getattr(backend, "last_body", {})))
    return times, bodies


def latency(backend: object, label: str, raw: object = None) -> None:
    """The mix once to warm caches (reported), then timed: Kenesh end to end, then the raw Elasticsearch
    calls with the very bodies Kenesh sent, both on warm caches."""
    cold, _ = _run(backend)
    times, bodies = _run(backend)
    raw_times = []
    if raw is not None:
        for body in bodies:
            start = time.perf_counter()
            backend.client.search(index=backend.alias, **body)  # type: ignore[attr-defined]
            raw_times.append((time.perf_counter() - start) * 1000)
    cold.sort()
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"{label}: first pass p50 {statistics.median(cold):.1f} ms, "
        f"p95 {cold[int(len(cold) * 0.95) - 1]:.1f} ms; "
        f"warm p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms (50 queries)"
    )
    if raw_times:
        raw_times.sort()
        print(
            f"{label}: raw Elasticsearch p50 {statistics.median(raw_times):.1f} ms; "
            "Kenesh end-to-end / raw = "
            f"{statistics.median(times) / statistics.median(raw_times):.2f} (p50), "
            f"{sum(times) / sum(raw_times):.2f} (total)"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--es-url", default="http://127.0.0.1:9200")
    parser.add_argument("--skip-es", action="store_true")
    parser.add_argument("--skip-embedded", action="store_true")
    args = parser.parse_args()
    shared = need_shared()
    start = time.perf_counter()
    docs = corpus(args.articles, sentences(shared))
    print(
        f"corpus: {len(docs)} articles recombined from real text in {time.perf_counter() - start:.0f} s "
        "(analysis included)"
    )

    if not args.skip_embedded:
        run_embedded(docs)
    if not args.skip_es:
        run_es(docs, args.es_url)


def run_embedded(docs: list[SearchDoc]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="kenesh-bench-search-"))
    embedded = EmbeddedBackend(folder / "search.sqlite3")
    start = time.perf_counter()
    for i in range(0, len(docs), 5000):
        embedded.index(docs[i : i + 5000])
    elapsed = time.perf_counter() - start
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(f"embedded: indexed {len(docs) / elapsed:.0f} articles/s, {size:.0f} MB on disk")
    latency(embedded, "embedded")
    shutil.rmtree(folder, ignore_errors=True)


def run_es(docs: list[SearchDoc], url: str) -> None:
    if True:
        from search.elastic import ElasticBackend

        es = ElasticBackend(url, alias="kenesh-bench")
        for index in list(es.client.indices.get(index="kenesh-bench*").keys()):
            es.client.indices.delete(index=index)
        es.ensure()
        start = time.perf_counter()
        es._bulk(docs)
        es.refresh()
        elapsed = time.perf_counter() - start
        stats = es.client.indices.stats(index=es.alias)
        size = stats["_all"]["primaries"]["store"]["size_in_bytes"] / 1e6
        print(f"elasticsearch: indexed {len(docs) / elapsed:.0f} articles/s, {size:.0f} MB on disk")
        latency(es, "elasticsearch", raw=True)


if __name__ == "__main__":
    main()

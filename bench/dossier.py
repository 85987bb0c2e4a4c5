"""Protocol dossier at scale: a meeting with 30 agenda items, 300 affected articles and 600 positions.
Prints the time and peak memory to gather and write the DOCX (target: under 5 s), and to render the
PDF through LibreOffice (the converter's own peak memory reported separately).

The drafts are stored directly as structured, tagged versions (ingest and NLP have their own
benchmarks); their article texts are real sentences of the seed documents when ../shared is there.

Usage: .venv/bin/python -m bench.dossier [--items 30] [--articles 10] [--positions 2]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

import pypdfium2

from core.db import Database
from core.models import Document, UnitRecord, Version
from core.settings import Settings
from dossiers.meetings import add_item, create_meeting, decide
from dossiers.positions import add_position
from dossiers.service import build_dossier

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FALLBACK = (
    "Мектепке чейинки билим берүү уюмдарынын кызматкерлеринин эмгек акы фонду жергиликтүү бюджеттин "
    "эсебинен каржыланат. Айыл өкмөтү имараттарды күтүүгө жылына 1 500 000 сом бөлөт."
)
COMPETENCES = ["local_budget", "education_municipal", "social_protection", "roads", "waste"]
ORGS = [
    ("lsg-union", "objects"),
    ("minfin", "supports"),
    ("Ош шаардык кеңеши", "amends"),
    ("mineducation", "objects"),
]


def sentences() -> list[str]:
    found: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [s.strip() for s in text.replace("\n", " ").split(". ") if 80 < len(s.strip()) < 400]
    return found or [FALLBACK]


def store_drafts(db: Database, items: int, articles: int, rng: random.Random) -> list[int]:
    pool = sentences()
    ids = []
    with db.session() as session:
        for i in range(items):
            body = []
            units = []
            for n in range(1, articles + 1):
                text = ". ".join(rng.sample(pool, k=min(4, len(pool)))) + "."
                body.append(f"{n}-берене.\n{text}")
                units.append((n, text))
            full = "\n\n".join(body)
            document = Document(title=f"Бенчмарк долбоору {i + 1}", act_type="law", number=str(100 + i))
            version = Version(
                document=document,
                seq=1,
                sha256=hashlib.sha256(full.encode()).hexdigest(),
                filename=f"draft_{i + 1}.txt",
                size=len(full.encode()),
                format="text",
                language="ky",
                text=full,
                status="done",
                stage="notified",
            )
            session.add(document)
            for ordinal, (n, text) in enumerate(units):
                tags = {
                    "lsg_relevant": True,
                    "local_budget": n % 2 == 0,
                    "competences": [{"id": rng.choice(COMPETENCES), "score": 1.0, "evidence": []}],
                    "budget": {"kind": "spending_obligation", "amounts": [], "evidence": []},
                    "entities": [],
                }
                session.add(
                    UnitRecord(
                        version=version,
                        unit_id=f"art_{n}",
                        kind="article",
                        number=str(n),
                        heading="",
                        text=text,
                        ordinal=ordinal,
                        tags=tags,
                    )
                )
            session.flush()
            ids.append(document.id)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--articles", type=int, default=10, help="affected articles per item")
    parser.add_argument("--positions", type=int, default=2, help="positions per article")
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="kenesh-bench-dossier-") as tmp:
        db = Database(Settings(data_dir=Path(tmp)))
        t0 = time.perf_counter()
        documents = store_drafts(db, args.items, args.articles, rng)
        meeting = create_meeting(
            db,
            kind="budget-committee",
            date_="2026-11-30",
            title="Бенчмарк жыйыны",
            place="Бишкек",
            chair="Төрага",
            secretary="Катчы",
            participants=[(f"Катышуучу {i}", "ЖӨБ Союзу", None) for i in range(12)],
        )
        count = 0
        for document_id in documents:
            add_item(db, meeting.id, document_id)
            for n in range(1, args.articles + 1):
                for k in range(args.positions):
                    org, stance = ORGS[(n + k) % len(ORGS)]
                    add_position(
                        db,
                        document_id,
                        article=str(n),
                        org=org,
                        stance=stance,
                        text="Негиздеме: " + " ".join(rng.sample(sentences(), 1))[:300],
                        wording="Сунушталган редакция." if stance == "amends" else None,
                        cost=str(rng.randrange(10_000, 50_000_000)),
                        cost_period="жылына",
                        basis="Бюджеттик кодекстин 49-беренесинин 3-бөлүгү",
                    )
                    count += 1
            decide(db, meeting.id, document_id, article="1", status="committee", text="Комитетке жөнөтүлсүн.")
        print(
            f"setup: {args.items} items, {args.items * args.articles} articles, {count} positions "
            f"in {time.perf_counter() - t0:.1f} s"
        )

        build_dossier(db, meeting.id, "ky")  # warm: imports, template, labels
        timings = []
        for _ in range(3):
            t = time.perf_counter()
            _, content = build_dossier(db, meeting.id, "ky")
            timings.append(time.perf_counter() - t)
        elapsed = sorted(timings)[1]
        tracemalloc.start()  # a separate pass: tracing slows Python down several times
        build_dossier(db, meeting.id, "ky")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"DOCX (median of 3 builds): {elapsed:.2f} s (target < 5 s), {len(content) / 1e6:.2f} MB, "
            f"peak Python allocations {peak / 1e6:.0f} MB, process peak RSS {rss:.0f} MB"
        )
        if not args.no_pdf:
            t = time.perf_counter()
            _, pdf = build_dossier(db, meeting.id, "ky", "pdf")
            elapsed = time.perf_counter() - t
            child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            pages = len(pypdfium2.PdfDocument(pdf))
            print(
                f"PDF (DOCX + LibreOffice): {elapsed:.2f} s, {len(pdf) / 1e6:.2f} MB, {pages} pages, "
                f"LibreOffice peak RSS {child:.0f} MB"
            )


if __name__ == "__main__":
    main()

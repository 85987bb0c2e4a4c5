"""What each repair changed, in counts, on the seeds and on every readable file of ../shared/corpus.

Usage: .venv/bin/python -m bench.repair_report [--corpus-only|--seeds-only]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bench.common import need_shared
from core.errors import KeneshError
from core.settings import Settings
from ingest.pipeline import process_file_bounded
from ingest.repair import repair_text
from ingest.repair.mojibake import mojibake_tokens

COLUMNS = [
    "mojibake_words",
    "keyboard_letters",
    "glued_words_split",
    "hyphens_joined",
    "hyphens_kept",
    "footnote_markers",
    "running_heads",
    "page_numbers",
    "bullets",
    "quotes",
    "dashes",
    "spaced_numeral_dashes",
    "latin_lookalikes",
    "latin_n_numbers",
    "odd_spaces",
    "invisible_chars",
]


def row(name: str, stats: dict[str, int], extra: str = "") -> str:
    cells = " ".join(f"{stats.get(c, 0):>6}" for c in COLUMNS)
    return f"{name[:48]:48} {cells} {extra}"


def main() -> None:
    shared = need_shared()
    header = f"{'file':48} " + " ".join(f"{c[:6]:>6}" for c in COLUMNS)
    total: Counter[str] = Counter()
    if "--corpus-only" not in sys.argv:
        print("== seeds ==")
        print(header)
        for path in sorted((shared / "seeds").glob("*.txt")):
            result = repair_text(path.read_text(encoding="utf-8"))
            total.update(result.stats)
            left = len(mojibake_tokens(result.text))
            print(row(path.name, result.stats, f"mapping={result.font_mapping} mojibake_left={left}"))
    if "--seeds-only" not in sys.argv:
        settings = Settings(data_dir=Path("/tmp/kenesh-repair-report"))
        for folder in ("github", "acts"):
            print(f"== corpus/{folder} ==")
            print(header)
            for path in sorted((shared / "corpus" / folder).iterdir()):
                if path.suffix == ".md":
                    continue
                try:
                    processed = process_file_bounded(path, settings)
                except KeneshError as exc:
                    print(f"{path.name[:48]:48} error {exc.code}: {exc.message[:60]}")
                    continue
                stats = {k: v for k, v in processed.repairs.items() if isinstance(v, int)}
                total.update(stats)
                mapping = processed.repairs.get("font_mapping")
                print(row(path.name, stats, f"{processed.language} mapping={mapping}"))
    print("== total ==")
    print(header)
    print(row("all", dict(total)))


if __name__ == "__main__":
    main()

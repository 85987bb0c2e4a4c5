"""From a file to clean text: detect and read the format, repair, detect language, identify the act.

``process_file`` is the one function the CLI, the API and the workers call; ``process_file_bounded``
runs it in a child process with a time and memory limit so one hostile file cannot stall the rest.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import resource
import traceback
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from core.errors import ERRORS_BY_CODE, ExtractOutOfMemory, ExtractTimeout, IngestError, KeneshError
from core.settings import Settings
from ingest.identity import ActIdentity, identify
from ingest.langdetect import detect
from ingest.readers import extract
from ingest.repair import repair_pages


@dataclass
class Processed:
    format: str
    text: str
    language: str
    page_count: int
    identity: ActIdentity
    page_count_estimated: bool = False
    ocr: bool = False
    ocr_confidence: float | None = None
    ocr_pages: list[int] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    repairs: dict[str, Any] = field(default_factory=dict)
    paragraph_languages: dict[str, int] = field(default_factory=dict)


CHARS_PER_PAGE = 1800  # an A4 page of a legal act in 12 pt


def estimate_pages(text: str) -> int:
    """Flow formats (DOC, HTML, text) keep no page count; estimate it from the text's length."""
    return max(1, -(-len(text) // CHARS_PER_PAGE))


def process_file(path: Path, settings: Settings, name: str | None = None) -> Processed:
    extraction = extract(path, settings, name)
    repaired = repair_pages(extraction.pages, fonts=extraction.fonts, paged=extraction.paged)
    language, paragraph_languages = detect(repaired.text)
    repairs: dict[str, Any] = dict(repaired.stats)
    if repaired.font_mapping:
        repairs["font_mapping"] = repaired.font_mapping
    return Processed(
        format=extraction.format,
        text=repaired.text,
        language=language,
        page_count=extraction.page_count or estimate_pages(repaired.text),
        page_count_estimated=extraction.page_count is None,
        identity=identify(repaired.text),
        ocr=extraction.ocr,
        ocr_confidence=extraction.ocr_confidence,
        ocr_pages=extraction.ocr_pages,
        footnotes=extraction.footnotes,
        repairs=repairs,
        paragraph_languages=paragraph_languages,
    )


@lru_cache(maxsize=1)
def warm_up() -> None:
    """Load dictionaries in the parent once, so each forked reader shares them instead of reloading."""
    from ingest.repair.lexicon import shipped_words
    from ingest.repair.mojibake import load_mappings
    from ingest.repair.russian import morph_analyzer

    shipped_words()
    load_mappings()
    morph_analyzer()


def _child(path: str, settings_json: str, conn: Any, name: str | None = None) -> None:
    settings = Settings.model_validate_json(settings_json)
    limit = settings.extract_memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result = process_file(Path(path), settings, name)
        conn.send(("ok", asdict(result)))
    except KeneshError as exc:
        conn.send(("error", {"code": exc.code, "stage": exc.stage, "message": exc.message}))
    except MemoryError:
        conn.send(
            (
                "error",
                {
                    "code": "out_of_memory",
                    "stage": "extract",
                    "message": f"Reading the file needed more than {settings.extract_memory_mb} MB.",
                },
            )
        )
    except Exception as exc:  # an unexpected failure in a library: keep it on this document
        conn.send(
            (
                "error",
                {
                    "code": "corrupt",
                    "stage": "extract",
                    "message": f"The file could not be read ({type(exc).__name__}: {exc}).",
                    "trace": traceback.format_exc(limit=5),
                },
            )
        )
    finally:
        conn.close()


def process_file_bounded(path: Path, settings: Settings, name: str | None = None) -> Processed:
    """``process_file`` in a forked child with ``extract_timeout_s`` and ``extract_memory_mb`` limits."""
    if not settings.sandbox:
        return process_file(path, settings, name)
    warm_up()
    gc.freeze()  # objects so far stay shared with the child instead of being copied by its collector
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(str(path), settings.model_dump_json(), child, name), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(settings.extract_timeout_s):
            proc.kill()
            raise ExtractTimeout(f"Reading the file took longer than {settings.extract_timeout_s:.0f} s.")
        try:
            status, payload = parent.recv()
        except EOFError as exc:
            raise ExtractOutOfMemory(
                f"The reader stopped abruptly (exit code {proc.exitcode}); the file may need more than "
                f"{settings.extract_memory_mb} MB."
            ) from exc
    finally:
        proc.join(timeout=5)
        if proc.is_alive():
            proc.kill()
        parent.close()
    if status == "error":
        cls = ERRORS_BY_CODE.get(payload["code"], IngestError)
        error = cls(payload["message"], stage=payload["stage"])
        raise error
    payload["identity"] = ActIdentity(**payload["identity"])
    return Processed(**payload)

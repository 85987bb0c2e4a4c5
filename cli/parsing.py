"""``kenesh parse``: files (or stdin) to parsed acts, without storing anything."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from core.errors import KeneshError
from core.settings import Settings
from ingest.pipeline import process_file_bounded
from ingest.repair import repair_text
from nlp.structure import ParsedAct, parse_act


def act_json(file: str, act: ParsedAct) -> dict[str, Any]:
    return {
        "file": file,
        "language": act.language,
        "act": act.header.to_json(),
        "articles": [a.to_json() for a in act.articles],
        "amendments": [a.to_json() for a in act.amendments],
        "citations": [c.to_json() for c in act.citations],
    }


def parse_inputs(files: list[str], settings: Settings) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for file in files:
        try:
            if file == "-":
                text = repair_text(sys.stdin.read()).text
                results.append(act_json(file, parse_act(text)))
                continue
            processed = process_file_bounded(Path(file), settings)
            language = processed.language if processed.language in {"ky", "ru"} else None
            results.append(act_json(file, parse_act(processed.text, language)))
        except KeneshError as exc:
            results.append(
                {"file": file, "error": {"code": exc.code, "stage": exc.stage, "message": exc.message}}
            )
        except OSError as exc:
            results.append(
                {"file": file, "error": {"code": "not_found", "stage": "detect", "message": str(exc)}}
            )
    return results

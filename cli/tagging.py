"""``kenesh tag`` and ``kenesh lemmatize``: the NLP stage on files or words, without storing."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from core.errors import KeneshError
from core.settings import Settings
from ingest.pipeline import process_file_bounded
from ingest.repair import repair_text
from nlp.tagger_service import tag_act

PUBLIC_FIELDS = (
    "number",
    "heading",
    "lsg_relevant",
    "local_budget",
    "competences",
    "budget",
    "entities",
    "id",
    "kind",  # article, point, or annex: an annex may share a point's number
    "reason",
    "language",
    "amendments",  # an amending article only: each change it makes, tagged
)


def tag_inputs(files: list[str], language: str, settings: Settings) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    for file in files:
        try:
            if file == "-":
                text = repair_text(sys.stdin.read()).text
                detected = None
            else:
                processed = process_file_bounded(Path(file), settings)
                text, detected = processed.text, processed.language
            lang = None if language == "auto" else language
            tagged = tag_act(text, lang or detected)
            results.append(
                {
                    "file": file,
                    "language": tagged["language"],
                    "act": tagged["act"],
                    "articles": [{k: a[k] for k in PUBLIC_FIELDS if k in a} for a in tagged["articles"]],
                    "summary": tagged["summary"],
                }
            )
        except KeneshError as exc:
            results.append(
                {"file": file, "error": {"code": exc.code, "stage": exc.stage, "message": exc.message}}
            )
    return results


def lemmatize_lines(lines: list[str], language: str) -> list[dict[str, str]]:
    from nlp.lemmas import lemmatizer_for

    lemmatize = lemmatizer_for(language)
    out = []
    for line in lines:
        word = line.strip()
        out.append({"word": word, "lemma": lemmatize(word) if word else ""})
    return out

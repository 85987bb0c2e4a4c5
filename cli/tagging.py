"""``kenesh tag`` and ``kenesh lemmatize``: the NLP stage on files or words, without storing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import KeneshError
from core.settings import Settings
from ingest.pipeline import process_file_bounded
from ingest.repair import repair_text
from nlp.tagger_service import tag_act

if TYPE_CHECKING:
    from nlp.stored_acts import Lookup

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


def _store_exists(settings: Settings) -> bool:
    """A store to read from: a configured database, or the embedded one already made by ingest (a bare
    ``kenesh tag`` creates nothing)."""
    return bool(settings.database_url) or (settings.data_dir / "kenesh.sqlite3").exists()


def tag_inputs(files: list[str], language: str, settings: Settings) -> list[dict[str, Any]]:
    """Tag each file; a change an amending file makes to an act in the store is judged by that act's stored
    article, as at ingest (nlp/stored_acts.py)."""
    if not _store_exists(settings):
        return [_tag_one(file, language, settings, None) for file in files]
    from core.db import Database
    from nlp.stored_acts import stored_lookup

    db = Database(settings)
    with db.session() as session:
        return [
            _tag_one(file, language, settings, lambda lang: stored_lookup(session, lang, own_document=None))
            for file in files
        ]


def _tag_one(
    file: str, language: str, settings: Settings, lookup_for: Callable[[str], Lookup] | None
) -> dict[str, Any]:
    """One file's result, or its error: a bad file does not stop the others."""
    try:
        if file == "-":
            text = repair_text(sys.stdin.read()).text
            detected = None
        else:
            processed = process_file_bounded(Path(file), settings)
            text, detected = processed.text, processed.language
        chosen = (None if language == "auto" else language) or detected
        lookup = lookup_for(chosen if chosen in {"ky", "ru"} else "ky") if lookup_for else None
        tagged = tag_act(text, chosen, lookup=lookup)
    except KeneshError as exc:
        return {"file": file, "error": {"code": exc.code, "stage": exc.stage, "message": exc.message}}
    return {
        "file": file,
        "language": tagged["language"],
        "act": tagged["act"],
        "articles": [{k: a[k] for k in PUBLIC_FIELDS if k in a} for a in tagged["articles"]],
        "summary": tagged["summary"],
    }


def lemmatize_lines(lines: list[str], language: str) -> list[dict[str, str]]:
    from nlp.lemmas import lemmatizer_for

    lemmatize = lemmatizer_for(language)
    out = []
    for line in lines:
        word = line.strip()
        out.append({"word": word, "lemma": lemmatize(word) if word else ""})
    return out

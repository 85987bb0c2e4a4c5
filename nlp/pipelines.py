"""The Kyrgyz and Russian pipelines: blank spaCy languages with legal-text tokenizer rules, our
lemmatizer, a sentencizer and the tagger. Packaged under nlp/pipelines/<lang> (config + tokenizer
data, no model weights) and loaded with ``spacy.load``; nothing is downloaded."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

import nlp.components  # noqa: F401  (registers the factories)

PACKAGED = Path(__file__).parent / "pipelines"
ABBREVIATIONS = {
    "ky": ["ж.б.", "т.б.", "ж.", "ст.", "п.", "б.", "КР", "ЖӨБ", "ЖК", "№"],
    "ru": ["ст.", "п.", "пп.", "ч.", "г.", "гг.", "т.е.", "т.д.", "т.п.", "КР", "МСУ", "№", "и т.д."],
}


def _tokenizer_rules(nlp: Language, lang: str) -> None:
    # Keep «9-беренесинин», «2021-жылдын», «иш-аракет» whole: drop the infix that splits on hyphens
    # between letters or digits and letters.
    tokenizer: Any = nlp.tokenizer
    infixes: list[Any] = [p for p in (nlp.Defaults.infixes or []) if "-" not in str(p)]
    infixes.append(r"(?<=[\w])[—–](?=[\w])")
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # a point's number glued to its first word («2.Ош шаардык Кеңешинин», «6.7.АКке») is a token of its own,
    # so the word is read
    prefixes: list[Any] = [
        r"\d+(?:\.\d+)*\.(?=[^\W\d_])",
        r"\d{1,3}\.(?=(?:19|20)\d\d\s*-\s*ж)",  # … or to a year («14.2015-жылдын 1-январына»)
        r"(?:\d{1,3}|[а-яa-z])\)(?=[^\W\d_])",  # an item glued to its word («11)турмуш», «а)организация»)
        *(nlp.Defaults.prefixes or []),
    ]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    for abbreviation in ABBREVIATIONS[lang]:
        tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])


def build(lang: str) -> Language:
    nlp = spacy.blank(lang)
    _tokenizer_rules(nlp, lang)
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";", "\n\n"]})
    nlp.add_pipe("kenesh_lemmatizer", config={"lang": lang})
    nlp.add_pipe("kenesh_tagger", config={"lang": lang})
    nlp.meta["name"] = f"kenesh_{lang}"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = "Kenesh legal-text pipeline: tokenizer rules, lemmatizer, LSG and budget tagger"
    return nlp


@lru_cache(maxsize=2)
def load(lang: str) -> Language:
    """The packaged pipeline for ``lang`` ('ky' or 'ru'), built in code if the package is missing."""
    lang = "ky" if lang not in {"ky", "ru"} else lang
    path = PACKAGED / lang
    if (path / "config.cfg").exists():
        return spacy.load(path)
    return build(lang)


def package(target: Path = PACKAGED) -> None:
    for lang in ("ky", "ru"):
        (target / lang).mkdir(parents=True, exist_ok=True)
        build(lang).to_disk(target / lang)

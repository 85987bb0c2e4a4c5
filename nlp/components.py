"""spaCy components of the Kenesh pipelines, registered with spaCy's registry (and as entry points,
so ``spacy.load`` of a packaged pipeline directory finds them without importing Kenesh first)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc, Token

from ingest.repair.lexicon import shipped_words
from nlp.aliases import alias_pattern
from nlp.lemmas import lemma_key, lemmatizer_for
from nlp.lexicons import FUZZY_KEY_LENGTH, lexicons
from nlp.tagging import tag_tokens
from nlp.tags import ArticleTags, TokenView

if not Token.has_extension("key"):
    Token.set_extension("key", default="")
if not Doc.has_extension("tags"):
    Doc.set_extension("tags", default=None)
if not Doc.has_extension("local_act"):
    Doc.set_extension("local_act", default=False)
if not Doc.has_extension("local_tax_section"):
    Doc.set_extension("local_tax_section", default=False)
if not Doc.has_extension("procedural"):
    Doc.set_extension("procedural", default=False)
if not Doc.has_extension("glossary"):
    Doc.set_extension("glossary", default=False)
if not Doc.has_extension("agenda"):
    Doc.set_extension("agenda", default=False)
if not Doc.has_extension("forum"):
    Doc.set_extension("forum", default=False)
if not Doc.has_extension("other_body"):
    Doc.set_extension("other_body", default=False)
if not Doc.has_extension("heading_fields"):
    Doc.set_extension("heading_fields", default=frozenset())
if not Doc.has_extension("context_fields"):
    Doc.set_extension("context_fields", default=())
if not Doc.has_extension("generic_subject"):
    Doc.set_extension("generic_subject", default=False)
if not Doc.has_extension("actor_aliases"):
    Doc.set_extension("actor_aliases", default=frozenset())

FUZZY_SCORE = 80
KNOWN_STEM = 3  # a Kyrgyz lemma seen this often on its own is a word, whatever suffixes a rare form adds


class KeneshLemmatizer:
    """Sets ``token.lemma_`` (Kyrgyz rules or pymorphy3) and ``token._.key``, the lemma used for
    matching, with misspelled key terms («жергилкитүү») mapped to the term they misspell."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lemmatize = lemmatizer_for(lang)

    @lru_cache(maxsize=200_000)  # noqa: B019 - one instance per pipeline, kept for its lifetime
    def key_of(self, word: str) -> tuple[str, str]:
        lemma = self.lemmatize(word)
        key = lemma_key(lemma, self.lang)
        low = word.lower()
        typed_for = lexicons(self.lang).keyboard_folded.get(key)
        if typed_for is not None and low not in shipped_words() and key not in shipped_words():
            # a term typed on a Russian keyboard («оз алдынча», «мулкү»), not a word of its own
            return lemma, typed_for
        if len(low) >= FUZZY_KEY_LENGTH - 1 and low.isalpha() and self._unknown(low, lemma):
            lex = lexicons(self.lang)
            found = (
                process.extractOne(low, lex.key_words.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
                if len(low) >= FUZZY_KEY_LENGTH
                else None
            )
            # else a letter dropped or two swapped: «оргнов» (too short for a fuzzy match), «эсебнен»
            key = lex.key_words[found[0]] if found is not None else lex.near_misses.get(low, key)
        return lemma, key

    def _unknown(self, low: str, lemma: str) -> bool:
        if self.lang == "ky":
            known = shipped_words()  # a word seen once or twice may itself be a typo of a key term …
            common = known.get(lemma, 0) >= KNOWN_STEM or lemma in lexicons(self.lang).term_lemmas
            if lemma != low and common:
                # … not a rare form of a common word: «кызматына» is «кызмат», not «кызматчы»; nor of a word
                # the fields' terms use: «тармагынын» is «тармак» (of «сугат тармагы»), not «аймагынын»
                return False
            return known.get(low, 0) <= 2 and low not in lexicons(self.lang).key_words
        from nlp.lemmas import ru_morph

        return not ru_morph().word_is_known(low)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.is_alpha or "-" in token.text:
                lemma, key = self.key_of(token.text)
            else:
                lemma = key = token.text.lower()
            token.lemma_ = lemma
            token._.key = key
        return doc


class KeneshTagger:
    """Tags the Doc (one article) with LSG relevance, competences and local-budget impact."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        sent_of: dict[int, int] = {}
        for n, sent in enumerate(doc.sents) if doc.has_annotation("SENT_START") else enumerate([doc[:]]):
            for token in sent:
                sent_of[token.i] = n
        views = [
            TokenView(t.text, t.idx, t.idx + len(t.text), t._.key, sent_of.get(t.i, 0))
            for t in doc
            if not t.is_space and not t.is_punct
        ]
        doc._.tags = tag_tokens(
            views,
            doc.text,
            lexicons(self.lang),
            local_act=bool(doc._.local_act),
            local_tax_section=bool(doc._.local_tax_section),
            procedural=bool(doc._.procedural),
            heading_fields=frozenset(doc._.heading_fields),
            other_body=bool(doc._.other_body),
            glossary=bool(doc._.glossary),
            agenda=bool(doc._.agenda),
            forum=bool(doc._.forum),
            context_fields=tuple(doc._.context_fields),
            generic_subject=bool(doc._.generic_subject),
            actor_alias=alias_pattern(frozenset(doc._.actor_aliases)),
        )
        return doc


@Language.factory("kenesh_lemmatizer", default_config={"lang": "ky"})
def make_lemmatizer(nlp: Language, name: str, lang: str) -> KeneshLemmatizer:
    return KeneshLemmatizer(lang)


@Language.factory("kenesh_tagger", default_config={"lang": "ky"})
def make_tagger(nlp: Language, name: str, lang: str) -> KeneshTagger:
    return KeneshTagger(lang)


def tags_of(doc: Doc) -> ArticleTags:
    tags: Any = doc._.tags
    return tags

"""The structure of an act: header, unit tree, citations, amendments, version and language diffs."""

from nlp.structure.diff import ArticleChange, ArticleView, align_languages, diff_articles
from nlp.structure.model import ActHeader, Amendment, Citation, ParsedAct, Unit
from nlp.structure.parser import parse_act, parse_structure

__all__ = [
    "ActHeader",
    "Amendment",
    "ArticleChange",
    "ArticleView",
    "Citation",
    "ParsedAct",
    "Unit",
    "align_languages",
    "diff_articles",
    "parse_act",
    "parse_structure",
]

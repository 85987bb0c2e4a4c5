"""The changes an amending act makes, tagged one by one: each is read as the text it writes into the
amended act, with the words of the amending article that name that act. The CLI's ``tag`` and the stored
tags (``nlp.service``) attach them to the amending article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nlp.key_acts import KeyArticle, key_article
from nlp.tagger_service import tag_units
from nlp.tags import ArticleTags

if TYPE_CHECKING:
    from nlp.stored_acts import Lookup


def _article_of(source_unit: str, article_ids: list[str]) -> str | None:
    """The article an amendment item sits in («art_1__item_2» is in «art_1»)."""
    found = [a for a in article_ids if source_unit == a or source_unit.startswith(a + "__")]
    return max(found, key=len) if found else None


def _lead_in(article_text: str, amendment: dict[str, Any]) -> str:
    """The words of the amending article that name the act being changed (««Жергиликтүү өз алдынча башкаруу
    жөнүндө» Мыйзамына төмөнкүдөй өзгөртүүлөр киргизилсин:»): the line holding the amended act's title,
    last before the instruction, up to its colon. An item alone does not say which act it changes."""
    title = str((amendment.get("target_act") or {}).get("title") or "")
    end = article_text.find(str(amendment.get("instruction") or "")[:60])
    before = article_text[: end if end >= 0 else len(article_text)]
    at = before.rfind(title) if title else -1
    if at < 0:
        return ""
    start = before.rfind("\n", 0, at) + 1
    colon = before.find(":", at)
    return before[start : colon + 1 if colon >= 0 else len(before)].strip()


@dataclass
class _Composed:
    """The text an amendment is tagged as, made of pieces of the amending article, and where each piece
    stands in that article, so evidence points into the article the reader has."""

    text: str
    pieces: list[tuple[int, int, int]]  # (start in text, start in the article or -1, length)

    @classmethod
    def of(cls, pieces: list[str], article_text: str) -> _Composed:
        text, placed = "", []
        for piece in pieces:
            if text:
                text += "\n"
            placed.append((len(text), article_text.find(piece), len(piece)))
            text += piece
        return cls(text, placed)

    def place(self, tags: ArticleTags) -> None:
        spans = [e for c in tags.competences for e in c.evidence] + tags.budget.evidence + tags.actors
        for e in {id(e): e for e in spans}.values():
            for start, at, length in self.pieces:
                if start <= e.start < start + length and at >= 0:
                    shift = at - start
                    e.start, e.end = e.start + shift, min(e.end, start + length) + shift
                    break


def tag_amendments(
    amendments: list[dict[str, Any]],
    article_texts: dict[str, str],
    language: str,
    lookup: Lookup | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Each change an amending article makes, tagged as the text it writes into the amended act, read
    with the words that name that act: a draft's «article 1» often changes twenty articles of several
    laws, and the analyst needs to know which of those changes touch LSG and local budgets. A part
    deleted from the LSG law touches LSG though its words are not given. Keyed by the amending article.
    ``lookup``: what a changed article of a stored act is about (nlp/stored_acts.py), for acts that are
    no key act."""
    placed = [(a, _article_of(str(a.get("source_unit") or ""), list(article_texts))) for a in amendments]
    placed = [(a, art) for a, art in placed if art is not None]
    if not placed:
        return {}
    composed = []
    for amendment, article in placed:
        text = article_texts[str(article)]
        pieces = [_lead_in(text, amendment), str(amendment.get("instruction") or "")]
        if amendment.get("new_text"):
            pieces.append(str(amendment["new_text"]))
        composed.append(_Composed.of([p for p in pieces if p], text))
    out: dict[str, list[dict[str, Any]]] = {}
    tagged = tag_units([("", c.text) for c in composed], language)
    for (amendment, article), tags, source in zip(placed, tagged, composed, strict=True):
        source.place(tags)  # evidence offsets into the amending article, as for an article's own tags
        target = amendment.get("target_act") or {}
        change = {
            "source_unit": amendment.get("source_unit"),
            "operation": amendment.get("operation"),
            "target_act": target.get("title"),
            "target_unit": amendment.get("target_unit"),
            "target_text": amendment.get("target_text"),
            "lsg_relevant": tags.lsg_relevant,
            "local_budget": tags.local_budget,
            "competences": [c.to_json() for c in tags.competences],
            "budget": tags.budget.to_json(),
            "reason": tags.reason,
        }
        known = key_article(
            str(target.get("title") or _lead_in(article_texts[str(article)], amendment)),
            str(amendment.get("target_unit") or ""),
            language,
        )
        if known is None and lookup is not None:
            known = lookup(target, str(amendment.get("target_unit") or ""))
        if known is not None:
            _what_it_changes(change, known, article_texts[str(article)])
        out.setdefault(str(article), []).append(change)
    return out


def _what_it_changes(change: dict[str, Any], known: KeyArticle, article_text: str) -> None:
    """A change of a key article touches what that article is about, whatever words it writes: the
    article it names is the evidence."""
    named = str(change.get("target_text") or "")
    at = article_text.find(named) if named else -1
    if at < 0:  # the words naming the article are split over lines («379-беренеде:\nа) 1-бөлүгүндөгү»)
        words = rf"\b{known.article}\s*-\s*берене\w*|\bстать\w*\s+{known.article}\b"
        found = re.search(words, article_text, re.I)
        named, at = (found.group(0), found.start()) if found else ("", -1)
    evidence = [{"text": named, "start": at, "end": at + len(named)}] if at >= 0 else []
    own = f"; {change['reason']}" if change["lsg_relevant"] else ""  # what its own words touch, if anything
    change["lsg_relevant"] = True
    have = {c["id"] for c in change["competences"]}
    change["competences"] = [
        {"id": cid, "score": 1.0, "evidence": evidence} for cid in known.competences if cid not in have
    ] + change["competences"]
    if known.budget is not None:
        change["local_budget"] = True
        if change["budget"]["kind"] in {None, "mention"}:
            change["budget"] = {**change["budget"], "kind": known.budget, "evidence": evidence}
    change["reason"] = f"changes {known.act} art. {known.article}: {known.about}{own}"


def fold_changes(article: dict[str, Any]) -> None:
    """An amending article touches LSG or local budgets where one of its changes does, though its own
    words («379-беренеде … "1 пайыз" деген сөздөр менен алмаштырылсын») name neither: the analyst reads
    the article, so it carries its changes' flags, fields and reason."""
    flagged = [c for c in article.get("amendments", []) if c["lsg_relevant"]]
    if not flagged:
        return
    if not article["lsg_relevant"]:
        article["lsg_relevant"] = True
        article["reason"] = "its changes: " + " | ".join(c["reason"] for c in flagged[:3])
    money = [c for c in flagged if c["local_budget"]]
    if money and not article["local_budget"]:
        article["local_budget"] = True
        article["budget"] = {**article["budget"], "kind": money[0]["budget"]["kind"]}
    have = {c["id"] for c in article["competences"]}
    for change in flagged:
        for competence in change["competences"]:
            if competence["id"] not in have:
                have.add(competence["id"])
                article["competences"].append(competence)

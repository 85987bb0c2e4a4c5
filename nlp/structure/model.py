"""Typed records of an act's structure: units in a tree, amendments and citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ENCLOSING_KINDS = {"section", "chapter"}
# Units tagged, indexed and put on an agenda one by one: articles, the numbered points of acts without
# articles, and an annex with neither (a table of sums or tariffs). An annex that holds points of its own
# (a regulation the decision approves) is an «annexed_act», a container like a chapter.
ARTICLE_KINDS = ("article", "point", "annex")


@dataclass
class Unit:
    """One unit of an act. ``own_text`` is exactly the source text that belongs to this unit and not
    to a child, so the units' own texts in document order concatenate back to the source."""

    kind: str  # preamble | section | chapter | article | point | part | item | subitem
    number: str
    id: str
    heading: str = ""
    own_text: str = ""
    start: int = 0
    children: list[Unit] = field(default_factory=list)
    implicit: bool = False  # an unnumbered paragraph taken as a part

    @property
    def text(self) -> str:
        return self.own_text + "".join(child.text for child in self.children)

    def walk(self) -> list[Unit]:
        out = [self]
        for child in self.children:
            out += child.walk()
        return out

    def to_json(self, with_text: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "number": self.number}
        if self.heading or self.kind in {*ARTICLE_KINDS, "chapter", "section"}:
            data["heading"] = self.heading  # scripts rely on the field being there, empty or not
        if with_text:
            data["text"] = self.text.strip()
        parts = [c for c in self.children if c.kind == "part"]
        items = [c for c in self.children if c.kind == "item"]
        subitems = [c for c in self.children if c.kind == "subitem"]
        if self.kind in ARTICLE_KINDS or parts:
            data["parts"] = [c.to_json(with_text) for c in parts]
        if items or self.kind == "part":
            data["items"] = [c.to_json(with_text) for c in items]
        if subitems or self.kind == "item":
            data["subitems"] = [c.to_json(with_text) for c in subitems]
        return data


@dataclass
class ActHeader:
    type: str | None = None
    title: str | None = None
    number: str | None = None
    date: str | None = None
    place: str | None = None
    draft: bool = False
    amends: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "title": self.title,
            "number": self.number,
            "date": self.date,
            "place": self.place,
            "draft": self.draft,
            "amends": self.amends,
        }


@dataclass
class Citation:
    text: str
    start: int
    end: int
    source_unit: str | None
    article: str | None = None
    part: str | None = None
    item: str | None = None
    act: dict[str, Any] | None = None  # {"title", "number", "date", "type"} of another act
    target: str | None = None  # a unit id inside this act, when it resolves here
    resolved: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "source_unit": self.source_unit,
            "article": self.article,
            "part": self.part,
            "item": self.item,
            "act": self.act,
            "target": self.target,
            "resolved": self.resolved,
        }


@dataclass
class Amendment:
    source_unit: str
    operation: str  # replace | insert | delete | repeal
    target_act: dict[str, Any] | None
    target_unit: str | None  # e.g. "art_27__part_1__item_9" in the amended act
    target_text: str  # the words that name the target ("27-берененин 1-бөлүгүнүн 9-пункту")
    new_text: str | None
    instruction: str

    def to_json(self) -> dict[str, Any]:
        return {
            "source_unit": self.source_unit,
            "operation": self.operation,
            "target_act": self.target_act,
            "target_unit": self.target_unit,
            "target_text": self.target_text,
            "new_text": self.new_text,
            "instruction": self.instruction,
        }


@dataclass
class ParsedAct:
    language: str
    header: ActHeader
    root: Unit
    citations: list[Citation] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)

    @property
    def articles(self) -> list[Unit]:
        """Article-level units in document order (articles, or numbered points of acts without any, and
        annexes with neither)."""
        return [u for u in self.root.walk() if u.kind in ARTICLE_KINDS]

    def enclosing_headings(self) -> dict[str, str]:
        """For each article-level unit, the headings of the sections and chapters it sits in, outermost
        first: an article of the chapter «Налог на имущество» is about that tax even where it only
        says «налог»."""
        out: dict[str, str] = {}

        def visit(unit: Unit, path: tuple[str, ...]) -> None:
            if unit.kind in ARTICLE_KINDS:
                out[unit.id] = " ".join(path)
            if unit.kind in ENCLOSING_KINDS and unit.heading:
                path = (*path, unit.heading)
            for child in unit.children:
                visit(child, path)

        visit(self.root, ())
        return out

    def unit_ids(self) -> set[str]:
        return {u.id for u in self.root.walk()}

"""Split an act's text into its tree: sections, chapters, articles (or numbered points), parts, items,
sub-items. Pure function over repaired text; every character of the input lands in exactly one unit."""

from __future__ import annotations

import re

from nlp.structure.header import parse_header
from nlp.structure.model import ParsedAct, Unit
from nlp.structure.patterns import Match, classify, id_prefix

LEVEL = {
    "preamble": 0,
    "annex": 1,
    "section": 1,
    "chapter": 2,
    "article": 3,
    "point": 3,
    "part": 4,
    "item": 5,
    "subitem": 6,
}
ARTICLE_KINDS = ("annex", "section", "chapter", "article", "part", "item", "subitem")
POINT_KINDS = ("annex", "section", "chapter", "item", "subitem", "point")
QUOTE_OPEN, QUOTE_CLOSE = "«", "»"
STRAIGHT_QUOTES = '"“”'
SENTENCE_END = re.compile(r"(?:[сз][ыиуү]н|[ае]т|[ыи]т|ют|ся|тся|ется|ит)\.$")
BULLET = re.compile(r"^[-–•]\s+\S")


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        out.append((pos, line))
        pos += len(line)
    return out


class _Builder:
    def __init__(self, text: str, point_mode: bool) -> None:
        self.text = text
        self.point_mode = point_mode
        self.root = Unit(kind="preamble", number="", id="preamble")
        self.stack: list[Unit] = [self.root]
        self.ids: set[str] = {"preamble"}
        self.quote_depth = 0
        self.heading_open: Unit | None = None  # a heading that may continue on the next line
        self.last_article_base: int | None = None
        self.bullet_points = False  # an act whose points are unnumbered bullets («- …»)
        self.bullets = 0
        self.bullet_items = 0  # items of the list the last bullet point opened with a colon («… бекитилсин:»)
        self.bullet_list_open = False  # … and whether that list runs on
        self.body_seen = False  # an article or point has opened: an annex may follow

    def unique(self, candidate: str) -> str:
        if candidate not in self.ids:
            self.ids.add(candidate)
            return candidate
        n = 2
        while f"{candidate}__dup{n}" in self.ids:
            n += 1
        self.ids.add(f"{candidate}__dup{n}")
        return f"{candidate}__dup{n}"

    def parent_for(self, kind: str) -> Unit | None:
        level = LEVEL[kind]
        while self.stack and LEVEL[self.stack[-1].kind] >= level:
            self.stack.pop()
        parent = self.stack[-1]
        if kind == "part" and parent.kind not in {"article", "point"}:
            return None
        if kind == "item" and parent.kind not in {"article", "point", "part"}:
            return None
        if kind == "subitem" and parent.kind != "item":
            return None
        return parent

    def unit_id(self, kind: str, number: str, parent: Unit) -> str:
        own = f"{id_prefix(kind)}_{number}"
        if kind in {"article", "point", "section", "chapter", "annex"}:
            return self.unique(own)
        return self.unique(f"{parent.id}__{own}")

    def restore_superscript(self, match: Match) -> Match:
        """Plain text loses superscripts: «Статья 161» between 16 and 17 is article 16-1."""
        previous = self.last_article_base
        number = match.number
        if number.isdigit() and previous is not None:
            base = str(previous)
            rest = number[len(base) :]
            if (
                int(number) > previous + 1
                and number.startswith(base)
                and 0 < len(rest) <= 2
                and rest[0] != "0"
            ):
                match = Match(kind=match.kind, number=f"{base}-{rest}", rest=match.rest)
        head = match.number.split("-")[0]
        if head.isdigit():
            self.last_article_base = int(head)
        return match

    def bullet(self, stripped: str) -> Match:
        """An unnumbered bullet is a point of its own, unless a point before it ends with a colon: then it
        is one of the list that point opens («… тарифи төмөнкүдөй бекитилсин:», «- Чөп чабуу – 1 гектарга
        2500 сом;»), and the list runs while its items end with a semicolon or a comma."""
        if self.bullet_list_open:
            self.bullet_items += 1
            self.bullet_list_open = stripped.endswith((";", ","))
            return Match(kind="item", number=str(self.bullet_items), rest=stripped)
        self.bullets += 1
        self.bullet_items = 0
        self.bullet_list_open = stripped.endswith(":")
        return Match(kind="point", number=str(self.bullets), rest=stripped)

    def instruction_line(self, match: Match) -> bool:
        """An amending article's instruction that opens with the article it changes («410-берене күчүн
        жоготту деп табылсын», «18-берене төмөнкүдөй редакцияда берилсин:») is no article of this act: its
        number jumps away from the last one and its line says what to do with that article."""
        from nlp.structure.amendments import operation_in

        head = match.number.split("-")[0]
        if match.kind != "article" or self.last_article_base is None or not head.isdigit():
            return False
        return int(head) not in {self.last_article_base, self.last_article_base + 1} and bool(
            operation_in(match.rest)
        )

    def open_unit(self, match: Match, line: str, start: int) -> bool:
        if match.kind == "annex" and not self.body_seen:  # a file that is itself an annex: its preamble
            return False
        saved = list(self.stack)
        parent = self.parent_for(match.kind)
        if parent is None:
            self.stack = saved
            return False
        if match.kind == "article":
            match = self.restore_superscript(match)
        unit = Unit(
            kind=match.kind,
            number=match.number,
            id=self.unit_id(match.kind, match.number, parent),
            own_text=line,
            start=start,
        )
        self.heading_open = None
        if match.kind in {"section", "chapter", "article", "annex"}:
            unit.heading = match.rest
            self.heading_open = unit
        self.body_seen = self.body_seen or match.kind in {"article", "point"}
        parent.children.append(unit)
        self.stack.append(unit)
        return True

    def add(self, start: int, line: str, blank_layout: bool) -> None:
        stripped = line.strip()
        if self.quote_depth > 0:
            self.append(line)
            self.track_quotes(stripped)
            return
        kinds = POINT_KINDS if self.point_mode else ARTICLE_KINDS
        match = classify(stripped, kinds) if stripped else None
        if match is None and self.bullet_points and BULLET.match(stripped):
            match = self.bullet(stripped)
        if match is not None and self.instruction_line(match):
            match = None
        if match is not None and self.open_unit(match, line, start):
            self.track_quotes(stripped)
            return
        heading = self.heading_open
        if heading is not None and stripped and self.continues_heading(heading, stripped, blank_layout):
            heading.heading = f"{heading.heading} {stripped}".strip()
            self.append(line)
            return
        if stripped:
            self.heading_open = None
        self.append(line)
        self.track_quotes(stripped)

    def continues_heading(self, unit: Unit, stripped: str, blank_layout: bool) -> bool:
        if not unit.heading:  # "Глава 1" / "Статья 5." alone: the next line may be the heading
            if unit.kind == "article":
                return (
                    len(stripped) < 150
                    and not stripped.endswith((".", ":", ";"))
                    and not stripped[0].isdigit()
                )
            return len(stripped) < 200 and not stripped[0].isdigit()
        if unit.heading.endswith((".", ":", ";", "!", "?")) or stripped[0].isdigit():
            return False
        if len(unit.heading) + len(stripped) > 250 or stripped.endswith((";", ":")):
            return False
        # A heading broken over lines goes on in lower case («…башкаруунун ⏎ финансылык-экономикалык
        # негиздери»); in a layout with blank lines between paragraphs a short line right after may too.
        if stripped[0].islower():
            return True
        return (
            blank_layout
            and unit.own_text.count("\n") <= 1
            and len(stripped) < 120
            and not stripped.endswith(".")
        )

    def append(self, line: str) -> None:
        self.stack[-1].own_text += line

    def track_quotes(self, stripped: str) -> None:
        self.quote_depth = max(0, self.quote_depth + _quote_balance(stripped))


def _quote_balance(line: str) -> int:
    """How many «» quotes the line leaves open. A title typed with mixed quotes («Ош шаарынын статусу
    жөнүндө" Мыйзамы) closes on the same line: a straight quote after an unclosed « closes it, or the
    rest of the act would be read as a quoted amendment."""
    depth = 0
    for ch in line:
        if ch == QUOTE_OPEN:
            depth += 1
        elif ch == QUOTE_CLOSE or (ch in STRAIGHT_QUOTES and depth > 0):
            depth -= 1
    return depth


def _implicit_parts(unit: Unit, blank_layout: bool) -> None:
    """An article without numbered parts whose body has several paragraphs: each paragraph is a part."""
    if unit.kind != "article" or any(c.kind == "part" for c in unit.children) or unit.children:
        return
    first, _, body = unit.own_text.partition("\n")
    head_lines = [first + "\n"]
    rest = body
    if unit.heading and blank_layout:  # heading continuation lines stay with the heading
        lines = rest.splitlines(keepends=True)
        while lines and lines[0].strip() and unit.heading.endswith(lines[0].strip()):
            head_lines.append(lines.pop(0))
        rest = "".join(lines)
    splitter = r"(?<=\n)(?=\s*\n)" if blank_layout else r"(?<=\n)"
    paragraphs = [p for p in re.split(splitter, rest) if p]
    chunks: list[str] = []
    for paragraph in paragraphs:
        if (chunks and not paragraph.strip()) or (chunks and not chunks[-1].strip()):
            chunks[-1] += paragraph
        else:
            chunks.append(paragraph)
    real = [c for c in chunks if c.strip()]
    if len(real) < 2:
        return
    leading = ""
    while chunks and not chunks[0].strip():
        leading += chunks.pop(0)
    unit.own_text = "".join(head_lines) + leading
    offset = unit.start + len(unit.own_text)
    for n, chunk in enumerate(chunks, 1):
        unit.children.append(
            Unit(
                kind="part",
                number=str(n),
                id=f"{unit.id}__part_{n}",
                own_text=chunk,
                start=offset,
                implicit=True,
            )
        )
        offset += len(chunk)


def _titled_points(root: Unit) -> None:
    """«9. Городской кенеш» followed by 9.1, 9.2…: the point's line is its title and the numbered
    sub-points are its parts."""
    for parent in root.walk():
        siblings = parent.children
        index = 0
        while index < len(siblings):
            point = siblings[index]
            index += 1
            if point.kind != "point":
                continue
            first, _, rest = point.own_text.strip().partition("\n")
            match = classify(first, ("point",))
            if match is None or len(match.rest) > 150 or match.rest.endswith((";", ",", ":")):
                continue
            if SENTENCE_END.search(match.rest):  # «… бөлүп берилсин.» is an order, not a title
                continue
            taken = 0
            while index + taken < len(siblings) and siblings[index + taken].number.startswith(
                point.number + "-"
            ):
                taken += 1
            paragraph_follows = (
                rest.startswith("\n") and rest.strip()[:1].isupper() and len(match.rest) <= 100
            )
            if not taken and not paragraph_follows:
                continue
            point.heading = match.rest
            for sub in siblings[index : index + taken]:
                sub.kind = "part"
                point.children.append(sub)
            del siblings[index : index + taken]


def _fix_starts(unit: Unit, start: int) -> int:
    unit.start = start
    pos = start + len(unit.own_text)
    for child in unit.children:
        pos = _fix_starts(child, pos)
    return pos


def parse_structure(text: str, point_mode: bool | None = None) -> Unit:
    """The unit tree of ``text``. Acts without any article heading are split into numbered points."""
    lines = _lines(text)
    nonblank = sum(1 for _, line in lines if line.strip())
    blank_layout = nonblank > 0 and (len(lines) - nonblank) / max(1, len(lines)) > 0.2
    if point_mode is None:
        point_mode = not any(classify(line, ("article",)) is not None for _, line in lines)
    builder = _Builder(text, point_mode)
    if point_mode and not any(classify(line, ("point",)) for _, line in lines):
        builder.bullet_points = True
    for start, line in lines:
        builder.add(start, line, blank_layout)
    for unit in builder.root.walk():
        _implicit_parts(unit, blank_layout)
    _titled_points(builder.root)
    for unit in builder.root.walk():
        if unit.kind == "annex" and any(u.kind in {"article", "point"} for u in unit.walk()):
            unit.kind = "annexed_act"  # a regulation with points of its own: they are its units
    _fix_starts(builder.root, 0)
    return builder.root


def parse_act(text: str, language: str | None = None) -> ParsedAct:
    from ingest.langdetect import detect
    from nlp.structure.amendments import find_amendments
    from nlp.structure.citations import find_citations

    language = language or detect(text)[0]
    root = parse_structure(text)
    body_start = root.children[0].start if root.children else len(text)
    act = ParsedAct(language=language, header=parse_header(text[:body_start] or text), root=root)
    act.citations = find_citations(act)
    act.amendments = find_amendments(act)
    attach_amended_act(act)
    return act


def attach_amended_act(act: ParsedAct) -> None:
    """In an amendment instruction, a unit named without an act is a unit of the amended act."""
    by_source = {a.source_unit: a for a in act.amendments}
    for citation in act.citations:
        if citation.act is not None or citation.resolved or citation.source_unit is None:
            continue
        owner = next((a for s, a in by_source.items() if citation.source_unit.startswith(s)), None)
        if owner is not None and owner.target_act:
            citation.act = owner.target_act
            citation.resolved = True

"""Page furniture: running heads and feet, lone page numbers, glued footnote numbers, bullets, and the
one-blank-line-after-every-line layout. Paragraph boundaries (a blank line) are kept."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–]\s*)?(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*[-–])?\s*(?:-?бет|стр\.?)?\s*$", re.I
)
BULLET = re.compile(r"^\s*[•●▪■◦\uf0b7\uf0a7\uf076\uf0d8\u2022\u25aa]\s*")
FOOTNOTE_GLUED = re.compile(r"(?<=[а-яөүңё»])(\d{1,2})(?=[.,;:»)]?(?:\s|$))")
FOOTNOTE_BRACKET = re.compile(r"(?<=[а-яөүңА-ЯӨҮҢ.,»])\[\d{1,3}\]")
DIGITS = re.compile(r"\d+")


def _signature(line: str) -> str:
    return DIGITS.sub("#", line.strip().lower())


def strip_running_heads(pages: list[str], stats: Counter[str]) -> list[str]:
    """Drop lines that repeat at the top or bottom of many pages (headers, footers, page numbers)."""
    if len(pages) < 3:
        return pages
    edge = 3
    seen: Counter[str] = Counter()
    for page in pages:
        lines = [ln for ln in page.split("\n") if ln.strip()]
        for sig in {_signature(ln) for ln in lines[:edge] + lines[-edge:]}:
            seen[sig] += 1
    threshold = max(3, int(len(pages) * 0.4))
    repeated = {sig for sig, n in seen.items() if n >= threshold and sig}
    out = []
    for page in pages:
        lines = page.split("\n")
        nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
        edges = set(nonblank[:edge] + nonblank[-edge:])
        kept = []
        for i, line in enumerate(lines):
            if i in edges and (_signature(line) in repeated or PAGE_NUMBER.match(line)):
                stats["page_numbers" if PAGE_NUMBER.match(line) else "running_heads"] += 1
                continue
            kept.append(line)
        out.append("\n".join(kept))
    return out


def collapse_double_spacing(text: str, stats: Counter[str]) -> str:
    """If (almost) every line is followed by a blank line, the blank lines carry no meaning: drop them,
    keeping runs of two or more blank lines as paragraph breaks."""
    lines = text.split("\n")
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(nonblank) < 20:
        return text
    followed = sum(1 for i in nonblank if i + 1 < len(lines) and not lines[i + 1].strip())
    if followed / len(nonblank) < 0.85:
        return text
    out: list[str] = []
    blank_run = 0
    for line in lines:
        if line.strip():
            if blank_run >= 3 and out:
                out.append("")
            out.append(line)
            blank_run = 0
        else:
            blank_run += 1
    stats["double_spacing_collapsed"] += 1
    return "\n".join(out)


def drop_lone_page_numbers(text: str, stats: Counter[str]) -> str:
    """A line holding only a number, with two or more blank lines on a side, is a page number."""
    lines = text.split("\n")
    keep = [True] * len(lines)
    for i, line in enumerate(lines):
        if not line.strip() or not PAGE_NUMBER.match(line):
            continue
        before = 0
        j = i - 1
        while j >= 0 and not lines[j].strip():
            before, j = before + 1, j - 1
        after = 0
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            after, j = after + 1, j + 1
        if before >= 2 or after >= 2 or i == 0 or i == len(lines) - 1:
            keep[i] = False
            stats["page_numbers"] += 1
    return "\n".join(line for line, k in zip(lines, keep, strict=True) if k)


@lru_cache(maxsize=1)
def reference_words() -> frozenset[str]:
    """Words a number follows as its reference, not as a footnote (data/runs.yaml): «Статья13.» lost its
    space, not its number."""
    from ingest.repair.runs import runs_data

    return frozenset(runs_data()["ru"]["reference_words"])


WORD_BEFORE = re.compile(r"[А-Яа-яЁёӨөҮүҢң]+$")


def drop_footnote_markers(text: str, stats: Counter[str]) -> str:
    text, n = FOOTNOTE_BRACKET.subn("", text)
    stats["footnote_markers"] += n

    def drop(match: re.Match[str]) -> str:
        word = WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if word is not None and word.group().lower() in reference_words():
            return match.group()
        stats["footnote_markers"] += 1
        return ""

    return FOOTNOTE_GLUED.sub(drop, text)


def drop_bullets(text: str, stats: Counter[str]) -> str:
    out = []
    for line in text.split("\n"):
        new = BULLET.sub("", line)
        if new != line:
            stats["bullets"] += 1
        out.append(new)
    return "\n".join(out)


def squeeze_blank_lines(text: str) -> str:
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")

"""Snippets with the matched words marked: lemma hits mapped back to the surface words of the text,
the same way for both backends."""

from __future__ import annotations

from search.analysis import Token, analyze

WINDOW = 90


def snippet(
    text: str,
    language: str,
    keys: set[str],
    prefixes: set[str] | None = None,
    tokens: list[Token] | None = None,
) -> tuple[str, list[str]]:
    """A window of ``text`` around its first matching word, matches wrapped in «[…]», and the words."""
    prefixes = prefixes or set()
    tokens = tokens if tokens is not None else analyze(text, language)
    hits = [t for t in tokens if t.key in keys or any(t.surface.lower().startswith(p) for p in prefixes)]
    if not hits:
        flat = " ".join(text.split())
        return (flat[: 2 * WINDOW] + ("…" if len(flat) > 2 * WINDOW else "")), []
    first = hits[0]
    start = max(0, first.start - WINDOW)
    end = min(len(text), first.end + WINDOW)
    pieces: list[str] = []
    cursor = start
    for hit in hits:
        if hit.start < start or hit.end > end:
            continue
        pieces.append(text[cursor : hit.start])
        pieces.append(f"[{text[hit.start : hit.end]}]")
        cursor = hit.end
    pieces.append(text[cursor:end])
    body = " ".join("".join(pieces).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else ""), sorted(
        {h.surface for h in hits}
    )

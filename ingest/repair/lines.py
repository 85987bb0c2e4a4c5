"""Apply a repair to the lines of a text that need it, and another (or none) to the rest.

Some damage touches a part of a document only: one page whose text layer lost its spaces, one annex typed on
a Russian keyboard. The decision is taken on the lines of all the blocks of one language at once, in order
(a part runs across paragraphs), and the repair is applied a run of lines at a time.
"""

from __future__ import annotations

from collections.abc import Callable


def by_lines(
    blocks: list[str],
    chosen: list[bool],
    flag_lines: Callable[[list[str]], list[bool]],
    repair: Callable[[str, bool], str],
) -> list[str]:
    """``blocks`` with each chosen one passed through ``repair`` a run of lines at a time: ``repair(lines,
    True)`` where ``flag_lines`` (given every line of the chosen blocks, in order) flags them, ``repair(lines,
    False)`` elsewhere; the other blocks as they are."""
    lines = [block.splitlines(keepends=True) for block, pick in zip(blocks, chosen, strict=True) if pick]
    flags = iter(flag_lines([line for block in lines for line in block]))
    per_block = iter(lines)
    out = []
    for block, pick in zip(blocks, chosen, strict=True):
        if not pick:
            out.append(block)
            continue
        parts: list[tuple[str, bool]] = []
        for line in next(per_block):
            flag = next(flags)
            if parts and parts[-1][1] == flag:
                parts[-1] = (parts[-1][0] + line, flag)
            else:
                parts.append((line, flag))
        out.append("".join(repair(text, flag) for text, flag in parts))
    return out

"""JSON on stdout for scripts, rich text for people, progress and logs on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from pydantic import BaseModel
from rich.console import Console

stderr = Console(stderr=True)
stdout = Console()


def to_jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [to_jsonable(v) for v in value]
    return value


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def print_rows(rows: Sequence[Any], json_out: bool, line: Callable[[Any], str]) -> None:
    """A list for scripts (one JSON array) or for people (one line per row)."""
    if json_out:
        print_json(list(rows))
        return
    for row in rows:
        stdout.print(line(row))

"""Shared helpers of the benchmark scripts: where ../shared is, peak memory, a cache directory."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CACHE = ROOT / ".cache" / "bench"


def need_shared() -> Path:
    if not SHARED.is_dir():
        sys.exit(f"this benchmark reads {SHARED} in place; it is not there")
    return SHARED


def peak_rss_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024

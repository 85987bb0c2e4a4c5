"""Shared helpers of the benchmark scripts: where ../shared is, peak memory, a cache directory."""

from __future__ import annotations

import resource
import sys
from dataclasses import dataclass
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


@dataclass
class Counts:
    """Labelled, found and right items of an extraction benchmark, and the figures from them."""

    gold: int = 0
    found: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, name: str) -> str:
        return (
            f"{name}: {self.gold} labelled, {self.found} found | "
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"
        )

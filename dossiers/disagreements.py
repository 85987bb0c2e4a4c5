"""Where the LSG and Government positions on an article differ, and how far that has got.

Pure functions over position and decision views, so the dossier, the conclusion and the API agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossiers.meetings import DecisionView
from dossiers.positions import PositionView

SIDES = ("lsg", "government")


def _wording(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").lower()).strip()


def _side_view(positions: Sequence[PositionView], side: str) -> frozenset[tuple[str, str]]:
    """What a side says about an article: its stances, and the wording it proposes when it amends."""
    return frozenset(
        (p.stance, _wording(p.wording) if p.stance == "amends" else "") for p in positions if p.side == side
    )


@dataclass(frozen=True)
class Disagreement:
    unit_id: str | None
    article: str | None
    status: str  # open | resolved | committee | chamber
    decision: DecisionView | None  # the latest decision that set the status

    @property
    def agreed_wording(self) -> str | None:
        return self.decision.text if self.decision and self.status == "resolved" else None


def differ(positions: Sequence[PositionView]) -> bool:
    """Both sides have spoken on the article and do not say the same thing."""
    lsg, government = (_side_view(positions, side) for side in SIDES)
    return bool(lsg) and bool(government) and lsg != government


def disagreement(positions: Sequence[PositionView], decisions: Sequence[DecisionView]) -> Disagreement | None:
    """The disagreement on one article (positions and decisions on that article only), or None."""
    if not differ(positions):
        return None
    first = positions[0]
    latest = max(decisions, key=lambda d: d.id) if decisions else None
    return Disagreement(
        unit_id=first.unit_id,
        article=first.article,
        status=latest.status if latest else "open",
        decision=latest,
    )


def document_disagreements(
    positions: Sequence[PositionView], decisions: Sequence[DecisionView]
) -> list[Disagreement]:
    """Every disagreement on a draft, article by article (the whole draft counts as one article)."""
    by_unit: dict[str | None, list[PositionView]] = {}
    for position in positions:
        by_unit.setdefault(position.unit_id, []).append(position)
    out = []
    for unit_id, on_unit in by_unit.items():
        found = disagreement(on_unit, [d for d in decisions if d.unit_id == unit_id])
        if found is not None:
            out.append(found)
    return out

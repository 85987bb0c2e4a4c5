"""Kyrgyz and Russian labels from ``templates/labels.yaml``, and how numbers and dates are written."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from core.errors import InvalidInput

TEMPLATE = Path(__file__).parent / "templates" / "labels.yaml"
LANGUAGES = ("ky", "ru")


class Labels:
    """Attribute-free access: ``labels["stances"]["objects"]``, ``labels.fmt("item_heading", n=1)``."""

    def __init__(self, language: str, data: dict[str, Any], competences: dict[str, dict[str, str]]) -> None:
        self.language = language
        self._data = data
        self._competences = competences

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def fmt(self, key: str, **values: Any) -> str:
        return str(self._data[key]).format(**values)

    def competence(self, competence_id: str) -> str:
        names = self._competences.get(competence_id)
        return names.get(self.language, competence_id) if names else competence_id

    def act_type(self, act_type: str | None) -> str:
        return self._data["act_types"].get(act_type or "", act_type or "—")

    def article(self, kind: str, number: str) -> str:
        key = {"point": "point_heading", "annex": "annex_heading"}.get(kind, "article_heading")
        return self.fmt(key, number=number)


@lru_cache(maxsize=2)
def labels(language: str) -> Labels:
    if language not in LANGUAGES:
        raise InvalidInput(f"Language must be ky or ru, not {language!r}.", stage="dossier")
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    return Labels(language, data[language], data["competences"])


def format_som(tyiyn: int) -> str:
    """«1 250 000» or «1 250 000,50»: space-grouped, decimal comma, as Kyrgyz and Russian write money."""
    whole, cents = divmod(abs(tyiyn), 100)
    grouped = f"{whole:,}".replace(",", "\u00a0")
    sign = "-" if tyiyn < 0 else ""
    return f"{sign}{grouped},{cents:02d}" if cents else f"{sign}{grouped}"


def format_totals(totals: dict[str, int], separator: str = "\n") -> str:
    """«12 500 000 (жылына)» per period, or «0» when nothing was costed."""
    if not totals:
        return "0"
    return separator.join(f"{format_som(v)} ({k})" if k else format_som(v) for k, v in totals.items())


def format_date(iso: str | None) -> str:
    """«2026-11-23» → «23.11.2026» (both languages write dates so in acts)."""
    if not iso or len(iso) < 10:
        return iso or "—"
    year, month, day = iso[:10].split("-")
    return f"{day}.{month}.{year}"


def quoted(title: str) -> str:
    """«Title» once: act titles often carry their own guillemets."""
    title = title.strip()
    return title if title.startswith("«") else f"«{title}»"

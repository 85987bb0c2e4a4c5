from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def shared() -> Path:
    """../shared, which corpus checks read in place. CI has it; a missing one is a failure, not a skip."""
    assert SHARED.is_dir(), f"corpus checks need {SHARED} (run them from a checkout beside ../shared)"
    return SHARED

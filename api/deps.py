"""Dependencies: settings, the records store and the search backend come in through ``Depends``."""

from __future__ import annotations

from functools import lru_cache

from core.db import Database
from core.settings import Settings, get_settings
from search.backend import SearchBackend
from search.service import get_backend


def settings_dep() -> Settings:
    return get_settings()


@lru_cache(maxsize=4)
def _database(data_dir: str, url: str) -> Database:
    return Database(get_settings())


def database_dep() -> Database:
    settings = get_settings()
    return _database(str(settings.data_dir), settings.database)


def backend_dep() -> SearchBackend:
    settings = get_settings()
    return get_backend(settings, database_dep())

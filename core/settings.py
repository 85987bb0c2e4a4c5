"""Settings read from ``KENESH_*`` environment variables.

The defaults are the embedded mode: a data directory holding SQLite and the stored files, no server.
Setting ``KENESH_ELASTICSEARCH_URL`` or ``KENESH_REDIS_URL`` switches a stage to its scale-out backend.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KENESH_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("kenesh", appauthor=False)))
    database_url: str | None = None
    elasticsearch_url: str | None = None
    elasticsearch_index: str = "kenesh-articles"  # the alias; versioned indices sit behind it
    redis_url: str | None = None

    # Bounds that keep one hostile file from blocking the others.
    max_file_bytes: int = 150 * 1024 * 1024
    max_pages: int = 5000
    max_unzipped_bytes: int = 512 * 1024 * 1024
    max_zip_ratio: int = 200
    extract_timeout_s: float = 300.0
    extract_memory_mb: int = 3072
    sandbox: bool = True

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "kenesh@localhost"
    public_url: str = "http://localhost:8000"
    webhook_max_failures: int = 5
    job_retries: int = 6
    retry_intervals: list[int] = Field(default_factory=lambda: [1, 5, 15, 30, 60, 120])

    # Fault injection for the crash-recovery tests: sleep this long inside the named stage's job.
    fault_delay_stage: str | None = None
    fault_delay_s: float = 0.0

    convert_timeout_s: float = 120.0
    soffice_bin: str = "soffice"
    tesseract_bin: str = "tesseract"
    ocr_languages: str = "kir+rus"
    ocr_dpi: int = 300
    ocr_min_chars: int = 25

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'kenesh.sqlite3'}"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()

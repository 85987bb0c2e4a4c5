"""Originals kept once, versions of one act grouped, failures visible and retried."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli.main import app
from core.filestore import sha256_file
from core.settings import Settings
from ingest.service import Ingestor, document_view
from tests import builders as B


def test_same_bytes_twice_is_one_version(tmp_path: Path, settings: Settings) -> None:
    path = B.make_docx(tmp_path / "draft.docx")
    ingestor = Ingestor(settings)
    first = ingestor.ingest(path)
    copy = tmp_path / "copy of draft.docx"
    copy.write_bytes(path.read_bytes())
    second = ingestor.ingest(copy)
    assert first.status == "ingested" and second.status == "duplicate"
    assert (first.document_id, first.version_id) == (second.document_id, second.version_id)
    stored = ingestor.store.get(first.sha256 or "")
    assert stored.read_bytes() == path.read_bytes() and sha256_file(stored) == first.sha256


def test_new_text_of_the_same_act_is_a_new_version(tmp_path: Path, settings: Settings) -> None:
    ingestor = Ingestor(settings)
    v1 = ingestor.ingest(B.make_docx(tmp_path / "v1.docx"))
    v2 = ingestor.ingest(
        B.make_docx(tmp_path / "v2.docx", extra=" Бул берене 2025-жылдан баштап колдонулат.")
    )
    other = ingestor.ingest(B.make_docx(tmp_path / "other.docx", number="99"))
    assert v2.status == "new_version" and v2.document_id == v1.document_id and v2.version_id != v1.version_id
    assert other.status == "ingested" and other.document_id != v1.document_id
    view = document_view(ingestor.db, v1.document_id or 0)
    assert [v["seq"] for v in view["versions"]] == [1, 2]
    assert view["latest_version_id"] == v2.version_id and "2025-жылдан" in view["text"]
    explicit = ingestor.ingest(B.make_scanned_pdf(tmp_path / "scan.pdf"), document_id=v1.document_id)
    assert explicit.status == "new_version" and explicit.document_id == v1.document_id


def test_failed_stage_is_visible_and_retried(tmp_path: Path) -> None:
    path = B.make_docx(tmp_path / "draft.docx")
    strict = Settings(data_dir=tmp_path / "data", max_unzipped_bytes=10)
    failed = Ingestor(strict).ingest(path)
    assert failed.status == "failed" and failed.error and failed.error.code == "archive_bomb"
    view = document_view(Ingestor(strict).db, failed.document_id or 0)
    assert view["status"] == "failed" and view["versions"][0]["error"]["code"] == "archive_bomb"
    assert Ingestor(strict).store.get(failed.sha256 or "").exists()  # the original is kept
    retried = Ingestor(Settings(data_dir=tmp_path / "data")).ingest(path)
    assert retried.status == "ingested" and retried.version_id == failed.version_id
    assert document_view(Ingestor(strict).db, retried.document_id or 0)["status"] == "ok"


def test_cli_ingest_and_show_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.settings import get_settings

    monkeypatch.setenv("KENESH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    B.make_docx(folder / "sub" / "draft.docx")
    (folder / "empty.txt").write_bytes(b"")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [Path(r["file"]).name for r in rows] == ["empty.txt", "draft.docx"]
    failed, good = rows
    assert failed["status"] == "failed" and failed["error"]["code"] == "empty" and failed["error"]["stage"]
    assert set(good) >= {"file", "document_id", "version_id", "sha256", "language", "page_count", "status"}
    assert good["language"] == "ky" and good["page_count"] == 1
    shown = runner.invoke(app, ["show", str(good["document_id"]), "--json"])
    view = json.loads(shown.stdout)
    assert view["document_id"] == good["document_id"] and B.ARTICLE_1 in view["text"]
    assert view["number"] == "15"
    missing = runner.invoke(app, ["show", "999", "--json"])
    assert missing.exit_code == 2
    get_settings.cache_clear()

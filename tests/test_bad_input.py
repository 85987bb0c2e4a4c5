"""Hostile and broken files: each gets a clear typed error in bounded time, and the others go on."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pikepdf
import pytest

from core.errors import KeneshError
from core.settings import Settings
from ingest import pipeline
from ingest.pipeline import process_file, process_file_bounded
from ingest.service import Ingestor
from tests import builders as B


def error_of(path: Path, settings: Settings) -> KeneshError:
    with pytest.raises(KeneshError) as info:
        process_file_bounded(path, settings)
    return info.value


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pdf")
    return B.soffice_convert(B.make_docx(root / "draft.docx"), "pdf", root)


def test_empty_file(tmp_path: Path, settings: Settings) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert error_of(empty, settings).code == "empty"


def test_wrong_extension_is_read_by_content(pdf_file: Path, tmp_path: Path, settings: Settings) -> None:
    renamed = tmp_path / "really_a_pdf.docx"
    renamed.write_bytes(pdf_file.read_bytes())
    assert process_file(renamed, settings).format == "pdf"
    binary = tmp_path / "random.pdf"
    binary.write_bytes(bytes(range(256)) * 64)
    assert error_of(binary, settings).code == "unsupported_format"


def test_corrupt_pdf(pdf_file: Path, tmp_path: Path, settings: Settings) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(pdf_file.read_bytes()[:400])
    error = error_of(broken, settings)
    assert error.code == "corrupt" and "damaged" in error.message


def test_encrypted_pdf_with_and_without_empty_password(
    pdf_file: Path, tmp_path: Path, settings: Settings
) -> None:
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(pdf_file) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    error = error_of(locked, settings)
    assert error.code == "encrypted" and "password" in error.message
    open_lock = tmp_path / "owner_only.pdf"
    with pikepdf.open(pdf_file) as pdf:
        pdf.save(open_lock, encryption=pikepdf.Encryption(user="", owner="owner"))
    assert B.ARTICLE_1 in process_file_bounded(open_lock, settings).text


def test_docx_zip_bomb_and_not_a_zip(tmp_path: Path, settings: Settings) -> None:
    bomb = B.make_zip_bomb(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 5_000_000
    assert error_of(bomb, settings).code == "archive_bomb"
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    assert error_of(fake, settings).code == "corrupt"


def test_huge_file_is_refused_before_reading(tmp_path: Path, settings: Settings) -> None:
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(200 * 1024 * 1024)
    outcome = Ingestor(settings).ingest(huge)
    assert outcome.status == "failed" and outcome.error is not None and outcome.error.code == "too_large"
    assert not any(settings.files_dir.rglob("*")) if settings.files_dir.exists() else True


def test_odd_file_name(pdf_file: Path, tmp_path: Path, settings: Settings) -> None:
    odd = tmp_path / "Мыйзам «долбоор» (2) ; rm -rf $HOME 'x'.pdf"
    odd.write_bytes(pdf_file.read_bytes())
    outcome = Ingestor(settings).ingest(odd)
    assert outcome.status == "ingested" and outcome.file == str(odd)


def test_two_thousand_page_pdf(pdf_file: Path, tmp_path: Path, settings: Settings) -> None:
    big = tmp_path / "big.pdf"
    with pikepdf.open(pdf_file) as src, pikepdf.new() as out:
        for _ in range(2000):
            out.pages.append(src.pages[0])
        out.save(big)
    result = process_file_bounded(big, settings)
    assert result.page_count == 2000
    assert result.text.count(B.ARTICLE_1) == 2000


def test_too_many_pages_is_a_clear_error(pdf_file: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, max_pages=0)
    assert error_of(pdf_file, settings).code == "too_large"


def test_a_reader_that_hangs_is_stopped(
    pdf_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def hang(path: Path, settings: Settings, name: str | None = None) -> None:
        import time

        time.sleep(60)

    monkeypatch.setattr(pipeline, "extract", hang)
    settings = Settings(data_dir=tmp_path, extract_timeout_s=1.5)
    assert error_of(pdf_file, settings).code == "timeout"


def test_a_reader_that_eats_memory_is_stopped(
    pdf_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def greedy(path: Path, settings: Settings, name: str | None = None) -> None:
        blocks = [bytearray(256 * 1024 * 1024) for _ in range(64)]
        raise AssertionError(len(blocks))

    monkeypatch.setattr(pipeline, "extract", greedy)
    settings = Settings(data_dir=tmp_path, extract_memory_mb=1024)
    assert error_of(pdf_file, settings).code == "out_of_memory"


def test_bad_files_do_not_block_good_ones(pdf_file: Path, tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a_empty.docx").write_bytes(b"")
    (folder / "b_broken.pdf").write_bytes(pdf_file.read_bytes()[:300])
    (folder / "c_good.pdf").write_bytes(pdf_file.read_bytes())
    os.symlink("/nonexistent", folder / "d_dangling.pdf")
    from ingest.service import iter_files

    outcomes = [Ingestor(settings).ingest(p) for p in iter_files([folder])]
    assert [o.status for o in outcomes] == ["failed", "failed", "ingested", "failed"]
    assert [o.error.code for o in outcomes if o.error] == ["empty", "corrupt", "not_found"]


def test_ingest_reads_the_stored_copy_with_the_name_the_file_came_with(
    tmp_path: Path, settings: Settings
) -> None:
    """Ingest reads the stored copy (named by its hash), but the extension still tells a broken Word file
    from an unknown one: the error says what is wrong, as `kenesh tag` on the file itself does."""
    fake = tmp_path / "draft.docx"
    fake.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    outcome = Ingestor(settings).ingest(fake)
    assert outcome.status == "failed" and outcome.error is not None
    assert outcome.error.code == "corrupt" and "Word document" in outcome.error.message
    archive = tmp_path / "drafts.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("draft.txt", B.ARTICLE_1)
    error = Ingestor(settings).ingest(archive).error
    assert error is not None and "'.zip'" in error.message

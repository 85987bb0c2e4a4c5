"""Every format read from a file the test makes itself, through the same function ingest calls."""

from __future__ import annotations

from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from core.settings import Settings
from ingest.pipeline import process_file
from ingest.readers import Probe, choose_reader
from tests import builders as B


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("formats")
    docx_path = B.make_docx(root / "draft.docx")
    legacy = B.make_legacy_font_docx(root / "osh.docx")
    return {
        "docx": docx_path,
        "pdf": B.soffice_convert(docx_path, "pdf", root),
        "doc": B.soffice_convert(docx_path, "doc", root),
        "legacy_doc": B.soffice_convert(legacy, "doc", root),
        "rtf": B.make_rtf(root / "draft.rtf"),
        "mhtml": B.make_mhtml(root / "law_mhtml.doc"),
        "scan_pdf": B.make_scanned_pdf(root / "scan.pdf"),
    }


def test_docx_paragraphs_numbering_tables_and_no_header(files: dict[str, Path], settings: Settings) -> None:
    result = process_file(files["docx"], settings)
    assert result.format == "docx" and result.language == "ky"
    lines = result.text.split("\n")
    assert B.ARTICLE_1 in lines and B.PART_2 in lines
    assert lines[5:8] == ["1) мүлк салыгы;", "2) жергиликтүү жыйымдар;", "3) ижара акысы."]
    assert "Мүлк салыгы | 1250,5" in lines
    assert "ДОЛБООР" not in result.text and "колонтитулу" not in result.text
    assert result.identity.number == "15" and result.identity.date == "2024-03-12"
    assert result.identity.act_type == "law"


def test_pdf_text_layer(files: dict[str, Path], settings: Settings) -> None:
    result = process_file(files["pdf"], settings)
    assert result.format == "pdf" and result.page_count == 1 and not result.ocr
    assert B.ARTICLE_1 in result.text and "2) жергиликтүү жыйымдар;" in result.text


def test_legacy_doc_through_libreoffice(files: dict[str, Path], settings: Settings) -> None:
    result = process_file(files["doc"], settings)
    assert result.format == "doc"
    assert B.ARTICLE_2 in result.text and "Мүлк салыгы | 1250,5" in result.text


def test_legacy_font_doc_is_repaired_by_font_name(files: dict[str, Path], settings: Settings) -> None:
    result = process_file(files["legacy_doc"], settings)
    assert result.repairs["font_mapping"] == "a97_oktom"
    assert "ОШ ШААРДЫК КЕҢЕШИНИН ТОКТОМУ" in result.text
    assert "Жергиликтүү бюджеттен кошумча каражат бөлүп берүү жөнүндө" in result.text
    assert "350,0 миң сом бөлүп берилсин" in result.text


def test_rtf_with_footnote_kept_apart(files: dict[str, Path], settings: Settings) -> None:
    result = process_file(files["rtf"], settings)
    assert result.format == "rtf"
    assert B.PART_1 in result.text
    assert result.footnotes == ["Шилтеме: Салык кодекси."]
    assert "Шилтеме" not in result.text


def test_mhtml_named_doc_is_detected_by_content(files: dict[str, Path], settings: Settings) -> None:
    assert choose_reader(Probe.of(files["mhtml"])).name == "mhtml"
    result = process_file(files["mhtml"], settings)
    assert result.format == "mhtml"
    assert B.ARTICLE_1 in result.text and "var x" not in result.text and "Мүлк салыгы | 1250,5" in result.text


def test_html_and_cp1251_text(tmp_path: Path, settings: Settings) -> None:
    html = tmp_path / "page.html"
    html.write_text(f"<!DOCTYPE html><html><body><h1>{B.ARTICLE_1}</h1><p>{B.PART_1}</p></body></html>")
    assert process_file(html, settings).text == f"{B.ARTICLE_1}\n\n{B.PART_1}"
    text = tmp_path / "ru.txt"
    text.write_bytes("Статья 1. Органы местного самоуправления".encode("cp1251"))
    result = process_file(text, settings)
    assert result.text == "Статья 1. Органы местного самоуправления" and result.language == "ru"


def test_scanned_pdf_is_ocrd_with_low_character_error_rate(
    files: dict[str, Path], settings: Settings
) -> None:
    result = process_file(files["scan_pdf"], settings)
    assert result.ocr and result.ocr_pages == [1]
    assert result.ocr_confidence is not None and result.ocr_confidence > 80
    truth = " ".join(" ".join(B.SCAN_LINES).split())
    got = " ".join(result.text.split())
    cer = Levenshtein.distance(truth, got) / len(truth)
    print(f"OCR character error rate at 300 dpi: {cer:.4f}")
    assert cer < 0.03


def test_image_is_ocrd(tmp_path: Path, settings: Settings) -> None:
    png = tmp_path / "scan.png"
    B.render_scan(B.SCAN_LINES[:2]).save(png)
    result = process_file(png, settings)
    assert result.format == "image" and result.ocr
    assert "Жергиликтүү өз алдынча башкаруу" in result.text


@pytest.mark.parametrize("target", ["xlsx", "xls", "ods"])
def test_spreadsheet_budget_annex_rows_keep_their_amounts(
    tmp_path: Path, settings: Settings, target: str
) -> None:
    path = B.make_budget_annex(tmp_path, target)
    assert choose_reader(Probe.of(path)).name == "spreadsheet"
    result = process_file(path, settings)
    assert result.format == target and result.language == "ky"
    lines = result.text.split("\n")
    assert "2025-жылга айыл өкмөтүнүн бюджетинин кирешелер бөлүгү" in lines
    assert "1 | Мүлк салыгы | 1250.5" in lines  # cells as in a DOCX table
    assert any(line.split()[-1:] == ["730"] for line in lines)  # a whole number without «.0»


def test_damaged_spreadsheet_is_a_clear_error(tmp_path: Path, settings: Settings) -> None:
    from core.errors import IngestError

    path = B.make_budget_annex(tmp_path, "xls")
    broken = tmp_path / "broken.xls"
    broken.write_bytes(path.read_bytes()[:1536])  # the header and directory survive, the data does not
    with pytest.raises(IngestError) as caught:
        process_file(broken, settings)
    assert caught.value.code in {"corrupt", "conversion_failed", "empty"} and caught.value.message

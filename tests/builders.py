"""Files the tests make themselves: DOCX with python-docx, PDF/DOC/RTF through LibreOffice, scans by
rendering real Kyrgyz text to an image, and hostile inputs."""

from __future__ import annotations

import base64
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from PIL import Image, ImageDraw, ImageFont

from tests import seed_lines as S

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

DRAFT_TITLE = "«Жергиликтүү өз алдынча башкаруу жөнүндө» Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү жөнүндө"
ARTICLE_1 = "1-берене. Жергиликтүү бюджеттин кирешелери"
PART_1 = "Жергиликтүү кеңеш жергиликтүү салыктардын жана жыйымдардын ставкаларын белгилейт."
ARTICLE_2 = "2-берене. Мамлекеттик ыйгарым укуктарды өткөрүп берүү"
PART_2 = "Өткөрүлүп берилген ыйгарым укуктар республикалык бюджеттин каражаттарынын эсебинен каржыланат."
SCAN_LINES = [
    "Жергиликтүү өз алдынча башкаруу органдары мыйзам чыгаруу",
    "процесстерине катышууга умтулуп келет. Алар мындай жол менен",
    "чечим кабыл алууда өз үнүн жана пикирин жеткирүүгө аракеттенишүүдө.",
    "Бирок Кыргыз Республикасынын Жогорку Кеңеши ар бир ЖӨБ органы",
    "менен өз-өзүнчө сүйлөшүү жүргүзүп же кызыкчылыктарды",
    "макулдаша албайт.",
]


def _numbered(paragraph: Paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num)
    ppr.append(num_pr)


def make_docx(path: Path, number: str = "15", extra: str = "", pages: int = 1) -> Path:
    """A Kyrgyz draft law with a header, a numbered list, a table and a footer."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "ДОЛБООР — жумушчу нуска"
    section.footer.paragraphs[0].text = "Баракча колонтитулу"
    document.add_paragraph("КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ")
    document.add_paragraph(f"2024-жылдын 12-мартындагы № {number}")
    document.add_paragraph(DRAFT_TITLE)
    document.add_paragraph(ARTICLE_1)
    document.add_paragraph(PART_1)
    numbering_part = document.part.numbering_part
    abstract = numbering_part.element.makeelement(qn("w:abstractNum"), {qn("w:abstractNumId"): "90"})
    lvl = abstract.makeelement(qn("w:lvl"), {qn("w:ilvl"): "0"})
    for tag, val in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1)")):
        el = lvl.makeelement(qn(tag), {qn("w:val"): val})
        lvl.append(el)
    abstract.append(lvl)
    numbering_part.element.insert(0, abstract)
    num = numbering_part.element.makeelement(qn("w:num"), {qn("w:numId"): "91"})
    ref = num.makeelement(qn("w:abstractNumId"), {qn("w:val"): "90"})
    num.append(ref)
    numbering_part.element.append(num)
    for item in ("мүлк салыгы;", "жергиликтүү жыйымдар;", "ижара акысы."):
        _numbered(document.add_paragraph(item), 91)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Кирешенин түрү"
    table.cell(0, 1).text = "Сумма, миң сом"
    table.cell(1, 0).text = "Мүлк салыгы"
    table.cell(1, 1).text = "1250,5"
    document.add_paragraph(ARTICLE_2)
    document.add_paragraph(PART_2 + extra)
    for i in range(2, pages + 1):
        paragraph = document.add_paragraph(f"{i}-бет: жергиликтүү бюджеттин аткарылышы жөнүндө маалымат.")
        paragraph.runs[0].add_break(WD_BREAK.PAGE)
    document.save(str(path))
    return path


def make_legacy_font_docx(path: Path) -> Path:
    """A decision typed in the Osh council's legacy font (A97_Oktom_Times): ё=ң, \\=ү, ъ=ө."""
    document = docx.Document()
    for line in (
        "ОШ ШААРДЫК КЕЁЕШИНИН ТОКТОМУ",
        "Жергиликт\\\\ бюджеттен кошумча каражат бъл\\п бер\\\\ жън\\ндъ",
        "1. Ош шаарынын мэриясына 350,0 миё сом бъл\\п берилсин.",
    ):
        run = document.add_paragraph().add_run(line)
        run.font.name = "A97_Oktom_Times"
        run.font.size = Pt(12)
    document.save(str(path))
    return path


def soffice_convert(source: Path, target: str, outdir: Path, infilter: str | None = None) -> Path:
    """Convert with LibreOffice; ``infilter`` names the import filter (a CSV's separators and encoding)."""
    binary = shutil.which("soffice")
    assert binary, "LibreOffice is needed (scripts/install.sh installs it)"
    profile = outdir / ".lo-profile"
    subprocess.run(
        [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    produced = outdir / (source.stem + "." + target.split(":")[0])
    assert produced.exists(), f"LibreOffice did not produce {produced}"
    return produced


def make_rtf(path: Path) -> Path:
    """RTF with Kyrgyz text in \\u escapes and a footnote."""

    def esc(text: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text)

    body = (
        "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
        f"\\pard {esc(ARTICLE_1)}\\par\n"
        f"\\pard {esc(PART_1)}{{\\super\\chftn}}{{\\footnote\\pard {{\\super\\chftn}} {esc('Шилтеме: Салык кодекси.')}}}\\par\n"
        f"\\pard {esc(ARTICLE_2)}\\par\n\\pard {esc(PART_2)}\\par\n}}"
    )
    path.write_text(body, encoding="ascii")
    return path


def make_mhtml(path: Path) -> Path:
    """A law saved as an MHTML web archive (UTF-16 HTML, base64) with a .doc name."""
    html = (
        f"<html><head><meta charset='utf-16'><title>Мыйзам</title><style>p{{}}</style></head><body>"
        f"<p>{ARTICLE_1}</p><p>{PART_1}</p><table><tr><td>Мүлк салыгы</td><td>1250,5</td></tr></table>"
        f"<script>var x = 1;</script><p>{ARTICLE_2}</p><p>{PART_2}</p></body></html>"
    )
    boundary = "----=_NextPart_000_0000"
    payload = base64.encodebytes(html.encode("utf-16")).decode("ascii")
    path.write_text(
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="{boundary}"; type="text/html"\r\n\r\n'
        f'--{boundary}\r\nContent-Type: text/html; charset="utf-16"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
        f"{payload}\r\n--{boundary}--\r\n",
        encoding="ascii",
    )
    return path


def render_scan(lines: list[str], dpi: int = 300) -> Image.Image:
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(12 * dpi / 72))
    y = dpi
    for line in lines:
        draw.text((int(0.8 * dpi), y), line, font=font, fill=0)
        y += int(12 * dpi / 72 * 1.6)
    return image


def make_scanned_pdf(path: Path, lines: list[str] = SCAN_LINES) -> Path:
    render_scan(lines).save(str(path), "PDF", resolution=300.0)
    return path


def make_zip_bomb(path: Path, inflated_mb: int = 700) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(inflated_mb):
                fh.write(chunk)
    return path


def seed_prose() -> str:
    return S.SEED001_PROSE


ANNEX_ROWS = [
    ["2025-жылга айыл өкмөтүнүн бюджетинин кирешелер бөлүгү"],
    ["(миң сом)"],
    ["№", "Кирешелер", "Суммасы"],
    ["1", "Мүлк салыгы", "1250.5"],
    ["2", "Жер салыгы", "730"],
    ["3", "Таштандыларды ташып чыгууга жыйымдар", "1300"],
]


def make_budget_annex(outdir: Path, target: str) -> Path:
    """A council's budget annex as a spreadsheet, made by LibreOffice from a UTF-8 CSV."""
    source = outdir / "annex.csv"
    source.write_text("\n".join(",".join(row) for row in ANNEX_ROWS) + "\n", encoding="utf-8")
    return soffice_convert(source, target, outdir, infilter="CSV:44,34,76,1")

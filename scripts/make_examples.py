"""Regenerate the bundled examples in examples/ (a Kyrgyz draft as DOCX, its Russian text, a council
decision in the legacy A97_Oktom_Times font as Word 97 DOC, and a scanned page). Texts written for Kenesh."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.shared import Pt
from PIL import Image, ImageDraw, ImageFont

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

KY_DRAFT = """Долбоор
КЫРГЫЗ РЕСПУБЛИКАСЫНЫН МЫЙЗАМЫ
2025-жылдын 14-апрелиндеги № 48
«Жергиликтүү мамлекеттик администрация жана жергиликтүү өз алдынча башкаруу органдары жөнүндө» Кыргыз Республикасынын Мыйзамына өзгөртүүлөрдү киргизүү жөнүндө
1-берене.
«Жергиликтүү мамлекеттик администрация жана жергиликтүү өз алдынча башкаруу органдары жөнүндө» Кыргыз Республикасынын 2021-жылдын 20-октябрындагы № 123 Мыйзамына төмөнкүдөй өзгөртүүлөр киргизилсин:
1) 27-берененин 1-бөлүгүнүн 9-пункту төмөнкүдөй редакцияда баяндалсын:
«9) мектепке чейинки билим берүү уюмдарынын имараттарын күтүү жергиликтүү бюджеттин эсебинен жүргүзүлөт;»;
2) 31-берене төмөнкүдөй мазмундагы 4-бөлүк менен толукталсын:
«4. Өткөрүлүп берилген мамлекеттик ыйгарым укуктар республикалык бюджеттен берилүүчү субвенциялардын эсебинен каржыланат.».
2-берене.
Бул Мыйзам расмий жарыяланган күндөн тартып он күн өткөндөн кийин күчүнө кирет.
Кыргыз Республикасынын Президенти"""

RU_DRAFT = """Проект
ЗАКОН КЫРГЫЗСКОЙ РЕСПУБЛИКИ
от 14 апреля 2025 года № 48
О внесении изменений в Закон Кыргызской Республики «О местной государственной администрации и органах местного самоуправления»
Статья 1.
Внести в Закон Кыргызской Республики «О местной государственной администрации и органах местного самоуправления» от 20 октября 2021 года № 123 следующие изменения:
1) пункт 9 части 1 статьи 27 изложить в следующей редакции:
«9) содержание зданий дошкольных образовательных организаций осуществляется за счёт средств местного бюджета;»;
2) статью 31 дополнить частью 4 следующего содержания:
«4. Делегированные государственные полномочия финансируются за счёт субвенций из республиканского бюджета.».
Статья 2.
Настоящий Закон вступает в силу по истечении десяти дней со дня официального опубликования.
Президент Кыргызской Республики
"""

# Typed in the legacy font: ё = ң, \ = ү, ъ = ө (what Word 97 files of the Osh council hold).
LEGACY_DECISION = [
    "ОШ ШААРДЫК КЕЁЕШИНИН ТОКТОМУ",
    "Ош шаары № 12",
    "Жергиликт\\\\ бюджеттен кошумча каражат бъл\\п бер\\\\ жън\\ндъ",
    "1. Ош шаарынын мэриясына балдар бакчаларын жылытуу \\ч\\н жергиликт\\\\ бюджеттин эсебинен 350,0 миё сом бъл\\п берилсин.",
    "2. Бул токтомдун аткарылышын къзъмълдъъ бюджет боюнча туруктуу комиссияга ж\\ктълс\\н.",
]

SCAN = [
    "Айыл аймагынын айылдык кеңешинин токтому",
    "Жайыттарды пайдалануу үчүн төлөмдүн өлчөмү жергиликтүү",
    "бюджетке түшүүчү каражат катары бекитилсин.",
]


def main() -> None:
    EXAMPLES.mkdir(exist_ok=True)
    document = docx.Document()
    for line in KY_DRAFT.split("\n"):
        document.add_paragraph(line)
    document.save(str(EXAMPLES / "draft_lsg_law_amendment_ky.docx"))
    (EXAMPLES / "draft_lsg_law_amendment_ru.txt").write_text(RU_DRAFT, encoding="utf-8")

    legacy = docx.Document()
    for line in LEGACY_DECISION:
        run = legacy.add_paragraph().add_run(line)
        run.font.name = "A97_Oktom_Times"
        run.font.size = Pt(12)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "osh_decision_legacy_font.docx"
        legacy.save(str(source))
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation=file://{tmp}/p",
                "--headless",
                "--convert-to",
                "doc",
                "--outdir",
                str(EXAMPLES),
                str(source),
            ],
            check=True,
            capture_output=True,
        )

    dpi = 200
    image = Image.new("L", (int(8.27 * dpi), int(3 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", int(12 * dpi / 72))
    for i, line in enumerate(SCAN):
        draw.text((int(0.8 * dpi), int(0.5 * dpi) + i * int(12 * dpi / 72 * 1.6)), line, font=font, fill=0)
    image.save(EXAMPLES / "scanned_ayil_kenesh_decision.png", optimize=True)


if __name__ == "__main__":
    main()

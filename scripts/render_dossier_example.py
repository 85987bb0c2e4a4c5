"""Render the page of an example protocol dossier that shows positions side by side, for docs/.

Builds the dossier from the bundled examples/ in a throw-away data directory, exports the PDF through
LibreOffice and renders one page with pdftoppm. Usage: .venv/bin/python scripts/render_dossier_example.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.db import Database  # noqa: E402
from core.settings import Settings  # noqa: E402
from dossiers.labels import labels  # noqa: E402
from dossiers.meetings import add_item, create_meeting, decide  # noqa: E402
from dossiers.positions import add_position  # noqa: E402
from dossiers.service import build_dossier  # noqa: E402
from ingest.service import Ingestor  # noqa: E402
from workers.chain import ingest_and_process  # noqa: E402

TARGET = ROOT / "docs" / "dossier-page.png"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kenesh-example-") as tmp:
        settings = Settings(data_dir=Path(tmp) / "data")
        ingestor = Ingestor(settings)
        ids = []
        for name in ("draft_lsg_law_amendment_ky.docx", "draft_lsg_law_amendment_ru.txt"):
            outcome = ingest_and_process(ingestor, ROOT / "examples" / name)
            assert outcome.document_id is not None, outcome
            ids.append(outcome.document_id)
        document = ids[0]
        db = Database(settings)
        add_position(
            db,
            document,
            article="1",
            org="lsg-union",
            stance="objects",
            text="Мектепке чейинки уюмдардын имараттарын күтүү компенсациясыз жергиликтүү бюджетке жүктөлөт.",
            cost="48 600 000",
            cost_period="жылына",
            cost_source="ЖӨБ Союзунун 2026-жылкы эсеби",
            basis="Бюджеттик кодекстин 49-беренесинин 3-бөлүгү",
            author="ЖӨБ Союзунун аналитиги",
        )
        add_position(
            db,
            document,
            article="1",
            org="minfin",
            stance="amends",
            text="Чыгымдар 2027-жылдан тартып теңдештирүүчү гранттын курамында каралат.",
            wording="…жергиликтүү бюджеттин жана республикалык бюджеттен берилүүчү трансферттердин эсебинен…",
            cost="30 000 000",
            cost_period="жылына",
            cost_source="Финансы министрлигинин эсеби",
        )
        meeting = create_meeting(
            db,
            kind="budget-committee",
            date_="2026-11-30",
            title="2027-жылдын республикалык бюджети боюнча бюджет аралык мамилелерди макулдашуу",
            place="Бишкек ш., Жогорку Кеңеш",
            chair="Комитеттин төрагасы",
            secretary="Комитеттин катчысы",
            participants=[
                ("ЖӨБ Союзунун өкүлү", "ЖӨБ Союзу", "аткаруучу директор"),
                ("Финансы министрлигинин өкүлү", "Финансы министрлиги", "орун басар"),
            ],
        )
        add_item(db, meeting.id, document)
        decide(
            db,
            meeting.id,
            document,
            article="1",
            status="committee",
            text="Кайчы пикир ЖК Бюджет жана финансы боюнча комитетине жөнөтүлсүн.",
        )
        _, pdf = build_dossier(db, meeting.id, "ky", "pdf")
        path = Path(tmp) / "dossier.pdf"
        path.write_bytes(pdf)
        wanted = labels("ky")["sides"]["lsg"]
        page = 1
        for number in range(1, 20):
            text = subprocess.run(
                ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            if not text:
                break
            if wanted in text:
                page = number
                break
        TARGET.parent.mkdir(exist_ok=True)
        subprocess.run(
            [
                "pdftoppm",
                "-f",
                str(page),
                "-l",
                str(page),
                "-r",
                "80",
                "-png",
                "-singlefile",
                str(path),
                str(TARGET.with_suffix("")),
            ],
            check=True,
        )
        print(f"page {page} → {TARGET}")


if __name__ == "__main__":
    main()

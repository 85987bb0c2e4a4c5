from ingest.langdetect import detect, detect_paragraph
from tests import seed_lines as S

RU = (
    "Органы местного самоуправления в соответствии с настоящим Законом осуществляют свои полномочия "
    "за счёт средств местного бюджета."
)


def test_paragraph_language() -> None:
    assert detect_paragraph(S.SEED001_PROSE) == "ky"
    assert detect_paragraph(RU) == "ru"
    # typed on a Russian keyboard: no ө ү ң, no listed function word, but Kyrgyz case endings
    assert detect_paragraph("Айыл окмотунун каражаттарынын эсебинен жолдор онолот.") == "ky"
    assert detect_paragraph("Статья 5. Порядок уплаты налога на имущество органом") == "ru"


def test_document_language_and_mixed() -> None:
    assert detect(S.SEED001_PROSE)[0] == "ky"
    assert detect(RU)[0] == "ru"
    assert detect(S.SEED001_PROSE + "\n\n" + RU)[0] == "mixed"
    assert detect("12345 ---")[0] == "und"

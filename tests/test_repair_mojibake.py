from collections import Counter

from ingest.repair import repair_text
from ingest.repair.lexicon import Lexicon
from ingest.repair.mojibake import load_mappings, mojibake_tokens, repair_mojibake
from tests import seed_lines as S


def test_seed001_headline_is_repaired_by_vocabulary() -> None:
    text, mapping = repair_mojibake(S.SEED001_HEADLINE)
    assert mapping == "kg_keyboard_eq"
    assert "Жергиликтүү жамааттардын" in text
    assert "жергиликтүү кеңештердин" in text
    assert "Кеңеши" in text
    assert "өз ара аракеттенүүсү" in text
    assert mojibake_tokens(text) == []


def test_acronym_with_suffix_and_verbs() -> None:
    text, _ = repair_mojibake(S.SEED001_MECHANISMS)
    assert "ЖӨБдүн мамлекет менен" in text
    assert "өз ара аракеттенүүсүнүн" in text
    assert "регионду өнүктүрүү" in text


def test_genuine_slashes_are_kept() -> None:
    for line in (S.SEED001_SLASH, S.SEED001_RATIO, S.SEED001_ORDER):
        assert repair_text(S.SEED001_HEADLINE + line).text.endswith(repair_text(line).text.split("\n")[-1])
    assert "жана/же" in repair_text(S.SEED001_HEADLINE + S.SEED001_SLASH).text
    assert "60/40" in repair_text(S.SEED001_HEADLINE + S.SEED001_RATIO).text
    assert "№ 01-24/19" in repair_text(S.SEED001_HEADLINE + S.SEED001_ORDER).text


def test_second_font_chosen_by_font_name_and_russian_words_left_alone() -> None:
    # Osh council decisions in A97_Oktom_Times: ё for ң, \ for ү, ъ for ө
    raw = "ОШ ШААРДЫК КЕЁЕШИНИН ТОКТОМУ\nжергиликт\\\\ бюджеттен т\\р\\ндъг\\ миё сом\nобъект и подъезд"
    text, mapping = repair_mojibake(raw, fonts=["A97_Oktom_Times"])
    assert mapping == "a97_oktom"
    assert "ОШ ШААРДЫК КЕҢЕШИНИН" in text
    assert "жергиликтүү бюджеттен түрүндөгү миң сом" in text
    assert "объект и подъезд" in text


def test_legacy_words_with_only_russian_letters_become_forms_of_known_words() -> None:
    """A word whose only legacy letter is «ъ» (ө) or «ё» (ң) is a Russian letter too: it is changed where it
    becomes another form of a known word («тълъм» → «төлөм», as «төлөмдөр»), also in a compound that breaks
    vowel harmony («търагасы» → «төрагасы»). Russian's hard sign before е, ё, ю, я stays («субъекттер»)."""
    raw = (
        "Аймактык кеңештин търагасы ай сайын тълъм жүргүзөт, бълмълърдън тышкары.\n"
        "Салык субъекттери жана объекттерин каттоо, сүйлъъ маданияты."
    )
    text, mapping = repair_mojibake(raw, fonts=["A97_Oktom_Times"])
    assert mapping == "a97_oktom"
    assert text == (
        "Аймактык кеңештин төрагасы ай сайын төлөм жүргүзөт, бөлмөлөрдөн тышкары.\n"
        "Салык субъекттери жана объекттерин каттоо, сүйлөө маданияты."
    )


def test_second_font_found_by_vocabulary_without_font_name() -> None:
    raw = "Ош шаардык Кеёешинин токтому: жергиликт\\\\ бюджеттен каражат бъл\\\\ жън\\ндъ"
    text, mapping = repair_mojibake(raw)
    assert mapping == "a97_oktom"
    assert "Кеңешинин" in text and "жергиликтүү бюджеттен" in text and "жөнүндө" in text


def test_clean_russian_text_is_untouched() -> None:
    raw = "Статья 5. Всё её имущество учтено в объёме 60/40 и 3+2=5; счёт № 01-24/19."
    text, mapping = repair_mojibake(raw)
    assert text == raw
    assert mapping is None


def test_mappings_are_data() -> None:
    ids = {m.id for m in load_mappings()}
    assert {"kg_keyboard_eq", "a97_oktom"} <= ids
    stats: Counter[str] = Counter()
    repair_mojibake(S.SEED001_HEADLINE, lexicon=Lexicon.for_text(S.SEED001_HEADLINE), stats=stats)
    assert stats["mojibake_words"] == 6


def test_separators_between_known_words_survive_in_a_mojibake_document() -> None:
    text, mapping = repair_mojibake(S.SEED001_HEADLINE + "ЖАНА/ЖЕ салыктар, жана/же жыйымдар и/или сборы")
    assert mapping == "kg_keyboard_eq"
    assert "ЖАНА/ЖЕ салыктар, жана/же жыйымдар и/или сборы" in text

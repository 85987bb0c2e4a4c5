import re
from collections import Counter
from pathlib import Path

import pytest

from ingest.repair import repair_pages, repair_text
from ingest.repair.furniture import (
    collapse_double_spacing,
    drop_footnote_markers,
    drop_lone_page_numbers,
    strip_running_heads,
)
from ingest.repair.hyphenation import join_hyphenated_lines
from ingest.repair.keyboard import repair_keyboard
from ingest.repair.lexicon import Lexicon
from ingest.repair.normalize import normalize
from tests import seed_lines as S


def test_syllable_breaks_are_joined_and_compounds_kept() -> None:
    lex = Lexicon.for_text(S.SEED000_HYPHENS)
    out = join_hyphenated_lines(normalize(S.SEED000_HYPHENS), lex, Counter())
    assert "социалдык стабилдүүлүгүн" in out
    assert "Бардык мамлекеттик программалар" in out
    assert "ашыруунун" in out
    assert "жер-жерлерде" in out  # mid-line hyphen untouched


def test_ish_break_joins_into_a_known_word() -> None:
    out = repair_text(S.SEED000_ISH).text
    assert "салмактуу иштеп," in out


def test_numeral_suffix_keeps_hyphen() -> None:
    out = repair_text(S.SEED004_NUMERAL).text
    assert "2021-жылдын 20-октябрында" in out


def test_compound_of_two_known_words_keeps_hyphen() -> None:
    out = join_hyphenated_lines("ЖӨБ органдарынын иш-\nаракеттери", Lexicon.for_text(""), Counter())
    assert "иш-аракеттери" in out


def test_slash_and_hyphen_lines_from_seed() -> None:
    out = repair_text(S.SEED001_SLASH).text
    assert "жана/же алардын ассоциациялары, союздары" in out
    assert "жумушчу топторунун" in out


def test_keyboard_letters_corrected_only_when_known() -> None:
    stats: Counter[str] = Counter()
    out = repair_keyboard(S.SEED001_KEYBOARD, Lexicon.for_text(S.SEED001_KEYBOARD), stats)
    assert "Жогорку Кеңеши" in out
    assert stats["keyboard_letters"] == 1
    # a harmonic word that is not known stays; a Russian neighbour protects «Кенеш»
    assert repair_keyboard("которуу иши", Lexicon.shipped(), Counter()) == "которуу иши"
    assert repair_keyboard("Ошский городской Кенеш", Lexicon.shipped(), Counter()) == "Ошский городской Кенеш"
    assert "түзүлгөн" in repair_keyboard("жаңы түзулгөн кеңеш", Lexicon.shipped(), Counter())
    # every ө and ү typed as о and у keeps the word harmonic: changed only when all of them together
    # give a well-known word; a short or back-vowel word is never changed so
    assert (
        repair_keyboard("Айыл окмотунун каражаты", Lexicon.shipped(), Counter()) == "Айыл өкмөтүнүн каражаты"
    )
    assert repair_keyboard("колу жок", Lexicon.shipped(), Counter()) == "колу жок"
    assert repair_keyboard("болжолдуу", Lexicon.shipped(), Counter()) == "болжолдуу"


def test_footnote_markers() -> None:
    stats: Counter[str] = Counter()
    out = drop_footnote_markers(S.SEED004_FOOTNOTE, stats)
    assert "мүмкүнчүлүгү». 2021" in out
    assert drop_footnote_markers("болуп саналат1. Андан", Counter()) == "болуп саналат. Андан"
    assert drop_footnote_markers("114-беренесинин 2-бөлүгү", Counter()) == "114-беренесинин 2-бөлүгү"


def test_running_heads_and_page_numbers_across_pages() -> None:
    words = ["бюджет", "салык", "жыйым", "киреше", "чыгаша", "каражат"]
    pages = [
        f"Муниципалитет журналы № 3\nЖергиликтүү {w} жөнүндө.\nдагы {w}\n{i}" for i, w in enumerate(words, 1)
    ]
    stats: Counter[str] = Counter()
    out = strip_running_heads(pages, stats)
    assert all("журналы" not in p for p in out)
    assert [p.strip().splitlines()[-1] for p in out] == [f"дагы {w}" for w in words]
    assert stats["running_heads"] == 6 and stats["page_numbers"] == 6


def test_double_spaced_layout_and_lone_page_numbers() -> None:
    lines = [f"сап {i} жергиликтүү өз алдынча башкаруу" for i in range(30)]
    text = "\n\n".join(lines[:15]) + "\n\n\n\n18\n\n\n\n" + "\n\n".join(lines[15:])
    out = collapse_double_spacing(drop_lone_page_numbers(text, Counter()), Counter())
    assert "\n18\n" not in out
    assert out.count("\n\n") <= 2
    table = "№ Муниципалитет\n\n1\nАк-Муз АА\n\n2\nКара-Суу АА"
    assert drop_lone_page_numbers(table, Counter()) == table


def test_normalize_quotes_dashes_numbers_lookalikes() -> None:
    stats: Counter[str] = Counter()
    out = normalize(
        "“Жергиликтүү өз алдынча башкаруу жөнүндө” КР Мыйзамынын 112 – беренесинин N 3 Kыргыз\u00a0", stats
    )
    assert out == "«Жергиликтүү өз алдынча башкаруу жөнүндө» КР Мыйзамынын 112-беренесинин № 3 Кыргыз"
    assert stats["latin_lookalikes"] == 1
    assert normalize('закон "О местном самоуправлении"') == "закон «О местном самоуправлении»"


def test_letters_of_other_alphabets_and_font_symbols_become_the_ones_they_stand_for() -> None:
    """Kyrgyz typists write ң with the en-with-tail of other alphabets («КЕӉЕШИ») and ө with a Latin barred
    o («ɵнɵркана»), or compose ү of у and a combining diaeresis; Word's Symbol font keeps its minus in the private-use area and a PDF may write a
    compound's hyphen as U+FFFE. Left as they are, «Кеӊеши» is no council and «ɵнɵр» no known word."""
    stats: Counter[str] = Counter()
    out = normalize(
        "ОШ ШААРДЫК КЕӉЕШИ\nКеӊешинин төрагасы ɵз ɵнɵркана ӧнүгүүсү ҥ ку\u0308н\n"
        "помещений \uf02d 0,35 процента; гражданско\ufffeправовой; № 73 \u2215 08-6; Excel жана COVID",
        stats,
    )
    assert out == (
        "ОШ ШААРДЫК КЕҢЕШИ\nКеңешинин төрагасы өз өнөркана өнүгүүсү ң күн\n"
        "помещений – 0,35 процента; гражданско-правовой; № 73 / 08-6; Excel жана COVID"
    )
    assert stats["odd_characters"] == 10 and stats["odd_hyphens"] == 1
    # a U+FFFE that joins no two letters is no hyphen; a Latin word keeps its letters
    assert normalize("a \ufffe b über") == "a \ufffe b über"


def test_repaired_seed_headline_end_to_end() -> None:
    result = repair_pages([S.SEED001_HEADLINE + "\n" + S.SEED001_PROSE], paged=False)
    assert result.font_mapping == "kg_keyboard_eq"
    assert result.text.startswith("Жергиликтүү жамааттардын жана\nжергиликтүү кеңештердин")
    assert S.SEED001_PROSE in result.text


def test_words_run_together_are_split_only_into_known_words() -> None:
    glued = repair_text("Имараттарды күтүүжергиликтүүбюджеттинкаражаттарынынэсебинен жүргүзүлөт.")
    assert glued.text == "Имараттарды күтүү жергиликтүү бюджеттин каражаттарынын эсебинен жүргүзүлөт."
    assert glued.stats["glued_words_split"] == 4
    camel = repair_text("Айыл өкмөтүнүнТоктому боюнча жер салыгынын ставкасы бекитилсин.").text
    assert camel.startswith("Айыл өкмөтүнүн Токтому боюнча")
    # a long real word, a typo with a capital inside, a name and Russian stay as they are
    for text in (
        "Демократиялаштырылгандыгынын негизинде жергиликтүү кеңеш иштейт.",
        "Ал биЛдирип жатат, «СоБезопасность» уюму жана жергиликтүү кеңеш.",
        "Высококвалифицированный специалист органов местного самоуправления.",
    ):
        assert repair_text(text).text == text


TYPED_WITHOUT_LETTERS = (  # a Kyrgyz paragraph typed on a Russian keyboard throughout: no ө, ү, ң at all
    "Жергиликтуу оз алдынча башкаруу органдары мыйзамда корсотулгон ыйгарым укуктарды аткарат. Айыл "
    "окмоту жергиликтуу бюджеттин долбоорун тузот жана аны айылдык кенештин кароосуна киргизет. Кенеш "
    "бюджетти бекитет жана анын аткарылышын козомолдойт. Жергиликтуу жамааттын мучолору коомдук "
    "угууларга катышат. Отчет белгиленген моонотунон кечиктирилбестен ченемдуу тартипте берилет."
)


def test_a_text_typed_without_kyrgyz_letters_gets_them_back() -> None:
    repaired = repair_text(TYPED_WITHOUT_LETTERS)
    assert repaired.stats["typed_without_kyrgyz_letters"] == 1
    for word in (
        "Жергиликтүү өз алдынча",
        "көрсөтүлгөн",
        "Айыл өкмөтү",
        "түзөт",
        "кеңештин",
        "Кеңеш",
        "көзөмөлдөйт",
        "мүчөлөрү",
    ):
        assert word in repaired.text, word
    assert "аткарат" in repaired.text and "угууларга катышат" in repaired.text  # back-vowel words stay
    # every о, у, н of a long word may be a slip; a word that breaks harmony is mended to one that keeps it
    assert "мөөнөтүнөн" in repaired.text and "ченемдүү" in repaired.text


def test_a_text_with_kyrgyz_letters_keeps_its_back_vowel_words() -> None:
    # one slip in a text that has its letters is not a keyboard text: «которуу» (transfer) is a word
    text = "Кызматчыны башка кызматка которуу тартиби. Жергиликтүү өз алдынча башкаруу органдары " * 3
    repaired = repair_text(text)
    assert "которуу" in repaired.text and not repaired.stats["typed_without_kyrgyz_letters"]
    short = repair_text("Айыл окмоту бюджетти тузот.")  # too short to tell how it was typed
    assert not short.stats["typed_without_kyrgyz_letters"]


def test_two_words_run_together_are_cut_only_into_whole_known_words() -> None:
    text = "Айыл өкмөтү жергиликтүүбюджеттин каражаттарын мектептерге бөлөт жана суммасынан отчет берет."
    repaired = repair_text(text).text
    assert "жергиликтүү бюджеттин" in repaired
    assert "суммасынан" in repaired  # a stem and its suffixes are one word, though «сумма» is a word
    assert "принципалдын" in repair_text("Агент принципалдын атынан иш жүргүзөт.").text


def test_a_short_paragraph_typed_without_kyrgyz_letters_is_not_taken_for_russian() -> None:
    short = "Эн жаман формаларда балдар эмгегин пайдаланууга тыюу салынат."
    russian = "Настоящий документ составлен на двух языках."
    repaired = repair_text(f"{TYPED_WITHOUT_LETTERS}\n\n{short}\n\n{russian}\n").text
    assert "Эң жаман" in repaired  # the short paragraph is read as Kyrgyz too
    assert russian in repaired  # a Russian paragraph is left as it is


# Russian words run together (ingest/repair/glued_russian.py); my own sentences, not corpus text
RUSSIAN_CLEAN = (
    "Органы местного самоуправления в соответствии с настоящим Законом за счет средств местного бюджета "
    "обеспечивают содержание дорог местного значения и вывоз бытовых отходов. Решение о размере "
    "арендной платы принимается не позднее 1 марта 2025 года."
)
RUSSIAN_GLUED = (
    "Органыместного самоуправления всоответствии снастоящим Законом засчет средств местногобюджета "
    "обеспечивают содержаниедорог местного значения ивывоз бытовых отходов. Решение оразмере "
    "арендной платы принимается не позднее 1 марта 2025года."
)


def test_clean_russian_with_compounds_the_dictionary_lacks_is_left_alone() -> None:
    # two compounds pymorphy3 does not know and a prefixed noun: too few to show lost spaces
    text = "В десятидневный срок пастбищепользователей уведомляет пастбищный комитет; неуведомление влечет штраф."
    assert repair_text(text).text == text
    assert repair_text(RUSSIAN_CLEAN).text == RUSSIAN_CLEAN


def test_a_cut_of_russian_runs_weighs_prepositions_against_prefixes() -> None:
    from ingest.repair.glued_russian import glued_russian_cuts, segment_russian

    # «не» is written apart from a verb, together with a noun; a preposition is a prefix of a participle
    cuts = glued_russian_cuts("немогут неуведомление заисключением задекларированной атакже окмоту")
    assert cuts == {
        "немогут": ("не", "могут"),
        "заисключением": ("за", "исключением"),
        "атакже": ("а", "также"),
    }
    # the text's own words decide between two dictionary cuts
    assert segment_russian("правона", Counter({"право": 9, "на": 30})) == ("право", "на")
    # a word the text writes whole again and again, never apart, is a word («аильного» is a Kyrgyz loan)
    assert "аильного" not in glued_russian_cuts("аильного кенеша; аильного округа; аильного схода")
    assert "аильного" in glued_russian_cuts("аильного кенеша; а ильного")


# Kyrgyz words run together in a text that lost its spaces; my own sentences, not corpus text
KYRGYZ_CLEAN = (
    "Жергиликтүү өз алдынча башкаруу органдары айыл өкмөтүнүн сунушу боюнча жергиликтүү бюджеттин "
    "долбоорун кабыл алышат. Жергиликтүү кеңеш бюджеттин аткарылышы жөнүндө отчетту угат жана жарандар "
    "менен бирге айыл чарба маселелерин талкуулайт."
)
KYRGYZ_GLUED = (
    "Жергиликтүүөз алдынча башкаруу органдары айылөкмөтүнүн сунушу боюнча жергиликтүү бюджеттин "
    "долбоорун кабылалышат. Жергиликтүү кеңеш бюджеттин аткарылышы жөнүндөотчетту угат жанажарандар "
    "менен бирге айыл чарба маселелерин талкуулайт."
)


@pytest.mark.parametrize(
    ("glued", "clean", "splits"),
    [
        # Russian: pieces pymorphy3's dictionary knows, «2025года» at a number's edge
        (RUSSIAN_GLUED, RUSSIAN_CLEAN, 9),
        # Kyrgyz: «жергиликтүүөз», «кабылалышат» have no halves of six letters, all a clean text's cut allows
        (KYRGYZ_GLUED, KYRGYZ_CLEAN, 5),
    ],
)
def test_a_text_that_lost_its_spaces_gets_its_words_back(glued: str, clean: str, splits: int) -> None:
    repaired = repair_text(glued)
    assert repaired.text == clean
    assert repaired.stats["glued_words_split"] == splits
    assert repair_text(clean).text == clean


def test_the_looser_kyrgyz_cut_takes_no_suffix_for_a_word() -> None:
    from ingest.repair.glued import run_together_cuts
    from ingest.repair.lexicon import Lexicon

    # a text with enough runs to pass the gate, and unseen forms that a cut into words and suffixes would
    # break: «тазалоочу» is no «тазалоо чу», «салынбаса» no «салын баса»; «машинада» is a form of машина
    text = KYRGYZ_GLUED + " Машинада тазалоочу иштейт, салык салынбаса."
    cuts = run_together_cuts(text, Lexicon.for_text(text))
    assert cuts["жанажарандар"] == ("жана", "жарандар")
    assert not {"Машинада", "тазалоочу", "салынбаса"} & set(cuts)
    # one run in a clean text is no sign of lost spaces: nothing is cut
    one = "Жергиликтүүөз алдынча башкаруу органдары айыл өкмөтүнүн сунушу боюнча бюджеттин долбоорун карашат."
    assert run_together_cuts(one, Lexicon.for_text(one)) == {}


def test_a_number_run_into_its_reference_word_is_no_footnote() -> None:
    from ingest.repair.furniture import drop_footnote_markers

    # «Статья13.» lost its space; «саналат1.» carries a footnote
    text = "Статья13. Понятия\nУшул мыйзамда колдонулуучу негизги түшүнүктөр төмөнкүлөр болуп саналат1.\nпункт2 и часть3;"
    assert drop_footnote_markers(text, Counter()) == text.replace("саналат1.", "саналат.")


def test_russian_lines_that_lost_every_space_get_their_words_back() -> None:
    """A PDF text layer without spaces: each line one token. Cut into dictionary words of any number;
    «непозднее» is one of them (pymorphy3 knows «непоздний»), so it stays as the text gives it."""
    glued = re.sub(r"(\w) (?=\w)", r"\1", RUSSIAN_CLEAN)
    assert " " not in glued.split(".")[0]
    assert repair_text(glued).text == RUSSIAN_CLEAN.replace("не позднее", "непозднее")
    # a line holds two short words in a row («их из»), which in a short token would be letters of an unknown
    # word; the words the first cuts found weigh the second («органом», not «орга ном»)
    line = (
        "Перевод их из одного реестра в другой производится органом местного самоуправления в течение месяца."
    )
    clean = RUSSIAN_CLEAN + "\n" + line
    glued = "\n".join(re.sub(r"(\w) (?=\w)", r"\1", one) for one in clean.split("\n"))
    assert repair_text(glued).text.split("\n")[1] == line


@pytest.mark.parametrize(("glued", "clean"), [(RUSSIAN_GLUED, RUSSIAN_CLEAN), (KYRGYZ_GLUED, KYRGYZ_CLEAN)])
def test_a_part_of_a_text_that_lost_its_spaces_gets_its_words_back(glued: str, clean: str) -> None:
    """One page run together in a long clean text: too few runs for the whole text's gate, enough for the
    page's window. The page is repaired, and the rest comes out as it went in."""
    from ingest.repair.glued import words as kyrgyz_words
    from ingest.repair.glued_russian import words as russian_words
    from ingest.repair.runs import lost_its_spaces

    page = "\n".join([glued] * 4)
    text = "\n".join([clean] * 25 + [page] + [clean] * 25)
    repaired = repair_text(text)
    assert repaired.text == "\n".join([clean] * 54)
    # the whole text's share of runs is below the gate: only the page's window shows its lost spaces
    words_of = russian_words if glued is RUSSIAN_GLUED else kyrgyz_words
    runs = {w for w in words_of(page) if w not in words_of(clean)}
    assert not lost_its_spaces(words_of(text), runs)


def test_the_lines_cut_are_those_of_the_part_that_lost_its_spaces() -> None:
    from ingest.repair.runs import lines_that_lost_spaces

    # lines of ten words: 100 clean, 20 with two runs each, 100 clean (1.9% of the words are runs, below the
    # whole text's gate); a stray run in clean line 90, ten lines before the part
    clean, glued = ["w"] * 10, ["r", "r"] + ["w"] * 8
    stray = ["r"] + ["w"] * 9
    lines = [clean] * 90 + [stray] + [clean] * 9 + [glued] * 20 + [clean] * 100
    flags = lines_that_lost_spaces(lines, {"r"})
    # every line of the part is cut; the window that straddles its edge holds the stray run's line too, and
    # that one is not
    assert all(flags[100:120])
    assert not flags[90]
    assert not any(flags[:97]) and not any(flags[123:])
    # runs spread thin (one line in twelve, 1.7% of the words) show no part that lost its spaces
    assert not any(lines_that_lost_spaces(([glued] + [clean] * 11) * 20, {"r"}))
    # a short text is judged whole, as before
    assert all(lines_that_lost_spaces([glued] * 3, {"r"}))


def test_kyrgyz_lines_that_lost_every_space_get_their_words_back() -> None:
    """A PDF text layer without spaces: each line one token, cut into known words; the runs themselves are
    no words to cut others into. «өз алдынча» comes back as «өзалдынча», a spelling the lexicon knows."""
    lines = [
        "Жергиликтүү өз алдынча башкаруу органдары айыл өкмөтүнүн сунушу",
        "боюнча жергиликтүү бюджеттин долбоорун кабыл алышат. Жергиликтүү кеңеш",
        "бюджеттин аткарылышы жөнүндө отчетту угат жана жарандар менен бирге",
        "айыл чарба маселелерин талкуулайт.",
    ]
    clean = "\n".join(lines)
    glued = "\n".join(re.sub(r"(\w) (?=\w)", r"\1", line) for line in lines)
    assert " " not in glued.split("\n")[0]
    assert repair_text(glued).text == clean.replace("өз алдынча", "өзалдынча")


def test_the_looser_kyrgyz_cut_keeps_every_term_the_tagger_matches() -> None:
    """A cut term loses its field: «жөлөкпул» (allowance) cut into «жөлөк пул» is no social protection. Every
    one-word Kyrgyz term of the taxonomy and the budget lists, in a text past the gate, stays whole."""
    import yaml

    from ingest.repair.glued import run_together_cuts
    from ingest.repair.lexicon import Lexicon

    data = Path(__file__).resolve().parent.parent / "nlp" / "data"
    taxonomy = yaml.safe_load((data / "taxonomy.yaml").read_text(encoding="utf-8"))
    budget = yaml.safe_load((data / "budget.yaml").read_text(encoding="utf-8"))
    lists = [spec.get("ky", []) for spec in taxonomy["competences"].values()]
    lists += [taxonomy["actors"]["ky"], budget["local_budget"]["ky"]]
    lists += [spec.get("ky", []) for spec in budget["flows"].values()]
    terms = {word for terms in lists for term in terms for word in str(term).partition("|")[0].split()}
    assert "жөлөкпул" in terms
    # my paragraph with every second space lost: runs enough for the gate among 300 terms at a time (the
    # gate asks 2% of a text's words to be runs, and the taxonomy grows)
    spaces = iter(range(1000))
    glued = re.sub(" ", lambda m: "" if next(spaces) % 2 else " ", KYRGYZ_CLEAN)
    ordered = sorted(terms)
    for start in range(0, len(ordered), 300):
        text = glued + "\n" + " ".join(ordered[start : start + 300])
        cuts = run_together_cuts(text, Lexicon.for_text(text))
        assert cuts["жанажарандар"] == ("жана", "жарандар")  # the text is past the gate
        assert not terms & set(cuts)


def test_two_kyrgyz_words_run_together_in_a_clean_text_are_cut_at_unseen_forms() -> None:
    """One run in a clean text (no sign of lost spaces): cut where both halves are words, now also unseen
    forms of well-attested stems of four letters or more («бюджетинин», «аткарылышы»). A part of a
    hyphenated word is no run («жол-жоболоштурган» is not «жоболош турган»; nor «жоболош турулат», «тур-» being a
    suffix), nor is a numeral's suffix a hyphenated word («18-беренесиндебелгиленген» is cut)."""
    text = "Жергиликтүү бюджетининаткарылышы жөнүндө отчет кеңешке берилет, аны мыйзам жол-жоболоштурган."
    assert repair_text(text).text == text.replace("бюджетининаткарылышы", "бюджетинин аткарылышы")
    text = "Отчет 18-беренесиндебелгиленген мөөнөттө берилет."
    assert repair_text(text).text == text.replace("беренесиндебелгиленген", "беренесинде белгиленген")


def test_a_part_typed_on_a_russian_keyboard_gets_its_letters_back() -> None:
    """A Kyrgyz text with its letters, and a part of it (2,000 letters or more) pasted without them: the
    part is repaired as a text typed so throughout, the rest is left as it is."""
    from ingest.repair.keyboard import PART_MIN_LETTERS, lines_typed_without

    typed = KYRGYZ_CLEAN.replace("ү", "у").replace("ө", "о").replace("ң", "н")
    copies = PART_MIN_LETTERS // len(re.findall(r"[а-яА-Я]", typed)) + 1
    text = "\n".join([KYRGYZ_CLEAN] * 5 + [typed] * copies + [KYRGYZ_CLEAN] * 5)
    assert repair_text(text).text == "\n".join([KYRGYZ_CLEAN] * (10 + copies))
    # too short a stretch is no such part: one line without the letters
    assert not any(lines_typed_without([KYRGYZ_CLEAN, typed, KYRGYZ_CLEAN]))

"""Short excerpts of the seed documents (../shared/seeds), quoted verbatim so the suite runs without them.

Source file and line numbers are given for each, so a reader can check them.
"""

# seed 001, lines 5-8: a headline in the first legacy font (= for ү, \ for ң, ё for ө)
SEED001_HEADLINE = (
    "Жергиликт== жамааттардын жана \n"
    "жергиликт== ке\\ештердин Кыргыз \n"
    "Республикасынын Жогорку Ке\\еши \n"
    "менен ёз ара аракеттен==с=\n"
)
# seed 001, lines 63-67
SEED001_MECHANISMS = (
    "ЖЁБд=н мамлекет менен \nёз ара аракеттен==с=н=н \nмеханизмдери: \nрегионду ён=кт=р== \nзарылчылыгы\n"
)
# seed 001, line 24-25: a keyboard substitution (н for ң) in otherwise clean text
SEED001_KEYBOARD = (
    "Кыргыз Республикасынын Жогорку Кенеши ар бир \nЖӨБ органы менен өз-өзүнчө сүйлөшүү жүргүзүп \n"
)
# seed 001, lines 322-326: a genuine slash between Kyrgyz words, and hyphenated line ends
SEED001_SLASH = (
    "консультацияларды жана талкууларды өткөрүшү \n"
    "керек. Ушуну менен бирге жергиликтүү өз алдынча \n"
    "башкаруу органдары жана/же алардын ассоциация-\n"
    "лары, союздары ченем чыгаруучу органдардын жу-\n"
    "мушчу топторунун ишине катышууга укуктуу.\n"
)
# seed 001, line 1637 and 1930: slashes that are real
SEED001_RATIO = "Орусияда бул пропорция – 60/40). Мындан \n"
SEED001_ORDER = "2014-жылдын 4-мартындагы №01-24/19 Буйругу \n"
# seed 000, lines 1-4: syllable breaks at line ends
SEED000_HYPHENS = (
    " өнүгүүнүн туруктуулугун жана коомдун социал-\n"
    "дык стабилдүүлүгүн жогорулатат. Бардык мам-\n"
    "лекеттик программалар жер-жерлерде ишке ашы-\n"
    "руунун так механизмдерине ээ болушу керек.\n"
)
# seed 000, lines 70-72: "иш-" + "теп" is a syllable break of иштеп
SEED000_ISH = "системасы эффективдүү жана тең салмактуу иш-\nтеп, жергиликтүү жамааттардын кызыкчылыктарын \n"
# seed 004, lines 536-537: a numeral suffix broken at the line end keeps its hyphen
SEED004_NUMERAL = "менен өзүнө берилген функцияларды аткарат. Экинчиден, 2021-жылдын 20-\nоктябрында\n"
# seed 004, line 784: a footnote number in brackets after a quote
SEED004_FOOTNOTE = "кепилденген укугу жана чыныгы мүмкүнчүлүгү»[1]. 2021-жылдын 20-"
# seed 001, lines 11-14 (clean Kyrgyz prose)
SEED001_PROSE = (
    "Жергиликтүү жамааттын атынан жергиликтүү өз алдынча башкаруу органдары мыйзам чыгаруу "
    "процесстерине катышууга умтулуп келет. Алар мындай жол менен чечим кабыл алууда өз үнүн "
    "жана пикирин жеткирүүгө аракеттенишүүдө."
)

"""Term lists (taxonomy, budget signals) loaded from nlp/data and lemmatised once per language, so an
analyst writes terms as they read them and every inflected form matches."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, overload

import yaml

from nlp.council_orders import order_test
from nlp.lemmas import lemmatize_phrase, ru_morph
from nlp.verb_forms import verb_keys

DATA = Path(__file__).parent / "data"


@dataclass
class TermIndex:
    """Lemma sequences keyed by their first lemma, each with a payload (competence id, weight...)."""

    by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=lambda: defaultdict(list))
    surface: dict[tuple[str, ...], str] = field(default_factory=dict)
    # Kyrgyz compounds whose first word stands bare («жер салыгы», land tax): a text that inflects that
    # word («катталган жериндеги салык органы», the tax office of the place) holds another phrase
    bare_first: set[tuple[str, ...]] = field(default_factory=set)
    # … unless the analyst also spelled the term with its first word inflected («мүлккө салык»,
    # «көчөгө жарык»): then any form of that word begins it
    inflected_first: set[tuple[str, ...]] = field(default_factory=set)
    # terms a text may write with words between their first and second word: a Russian noun and the
    # genitive it governs, with that noun's adjectives between («ремонт местных автомобильных дорог»); a
    # Kyrgyz object and its verbal noun, with how, when or where between («жолдорду өз убагында оңдоо»).
    # ``modifier`` says which lemmas may stand between
    gapped: set[tuple[str, ...]] = field(default_factory=set)
    modifier: Callable[[str], bool] | None = None
    # what the text's first word of a gapped term must look like, where its lemma alone does not say: a
    # Kyrgyz object in the accusative («жолдорду»), not «жерлерде» (in places) before «пайдалануудагы»
    gap_head: Callable[[str], bool] | None = None

    def add(self, phrase: str, lang: str, payload: Any) -> None:
        lemmas = lemmatize_phrase(phrase, lang)
        self.add_lemmas(phrase, lemmas, lang, payload)

    def add_lemmas(self, phrase: str, lemmas: tuple[str, ...], lang: str, payload: Any) -> None:
        if not lemmas:
            return
        if (lemmas, payload) not in self.by_first[lemmas[0]]:
            # two spellings of one term («мүлк салыгы», «мүлккө салык») are one entry: found once
            self.by_first[lemmas[0]].append((lemmas, payload))
            self.surface[lemmas] = phrase
        if lang == "ky" and len(lemmas) > 1:
            first = phrase.split()[0].lower()
            if lemmatize_phrase(first, lang) != (first,):
                self.inflected_first.add(lemmas)
                self.bare_first.discard(lemmas)
            elif lemmas not in self.inflected_first:
                self.bare_first.add(lemmas)

    def vocabulary(self) -> set[str]:
        return {lemma for entries in self.by_first.values() for terms, _ in entries for lemma in terms}

    def finalize(self) -> TermIndex:
        for key in self.by_first:
            self.by_first[key].sort(key=lambda item: -len(item[0]))  # longest match first
        return self

    def find(
        self, lemmas: list[str], coordinators: Coordinators | None = None, words: list[str] | None = None
    ) -> list[tuple[int, int, Any]]:
        """(start, end, payload) of every term occurrence in a lemma sequence; longest wins at a start.
        With ``coordinators``, a term whose head is shared by coordinated modifiers is found too:
        «мектепке чейинки жана мектептен тышкаркы билим берүү» holds «мектепке чейинки билим берүү»,
        «дошкольного и внешкольного образования» holds «дошкольное образование»."""
        hits = []
        for i, lemma in enumerate(lemmas):
            for terms, payload in self.by_first.get(lemma, ()):
                n = len(terms)
                if tuple(lemmas[i : i + n]) == terms:
                    hits.append((i, i + n, payload))
                elif (
                    terms in self.gapped
                    and self._may_gap(words, i)
                    and (end := self._gapped_end(lemmas, i, terms))
                ):
                    hits.append((i, end, payload))
                elif coordinators is not None and n > 1:
                    end = _coordinated_end(lemmas, i, terms, coordinators)
                    if end:
                        hits.append((i, end, payload))
        return hits

    def _may_gap(self, words: list[str] | None, i: int) -> bool:
        return self.gap_head is None or (words is not None and self.gap_head(words[i]))

    def _gapped_end(self, lemmas: list[str], i: int, terms: tuple[str, ...]) -> int:
        """The end of «noun + adjectives + genitive noun…» (Russian) or «object + how, when, where + verbal
        noun» (Kyrgyz) for a gapped term at ``i``, or 0. Not where the words between begin a term of their
        own, the more particular reading: «поддержка женского предпринимательства» is women's
        entrepreneurship, not the support of enterprise at large."""
        rest = terms[1:]
        for k in range(i + 2, i + 2 + MODIFIER_GAP):
            if k > len(lemmas) or not (self.modifier and self.modifier(lemmas[k - 1])):
                return 0
            if tuple(lemmas[k : k + len(rest)]) == rest:
                inner = any(
                    len(other) > 1 and tuple(lemmas[start : start + len(other)]) == other
                    for start in range(i + 1, k)
                    for other, _ in self.by_first.get(lemmas[start], ())
                )
                return 0 if inner else k + len(rest)
        return 0


MODIFIER_GAP = 2  # words between a gapped term's two words («местных автомобильных», «өз убагында»)
COORDINATED_GAP = 4  # words of the other coordinated modifier between a term's modifier and its head


@dataclass(frozen=True)
class Coordinators:
    """Conjunction lemmas, and the pronouns that make what follows a conjunction a phrase of its own."""

    conjunctions: frozenset[str]
    pronouns: frozenset[str]


def _coordinated_end(lemmas: list[str], i: int, terms: tuple[str, ...], coordinators: Coordinators) -> int:
    """The end of «modifier + coordinator + other modifier + head» for the term at ``i``, or 0."""
    for k in range(1, len(terms)):
        if tuple(lemmas[i : i + k]) != terms[:k]:
            return 0
        if i + k < len(lemmas) and lemmas[i + k] in coordinators.conjunctions:
            head = terms[k:]
            for start in range(i + k + 2, min(i + k + 2 + COORDINATED_GAP, len(lemmas))):
                if lemmas[start - 1] in coordinators.pronouns:
                    break  # «кеңеш же анын төрагасы»: the council or its chair, two phrases, not one head
                if tuple(lemmas[start : start + len(head)]) == head:
                    return start + len(head)
    return 0


@lru_cache(maxsize=100_000)
def ru_modifier(lemma: str) -> bool:
    """A Russian adjective or participle (its lemma, «местный», «закреплённый»): what may stand between a
    noun and the genitive it governs."""
    parse = ru_morph().parse(lemma)[0]
    return parse.tag.POS in {"ADJF", "PRTF"}


# the accusative of the object a Kyrgyz verbal noun takes: «жолдорду», «малды», or after the possessive
# «көчөлөрүн» (not the genitive «шаардын»)
KY_OBJECT = re.compile(r"(?:[дтн][ыиуү]|(?<![дтн])[ыиуү]н)$")
KY_VERBAL_NOUN = re.compile(r"\w{2,}(?:уу|үү|оо|өө)$")


def ky_object_and_action(term: str) -> bool:
    """A Kyrgyz term of an object and the verbal noun of what is done to it («жолдорду оңдоо», «малды
    эмдөө»): a text may put how, when or where between them («жолдорду өз убагында оңдоо»)."""
    words = term.split()
    return len(words) == 2 and bool(KY_OBJECT.search(words[0]) and KY_VERBAL_NOUN.search(words[1]))


def ky_adverbial(conjunctions: frozenset[str]) -> Callable[[str], bool]:
    """A word that may stand between a Kyrgyz object and its verbal noun: any word but a conjunction (which
    makes two actions, found by the coordination rule) or a punctuation mark."""
    return lambda lemma: lemma.isalpha() and lemma not in conjunctions


def ru_governs_genitive(term: str) -> bool:
    """A term whose first two words are a noun and a noun in the genitive it governs («ремонт дорог»,
    «оплата труда учителей»)."""
    words = term.split()
    if len(words) < 2:
        return False
    head, dependent = (ru_morph().parse(w)[0].tag for w in words[:2])
    return head.POS == "NOUN" and dependent.POS == "NOUN" and dependent.case == "gent"


@lru_cache(maxsize=8)
def load_data(name: str) -> dict[str, Any]:
    """A data file of nlp/data (taxonomy.yaml, budget.yaml), read once per process."""
    data: dict[str, Any] = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return data


DERIVED_MIN = 0.5  # a one-word term this strong lends its weight to the adjectives derived from it
VERB_MIN = 0.7  # a one-word term this strong (озеленение) is found as its verb too; a hint (сбор) is not


def verb_variants(term: str, lemmas: tuple[str, ...], lang: str, weight: float) -> list[tuple[str, ...]]:
    """A field's term as the verb it names would write it: Kyrgyz «көчөлөрдү жарыктандыруу» as «көчөлөрү
    жарыктандырылсын» (nlp/verb_forms.py), Russian «ремонт дорог» as «Отремонтировать дороги»; a one-word
    Russian term only at full weight (озеленение → озеленить, but сбор|0.3 is no «собрать»). ``lemmas``:
    the term's own."""
    if not lemmas:
        return []
    if lang == "ky":
        keys = verb_keys(term.split()[-1].lower(), lambda form: lemmatize_phrase(form, lang)[0])
        return [(*lemmas[:-1], key) for key in sorted(keys - {lemmas[-1]})]
    if len(lemmas) == 1 and weight < VERB_MIN:
        return []
    verbs = russian_verbs().get(lemmas[0], ())
    # … and its passive, the thing first: «Улицы освещаются», «Дороги ремонтируются»
    passive = [(lemmas[1], f"{verb}ся") for verb in verbs if len(lemmas) == 2 and verb.endswith("ть")]
    return [(verb, *lemmas[1:]) for verb in verbs] + passive


@lru_cache(maxsize=1)
def russian_verbs() -> dict[str, tuple[str, ...]]:
    """Verbal noun lemma -> the lemmas of the verbs it names (nlp/data/ru_verbal_nouns.tsv)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in (DATA / "ru_verbal_nouns.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            noun, verbs = line.split("\t")
            key = lemmatize_phrase(noun, "ru")[0]
            out[key] = tuple(lemmatize_phrase(verb, "ru")[0] for verb in verbs.split(","))
    return out


@lru_cache(maxsize=1)
def relational_adjectives() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Noun (as lemmas) -> the Russian relational adjectives derived from it
    (nlp/data/ru_relational_adjectives.tsv)."""
    out: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for line in (DATA / "ru_relational_adjectives.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            adjective, noun = line.split("\t")
            out[lemmatize_phrase(noun, "ru")].append(adjective)
    return {noun: tuple(adjectives) for noun, adjectives in out.items()}


@dataclass
class Lexicons:
    actors: TermIndex
    lsg_objects: TermIndex  # municipal property: LSG's by definition
    generic_public_bodies: TermIndex  # «state and LSG bodies»: every public authority, not LSG as such
    duty_markers: re.Pattern[str]  # … unless the sentence obliges or entitles them (words as written)
    private_persons: TermIndex  # with an LSG body in one list, a rule binding everyone
    possessive_case: re.Pattern[str]  # an LSG body's head word in the genitive: whose acts or data
    public_officials: TermIndex  # a public body's own people, not others beside it in a list
    rights_holders: re.Pattern[str]  # … and not where it opens with everyone's or the citizens' right
    agent_duty: tuple[re.Pattern[str], re.Pattern[str]] | None  # (agent, passive verb): told what to do
    public_sector_pairs: TermIndex  # «state and municipal property / servants»: never LSG's as such
    territory_units: TermIndex  # ayil aimaks, which a list of regions and districts names as places
    territory_levels: frozenset[str]  # region, district: the other levels of such a list
    public_sector_parallel: tuple[
        str, str
    ]  # (state, municipal) lemmas: «state X …, municipal X» is a pair too
    public_sector_coordinated: frozenset[str]  # «state / civil (or) municipal X»: all public service
    penalty_markers: re.Pattern[str]  # a sentence setting a penalty names LSG only in passing
    other_bodies_tail: re.Pattern[str]  # «… and other bodies» after an LSG body: one of all bodies
    election_words: frozenset[str]  # a council these name is what an election fills, not a body acting
    election_deputies: frozenset[str]  # … when its deputies are named in a sentence about electing
    election_between: frozenset[str]  # … or these stand between it and an election word («выборы в»)
    election_districts: frozenset[str]  # «шайлоо округу»: an electoral district, not an election
    electorate: frozenset[str]  # the local community named in a sentence about electing: the voters
    election_passive: re.Pattern[str] | None  # a nominative deputy is elected only by this verb (Kyrgyz)
    election_participle: re.Pattern[str] | None  # an election word so written describes (Kyrgyz)
    amendment_markers: re.Pattern[str]  # a sentence amending an act: an LSG body in its title counts
    other_body_powers: frozenset[str]  # a heading with one of these and a body below is another body's powers
    other_body_bodies: frozenset[str]
    other_body_state: frozenset[str]  # … or whose head is a body of the state service named
    glossary_subjects: frozenset[str]  # a heading with one of these defines terms
    glossary_generic: TermIndex  # LSG bodies as such: defined alone, they make no glossary an LSG article
    agenda_issues: TermIndex  # a heading so headed catalogues the issues of local significance
    agenda_functions: TermIndex  # … or, with an LSG body named, its functions
    forums: TermIndex  # a heading naming one of these lists the topics a forum takes up
    subject_case_marked: bool  # a modal's subject is in the nominative, marked apart (Kyrgyz)
    head_last: bool  # a governing word follows its noun («бюджетти түзүү»; Russian: «формирование бюджета»)
    boilerplate: re.Pattern[str]  # on the words as written: an order to publish, not publication as a topic
    competences: TermIndex
    # field -> weight and patterns on the words as written, for wordings a lemma sequence cannot hold (a
    # delegation whose object and verb stand apart: «мамлекеттик ыйгарым укуктар … өткөрүлүп берилет»)
    competence_patterns: tuple[tuple[str, float, re.Pattern[str]], ...]
    # field -> wordings (as written) in which its terms are a passing detail and weigh as weak ones
    weak_contexts: dict[str, re.Pattern[str]]
    coordinators: Coordinators  # «жана», «и»: coordinated modifiers share the term's head
    weights: dict[str, float]
    local_budget: TermIndex
    local_act_budget: TermIndex  # a budget or funds named bare: local only in a council's own act
    other_budget_owners: frozenset[str]  # lemmas of bodies whose budget or funds are not the council's
    revenue_sources: TermIndex
    local_act_taxes: TermIndex
    national_only: TermIndex
    budget_subjects: TermIndex  # drafting, execution, report of a local budget: the article's field
    report_subjects: TermIndex  # execution, report: approving them approves a report, not the budget
    condition_lead_in: re.Pattern[str] | None  # a list opened so enumerates conditions, not flows
    # a sentence leaving a matter to another act («… Бюджеттик кодекске ылайык аныкталат») or describing the
    # budget system («… республикалык жана жергиликтүү бюджеттерден турат»)
    deferral: re.Pattern[str] | None
    category_flows: frozenset[str]  # flow lemmas that only name a budget's categories (revenue, expenditure)
    negated_flow: re.Pattern[str] | None  # «previous-word flow-word» where the flow verb is negated
    procedural_subjects: TermIndex  # an article headed so reports, informs or defines; it moves no money
    flows: TermIndex
    allocation_verbs: TermIndex  # in a council's own act, verbs allocating a sum named beside them
    flow_forms: dict[str, re.Pattern[str]]  # flow lemma -> the written forms in which it moves money
    approval_descriptions: re.Pattern[str] | None  # approval verb forms that describe a power
    lsg_accounts: dict[str, re.Pattern[str]]  # flow kind -> an LSG body's account, in a case moving money
    key_words: dict[str, str]  # surface word -> its lemma, for fuzzy matching of misspellings
    # a key word (or, in Kyrgyz, a field's term or a money word) with one letter dropped or two swapped -> its
    # lemma («оргнов», «эсебнен»)
    near_misses: dict[str, str]
    # Kyrgyz: the lemmas of the fields' terms and the money words, each a word in its own right: a rare form
    # of one («тармагынын» of «сугат тармагы») is that word, not a misspelt key word («аймагынын»)
    term_lemmas: frozenset[str]
    # Kyrgyz: a term's lemma with ө, ү, ң typed as о, у, н (Russian keyboard) -> the lemma itself
    keyboard_folded: dict[str, str]
    fallback_competence: str | None  # an LSG article that names no field is about this one
    alternative_fields: tuple[frozenset[str], ...]  # an article is about one of each group, not several
    procedure_fields: dict[str, frozenset[str]]  # heading field -> fields that are its procedure there
    object_list_fields: frozenset[str]  # a field whose list of objects names other fields' things
    heading_terms: TermIndex  # terms that state a field (the payload) only where a heading names them
    tax_article_institutions: frozenset[tuple[str, ...]]  # field terms that stay fields in a tax article
    commission_starts: TermIndex  # what precedes a standing commission's portfolio
    commission_ends: TermIndex  # what follows it (Kyrgyz names the portfolio before «комиссия»)
    commission_word: str  # the lemma that must follow the end marker, where there is one
    commission_standing: frozenset[str]  # a standing (council) commission is named so
    is_order: Callable[[str], bool]  # a council's point so worded orders something (nlp/council_orders.py)


@overload
def _pattern(spec: str) -> re.Pattern[str]: ...
@overload
def _pattern(spec: None) -> None: ...
def _pattern(spec: str | None) -> re.Pattern[str] | None:
    """A pattern on the words as written (case-insensitive), where the language has one."""
    return re.compile(spec, re.I) if spec else None


def _lsg_accounts(spec: dict[str, Any], lang: str) -> dict[str, re.Pattern[str]]:
    """Flow kind -> one pattern for an LSG body's own money (budget.yaml ``lsg_accounts``)."""
    if not spec:
        return {}
    fill = {slot: by_lang[lang] for slot, by_lang in spec.items() if slot != "flows"}

    def filled(pattern: str) -> str:
        for slot, text in fill.items():
            pattern = pattern.replace("{" + slot + "}", text)
        return pattern

    return {
        kind: re.compile("|".join(filled(p) for p in by_lang[lang]), re.I)
        for kind, by_lang in spec["flows"].items()
        if by_lang.get(lang)
    }


KEYBOARD_FOLD = str.maketrans({"ө": "о", "ү": "у", "ң": "н"})


def keyboard_folded(vocabulary: set[str]) -> dict[str, str]:
    """Each term lemma holding ө, ү or ң, as typed without them («мулк» for «мүлк», «оз» for «өз»),
    where that typing is not itself another term lemma and no two lemmas type alike."""
    folded: dict[str, str | None] = {}
    for lemma in vocabulary:
        typed = lemma.translate(KEYBOARD_FOLD)
        if typed != lemma and typed not in vocabulary:
            folded[typed] = None if typed in folded and folded[typed] != lemma else lemma
    return {typed: lemma for typed, lemma in folded.items() if lemma is not None}


def _heading_terms(spec: dict[str, dict[str, list[str]]], lang: str) -> TermIndex:
    """Field id as the payload of each heading-only term (taxonomy ``heading_terms``)."""
    idx = TermIndex()
    for cid, by_lang in spec.items():
        for phrase in by_lang.get(lang, []):
            idx.add(phrase, lang, cid)
    return idx.finalize()


FUZZY_KEY_LENGTH = 7  # words shorter than this are too like other words to be matched as misspelt


def _key_words(phrases: list[str], lang: str) -> dict[str, str]:
    """Words whose misspelling must not change an article's tags, each with its lemma: the words of the LSG
    bodies' names, the local budget, the formulas that make a mention a passing one («мамлкееттик органдар
    жана …», «мамлекеттик жана муниципалдык менчик»), the fields' terms and the words that move money. In
    Russian, every inflected form of them as well (pymorphy3 generates them): «органы» is written in the
    formula, «органами» in the text and «оргнаами» misspelt."""
    words = {word for phrase in phrases for word in phrase.split()}
    forms = {word.lower() for word in words}
    if lang == "ru":
        from nlp.lemmas import ru_morph

        for word in words:
            for parse in ru_morph().parse(word.lower())[:1]:
                forms.update(form.word for form in parse.lexeme)
    return {form: lemmatize_phrase(form, lang)[0] for form in forms if len(form) >= FUZZY_KEY_LENGTH}


def _near_misses(key_words: dict[str, str], lang: str) -> dict[str, str]:
    """The key words each with one letter dropped or two neighbours swapped, as a hurried typist types them
    («органов» → «оргнов», «эсебинен» → «эсебнен», «ветеринардык» → «ветерниардык»), to the key word's lemma.
    A spelling two lemmas could give is left out, and in Kyrgyz one the lexicon knows as a word of its own
    («салыктык» less a letter is «салыкты»)."""
    from ingest.repair.lexicon import shipped_words

    found: dict[str, set[str]] = defaultdict(set)
    for form, lemma in key_words.items():
        for i in range(len(form)):
            found[form[:i] + form[i + 1 :]].add(lemma)
            if i + 1 < len(form) and form[i] != form[i + 1]:
                found[form[:i] + form[i + 1] + form[i] + form[i + 2 :]].add(lemma)
    known = shipped_words() if lang == "ky" else {}
    return {
        miss: next(iter(lemmas))
        for miss, lemmas in found.items()
        if len(lemmas) == 1 and miss not in key_words and miss not in known
    }


@lru_cache(maxsize=4)
def lexicons(lang: str) -> Lexicons:
    taxonomy = load_data("taxonomy.yaml")
    budget = load_data("budget.yaml")

    def index(phrases: list[str], payload: Any = True) -> TermIndex:
        idx = TermIndex()
        for phrase in phrases:
            idx.add(phrase, lang, payload)
        return idx.finalize()

    def lemma_set(words: list[str]) -> frozenset[str]:
        return frozenset(lemma for word in words for lemma in lemmatize_phrase(word, lang))

    coord = taxonomy["coordinators"][lang]
    derived = relational_adjectives() if lang == "ru" else {}
    competences = TermIndex(
        modifier=ru_modifier if lang == "ru" else ky_adverbial(lemma_set(coord["conjunctions"])),
        gap_head=None if lang == "ru" else lambda word: bool(KY_OBJECT.search(word.lower())),
    )
    weights: dict[str, float] = {}
    competence_patterns = []
    weak_contexts: dict[str, re.Pattern[str]] = {}
    for cid, spec in taxonomy["competences"].items():
        weights[cid] = float(spec.get("weight", 0.7))
        if weak := spec.get("weak_contexts", {}).get(lang):
            weak_contexts[cid] = re.compile("|".join(f"(?:{w})" for w in weak), re.I)
        for phrase in spec.get(lang, []):
            term, _, own = str(phrase).partition("|")
            term, weight = term.strip(), float(own) if own else weights[cid]
            lemmas = lemmatize_phrase(term, lang)
            competences.add_lemmas(term, lemmas, lang, (cid, weight))
            if ru_governs_genitive(term) if lang == "ru" else ky_object_and_action(term):
                competences.gapped.add(lemmas)
            if weight >= DERIVED_MIN:  # «кладбищенский» is found as «кладбище»
                for adjective in derived.get(lemmas, ()):
                    competences.add(adjective, lang, (cid, weight))
            for variant in verb_variants(term, lemmas, lang, weight):
                competences.add_lemmas(term, variant, lang, (cid, weight))
        for pattern in spec.get("patterns", {}).get(lang, []):
            competence_patterns.append((cid, weights[cid], re.compile(pattern, re.I)))
    flows = TermIndex()
    for kind, spec in budget["flows"].items():
        for phrase in spec.get(lang, []):
            flows.add(phrase, lang, kind)
    # Kyrgyz words a fuzzy match may take for a field's term are too many (a word the lexicon saw twice or
    # less may be one; own-dev competences 0.853 -> 0.839 when tried): only the bodies, the budget and the
    # formulas are matched there
    fields_and_flows = _key_words(
        [
            str(term).partition("|")[0]
            for spec in taxonomy["competences"].values()
            for term in spec.get(lang, [])
        ]
        + [phrase for spec in budget["flows"].values() for phrase in spec.get(lang, [])],
        lang,
    )
    key_words = _key_words(
        taxonomy["actors"][lang]
        + budget["local_budget"][lang]
        + taxonomy["generic_public_bodies"][lang]
        + taxonomy["public_sector_pairs"][lang],
        lang,
    ) | (fields_and_flows if lang == "ru" else {})
    commission = taxonomy["commission_names"][lang]
    lex = Lexicons(
        actors=index(taxonomy["actors"][lang]),
        lsg_objects=index(taxonomy["lsg_objects"][lang]),
        generic_public_bodies=index(taxonomy["generic_public_bodies"][lang]),
        duty_markers=re.compile("|".join(taxonomy["duty_markers"][lang]), re.I),
        private_persons=index(taxonomy["private_persons"][lang], True),
        possessive_case=re.compile(taxonomy["possessive_case"][lang], re.I),
        public_officials=index(taxonomy["public_officials"][lang]),
        rights_holders=re.compile(
            # after a part's number or the article's own label («35-берене», «Статья 35.») on its line
            r"\W*(?:\d+\s*-\s*(?:берене|статья)\s+|статья\s+\d+\.?\s+)?(?:\d+[.)]\s*)*(?:"
            + "|".join(taxonomy.get("rights_openers", {}).get(lang, []))
            + r")?(?:"
            + "|".join(taxonomy["rights_holders"][lang])
            + r")\b",
            re.I,
        ),
        agent_duty=(
            (
                _pattern(taxonomy["agent_duties"][lang]["agent"]),
                _pattern(taxonomy["agent_duties"][lang]["verb"]),
            )
            if lang in taxonomy["agent_duties"]
            else None
        ),
        public_sector_pairs=index(taxonomy["public_sector_pairs"][lang]),
        territory_units=index(taxonomy["territory_lists"]["units"][lang]),
        territory_levels=lemma_set(taxonomy["territory_lists"]["levels"][lang]),
        public_sector_parallel=(
            lemmatize_phrase(taxonomy["public_sector_parallel"][lang][0], lang)[0],
            lemmatize_phrase(taxonomy["public_sector_parallel"][lang][1], lang)[0],
        ),
        public_sector_coordinated=lemma_set(taxonomy["public_sector_coordinated"][lang]),
        penalty_markers=re.compile("|".join(taxonomy["penalty_markers"][lang]), re.I),
        other_bodies_tail=re.compile("|".join(taxonomy["other_bodies_tails"][lang]), re.I),
        election_words=lemma_set(taxonomy["election_objects"]["words"][lang]),
        election_deputies=lemma_set(taxonomy["election_objects"]["deputies"][lang]),
        election_between=lemma_set(taxonomy["election_objects"]["between"][lang]),
        election_districts=lemma_set(taxonomy["election_objects"]["districts"][lang]),
        electorate=lemma_set(taxonomy["election_objects"].get("electorate", {}).get(lang, [])),
        election_passive=_pattern(taxonomy["election_objects"]["passive"].get(lang)),
        election_participle=_pattern(taxonomy["election_objects"]["participle"].get(lang)),
        amendment_markers=re.compile("|".join(taxonomy["amendment_markers"][lang]), re.I),
        other_body_powers=lemma_set(taxonomy["other_body_headings"]["powers"][lang]),
        other_body_bodies=lemma_set(taxonomy["other_body_headings"]["bodies"][lang]),
        other_body_state=lemma_set(taxonomy["other_body_headings"]["state"][lang]),
        glossary_subjects=lemma_set(taxonomy["glossary_headings"][lang]),
        glossary_generic=index(taxonomy["glossary_generic_bodies"][lang]),
        agenda_issues=index(taxonomy["agenda_headings"]["issues"][lang]),
        agenda_functions=index(taxonomy["agenda_headings"]["functions"][lang]),
        forums=index(taxonomy["forum_headings"][lang]),
        subject_case_marked=lang == "ky",
        head_last=lang == "ky",
        boilerplate=re.compile("|".join(taxonomy["boilerplate"][lang]), re.I),
        competences=competences.finalize(),
        competence_patterns=tuple(competence_patterns),
        weak_contexts=weak_contexts,
        coordinators=Coordinators(lemma_set(coord["conjunctions"]), lemma_set(coord["pronouns"])),
        weights=weights,
        local_budget=index(budget["local_budget"][lang]),
        local_act_budget=index(budget["local_act_budget"][lang]),
        other_budget_owners=frozenset(
            lemma for word in budget["other_budget_owners"][lang] for lemma in lemmatize_phrase(word, lang)
        ),
        revenue_sources=index(budget["local_revenue_sources"][lang]),
        local_act_taxes=index(budget["local_act_taxes"][lang]),
        national_only=index(budget["national_only"][lang]),
        budget_subjects=index(budget["budget_subjects"][lang]),
        report_subjects=index(budget["report_subjects"][lang]),
        condition_lead_in=_pattern("|".join(budget.get("condition_lead_ins", {}).get(lang, [])) or None),
        deferral=_pattern(
            "|".join(budget.get("deferrals", {}).get(lang, []) + budget.get("compositions", {}).get(lang, []))
            or None
        ),
        category_flows=lemma_set(budget.get("category_flows", {}).get(lang, [])),
        negated_flow=_pattern(budget.get("negated_flow", {}).get(lang)),
        procedural_subjects=index(budget["procedural_subjects"][lang]),
        flows=flows.finalize(),
        allocation_verbs=index(budget.get("allocation_verbs", {}).get(lang, [])),
        flow_forms={
            lemmatize_phrase(word, lang)[0]: re.compile(form, re.I)
            for word, form in (budget.get("flow_forms", {}).get(lang) or {}).items()
        },
        approval_descriptions=_pattern(budget.get("approval_descriptions", {}).get(lang)),
        lsg_accounts=_lsg_accounts(budget.get("lsg_accounts", {}), lang),
        key_words=key_words,
        near_misses=_near_misses(key_words | fields_and_flows, lang),
        term_lemmas=frozenset(competences.vocabulary() | flows.vocabulary()),
        keyboard_folded={},
        fallback_competence=taxonomy.get("fallback_competence"),
        alternative_fields=tuple(frozenset(group) for group in taxonomy.get("alternative_fields", [])),
        heading_terms=_heading_terms(taxonomy.get("heading_terms") or {}, lang),
        procedure_fields={
            cid: frozenset(others) for cid, others in (taxonomy.get("procedure_fields") or {}).items()
        },
        object_list_fields=frozenset(taxonomy.get("object_list_fields") or []),
        tax_article_institutions=frozenset(
            lemmatize_phrase(phrase, lang) for phrase in taxonomy["tax_article_institutions"][lang]
        ),
        commission_starts=index(commission.get("starts_after", [])),
        commission_ends=index(commission.get("ends_before", [])),
        commission_word=" ".join(lemmatize_phrase(commission.get("commission", ""), lang)),
        commission_standing=frozenset(
            lemma for word in commission.get("standing", []) for lemma in lemmatize_phrase(word, lang)
        ),
        is_order=order_test(lang),
    )
    if lang == "ky":
        indexes = [value for value in vars(lex).values() if isinstance(value, TermIndex)]
        lex.keyboard_folded = keyboard_folded(set().union(*(idx.vocabulary() for idx in indexes)))
    return lex

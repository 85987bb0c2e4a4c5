"""What an article does to local-budget money: a local-budget term, an LSG body's funds or a local tax
meeting a money-flow term in the same sentence, with the kind of flow (spending, revenue, transfer, rate,
exemption, approval) and the evidence. A mention that moves no money (a framework, a report, a deferral to
another act, the republican budget) is told apart here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.amounts import amount_spans
from nlp.article import Article, sentence_spans, tokens_within
from nlp.ky_cases import ABLATIVE, GENITIVE, OBLIQUE_CASE, endings
from nlp.lexicons import Lexicons
from nlp.passing import in_short_list_item, lead_in
from nlp.tags import Evidence, TokenView

TAX_FLOWS = {"exemption", "rate", "revenue", "budget_approval"}


def owned_by_other(tokens: list[TokenView], i: int, lex: Lexicons) -> bool:
    """«Жайыт комитетинин 2021-жылга бюджети», «бюджет учреждения»: the budget of a pasture committee
    or an enterprise named next to it (a year or number between is skipped) is not the council's."""
    near = [
        k for k in (i - 1, i - 2, i + 1, i + 2) if 0 <= k < len(tokens) and tokens[k].sent == tokens[i].sent
    ]
    for k in near:
        if any(ch.isdigit() for ch in tokens[k].text):
            continue
        if tokens[k].lemma in lex.other_budget_owners:
            return True
    return False


@dataclass
class Budget:
    """What the article does to local-budget money, and the evidence for it."""

    kinds: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    local_terms: list[tuple[int, int]] = field(default_factory=list)
    revenue_terms: list[tuple[int, int]] = field(default_factory=list)
    via_budget_term: bool = False  # the flow is named through a budget or LSG funds, not only a local tax
    topic: list[Evidence] = field(default_factory=list)  # the local budget is its field (approval counts)
    about_local_tax: bool = False
    approves_budget: bool = False  # the approval governs the budget itself («бюджети … бекитилсин»)


def condition_items(art: Article) -> list[tuple[int, int]]:
    """Character spans of the list items that enumerate conditions («… в случаях, когда: - … создаются за
    счет местных бюджетов»): the money they name is a case in which something holds, not a flow set."""
    if art.lex.condition_lead_in is None:
        return []
    return [
        (a, b)
        for n, (a, b, _) in enumerate(art.items)
        if art.lex.condition_lead_in.search(lead_in(art.text, art.items, n).rstrip())
    ]


def budget_impact(
    art: Article,
    actors: list[tuple[int, int]],
    local_act: bool,
    local_tax_section: bool,
    portfolio: frozenset[int] = frozenset(),
) -> Budget:
    """Local budget: an explicit local-budget term (never the republican budget) or a local revenue
    source (property tax, local fees…) with a money-flow term close by in the same sentence. A bare
    «budget» or «funds» counts only in an LSG body's own act."""
    tokens, lemmas, lex = art.tokens, art.lemmas, art.lex
    out = Budget()
    out.local_terms = [(i, j) for i, j, _ in art.find(lex.local_budget)]
    if local_act:
        # in a council's own act a bare «budget» or «funds» is its own (unless part of a longer term),
        # but not in a standing commission's name («бюджет, экономика … боюнча туруктуу комиссиясына»)
        named = {k for i, j in out.local_terms for k in range(i, j)}
        out.local_terms += [
            (i, j)
            for i, j, _ in art.find(lex.local_act_budget)
            if i not in named and i not in portfolio and not owned_by_other(tokens, i, lex)
        ]
    national_tokens = {k for i, j, _ in lex.national_only.find(lemmas) for k in range(i, j)}
    if not local_act and out.local_terms and not national_tokens:
        # once an article has named the local budget (and no other), a bare «budget» or «funds» after
        # it is that budget: «Бюджетные средства органов МСУ … Изъятие бюджетных средств … не допускается»
        first = min(i for i, _ in out.local_terms)
        named = {k for i, j in out.local_terms for k in range(i, j)}
        out.local_terms += [
            (i, j)
            for i, j, _ in art.find(lex.local_act_budget)
            if i > first and i not in named and not owned_by_other(tokens, i, lex)
        ]
    out.revenue_terms = [(i, j) for i, j, _ in art.find(lex.revenue_sources)]
    flow_hits = [
        (a, b, kind)
        for a, b, kind in art.substantive(lex.flows.find(lemmas))
        if b - a > 1
        or lemmas[a] not in lex.flow_forms
        or lex.flow_forms[lemmas[a]].fullmatch(tokens[a].text.lower())
    ]
    # a sentence whose flow verb is negated says the money does not move («… жергиликтүү бюджеттин эсебинен
    # каржыланбайт», «не финансируются за счет местного бюджета»): none of its flows counts
    negated = {
        tokens[a].sent
        for a, b, _ in flow_hits
        if lex.negated_flow is not None
        and any(
            lex.negated_flow.fullmatch(f"{tokens[k - 1].text if k else ''} {tokens[k].text}".lower())
            for k in range(a, b)
        )
    }
    flow_hits = [h for h in flow_hits if tokens[h[0]].sent not in negated]
    # a council's own act approves with an order; «кеңеш бюджетти бекитет» there describes a power, and the
    # money a sentence so describing names moves no more («… чыгымдардын сметасы … сессиясында бекитилет»,
    # «Смета расходов городского кенеша утверждается …»: the procedure for the council's cost estimate)
    described = (
        {t.sent for t in tokens if lex.approval_descriptions.search(t.text.lower())}
        if local_act and lex.approval_descriptions is not None
        else set()
    )
    # … though the budget whose procedure it gives is still the field
    procedure_flows = [(a, b, kind) for a, b, kind in flow_hits if tokens[a].sent in described]
    flow_hits = [(a, b, kind) for a, b, kind in flow_hits if tokens[a].sent not in described]

    def near_flows(i: int, j: int, window: int) -> list[tuple[int, int, str]]:
        return [
            (a, b, k)
            for a, b, k in flow_hits
            if tokens[a].sent == tokens[i].sent and (abs(a - i) <= window or abs(a - j) <= window)
        ]

    reports = [(a, b) for a, b, _ in art.substantive(lex.report_subjects.find(lemmas))]

    def governed(i: int, j: int, subjects: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The subjects that govern the budget term ``i:j``: after it in Kyrgyz, before it in Russian."""
        return [
            (a, b)
            for a, b in subjects
            if tokens[a].sent == tokens[i].sent and 0 <= (a - j if lex.head_last else i - b) <= 3
        ]

    conditions = condition_items(art)
    spans: dict[int, tuple[int, int]] = {}
    for i, j in out.local_terms:
        if i in national_tokens or any(a <= tokens[i].start < b for a, b in conditions):
            continue
        found = near_flows(i, j, 10)
        if found and lex.deferral is not None and all(lemmas[a] in lex.category_flows for a, _, _ in found):
            # the budget's categories in a sentence leaving them to another act («… кирешелери жана
            # чыгашалары … кодекске ылайык аныкталат») move no money
            spans = spans or sentence_spans(tokens)
            if lex.deferral.search(art.text, *spans[tokens[i].sent]):
                found = []
        if found and not out.topic:
            out.topic = [art.span(i, j), *(art.span(a, b) for a, b, _ in found[:1])]
        reported = bool(governed(i, j, reports))
        if not local_act or reported:
            # A law saying that a council approves the local budget assigns a power; only a council's
            # own act approving its budget moves money — not one approving a report on its execution.
            found = [f for f in found if f[2] != "budget_approval"]
        approves = local_act and not reported
        if approves and lex.head_last:
            # the verb ends the sentence, however long the totals before it; the budget approved is in no
            # oblique case («… бюджети кирешелер боюнча …, чыгашалар боюнча … бекитилсин», «бюджетине
            # өзгөртүүлөр киргизилсин»; not «бюджетинин аткарылышы …», «бюджеттен … бекитилсин»)
            verbs = [
                (a, b)
                for a, b, k in flow_hits
                if k == "budget_approval" and tokens[a].sent == tokens[i].sent and a >= j
            ]
            suffix = endings(tokens[j - 1].text)
            # … or in the genitive of its own totals («… бюджетинин кирешелери 12 500,0 миң сом, чыгашалары …
            # бекитилсин»)
            totals = GENITIVE.search(suffix) and j < len(lemmas) and lemmas[j] in lex.category_flows
            approves = bool(verbs) and (not OBLIQUE_CASE.search(suffix) or bool(totals))
        elif approves:  # «Утвердить местный бюджет», «внести изменения в местный бюджет»
            verbs = governed(i, j, [(a, b) for a, b, k in found if k == "budget_approval"])
            approves = bool(verbs)
        if approves:
            out.approves_budget = True
            if all(k != "budget_approval" for _, _, k in found):
                found.append((*verbs[-1], "budget_approval"))
        if found and lex.head_last and ABLATIVE.search(endings(tokens[j - 1].text)):
            # paid from the budget («… бюджетинен төлөнсүн»): money paid out, though «төлөнөт» names money
            # paid in where the budget takes it
            found = [(a, b, "spending_obligation" if k == "revenue" else k) for a, b, k in found]
        if found:
            out.via_budget_term = True
            out.evidence.append(art.span(i, j))
            for a, b, flow_kind in found:
                out.evidence.append(art.span(a, b))
                out.kinds.append(flow_kind)
    for i, j in out.local_terms:
        procedure = [(a, b) for a, b, _ in procedure_flows if tokens[a].sent == tokens[i].sent]
        if procedure and not out.topic:
            out.topic = [art.span(i, j), art.span(*procedure[0])]
    if not out.topic:  # its drafting, execution or report makes the local budget the field, money or not
        subjects = [(a, b) for a, b, _ in art.substantive(lex.budget_subjects.find(lemmas))]
        for i, j in out.local_terms:
            # the drafting or execution governs the budget
            near = governed(i, j, subjects) if i not in national_tokens else []
            if near:
                out.topic = [art.span(i, j), art.span(*near[0])]
                break
    for flow_kind, pattern in lex.lsg_accounts.items():
        for m in pattern.finditer(art.text):
            inside = tokens_within(tokens, *m.span())
            if (
                not inside
                or tokens[inside[0]].sent not in art.in_substance
                or tokens[inside[0]].sent in described
            ):
                continue
            out.local_terms.append((inside[0], inside[-1] + 1))
            out.via_budget_term = True
            out.evidence.append(art.span(inside[0], inside[-1] + 1))
            out.kinds.append(flow_kind)
    if local_act:
        # a council disposes only of its own money: a sum it allocates («стадионду реконструкциялоого
        # 5 000,0 миң сом бөлүнсүн», «Выделить 300 тыс. сомов») is spent from the local budget, though
        # the decision does not say «budget» (unless the sentence names the republican one)
        national_sents = {tokens[k].sent for k in national_tokens}
        allocations = [
            (a, b, "spending_obligation") for a, b, _ in art.substantive(lex.allocation_verbs.find(lemmas))
        ]
        for start, end in amount_spans(art.text):
            inside = tokens_within(tokens, start, end)
            sent = tokens[inside[0]].sent if inside else -1
            if sent not in art.in_substance or sent in national_sents:
                continue
            moved = [
                (a, b, k)
                for a, b, k in flow_hits + allocations
                if tokens[a].sent == sent and k in {"spending_obligation", "transfer"}
            ]
            if moved:
                out.via_budget_term = True
                out.evidence += [art.span(inside[0], inside[-1] + 1), art.span(*moved[0][:2])]
                out.kinds.append(moved[0][2])
    if local_tax_section:
        taken = {k for i, j in out.revenue_terms for k in range(i, j)}
        out.revenue_terms += [(i, j) for i, j, _ in art.find(lex.local_act_taxes) if i not in taken]
    # A local tax is local revenue by law: an article that sets its rates, base or exemptions, or is
    # about it throughout (or names it inside the tax's own chapter), changes local-budget money.
    # a local tax named only as an item of a list of others («5) мүлк салыгы;», documents served, taxes
    # deducted) is one of many, not the article's subject
    in_text = [(i, j) for i, j in out.revenue_terms if not in_short_list_item(art.items, tokens[i].start)]
    out.about_local_tax = len(in_text) >= 2 or (local_tax_section and bool(in_text))
    for i, j in out.revenue_terms:
        tax_kinds = [k for _, _, k in near_flows(i, j, 12) if k in TAX_FLOWS]
        if tax_kinds or out.about_local_tax:
            out.evidence.append(art.span(i, j))
            out.kinds.extend(tax_kinds or ["revenue"])
    # An LSG body can only set or waive local taxes: a «tax» with a rate or an exemption in a sentence
    # whose actor is an LSG body is a local tax; in a council's own act, so is a tax paid in. (In a law,
    # an LSG body and a tax paid is delegated collection: «салыктарды төлөө боюнча документтерди».)
    actor_sentences = {tokens[i].sent for i, _ in actors}
    covered = {k for i, j in out.revenue_terms for k in range(i, j)}
    own_kinds = {"exemption", "rate", "revenue"} if local_act else {"exemption", "rate"}
    for i, j, _ in art.find(lex.local_act_taxes):
        if i in covered:
            continue
        if local_act or tokens[i].sent in actor_sentences:
            tax_kinds = [k for _, _, k in near_flows(i, j, 12) if k in own_kinds]
            if tax_kinds:
                out.revenue_terms.append((i, j))
                out.evidence.append(art.span(i, j))
                out.kinds.extend(tax_kinds)
    return out

"""Tags of the same articles typed or extracted badly: the share of articles whose tags stay those of the
clean text when every Kyrgyz letter is typed on a Russian keyboard (ү→у, ө→о, ң→н), when the text comes
in an old Kyrgyz font (ү→=, ң→\\, ө→ё, DOMAIN.md), and when it is hard-wrapped with syllable hyphens at
line ends, as a PDF's text layer gives it. No labels are needed: the clean text's tags are the reference,
so this measures what repair and lemmatisation lose on real input, not whether the tags are right. Latin
letters standing for their Cyrillic twins (pasted text), words run together and misspelt words are tried
in both languages.

Only tunable units are used (the development set without its held-aside part, and the own development
file): fixing a disagreement here must not tune on what is kept aside.

Usage: .venv/bin/python -m bench.robustness [--disagreements]
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Callable
from typing import Any

from bench.nlp_eval import held_aside, labelled_refs, predict, rows

KEYBOARD = str.maketrans({"ү": "у", "Ү": "У", "ө": "о", "Ө": "О", "ң": "н", "Ң": "Н"})
LEGACY_FONT = str.maketrans({"ү": "=", "Ү": "+", "ң": "\\", "Ң": "/", "ө": "ё", "Ө": "Ё"})
VOWELS = set("аеёиоөуүыэюяАЕЁИОӨУҮЫЭЮЯ")
WORD = re.compile(r"\S+")
LINE = 64  # characters per line of a narrow PDF column


def keyboard(text: str, lang: str) -> str:
    return text.translate(KEYBOARD) if lang == "ky" else text


def _every_nth(text: str, letters: str, table: dict[int, str], n: int) -> str:
    """``text`` with every n-th of ``letters`` (counting through the text) replaced through ``table``."""
    seen = 0
    out: list[str] = []
    for c in text:
        if c in letters:
            seen += 1
            if seen % n == 0:
                c = c.translate(table)
        out.append(c)
    return "".join(out)


def keyboard_slips(text: str, lang: str) -> str:
    """Every third Kyrgyz letter typed as its Russian neighbour, as a typist who mostly finds them does."""
    return _every_nth(text, "үҮөӨңҢ", KEYBOARD, 3) if lang == "ky" else text


LOOKALIKES = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "А": "A", "О": "O"})


def latin_lookalikes(text: str, lang: str) -> str:
    """Every fifth Cyrillic letter that has a Latin twin typed as the twin, as text pasted from
    mixed-script sources comes."""
    return _every_nth(text, "аеорсхАО", LOOKALIKES, 5)


def run_together(text: str, lang: str) -> str:
    """Every eighth space between two words lost, as text copied from some web pages comes
    («бөлүштүрүүФондусунун»)."""
    seen = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        return match.group(1) + match.group(2) if seen % 8 == 0 else match.group()

    return re.sub(r"(\w) (\w)", drop, text)


LONG_WORD = re.compile(r"[А-Яа-яЁёӨөҮүҢң]{6,}")


def typos(text: str, lang: str) -> str:
    """Every twentieth word of six letters or more misspelt, as a hurried typist does: two letters in its
    middle swapped («депутатов» → «дептуатов»), or, every fortieth, one of them dropped."""
    seen = 0

    def slip(match: re.Match[str]) -> str:
        nonlocal seen
        seen += 1
        word = match.group()
        if seen % 20:
            return word
        i = len(word) // 2
        if seen % 40:
            return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
        return word[:i] + word[i + 1 :]

    return LONG_WORD.sub(slip, text)


def lines_run_together(text: str, lang: str) -> str:
    """Every space between two words of a line lost, as a PDF whose text layer has no spaces gives it."""
    return "\n".join(re.sub(r"(\w) (?=\w)", r"\1", line) for line in text.split("\n"))


def legacy_font(text: str, lang: str) -> str:
    return text.translate(LEGACY_FONT) if lang == "ky" else text


def _syllable_break(word: str) -> int:
    """A position near the middle of a long word after a vowel and before a consonant, or 0."""
    middle = len(word) // 2
    for offset in range(middle):
        for i in (middle - offset, middle + offset):
            syllable_end = word[i - 1] in VOWELS and word[i].isalpha() and word[i] not in VOWELS
            if 3 <= i <= len(word) - 3 and syllable_end:
                return i
    return 0


def wrapped(text: str, lang: str) -> str:
    """Each paragraph filled to LINE characters; a word that crosses the edge is broken with a hyphen
    where a syllable ends, as typesetting does, else moved to the next line."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in WORD.findall(paragraph):
            if len(line) + 1 + len(word) <= LINE or not line:
                line = f"{line} {word}" if line else word
                continue
            cut = _syllable_break(word) if word.isalpha() and len(word) >= 7 else 0
            if cut and len(line) + 1 + cut < LINE:
                out.append(f"{line} {word[:cut]}-")
                line = word[cut:]
            else:
                out.append(line)
                line = word
        out.append(line)
    return "\n".join(out)


PERTURBATIONS: dict[str, Callable[[str, str], str]] = {
    "russian keyboard": keyboard,
    "keyboard slips": keyboard_slips,
    "legacy font": legacy_font,
    "latin lookalikes": latin_lookalikes,
    "run together": run_together,
    "typos": typos,
    "hard-wrapped": wrapped,
}


KYRGYZ_ONLY = {"russian keyboard", "keyboard slips", "legacy font"}


def _signature(tags: Any) -> tuple[bool, bool, tuple[str, ...]]:
    return tags.lsg_relevant, tags.local_budget, tuple(c.id for c in tags.competences)


WHOLE_ACT = "ky_labour_code_2004_mhtml.doc"  # 45,000 words of Kyrgyz law


def whole_act_typed_on_a_keyboard() -> tuple[float, float]:
    """A whole code typed without ө, ү, ң: the share of its words equal to the clean text's, as typed and
    after repair (the repair sees a text of real length, as ingest does, not one article)."""
    from bench.common import need_shared
    from bench.nlp_eval import corpus_text
    from ingest.repair import repair_text

    text, _ = corpus_text(str(need_shared() / "corpus" / "github" / WHOLE_ACT))
    clean = repair_text(text).text.split()
    typed = keyboard(text, "ky")
    repaired = repair_text(typed).text.split()

    def share(words: list[str]) -> float:
        return sum(a == b for a, b in zip(clean, words, strict=False)) / len(clean)

    return share(typed.split()), share(repaired)


RUN_TOGETHER_ACTS = {  # a whole act per language, to lose every eighth space
    "ky": "ky_law_2011_101_local_self_government_mhtml.doc",  # 12,000 words
    "ru": "ru_land_code_1999.txt",  # 16,000 words
}


def _same_words(clean: list[str], words: list[str]) -> float:
    """The share of the clean text's words found, in order, among ``words``."""
    matcher = difflib.SequenceMatcher(None, clean, words, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(clean)


def whole_act_run_together(
    lang: str, perturb: Callable[[str, str], str] = run_together
) -> tuple[float, float, int, float]:
    """A whole act with its spaces lost (every eighth, or all of a line's): the share of its words found as
    in the clean text, as run together and after repair; how many words repair cut in the clean text itself
    (a clean act must come out as it went in); and the share of the clean text's articles the structure
    still finds («Статья13.»)."""
    from bench.common import need_shared
    from bench.nlp_eval import corpus_text
    from ingest.repair import repair_text
    from nlp.structure import parse_act

    text, _ = corpus_text(str(need_shared() / "corpus" / "github" / RUN_TOGETHER_ACTS[lang]))
    clean = repair_text(text)
    glued = perturb(text, lang)
    repaired = repair_text(glued).text
    articles = {a.number for a in parse_act(clean.text, lang).articles}
    found = {a.number for a in parse_act(repaired, lang).articles}
    return (
        _same_words(clean.text.split(), glued.split()),
        _same_words(clean.text.split(), repaired.split()),
        clean.stats["glued_words_split"],
        len(articles & found) / len(articles),
    )


PART = (0.45, 0.55)  # the lines, as shares of the act, that lose their spaces in the part-of-an-act figures


def part_of_act_run_together(
    lang: str, perturb: Callable[[str, str], str] = run_together
) -> tuple[float, float, int]:
    """An act of which a tenth (its lines in ``PART``) lost its spaces, as one page of a PDF or one pasted
    annex does (or took other damage, ``perturb``: typed on a Russian keyboard): the share of that part's
    words found as in the clean text, as damaged and after repair; and the words of the rest of the act that
    repair changed (none should be)."""
    from bench.common import need_shared
    from bench.nlp_eval import corpus_text
    from ingest.repair import repair_text

    text, _ = corpus_text(str(need_shared() / "corpus" / "github" / RUN_TOGETHER_ACTS[lang]))
    lines = repair_text(text).text.split("\n")
    first, last = (int(len(lines) * share) for share in PART)
    chunks = (lines[:first], lines[first:last], lines[last:])
    before, part, after = (" ".join(chunk).split() for chunk in chunks)
    glued = "\n".join(lines[:first] + perturb("\n".join(lines[first:last]), lang).split("\n") + lines[last:])
    clean = before + part + after
    region = range(len(before), len(before) + len(part))

    def found(words: list[str]) -> tuple[float, int]:
        matcher = difflib.SequenceMatcher(None, clean, words, autojunk=False)
        matched = {i for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)}
        return len(matched & set(region)) / len(part), len(clean) - len(part) - len(matched - set(region))

    glued_share, _ = found(glued.split())
    repaired_share, changed = found(repair_text(glued).text.split())
    return glued_share, repaired_share, changed


def main(show: bool = False) -> dict[str, float]:
    """Prints a line per perturbation and language; returns the figures by name
    (``russian_keyboard_ky_lsg``, ``hard_wrapped_ru_competences`` …) for the corpus checks."""
    items = [r for r in rows() if not held_aside(r)] + labelled_refs("own-dev")
    clean = [_signature(t) for t in predict(items)]
    figures: dict[str, float] = {}
    for name, perturb in PERTURBATIONS.items():
        for lang in ("ky", "ru"):
            chosen = [n for n, r in enumerate(items) if r["lang"] == lang]
            if name in KYRGYZ_ONLY and lang == "ru":
                continue  # Kyrgyz letters only
            noisy_items = [dict(items[n], text=perturb(items[n]["text"], lang)) for n in chosen]
            noisy = [_signature(t) for t in predict(noisy_items)]
            pairs = list(zip((clean[n] for n in chosen), noisy, strict=True))
            lsg = sum(a[0] == b[0] for a, b in pairs) / len(pairs)
            budget = sum(a[1] == b[1] for a, b in pairs) / len(pairs)
            fields = sum(a[2] == b[2] for a, b in pairs) / len(pairs)
            key = f"{name.replace(' ', '_').replace('-', '_')}_{lang}"
            figures.update({f"{key}_lsg": lsg, f"{key}_budget": budget, f"{key}_competences": fields})
            print(
                f"{name:17} {lang} n={len(pairs):3} | same LSG {lsg:.3f} | same local budget {budget:.3f} | "
                f"same competences {fields:.3f}"
            )
            if show:
                for n, (a, b) in zip(chosen, pairs, strict=True):
                    if a != b:
                        print(f"   {items[n]['id']}: clean {a} → {b}")
    typed, repaired = whole_act_typed_on_a_keyboard()
    figures["whole_act_keyboard_words"] = repaired
    print(
        f"{WHOLE_ACT} typed on a Russian keyboard: words as the clean text's {typed:.3f} typed, "
        f"{repaired:.3f} repaired"
    )
    for lang, act in RUN_TOGETHER_ACTS.items():
        glued, mended, clean_cuts, articles = whole_act_run_together(lang)
        figures[f"whole_act_run_together_{lang}_words"] = mended
        figures[f"whole_act_run_together_{lang}_articles"] = articles
        figures[f"whole_act_clean_{lang}_untouched"] = float(clean_cuts == 0)
        print(
            f"{act} with every eighth space lost: words as the clean text's {glued:.3f} run "
            f"together, {mended:.3f} repaired, articles found {articles:.3f}; words the repair cut in the "
            f"clean text {clean_cuts}"
        )
        glued, mended, _, articles = whole_act_run_together(lang, lines_run_together)
        figures[f"whole_act_lines_run_together_{lang}_words"] = mended
        figures[f"whole_act_lines_run_together_{lang}_articles"] = articles
        print(
            f"{act} with every space of its lines lost: words as the clean text's {glued:.3f} run "
            f"together, {mended:.3f} repaired, articles found {articles:.3f}"
        )
        for key, name, perturb in (
            ("part_run_together", "every eighth space", run_together),
            ("part_lines_run_together", "every space of its lines", lines_run_together),
        ):
            glued, mended, changed = part_of_act_run_together(lang, perturb)
            figures[f"{key}_{lang}_words"] = mended
            figures[f"{key}_{lang}_rest_untouched"] = float(changed == 0)
            print(
                f"{act}, a tenth of it with {name} lost: that part's words as the clean text's {glued:.3f} "
                f"run together, {mended:.3f} repaired; words of the rest changed {changed}"
            )
    glued, mended, changed = part_of_act_run_together("ky", keyboard)
    figures["part_keyboard_ky_words"] = mended
    figures["part_keyboard_ky_rest_untouched"] = float(changed == 0)
    print(
        f"{RUN_TOGETHER_ACTS['ky']}, a tenth of it typed on a Russian keyboard: that part's words as the "
        f"clean text's {glued:.3f} typed, {mended:.3f} repaired; words of the rest changed {changed}"
    )
    return figures


if __name__ == "__main__":
    main(show="--disagreements" in sys.argv)

"""A rough reading-level estimate for grid texts: Flesch for English, Flesch-Douma for Dutch.

    Flesch reading ease (Flesch 1948, English):
        206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)
    Flesch-Douma (Douma 1960, Dutch):
        206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)

Higher is easier. Flesch's bands: 90-100 very easy, 80-90 easy (age 11-12), 70-80 fairly easy
(age 12-13), 60-70 plain (age 13-15), below 60 harder. Douma chose his coefficients so Dutch
texts land on the same scale (Dutch words are longer). We aim at 70 for both languages: about
age 12 / B1. Treat the number as a guide, not a verdict.

Limits, on purpose kept visible:
- Syllables are counted with spelling rules (vowel groups plus a few corrections), not a
  dictionary: English is off for irregular words ("recipe", "people"), Dutch for vowel pairs
  spoken apart without a diaeresis ("theater", "ideaal"); abbreviations like ADHD count as one
  syllable. Numbers are not counted as words.
- Sentences end at . ! ? or a line break; "e.g." or "bijv." is therefore split too early, and a
  label without a full stop counts as one sentence.
- Both formulas only see word and sentence length. Rare words, jargon, long noun chains, a
  passive voice or a bad layout make a text hard without lowering the score.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sdm_aid.content.models import OptionGrid
from sdm_aid.content.problems import json_path
from sdm_aid.i18n import languages

TARGET_SCORE = 70.0
"""Flesch's 'fairly easy' band: readable for most 12-year-olds (about B1)."""
SKIPPED_SECTIONS = frozenset({"sources", "$schema"})
"""Citations are for professionals and are not shown as plain-language text."""
MIN_WORDS_FOR_OFFENDER = 4
"""Shorter sentences are never the problem; a single long word must not top the list."""

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_EN_VOWELS = re.compile(r"[aeiouy]+")
_NL_VOWEL_GROUP = re.compile(r"[aeiouyáéíóúàèìòùâêîôû]+|[äëïöü][aeiouyáéíóú]*")


@dataclass(frozen=True)
class Formula:
    name: str
    base: float
    per_sentence_length: float
    per_syllables_per_word: float

    def score(self, words: int, sentences: int, syllables: int) -> float:
        if words == 0 or sentences == 0:
            return 100.0
        return (
            self.base
            - self.per_sentence_length * (words / sentences)
            - self.per_syllables_per_word * (syllables / words)
        )


FORMULAS: dict[str, Formula] = {
    info.code: Formula(
        info.reading_ease.name,
        info.reading_ease.base,
        info.reading_ease.per_sentence_length,
        info.reading_ease.per_syllables_per_word,
    )
    for info in languages.REGISTRY
}
"""Per language, from the language registry."""


def _letters(word: str) -> str:
    """Lower-case ASCII letters only (é -> e), for the English rules."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if "a" <= char <= "z")


def english_syllables(word: str) -> int:
    w = _letters(word)
    if not w:
        return 0
    count = len(_EN_VOWELS.findall(w))
    if count > 1:
        # A final e is mostly silent ("make"), but not in "-le" after a consonant ("table").
        if w.endswith("e") and not w.endswith(("ee", "ie", "ye")):
            if not (w.endswith("le") and len(w) > 2 and w[-3] not in "aeiouy"):
                count -= 1
        # "-ed" is silent except after t or d ("walked" vs "wanted"); "-es" except after
        # s, x, z, ch, sh, c, g or i ("takes" vs "boxes", "changes", "studies").
        elif re.search(r"[^td]ed$|[^sxzcgih]es$", w):
            count -= 1
        # The silent e of a stem before a suffix: "likely", "useful", "statement".
        if re.search(r"[^aeiouy]e(?:ly|ful|ment|ness|less)$", w):
            count -= 1
    # Vowel pairs spoken as two syllables: "media", "video", "usual", "period", "create".
    count += len(re.findall(r"(?:[^ct]ia|[^lp]eo|(?<!q)ua|[^cst]io)", w))
    return max(1, count)


def dutch_syllables(word: str) -> int:
    """Vowel groups; a diaeresis (ë, ï, ...) starts a new syllable, as in 'patiënt'."""
    w = word.lower()
    groups = _NL_VOWEL_GROUP.findall(w)
    return max(1, len(groups)) if any(char.isalpha() for char in w) else 0


SYLLABLE_RULES = {"en": english_syllables, "nl": dutch_syllables}
"""Spelling rules by name (the registry says which a language uses)."""
SYLLABLE_COUNTERS = {
    info.code: SYLLABLE_RULES[info.reading_ease.syllable_rules] for info in languages.REGISTRY
}


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences_of(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if words_of(part)]


@dataclass(frozen=True)
class TextStats:
    words: int
    sentences: int
    syllables: int

    def __add__(self, other: TextStats) -> TextStats:
        return TextStats(
            self.words + other.words, self.sentences + other.sentences, self.syllables + other.syllables
        )

    def score(self, language: str) -> float:
        return round(FORMULAS[language].score(self.words, self.sentences, self.syllables), 1)


def stats(text: str, language: str) -> TextStats:
    count = SYLLABLE_COUNTERS[languages.info(language).code]
    words = words_of(text)
    return TextStats(len(words), len(sentences_of(text)), sum(count(word) for word in words))


def reading_ease(text: str, language: str) -> float:
    return stats(text, language).score(language)


@dataclass(frozen=True)
class HardSentence:
    location: str
    sentence: str
    words: int
    score: float
    other_places: int = 0
    """How many more texts hold the same sentence."""


def _first_of_each(sentences: list[HardSentence]) -> list[HardSentence]:
    first: dict[str, HardSentence] = {}
    for item in sentences:
        seen = first.get(item.sentence)
        first[item.sentence] = item if seen is None else replace(seen, other_places=seen.other_places + 1)
    return list(first.values())


@dataclass(frozen=True)
class LanguageReport:
    language: str
    formula: str
    score: float
    target: float
    words: int
    sentences: int
    by_section: dict[str, float]
    hardest: list[HardSentence]
    """Lowest per-sentence scores first (sentences of at least MIN_WORDS_FOR_OFFENDER words)."""
    longest: list[HardSentence]
    """Most words first: long sentences are the first thing to split."""

    @property
    def meets_target(self) -> bool:
        return self.score >= self.target


def localised_texts(grid: OptionGrid, language: str) -> list[tuple[str, str]]:
    """(JSON path, text) of every Dutch or English text a reader sees, in file order."""
    found: list[tuple[str, str]] = []
    _collect(grid.model_dump(mode="json", by_alias=True, exclude_none=True), (), language, found)
    return found


def _collect(
    value: Any, location: tuple[str | int, ...], language: str, found: list[tuple[str, str]]
) -> None:
    if isinstance(value, dict):
        if set(value) == set(languages.LANGUAGES) and all(isinstance(text, str) for text in value.values()):
            found.append((json_path((*location, language)), value[language]))
            return
        for key, item in value.items():
            if not location and key in SKIPPED_SECTIONS:
                continue
            _collect(item, (*location, key), language, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, (*location, index), language, found)


def _section(location: str) -> str:
    return re.split(r"[.\[]", location, maxsplit=1)[0]


def language_report(grid: OptionGrid, language: str, *, worst: int = 5) -> LanguageReport:
    total = TextStats(0, 0, 0)
    sections: dict[str, TextStats] = {}
    candidates: list[HardSentence] = []
    for location, text in localised_texts(grid, language):
        text_stats = stats(text, language)
        total += text_stats
        section = _section(location)
        sections[section] = sections.get(section, TextStats(0, 0, 0)) + text_stats
        for sentence in sentences_of(text):
            sentence_stats = stats(sentence, language)
            if sentence_stats.words >= MIN_WORDS_FOR_OFFENDER:
                candidates.append(
                    HardSentence(location, sentence, sentence_stats.words, sentence_stats.score(language))
                )
    candidates = _first_of_each(candidates)
    longest = sorted(candidates, key=lambda item: (-item.words, item.score))[:worst]
    candidates.sort(key=lambda item: (item.score, -item.words))
    return LanguageReport(
        language=language,
        formula=FORMULAS[language].name,
        score=total.score(language),
        target=TARGET_SCORE,
        words=total.words,
        sentences=total.sentences,
        by_section={name: part.score(language) for name, part in sections.items()},
        hardest=candidates[:worst],
        longest=longest,
    )


def reading_reports(
    grid: OptionGrid, *, worst: int = 5, languages: Iterable[str] = languages.LANGUAGES
) -> list[LanguageReport]:
    return [language_report(grid, language, worst=worst) for language in languages]

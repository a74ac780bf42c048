"""Reading-level estimate: syllable counters, the two formulas, and the per-grid report."""

from __future__ import annotations

import pytest
from factories import minimal_grid

from sdm_aid.content.readability import (
    FORMULAS,
    TARGET_SCORE,
    dutch_syllables,
    english_syllables,
    language_report,
    localised_texts,
    reading_ease,
    sentences_of,
    stats,
    words_of,
)

# Hand-counted syllables of words that grid texts use, including the rule-breakers.
ENGLISH_WORDS = {
    "the": 1,
    "make": 1,
    "table": 2,
    "walked": 1,
    "wanted": 2,
    "takes": 1,
    "boxes": 2,
    "changes": 2,
    "media": 3,
    "video": 3,
    "usual": 3,
    "period": 3,
    "nation": 2,
    "decision": 3,
    "medication": 4,
    "quality": 3,
    "people": 2,
    "therapy": 3,
    "treatment": 2,
    "depression": 3,
    "child": 1,
    "children": 2,
    "medicine": 3,
    "parent": 2,
    "training": 2,
    "every": 3,
    "family": 3,
    "likely": 2,
    "side": 1,
    "effects": 2,
    "about": 2,
    "young": 1,
    "better": 2,
    "weeks": 1,
    "doctor": 2,
    "therapist": 3,
    "problems": 2,
    "school": 1,
    "helps": 1,
    "improve": 2,
    "research": 2,
    "evidence": 3,
    "studies": 2,
    "uncertain": 3,
    "option": 2,
    "waiting": 2,
    "monitor": 3,
    "useful": 2,
    "whole": 1,
    "little": 2,
    "simple": 2,
    "antidepressant": 5,
    "cognitive": 3,
    "guided": 2,
    "sessions": 2,
    "anxiety": 4,
    "idea": 3,
    "area": 3,
    "create": 2,
}
DUTCH_WORDS = {
    "de": 1, "het": 1, "kind": 1, "kinderen": 3, "ouders": 2, "training": 2, "medicijn": 3,
    "medicijnen": 4, "behandeling": 4, "therapie": 3, "piekert": 2, "energie": 3, "patiënt": 3,
    "ideeën": 3, "België": 3, "ziekte": 2, "jongeren": 3, "depressie": 3, "angst": 1,
    "gedragstherapie": 5, "bijwerkingen": 4, "misselijk": 3, "afwachten": 3, "huisarts": 2,
    "onderzoek": 3, "keuze": 2, "gesprekken": 3, "uur": 1, "tijd": 1, "hoeveel": 2,
    "ervaringsdeskundige": 7, "moeilijk": 2, "mogelijk": 3, "richtlijn": 2, "theater": 3,
}  # fmt: skip


@pytest.mark.parametrize(
    ("counter", "words", "required"),
    [(english_syllables, ENGLISH_WORDS, 0.85), (dutch_syllables, DUTCH_WORDS, 0.9)],
    ids=["en", "nl"],
)
def test_syllable_counters_are_mostly_right(counter, words, required):
    right = [word for word, syllables in words.items() if counter(word) == syllables]
    assert len(right) / len(words) >= required, {w: counter(w) for w in words if w not in right}


def test_a_diaeresis_starts_a_new_dutch_syllable():
    assert dutch_syllables("patiënt") == dutch_syllables("pati") + 1
    assert dutch_syllables("zeeën") == 2


def test_numbers_and_punctuation_are_not_words():
    assert words_of("Ongeveer 6 van de 10 kinderen, na 12 weken.") == [
        "Ongeveer", "van", "de", "kinderen", "na", "weken",
    ]  # fmt: skip
    assert words_of("ADHD-medicatie en zelf-hulp") == ["ADHD-medicatie", "en", "zelf-hulp"]


def test_sentences_end_at_stops_and_line_breaks():
    assert sentences_of("Dit is een. Dat is twee! En drie?\nVier") == [
        "Dit is een.", "Dat is twee!", "En drie?", "Vier",
    ]  # fmt: skip
    assert sentences_of("") == []


def test_formulas_follow_flesch_and_douma():
    english = stats("The cat sat on the mat.", "en")
    assert (english.words, english.sentences, english.syllables) == (6, 1, 6)
    assert reading_ease("The cat sat on the mat.", "en") == round(206.835 - 1.015 * 6 - 84.6 * 1, 1)
    dutch = stats("De kat zit op de mat.", "nl")
    assert reading_ease("De kat zit op de mat.", "nl") == round(206.835 - 0.93 * 6 - 77 * 1, 1)
    assert dutch.syllables == 6
    assert FORMULAS["nl"].name == "Flesch-Douma"


def test_long_words_and_long_sentences_score_lower():
    easy = reading_ease("Je praat met een hulp. Dat helpt vaak.", "nl")
    hard = reading_ease(
        "Cognitieve gedragstherapie vermindert angstklachten bij adolescenten aanzienlijk "
        "vergeleken met psychofarmacologische behandelingen zonder begeleiding.",
        "nl",
    )
    assert easy > TARGET_SCORE > hard


def test_report_collects_every_visible_text_but_not_the_citations():
    grid = minimal_grid()
    locations = [location for location, _ in localised_texts(grid, "en")]
    assert "title.en" in locations
    assert "questions[0].answers.talking.text.en" in locations
    assert "governance.funding.en" in locations
    assert not any(location.startswith("sources") for location in locations)
    assert all(location.endswith(".en") for location in locations)


def test_report_lists_the_hardest_sentences_first_without_repeats():
    report = language_report(minimal_grid(), "nl", worst=3)
    assert report.formula == "Flesch-Douma"
    assert report.target == TARGET_SCORE
    assert len(report.hardest) == 3
    scores = [sentence.score for sentence in report.hardest]
    assert scores == sorted(scores)
    assert len({sentence.sentence for sentence in report.hardest}) == 3
    # 'jongeren in een testonderzoek' appears in two likelihoods: listed once, with a count.
    assert report.hardest[0].sentence == "jongeren in een testonderzoek"
    assert report.hardest[0].other_places == 1
    assert {"title", "problem", "questions", "governance"} <= set(report.by_section)
    assert report.meets_target == (report.score >= TARGET_SCORE)


def test_report_also_lists_the_longest_sentences():
    report = language_report(minimal_grid(), "en", worst=4)
    words = [sentence.words for sentence in report.longest]
    assert len(words) == 4
    assert words == sorted(words, reverse=True)
    assert words[0] == max(
        len(words_of(s)) for _, text in localised_texts(minimal_grid(), "en") for s in sentences_of(text)
    )

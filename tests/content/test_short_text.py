"""Short texts for a short path or a narrow cell: whole sentences, the rest kept for 'Read more'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sdm_aid.content.short_text import CELL_WORDS, sentences, shorten

LONG = (
    "Ongeveer 6 van de 10 jongeren voelen zich na 12 weken duidelijk beter. "
    "Dat is meer dan bij wachten. "
    "Het werkt het best als je de oefeningen ook thuis doet, bijv. elke dag tien minuten. "
    "Sommige jongeren merken pas na een paar weken verschil."
)


def words(text: str) -> int:
    return len(text.split())


def test_a_short_text_stays_whole() -> None:
    cut = shorten("Dit is kort. Echt waar.", 25)
    assert cut.short == "Dit is kort. Echt waar." and cut.rest == "" and not cut.shortened


def test_a_long_text_is_cut_after_a_whole_sentence_and_nothing_is_lost() -> None:
    cut = shorten(LONG, 25)
    assert cut.shortened and cut.short.endswith(".") and words(cut.short) <= 25
    assert cut.short.startswith("Ongeveer 6 van de 10") and cut.rest.startswith("Het werkt")
    assert f"{cut.short} {cut.rest}" == LONG
    assert "bijv. elke" in cut.rest  # an abbreviation does not end a sentence


def test_a_text_just_over_the_limit_is_not_hidden_for_a_few_words() -> None:
    text = " ".join(["woord"] * 28) + "."
    assert not shorten(text, 25).shortened


def test_one_very_long_sentence_is_cut_with_an_ellipsis() -> None:
    text = " ".join(f"w{i}" for i in range(60)) + "."
    cut = shorten(text, 25)
    assert cut.short.endswith("…") and words(cut.short) == 26 and cut.rest.startswith("…")


def test_a_first_sentence_somewhat_over_the_limit_is_shown_whole() -> None:
    first = " ".join(["lang"] * 30) + "."
    cut = shorten(f"{first} Tweede zin hier. Derde zin daar met meer woorden erin.", 25)
    assert cut.short == first


def test_sentences_split_only_before_a_capital_or_digit() -> None:
    assert sentences("Eén. Twee? 3 stuks! ca. vijf") == ["Eén.", "Twee?", "3 stuks! ca. vijf"]


SHIPPED = sorted((Path(__file__).parents[2] / "option_grids").glob("*.json"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_cell_is_short_or_has_a_rest(path: Path) -> None:
    grid = json.loads(path.read_text(encoding="utf-8"))
    for question in grid["questions"]:
        for answer in question["answers"].values():
            for language in ("nl", "en"):
                text = " ".join(answer["text"][language].split())
                cut = shorten(text, CELL_WORDS)
                assert f"{cut.short} {cut.rest}".strip() == text or cut.short.endswith("…")
                assert words(cut.short) <= CELL_WORDS * 1.5 + 1

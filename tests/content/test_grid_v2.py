"""Format 2: the example grid loads, every likelihood form reads by the one rule, and the
wizard's table and the summary's cell use the very same words."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from sdm_aid.content.likelihood_words import likelihood_words, no_number_words
from sdm_aid.content.loader import GridLoadError, load_grid, load_grid_bytes
from sdm_aid.content.models import LongLocalText, OptionGrid, Text
from sdm_aid.i18n import languages

EXAMPLE = Path(__file__).parent / "fixtures" / "v2" / "example-v2.json"
TODAY = date(2026, 11, 22)


def example() -> OptionGrid:
    return load_grid(EXAMPLE, today=TODAY).grid


def edited(change) -> bytes:
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    change(document)
    return json.dumps(document, ensure_ascii=False).encode()


def problems_of(data: bytes) -> list[tuple[str, str]]:
    with pytest.raises(GridLoadError) as caught:
        load_grid_bytes(data, source_name="edited.json", today=TODAY)
    return [(problem.location, problem.message) for problem in caught.value.problems]


def test_texts_have_a_field_per_registry_language_and_only_dutch_is_required() -> None:
    for model in (Text, LongLocalText):
        assert list(model.model_fields) == list(languages.LANGUAGES)
        required = [name for name, field in model.model_fields.items() if field.is_required()]
        assert required == [languages.PRIMARY]


def test_the_example_loads_as_format_2() -> None:
    loaded = load_grid(EXAMPLE, today=TODAY)
    assert loaded.format_version == 2 and loaded.warnings == []
    assert loaded.grid.languages == ["nl", "en"]


def test_every_likelihood_form_reads_by_the_rule() -> None:
    grid = example()
    helps = grid.questions[0]
    exact = likelihood_words(helps.answers["talking"].likelihood, "en")
    assert exact.headline == "60 in 100"
    assert exact.sentence == "60 in 100 young people in a test study worry less after 12 weeks."
    assert exact.details == (
        "Where the number comes from: a study in which chance decided who got which option (488 people).",
    )
    assert exact.certainty == "Certainty of the evidence: moderate, as rated by the source."
    about = likelihood_words(helps.answers["pills"].likelihood, "nl")
    assert about.headline == "Ongeveer 55 van de 100"
    assert about.sentence == (
        "Ongeveer 55 van de 100 (54,9%; tussen 46 en 63 van de 100) jongeren in een testonderzoek "
        "piekert minder na 12 weken, en ongeveer 65 van de 100 na 36 weken."
    )
    assert about.details[0] == "Gemeten bij: sertraline."
    assert about.certainty.startswith("Zekerheid van het bewijs: laag, volgens de schrijvers")
    assert about.certainty.endswith("Waarom: de bron geeft zelf geen oordeel; het gaat om één studie.")
    reason = helps.answers["wait"].no_number_reason
    assert no_number_words(reason, "en") == "No number: No study measured this for waiting."


@pytest.mark.parametrize("level", ["high", "moderate", "low", "very_low"])
def test_certainty_uses_grade_words(level: str) -> None:
    words = {"high": "hoog", "moderate": "matig", "low": "laag", "very_low": "zeer laag"}

    def change(document):
        document["questions"][0]["answers"]["talking"]["likelihood"]["certainty"]["level"] = level

    grid = load_grid_bytes(edited(change), source_name="x.json", today=TODAY).grid
    sentence = likelihood_words(grid.questions[0].answers["talking"].likelihood, "nl").certainty
    assert f": {words[level]}," in sentence


def test_a_grid_in_dutch_only_is_valid_and_english_falls_back_to_dutch() -> None:
    def dutch_only(value):
        if isinstance(value, dict):
            value.pop("en", None) if set(value) <= {"nl", "en"} and "nl" in value else None
            for item in value.values():
                dutch_only(item)
        elif isinstance(value, list):
            for item in value:
                dutch_only(item)

    def change(document):
        dutch_only(document)
        document["languages"] = ["nl"]

    grid = load_grid_bytes(edited(change), source_name="nl.json", today=TODAY).grid
    assert grid.title.get("en") == grid.title.nl


def test_a_listed_language_must_be_complete() -> None:
    def change(document):
        del document["options"][1]["label"]["en"]

    assert ("options[1].label.en", "The English text ('en') is missing.") in problems_of(edited(change))


def test_dutch_is_always_listed() -> None:
    def change(document):
        document["languages"] = ["en"]

    assert any(location == "languages" for location, _ in problems_of(edited(change)))

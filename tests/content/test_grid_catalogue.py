"""The catalogue of bad grid files: every rule of the format has a file that breaks it, and
the loader must name the file, the exact location and say what is wrong."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sdm_aid.content.loader import GridLoadError, load_grid, load_grid_bytes
from sdm_aid.content.problems import MAX_ECHO

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 22)

# file -> (location, fragment of the message)
INVALID: dict[str, tuple[str, str]] = {
    # Reading the bytes
    "encoding_latin1.json": ("$", "not UTF-8 text: there is a character at line 7, column 16"),
    "encoding_utf16.json": ("$", "saved as UTF-16"),
    "binary_file.json": ("$", "not a text file"),
    "empty.json": ("$", "The file is empty"),
    "syntax_trailing_comma.json": ("$", "not valid JSON at line 277, column 3"),
    "top_level_list.json": ("$", "must contain one JSON object"),
    "duplicate_key.json": ("options[1].label", "The key 'label' appears more than once"),
    "nan_number.json": ("questions[0].answers.talking.likelihood.count", "NaN is not a number"),
    "infinity_number.json": ("questions[0].answers.pills.likelihood.out_of", "Infinity is not a number"),
    "float_overflow.json": ("questions[0].answers.talking.likelihood.count", "too large"),
    "long_integer.json": ("questions[0].answers.talking.likelihood.count", "too long (4401 digits)"),
    "deep_nesting.json": ("$", "nested too deeply"),
    "nesting_over_limit.json": ("$schema" + "[0]" * 19, "nested too deeply"),
    "control_character.json": ("problem.nl", "invisible control character (U+0007)"),
    "raw_control_character.json": ("$", "line 11, column 22: a text contains an invisible control character"),
    "lone_surrogate.json": ("title.en", "invisible control character (U+D800)"),
    # Structure
    "missing_english.json": ("title.en", "The English text ('en') is missing"),
    "missing_dutch.json": ("options[0].description.nl", "The Dutch text ('nl') is missing"),
    "missing_field.json": ("governance.funding", "The field 'funding' is missing"),
    "unknown_field_typo.json": ("options[0].lable", "Unknown field 'lable'. Did you mean 'label'?"),
    "unknown_language.json": ("title.fr", "A text has only 'nl' (Dutch) and 'en' (English)"),
    "wrong_enum.json": ("audience", "'kids' is not one of the allowed values"),
    "wrong_topic.json": ("questions[0].topic", "'benefit' is not one of the allowed values"),
    "number_as_text.json": ("age_band.min_age", "whole number, not the text '12'"),
    "number_out_of_range.json": ("age_band.max_age", "The number 99 is too large"),
    "bool_as_text.json": ("options[2].is_wait_option", "should be true or false"),
    "bad_id.json": ("considerations[0].id", "'Quick Results' is not a valid id"),
    "bad_date.json": ("governance.published", "'01-01-2026' is not a valid date"),
    "bad_url.json": ("sources[1].url", "not a secure web address"),
    "bad_version.json": ("version", "'v1' is not a valid version"),
    "wrong_schema_version.json": ("schema_version", "reads grid format versions 1 and 2, not 3"),
    "empty_text.json": ("considerations[0].text.nl", "This text is empty"),
    "text_too_long.json": ("title.en", "too long (310 characters; at most 200)"),
    "text_not_localised.json": ("problem", "should be a text in Dutch and English"),
    "too_few_options.json": ("options", "needs at least 2 items, but it has 1"),
    "empty_sources_list.json": ("questions[1].answers.talking.sources", "needs at least 1 item"),
    # Cross-references
    "duplicate_option_id.json": ("options[1].id", "The id 'talking' is used twice in 'options'"),
    "duplicate_question_id.json": ("questions[1].id", "The id 'does-it-help' is used twice"),
    "duplicate_consideration_id.json": ("considerations[1].id", "The id 'quick' is used twice"),
    "duplicate_understanding_id.json": ("understanding_checks[1].id", "The id 'choice' is used twice"),
    "duplicate_clinician_question_id.json": ("clinician_questions[1].id", "The id 'how-long' is used twice"),
    "duplicate_source_id.json": ("sources[1].id", "The id 'src-a' is used twice"),
    "missing_answer.json": ("questions[1].answers", "There is no answer for the option 'pills'"),
    "answer_for_unknown_option.json": (
        "questions[0].answers.pils",
        "There is no option with the id 'pils'. Did you mean 'pills'?",
    ),
    "unknown_source.json": ("questions[1].answers.wait.sources[0]", "There is no source with the id 'src-c'"),
    "count_above_out_of.json": (
        "questions[0].answers.talking.likelihood.count",
        "The count (12) is larger than 'out_of' (10)",
    ),
    "mixed_out_of.json": (
        "questions[0].answers.pills.likelihood.out_of",
        "uses 'out_of' 100, the other options of this question use 10",
    ),
    "review_before_published.json": ("governance.last_reviewed", "is before the publication date"),
    "next_review_before_last.json": ("governance.next_review_due", "is before the last review"),
    "two_wait_options.json": ("options[2].is_wait_option", "Only one option can be the 'wait"),
    "age_band_reversed.json": ("age_band.max_age", "lower than the youngest age"),
}

# file -> (location, fragment) of a warning on an otherwise valid grid
WARNINGS: dict[str, tuple[str, str]] = {
    "expired.json": ("governance.next_review_due", "The grid is expired"),
    "uncited-source.json": ("sources[2].id", "The source 'src-c' is not cited by any answer"),
    "cited-twice.json": ("questions[1].answers.wait.sources[1]", "cites the source 'src-b' twice"),
    "byte-order-mark.json": ("$", "byte-order mark"),
    "name-mismatch.json": ("id", "does not match the grid id 'some-other-id'"),
}


def test_the_catalogue_covers_every_file_and_nothing_else():
    assert sorted(path.name for path in (FIXTURES / "invalid").glob("*.json")) == sorted(INVALID)
    assert sorted(path.name for path in (FIXTURES / "warnings").glob("*.json")) == sorted(WARNINGS)
    assert len(INVALID) >= 20


@pytest.mark.parametrize("name", sorted(INVALID))
def test_bad_file_is_rejected_with_file_location_and_message(name):
    path = FIXTURES / "invalid" / name
    location, fragment = INVALID[name]
    with pytest.raises(GridLoadError) as caught:
        load_grid(path, today=TODAY)
    error = caught.value
    assert error.file == str(path)
    matching = [problem for problem in error.problems if problem.location == location]
    assert matching, f"no problem at {location}: {error}"
    assert any(fragment in problem.message for problem in matching), str(error)
    assert all(problem.hint for problem in error.problems)
    # Every line of the readable form names the file and the location.
    for line, problem in zip(str(error).splitlines(), error.problems, strict=True):
        assert line.startswith(f"{path}:{problem.location}: ")


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_questionable_file_loads_with_a_warning(name):
    location, fragment = WARNINGS[name]
    loaded = load_grid(FIXTURES / "warnings" / name, today=TODAY)
    assert [(w.location, w.severity) for w in loaded.warnings] == [(location, "warning")]
    assert fragment in loaded.warnings[0].message


@pytest.mark.parametrize("path", sorted((FIXTURES / "valid").glob("*.json")), ids=lambda path: path.name)
def test_valid_fixture_loads_without_warnings(path):
    loaded = load_grid(path, today=TODAY)
    assert loaded.warnings == []
    assert loaded.grid.id == path.stem


def test_long_input_text_is_never_echoed():
    path = FIXTURES / "invalid" / "text_too_long.json"
    with pytest.raises(GridLoadError) as caught:
        load_grid(path, today=TODAY)
    assert "A very long title that goes on A very long" not in str(caught.value)


def test_echoed_values_are_capped():
    long_id = "x" * 500
    raw = (FIXTURES / "valid" / "test-worry.json").read_text().replace('"id": "quick"', f'"id": "Q{long_id}"')
    with pytest.raises(GridLoadError) as caught:
        load_grid_bytes(raw.encode(), source_name="long.json", today=TODAY)
    for problem in caught.value.problems:
        assert long_id[: MAX_ECHO + 1] not in problem.message + problem.hint + problem.location

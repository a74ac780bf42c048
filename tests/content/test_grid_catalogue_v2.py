"""The catalogue of bad format-2 files: every rule format 2 adds has a file that breaks it
(built by fixtures/v2/build_v2.py), and the loader names the file, the location, what is
wrong and how to fix it, without a traceback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sdm_aid.content.loader import GridLoadError, load_grid, load_grid_bytes

V2 = Path(__file__).parent / "fixtures" / "v2"
TODAY = date(2026, 11, 22)
PILLS = "questions[0].answers.pills.likelihood"

INVALID: dict[str, tuple[str, str]] = {
    "languages_missing.json": ("languages", "The field 'languages' is missing"),
    "languages_without_dutch.json": ("languages", "The list of languages has no 'nl' (Dutch)"),
    "languages_unknown.json": ("languages[1]", "'fr' is not allowed here"),
    "language_incomplete.json": ("options[1].label.en", "The English text ('en') is missing"),
    "points_empty.json": (f"{PILLS}.points", "needs at least 1 item, but it has 0"),
    "precision_missing.json": (f"{PILLS}.points[0].precision", "The field 'precision' is missing"),
    "precision_unknown.json": (f"{PILLS}.points[0].precision", "'roughly' is not one of the allowed values"),
    "percent_mismatch.json": (
        f"{PILLS}.points[0].count",
        "55 in 100 is not 23%: that would be about 23 in 100",
    ),
    "interval_outside.json": (
        f"{PILLS}.points[0].interval",
        "The interval 60 to 70 does not hold the count 55",
    ),
    "study_design_unknown.json": (f"{PILLS}.study.design", "'anecdote' is not one of the allowed values"),
    "certainty_origin_missing.json": (f"{PILLS}.certainty.origin", "The field 'origin' is missing"),
    "certainty_as_text.json": (f"{PILLS}.certainty", "This should be an object"),
    "v1_likelihood_in_v2.json": (
        "questions[0].answers.talking.likelihood.count",
        "Unknown field 'count': in format 2 it belongs to a time point",
    ),
    "number_and_reason.json": (
        "questions[0].answers.pills.no_number_reason",
        "has a number ('likelihood') and a reason why it has none",
    ),
    "eligibility_without_condition.json": (
        "options[1].eligibility.condition",
        "An option with eligibility 'when' needs the 'condition'",
    ),
    "eligibility_unknown.json": ("options[1].eligibility.kind", "'maybe' is not one of the allowed values"),
    "reviewed_without_reviewers.json": (
        "governance.reviewers",
        "The status is 'clinically_reviewed', but no reviewer is named",
    ),
    "reviewed_without_date.json": (
        "governance.last_reviewed",
        "The status is 'clinically_reviewed', but 'last_reviewed' is missing",
    ),
    "review_in_the_future.json": ("governance.reviewers[0].reviewed_on", "lies in the future"),
    "source_updated_before_year.json": (
        "sources[0].updated",
        "The update (2010) is before the publication (2020)",
    ),
    "bad_doi.json": ("sources[0].doi", "is not a DOI"),
    "bad_phone.json": ("safety.contacts[0].phone", "'call 113' is not a phone number"),
    "safety_without_contacts.json": ("safety.contacts", "needs at least 1 item"),
}
WARNINGS: dict[str, tuple[str, str]] = {
    "language_not_listed.json": ("title.en", "There is an 'en' text, but the grid does not list 'en'"),
}


def test_the_catalogue_is_complete():
    assert sorted(path.name for path in (V2 / "invalid").glob("*.json")) == sorted(INVALID)
    assert sorted(path.name for path in (V2 / "warnings").glob("*.json")) == sorted(WARNINGS)


@pytest.mark.parametrize("name", sorted(INVALID))
def test_bad_v2_file_is_rejected_with_file_location_message_and_fix(name):
    path = V2 / "invalid" / name
    location, fragment = INVALID[name]
    with pytest.raises(GridLoadError) as caught:
        load_grid(path, today=TODAY)
    error = caught.value
    assert error.file == str(path)
    matching = [problem for problem in error.problems if problem.location == location]
    assert matching, f"no problem at {location}: {error}"
    assert any(fragment in problem.message for problem in matching), str(error)
    assert all(problem.hint for problem in error.problems)
    assert "unexpected problem" not in str(error) and "Traceback" not in str(error)
    for line, problem in zip(str(error).splitlines(), error.problems, strict=True):
        assert line.startswith(f"{path}:{problem.location}: ")


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_questionable_v2_file_loads_with_a_warning(name):
    location, fragment = WARNINGS[name]
    loaded = load_grid_bytes((V2 / "warnings" / name).read_bytes(), source_name=name, today=TODAY)
    assert [(w.location, w.severity) for w in loaded.warnings] == [(location, "warning")]
    assert fragment in loaded.warnings[0].message

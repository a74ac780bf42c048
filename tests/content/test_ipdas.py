"""The IPDAS part of the authoring report: each item passes on the fixture and fails for the
reason it names when the grid lacks what the item asks for."""

from __future__ import annotations

from datetime import date

from factories import minimal_grid

from sdm_aid.content.ipdas import ipdas_items
from sdm_aid.content.models import LongLocalText, OptionGrid, QuestionTopic

TODAY = date(2026, 11, 22)


def _items(grid: OptionGrid, today: date = TODAY) -> dict[str, object]:
    return {item.key: item for item in ipdas_items(grid, today=today)}


def _with(grid: OptionGrid, **changes) -> OptionGrid:
    return grid.model_copy(update=changes)


def test_the_fixture_meets_every_item():
    items = ipdas_items(minimal_grid(), today=TODAY)
    assert [item.key for item in items] == [
        "problem",
        "decision",
        "options",
        "benefits_harms",
        "evidence",
        "publication_date",
        "update_policy",
        "uncertainty",
        "disclosure",
    ]
    assert all(item.met for item in items), [item for item in items if not item.met]
    assert {item.level for item in items} == {"qualifying", "certification"}


def test_a_one_word_problem_is_not_a_description():
    grid = _with(minimal_grid(), problem=LongLocalText(nl="Piekeren.", en="Worry."))
    item = _items(grid)["problem"]
    assert not item.met
    assert "1 words (nl)" in item.why


def test_without_a_harms_row_benefits_and_harms_are_not_met():
    grid = minimal_grid()
    questions = [q.model_copy(update={"topic": QuestionTopic.PRACTICAL}) if q.topic == "harms" else q
                 for q in grid.questions]  # fmt: skip
    item = _items(_with(grid, questions=questions))["benefits_harms"]
    assert not item.met
    assert "'harms'" in item.why


def test_an_expired_grid_misses_the_update_item():
    item = _items(minimal_grid(), today=date(2031, 1, 1))["update_policy"]
    assert not item.met
    assert "expired" in item.why


def test_a_future_publication_date_is_flagged():
    item = _items(minimal_grid(), today=date(2025, 1, 1))["publication_date"]
    assert not item.met


def _without_likelihoods(grid: OptionGrid, wait_text: LongLocalText | None = None) -> OptionGrid:
    questions = []
    for question in grid.questions:
        answers = {}
        for option_id, answer in question.answers.items():
            update = {"likelihood": None}
            if wait_text and option_id == "wait":
                update["text"] = wait_text
            answers[option_id] = answer.model_copy(update=update)
        questions.append(question.model_copy(update={"answers": answers}))
    return _with(grid, questions=questions)


def test_uncertainty_needs_certainty_levels_or_words():
    bare = _items(_without_likelihoods(minimal_grid()))["uncertainty"]
    assert not bare.met
    worded = _without_likelihoods(
        minimal_grid(),
        LongLocalText(nl="Dat weten we niet zeker.", en="We do not know for sure."),
    )
    assert _items(worded)["uncertainty"].met


def test_uncertainty_stated_in_one_language_only_is_not_enough():
    half = _without_likelihoods(minimal_grid(), LongLocalText(nl="Dat weten we niet zeker.", en="It works."))
    item = _items(half)["uncertainty"]
    assert not item.met
    assert "'en'" in item.why

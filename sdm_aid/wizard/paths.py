"""What a path shows of a grid: the grid as the steps of that path present it.

The waiting-room path asks fewer questions (the main considerations, two statements to check,
three suggested questions) and shows step 3's core questions only (a benefit and a harm). Rather
than teaching every
step and completion rule about paths, a path *presents* a grid: the same grid with shorter
lists, which the steps draw and the completion rules check. Texts are shortened where they are
drawn (`sdm_aid.content.short_text`), so 'Read more' can still show the rest.
The summary always uses the whole grid: it reports all nine elements on both paths.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TypeVar

from sdm_aid.content.models import OptionGrid, Question, QuestionTopic
from sdm_aid.sessions.models import DecisionSession, WizardPath
from sdm_aid.wizard.step_registry import PATHS, Brevity, PathSpec

CORE_TOPICS = (QuestionTopic.BENEFITS, QuestionTopic.HARMS)
"""What can it do and what are the downsides (with how likely each is): one question each."""

T = TypeVar("T")
_CACHE_SIZE = 24
_cache: OrderedDict[tuple[int, WizardPath], tuple[OptionGrid, OptionGrid]] = OrderedDict()
_lock = threading.Lock()


def of(session: DecisionSession) -> PathSpec:
    return PATHS[session.path]


def core_questions(grid: OptionGrid) -> list[Question]:
    """The first question of each core topic, in the grid's order (all questions when the grid
    has none of those topics)."""
    firsts = [next((q for q in grid.questions if q.topic == topic), None) for topic in CORE_TOPICS]
    chosen = {q.id for q in firsts if q is not None}
    return [q for q in grid.questions if q.id in chosen] or list(grid.questions)


def _first(items: list[T], count: int | None) -> list[T]:
    return items if count is None else items[: max(1, count)]


def _trimmed(grid: OptionGrid, brevity: Brevity) -> OptionGrid:
    return grid.model_copy(
        update={
            "questions": core_questions(grid) if brevity.core_questions_only else grid.questions,
            "considerations": _first(grid.considerations, brevity.considerations),
            "understanding_checks": _first(grid.understanding_checks, brevity.checks),
            "clinician_questions": _first(grid.clinician_questions, brevity.suggested_questions),
        }
    )


def presented(grid: OptionGrid, path: WizardPath) -> OptionGrid:
    """The grid as the steps of `path` show and check it. The full path gets the grid itself;
    a short path a trimmed copy, the same object for the same grid object (screens cache
    their drawing by the grid object)."""
    brevity = PATHS[path].brevity
    if brevity == Brevity():
        return grid
    key = (id(grid), path)
    with _lock:
        hit = _cache.get(key)
        if hit is not None and hit[0] is grid:
            _cache.move_to_end(key)
            return hit[1]
    trimmed = _trimmed(grid, brevity)
    with _lock:
        _cache[key] = (grid, trimmed)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return trimmed


def for_session(session: DecisionSession, grid: OptionGrid) -> OptionGrid:
    """The grid as this session's path presents it."""
    return presented(grid, session.path)

"""Sample sessions for the summary tests and the render benchmark.

Every builder works for any valid grid (it reads option, consideration and item ids from
the grid), so the tests can run them over every shipped grid.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from factories import MINIMAL_GRID_PATH, new_session

from sdm_aid.content.loader import load_grid_bytes
from sdm_aid.content.models import OptionGrid
from sdm_aid.sessions.models import (
    NOT_SURE,
    AbilityAnswer,
    Barrier,
    Decided,
    DecisionSession,
    DeferralReason,
    Deferred,
    ElementStatus,
    FollowUp,
    FollowUpMode,
    FollowUpStatus,
    GridRef,
    ParticipantAnswers,
    Recommendation,
    Role,
    SureAnswers,
    SureResult,
)
from sdm_aid.wizard import step_registry

REPO = Path(__file__).resolve().parents[2]
SHIPPED_GRIDS = sorted((REPO / "option_grids").glob("*.json"))
NOW = datetime(2026, 3, 20, 9, 30, tzinfo=UTC)
FOLLOW_UP_AT = datetime(2026, 3, 30, 12, 0, tzinfo=UTC)
"""Monday 30 March 2026, 14:00 in Amsterdam (summer time began on 29 March)."""

YOUTH_SECRET = "Mijn geheim: ik durf het niet te zeggen"
"""Typed by the young person in private answers; must not reach the family copy."""


def grid_paths() -> list[Path]:
    """The test fixture plus every shipped grid that exists on this branch."""
    return [MINIMAL_GRID_PATH, *SHIPPED_GRIDS]


def load(path: Path) -> tuple[OptionGrid, bytes]:
    raw = path.read_bytes()
    return load_grid_bytes(raw, source_name=path.name).grid, raw


def pinned(session: DecisionSession, grid: OptionGrid, raw: bytes) -> DecisionSession:
    session.grid = GridRef(id=grid.id, version=grid.version, content_hash=hashlib.sha256(raw).hexdigest())
    return session


def _all_done(session: DecisionSession) -> None:
    for progress in session.elements:
        progress.status = ElementStatus.DONE


def _sure(*answers: bool) -> SureAnswers:
    return SureAnswers(
        sure_of_best_choice=answers[0],
        know_benefits_and_risks=answers[1],
        clear_what_matters=answers[2],
        enough_support_and_advice=answers[3],
    )


def _answers(grid: OptionGrid, ratings: list[int], leaning: str, **extra: Any) -> ParticipantAnswers:
    considerations = [c.id for c in grid.considerations]
    importance = {cid: ratings[i % len(ratings)] for i, cid in enumerate(considerations)}
    understanding = {
        item.id: (item.correct_answer if i % 2 == 0 else not item.correct_answer)
        for i, item in enumerate(grid.understanding_checks)
    }
    return ParticipantAnswers(importance=importance, leaning=leaning, understanding=understanding, **extra)


def decided(grid: OptionGrid, raw: bytes, language: str = "nl") -> DecisionSession:
    """Young person and one parent choose the first option; follow-up planned."""
    session = pinned(new_session(grid, parents=1, language=language, now=NOW), grid, raw)
    first, second = grid.options[0].id, grid.options[1].id
    _all_done(session)
    session.answers = {
        "youth": _answers(
            grid,
            [4, 3, 1],
            first,
            ability={
                first: AbilityAnswer(confidence=7, barriers=[Barrier.TIME], what_would_help="Na school")
            },
            questions=["Hoe vaak moet ik komen?"],
        ),
        "parent-1": _answers(grid, [4, 2, 1], first, questions=["Wat kost het?"]),
    }
    session.sure = {
        "youth": SureResult(before=_sure(False, True, True, False), after=_sure(True, True, True, True)),
        "parent-1": SureResult(before=_sure(True, False, True, True), after=_sure(True, True, True, True)),
    }
    session.recommendation = Recommendation(option_id=second, reasons="Werkt vaak goed bij deze klachten.")
    session.outcome = Decided(option_id=first, agree=["youth", "parent-1"], recorded_at=NOW)
    session.follow_up = FollowUp(starts_at=FOLLOW_UP_AT, with_whom="Behandelaar", purpose="Start bespreken")
    return session


def deferred(grid: OptionGrid, raw: bytes, language: str = "nl") -> DecisionSession:
    """The decision is put off to talk at home; a video follow-up is planned."""
    session = pinned(new_session(grid, parents=1, language=language, now=NOW), grid, raw)
    _all_done(session)
    session.elements[7].status = ElementStatus.DEFERRED
    session.elements[4].skip_reason = "We wisten het nog niet"
    session.elements[4].status = ElementStatus.SKIPPED
    session.answers = {
        "youth": _answers(grid, [2, 3], NOT_SURE),
        "parent-1": _answers(grid, [3, 3], grid.options[-1].id),
    }
    session.outcome = Deferred(
        reason=DeferralReason.TALK_AT_HOME,
        details="Oma wil ook meepraten.",
        still_needed="Informatie over wachttijden.",
        recorded_at=NOW,
    )
    session.follow_up = FollowUp(
        starts_at=FOLLOW_UP_AT, with_whom="Regiebehandelaar", mode=FollowUpMode.VIDEO, purpose="Besluit nemen"
    )
    return session


def parents_disagree(grid: OptionGrid, raw: bytes, language: str = "nl") -> DecisionSession:
    """Two parents who rate every consideration far apart; the young person sides with one."""
    session = pinned(new_session(grid, parents=2, language=language, now=NOW), grid, raw)
    _all_done(session)
    session.answers = {
        "youth": _answers(grid, [4, 0], grid.options[0].id),
        "parent-1": _answers(grid, [4, 0], grid.options[0].id),
        "parent-2": _answers(grid, [0, 4], grid.options[1].id),
    }
    session.outcome = Decided(
        option_id=grid.options[0].id, agree=["youth", "parent-1"], disagree=["parent-2"], recorded_at=NOW
    )
    session.follow_up = FollowUp(starts_at=FOLLOW_UP_AT, with_whom="Behandelaar", mode=FollowUpMode.PHONE)
    return session


def private_youth(
    grid: OptionGrid, raw: bytes, language: str = "nl", *, shared: tuple[str, ...] = ()
) -> DecisionSession:
    """The young person keeps their answers private on every step with own answers (except
    the steps in `shared`, which they chose to share)."""
    session = decided(grid, raw, language)
    youth = session.answers["youth"]
    youth.private_steps = [spec.id for spec in step_registry.per_person_steps() if spec.id not in shared]
    youth.notes = YOUTH_SECRET
    youth.questions = [f"{YOUTH_SECRET}?"]
    youth.ability = {grid.options[0].id: AbilityAnswer(confidence=2, what_would_help=f"{YOUTH_SECRET}.")}
    return session


def largest(grid: OptionGrid, raw: bytes, language: str = "nl") -> DecisionSession:
    """Everything filled at the length limits: two parents, a peer worker, histories."""
    session = pinned(new_session(grid, parents=2, peer_worker=True, language=language, now=NOW), grid, raw)
    _all_done(session)
    long_text = (
        "Dit is een lange toelichting met veel woorden over wat er speelt thuis en op school. " * 24
    )[:2000]
    ability = {
        option.id: AbilityAnswer(confidence=5, barriers=list(Barrier), what_would_help=long_text)
        for option in grid.options
    }
    questions = [f"Vraag {n}: " + "hoe werkt dit precies in de praktijk? " * 7 for n in range(1, 21)]
    session.answers = {
        pid: _answers(
            grid, ratings, grid.options[0].id, ability=ability, questions=questions, notes=long_text
        )
        for pid, ratings in (("youth", [4, 0, 2]), ("parent-1", [0, 4, 2]), ("parent-2", [2, 2, 4]))
    }
    session.sure = {
        pid: SureResult(before=_sure(False, False, True, True), after=_sure(True, True, True, False))
        for pid in ("youth", "parent-1", "parent-2")
    }
    session.recommendation = Recommendation(option_id=grid.options[1].id, reasons=long_text)
    session.outcome_history = [
        Deferred(
            reason=DeferralReason.NEED_MORE_INFORMATION,
            details=long_text,
            still_needed=long_text,
            recorded_at=NOW - timedelta(days=30),
        ),
    ]
    session.outcome = Decided(
        option_id=grid.options[1].id, agree=["youth", "parent-2"], disagree=["parent-1"], recorded_at=NOW
    )
    session.follow_up_history = [
        FollowUp(
            starts_at=NOW - timedelta(days=10),
            with_whom="Behandelaar",
            purpose=long_text,
            status=FollowUpStatus.DONE,
            outcome_note=long_text,
        ),
    ]
    session.follow_up = FollowUp(starts_at=FOLLOW_UP_AT, with_whom="Behandelaar", purpose=long_text)
    session.handoff_note = long_text
    return session


SAMPLES: dict[str, Callable[..., DecisionSession]] = {
    "decided": decided,
    "deferred": deferred,
    "parents_disagree": parents_disagree,
    "private_youth": private_youth,
    "largest": largest,
}


def grid_with_text(path: Path, text: str) -> tuple[OptionGrid, bytes]:
    """A copy of a grid whose first option label, first question and first source hold `text`."""
    data = json.loads(path.read_bytes())
    text = text.replace("\r\n", "\n")  # a grid file cannot hold a carriage return
    data["options"][0]["label"] = {"nl": text[:200], "en": text[:200]}
    data["questions"][0]["text"] = {"nl": text[:200], "en": text[:200]}
    data["sources"][0]["citation"] = text[:2000]
    raw = json.dumps(data).encode()
    return load_grid_bytes(raw, source_name=path.name).grid, raw


def session_with_text(grid: OptionGrid, raw: bytes, text: str, language: str = "nl") -> DecisionSession:
    """A decided session (two parents, a peer worker, earlier outcome and follow-up) where every
    free-text field a person types holds `text`, and the parents' labels hold its start."""
    session = pinned(new_session(grid, parents=2, peer_worker=True, language=language, now=NOW), grid, raw)
    _all_done(session)
    label = text.strip()[:40] or "x"
    for participant in session.participants:
        if participant.role == Role.PARENT:
            participant.label = label
    session.elements[4].skip_reason = text[:300]
    session.elements[4].status = ElementStatus.SKIPPED
    first = grid.options[0].id
    ability = {first: AbilityAnswer(confidence=6, barriers=[Barrier.MONEY], what_would_help=text)}
    session.answers = {
        pid: _answers(grid, ratings, first, ability=ability, questions=[text[:300]], notes=text)
        for pid, ratings in (("youth", [4, 1]), ("parent-1", [1, 4]), ("parent-2", [3, 3]))
    }
    session.sure = {"parent-1": SureResult(before=_sure(True, False, True, False))}
    session.recommendation = Recommendation(option_id=first, reasons=text)
    session.outcome_history = [
        Deferred(
            reason=DeferralReason.OTHER, details=text, still_needed=text, recorded_at=NOW - timedelta(days=30)
        )
    ]
    session.outcome = Decided(
        option_id=first, agree=["youth", "parent-1"], disagree=["parent-2"], recorded_at=NOW
    )
    session.follow_up_history = [
        FollowUp(
            starts_at=NOW - timedelta(days=10),
            with_whom=text[:300],
            purpose=text,
            status=FollowUpStatus.MISSED,
            outcome_note=text,
        )
    ]
    session.follow_up = FollowUp(starts_at=FOLLOW_UP_AT, with_whom=text[:300], purpose=text)
    session.handoff_note = text
    return session

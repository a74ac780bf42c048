"""Choosing the path (waiting room or everything) as a use case, and a waiting-room walk
through all nine steps whose summary reports all nine elements."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from database_fixtures import make_settings
from storage_builders import FakeClock

from sdm_aid.content.loader import load_grid
from sdm_aid.content.refs import GridRef
from sdm_aid.elements import SdmElement
from sdm_aid.render.summary import build_summary
from sdm_aid.services.clinicians import AccessLog
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions.models import DecisionSession, DeferralReason, ElementStatus, WizardPath
from sdm_aid.storage.database import Database
from sdm_aid.usecases import family
from sdm_aid.wizard import fields, paths
from sdm_aid.wizard.fields import Kind

GRID_FILE = Path(__file__).parents[2] / "option_grids" / "anxiety-youth.json"
GRID = load_grid(GRID_FILE).grid
REF = GridRef(
    id=GRID.id, version=GRID.version, content_hash=hashlib.sha256(GRID_FILE.read_bytes()).hexdigest()
)


@pytest.fixture
def service(any_database: Database, tmp_path: Path, clock: FakeClock) -> SessionService:
    return SessionService(any_database, make_settings(tmp_path), now=clock)


def start(service: SessionService, clock: FakeClock, path: WizardPath) -> DecisionSession:
    outcome = family.start(
        service,
        REF,
        language="nl",
        youth_label="Sam",
        parent_labels=[],
        peer_label="Kim",
        now=clock(),
        path=path,
    )
    assert outcome.started is not None
    return outcome.started.session


def actions(service: SessionService, session: DecisionSession) -> list[str]:
    return sorted(e.action for e in AccessLog(service.database).entries(session_id=session.id))


def test_the_path_is_chosen_at_the_start_and_switched_with_a_log_row(
    service: SessionService, clock: FakeClock
) -> None:
    session = start(service, clock, WizardPath.WAITING_ROOM)
    assert service.load(session.id).path == WizardPath.WAITING_ROOM
    session = service.save(session.model_copy(update={"current_step": "values"}))
    switched = family.choose_path(service, session, WizardPath.FULL)
    assert switched.saved and switched.session.path == WizardPath.FULL
    assert switched.session.current_step == "values"  # the family stays where it is
    assert service.load(session.id).path == WizardPath.FULL
    assert actions(service, session).count("path_chosen") == 1
    again = family.choose_path(service, switched.session, WizardPath.FULL)
    assert not again.saved and again.problem is None  # nothing changed: nothing stored
    assert actions(service, session).count("path_chosen") == 1


def test_a_switch_on_an_older_screen_is_made_on_top_of_newer_answers(
    service: SessionService, clock: FakeClock
) -> None:
    session = start(service, clock, WizardPath.WAITING_ROOM)
    other_screen = family.save_answers(service, GRID, session, {fields.leaning("youth"): "not_sure"}).session
    switched = family.choose_path(service, session, WizardPath.FULL, base=session)
    assert switched.saved and switched.merged
    stored = service.load(session.id)
    assert stored.path == WizardPath.FULL and stored.answers["youth"].leaning == "not_sure"
    assert stored.version == other_screen.version + 1


def _next(service: SessionService, session: DecisionSession, clock: FakeClock) -> DecisionSession:
    result = family.go_next(service, GRID, session, clock())
    assert result.saved and not result.missing, (session.current_step, result)
    return result.session


def test_a_waiting_room_walk_answers_only_the_short_questions_and_the_summary_has_all_nine(
    service: SessionService, clock: FakeClock
) -> None:
    session = start(service, clock, WizardPath.WAITING_ROOM)
    shown = paths.for_session(session, GRID)
    assert len(shown.considerations) < len(GRID.considerations)
    assert len(shown.understanding_checks) < len(GRID.understanding_checks)
    for _ in range(3):  # the problem, the options, the pros and cons: only reading
        session = _next(service, session, clock)
    option = GRID.options[0].id
    answers = {fields.importance("youth", c.id): 3 for c in shown.considerations}
    session = family.save_answers(
        service, GRID, session, {**answers, fields.leaning("youth"): option}
    ).session
    assert family.go_next(service, GRID, session, clock()).saved  # values: the short list is enough
    session = service.load(session.id)
    session = family.save_answers(service, GRID, session, {fields.confidence("youth", option): 7}).session
    session = _next(service, session, clock)  # ability
    session = _next(service, session, clock)  # the advice follows in the conversation
    checks = {fields.check("youth", item.id): item.correct_answer for item in shown.understanding_checks}
    session = _next(service, family.save_answers(service, GRID, session, checks).session, clock)
    later = {
        fields.MODE: fields.DECIDE_LATER,
        fields.DEFER_REASON: DeferralReason.NEED_MORE_INFORMATION.value,
    }
    session = _next(service, family.save_answers(service, GRID, session, later).session, clock)
    moment = {
        fields.follow_up_field(Kind.DAY): 12,
        fields.follow_up_field(Kind.MONTH): 3,
        fields.follow_up_field(Kind.YEAR): clock().year + 1,
        fields.follow_up_field(Kind.HOUR): 14,
        fields.follow_up_field(Kind.MINUTE): 0,
    }
    session = family.save_answers(service, GRID, session, moment).session
    session = family.plan_follow_up(service, session, clock()).session
    finished = family.go_next(service, GRID, session, clock())
    assert finished.saved and finished.finished

    stored = service.load(session.id)
    assert [p.status for p in stored.elements] == [ElementStatus.DONE] * 7 + [
        ElementStatus.DEFERRED,
        ElementStatus.DONE,
    ]
    for copy in ("family", "clinician"):
        summary = build_summary(stored, GRID, copy=copy, generated_at=clock())
        table = summary.section("elements")
        assert table is not None
        rows = [row.cells for block in table.blocks for row in getattr(block, "rows", ())]
        assert [row[0] for row in rows] == [str(element.number) for element in SdmElement]

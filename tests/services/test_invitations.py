"""Personal codes (memory fake, SQLite file, PostgreSQL): a participant invited to answer on
their own device. Same strength, keyed hash, expiry and throttle as a resume code; an expired,
taken back, removed or mistyped code gets the same generic answer; every step is logged in the
transaction that makes it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from database_fixtures import make_settings
from factories import new_session
from storage_builders import FakeClock

from sdm_aid.services.clinicians import AccessLog
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions import resume_codes
from sdm_aid.sessions.errors import SessionRuleError
from sdm_aid.sessions.models import ParticipantAnswers
from sdm_aid.storage.database import Database
from sdm_aid.storage.errors import ResumeCodeError, ResumeThrottledError, SessionNotFoundError
from sdm_aid.storage.memory import InMemoryDatabase
from sdm_aid.throttling import AttemptSource

PHONE = AttemptSource(browser="token-mama-phone", client="203.0.113.7")


@pytest.fixture
def service(any_database: Database | InMemoryDatabase, tmp_path: Path, clock: FakeClock) -> SessionService:
    settings = make_settings(tmp_path, resume_max_attempts=3, resume_max_attempts_global=50)
    return SessionService(any_database, settings, now=clock, sleep=lambda _seconds: None)


def actions(service: SessionService, session_id) -> list[str]:
    return [e.action for e in reversed(AccessLog(service.database).entries(session_id=session_id))]


def refused(service: SessionService, code: str, source: AttemptSource = PHONE) -> ResumeCodeError:
    with pytest.raises(ResumeCodeError) as caught:
        service.open_with_code(code, source=source)
    return caught.value


def test_a_personal_code_opens_only_that_participants_place(service: SessionService) -> None:
    started = service.start(new_session(parents=2))
    invited = service.invite(started.session.id, "parent-1")
    assert resume_codes.normalise(invited.code) == invited.code
    assert invited.session.participant("parent-1").own_device
    assert not invited.session.participant("parent-2").own_device
    opened = service.open_with_code(invited.code.lower().replace("-", " "), source=PHONE)
    assert opened.session.id == started.session.id and opened.participant_id == "parent-1"
    # The conversation's own code still opens everything; the personal code never does so.
    assert service.open_with_code(started.resume_code, source=PHONE).participant_id is None
    with pytest.raises(ResumeCodeError):
        service.resume(invited.code, source=PHONE)
    assert actions(service, started.session.id) == ["started", "invited", "joined", "resumed"]
    [record] = service.invitations(started.session.id)
    assert record.used_at is not None and record.revoked_at is None
    assert record.code_hash != invited.code and invited.code not in repr(record)


def test_the_code_is_stored_only_as_a_keyed_hash(database: Database) -> None:
    settings = make_settings(Path("/nonexistent"))
    service = SessionService(database, settings)
    started = service.start(new_session())
    invited = service.invite(started.session.id, "youth")
    with database.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT * FROM invitations")).mappings().all()
    assert len(rows) == 1
    dumped = " ".join(str(value) for value in rows[0].values())
    assert invited.code not in dumped and invited.code.replace("-", "") not in dumped
    assert rows[0]["code_hash"] == resume_codes.code_hash(
        invited.code, settings.secret_key, resume_codes.PERSONAL
    )


def test_inviting_again_replaces_the_earlier_code(service: SessionService) -> None:
    started = service.start(new_session())
    first = service.invite(started.session.id, "parent-1")
    second = service.invite(started.session.id, "parent-1")
    assert first.code != second.code
    assert refused(service, first.code).MESSAGE == ResumeCodeError.MESSAGE
    assert service.open_with_code(second.code, source=PHONE).participant_id == "parent-1"


def test_a_taken_back_expired_removed_or_mistyped_code_gets_the_same_answer(
    service: SessionService, clock: FakeClock
) -> None:
    started = service.start(new_session(parents=2))
    sid = started.session.id
    revoked = service.invite(sid, "youth")
    back = service.revoke_invitation(sid, "youth")
    assert not back.participant("youth").own_device
    expired = service.invite(sid, "parent-1")
    removed = service.invite(sid, "parent-2")
    service.remove_participant(sid, "parent-2", now=clock())
    clock.advance(days=service.settings.resume_code_days, seconds=1)
    mistyped = expired.code[:-1] + ("2" if expired.code[-1] != "2" else "3")
    answers = {
        type(refused(service, code, AttemptSource(browser=f"b{n}"))).__name__
        for n, code in enumerate((revoked.code, expired.code, removed.code, mistyped, "not a code"))
    }
    assert answers == {"ResumeCodeError"}  # one generic message for all of them


def test_wrong_personal_and_resume_codes_share_one_throttle(service: SessionService) -> None:
    started = service.start(new_session())
    invited = service.invite(started.session.id, "parent-1")
    waits = [refused(service, "AAAA-AAAA").wait for _ in range(3)]
    assert waits[-1] > timedelta(0)  # the third wrong code (either kind) earns a wait
    with pytest.raises(ResumeThrottledError):  # while it runs, not even a right code is checked
        service.open_with_code(invited.code, source=PHONE)
    other = AttemptSource(browser="token-papa-phone", client="203.0.113.7")
    assert service.open_with_code(invited.code, source=other).participant_id == "parent-1"


def test_only_the_young_person_and_parents_taking_part_can_be_invited(service: SessionService) -> None:
    started = service.start(new_session(parents=1, peer_worker=True))
    with pytest.raises(SessionRuleError):
        service.invite(started.session.id, "peer")
    with pytest.raises(SessionRuleError):
        service.invite(started.session.id, "nobody")
    assert actions(service, started.session.id) == ["started"]  # refused: nothing stored, nothing logged
    assert service.invitations(started.session.id) == []


def test_removing_a_parent_keeps_their_answers_and_stops_their_code(
    service: SessionService, clock: FakeClock
) -> None:
    started = service.start(new_session(parents=2))
    invited = service.invite(started.session.id, "parent-2")
    latest = service.load(started.session.id)
    latest.answers = {"parent-2": ParticipantAnswers(leaning="talking", notes="Mijn zorgen")}
    service.save(latest)
    after = service.remove_participant(started.session.id, "parent-2", now=clock())
    assert after.answers["parent-2"].notes == "Mijn zorgen"
    assert [p.id for p in after.family] == ["youth", "parent-1"]
    assert after.participant("parent-2").removed_at == clock()
    refused(service, invited.code)
    assert actions(service, started.session.id)[-1] == "participant_removed"


def test_erasing_a_session_removes_its_personal_codes(service: SessionService) -> None:
    started = service.start(new_session())
    invited = service.invite(started.session.id, "youth")
    service.erase(started.session.id)
    assert service.invitations(started.session.id) == []
    refused(service, invited.code)
    with pytest.raises(SessionNotFoundError):
        service.invite(started.session.id, "youth")

"""The session service contract, on the in-memory fake, a SQLite file and PostgreSQL."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from factories import new_session
from storage_builders import FakeClock, filled_session, with_follow_up

from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions.export import import_document
from sdm_aid.sessions.models import Decided, DeferralReason, Deferred, FollowUpStatus
from sdm_aid.sessions.status import SessionStatus
from sdm_aid.storage.errors import ResumeCodeError, SessionNotFoundError, StaleSessionError
from sdm_aid.throttling import AttemptSource


def test_start_stores_version_one_with_a_code(service: SessionService) -> None:
    started = service.start(new_session())
    assert started.session.version == 1
    assert service.load(started.session.id) == started.session
    assert started.resume_code not in repr(started)


def test_save_raises_the_version_and_sets_updated_at(service: SessionService, clock: FakeClock) -> None:
    session = service.start(new_session()).session
    clock.advance(minutes=5)
    session.handoff_note = "second"
    saved = service.save(session)
    assert (saved.version, saved.updated_at, saved.handoff_note) == (2, clock.now, "second")
    assert service.load(session.id) == saved


def test_a_stale_save_is_refused_and_changes_nothing(service: SessionService) -> None:
    first = service.start(new_session()).session
    tablet, laptop = first.model_copy(deep=True), first.model_copy(deep=True)
    tablet.handoff_note = "from the tablet"
    service.save(tablet)
    laptop.handoff_note = "from the laptop"
    with pytest.raises(StaleSessionError, match="Someone else saved this session"):
        service.save(laptop)
    assert service.load(first.id).handoff_note == "from the tablet"


def test_a_retried_save_is_not_a_duplicate_or_a_conflict(service: SessionService, clock: FakeClock) -> None:
    session = service.start(new_session()).session
    session.handoff_note = "once"
    stored = service.save(session)
    clock.advance(seconds=3)
    again = service.save(session)  # the same save from the same base: the first answer was lost
    assert again == stored
    assert service.load(session.id).version == 2


def test_save_of_an_unknown_session(service: SessionService) -> None:
    with pytest.raises(SessionNotFoundError):
        service.save(new_session().model_copy(update={"version": 1}))
    with pytest.raises(SessionNotFoundError):
        service.load(uuid.uuid4())


def test_start_twice_with_other_content_is_refused(service: SessionService) -> None:
    session = new_session()
    first = service.start(session)
    retry = service.start(session)
    assert retry.session == first.session and retry.resume_code != first.resume_code
    with pytest.raises(ResumeCodeError):
        service.resume(first.resume_code, source=AttemptSource("tablet"))  # replaced by the retry's code
    changed = session.model_copy(update={"handoff_note": "changed"})
    with pytest.raises(StaleSessionError):
        service.start(changed)


@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{nodash}", " {spaced} ", "{lower_nodash}"])
def test_resume_accepts_how_people_type_codes(service: SessionService, typed: str) -> None:
    started = service.start(new_session())
    code = started.resume_code
    variants = {
        "code": code,
        "lower": code.lower(),
        "nodash": code.replace("-", ""),
        "spaced": " ".join(code.replace("-", "")),
        "lower_nodash": code.lower().replace("-", ""),
    }
    resumed = service.resume(typed.format(**variants), source=AttemptSource("tablet-1"))
    assert resumed == started.session


def test_resume_codes_expire(service: SessionService, clock: FakeClock) -> None:
    started = service.start(new_session())
    clock.advance(days=29, hours=23)
    assert service.resume(started.resume_code, source=AttemptSource("a")).id == started.session.id
    clock.advance(hours=2)
    with pytest.raises(ResumeCodeError, match=r"^Unknown or expired code\.$"):
        service.resume(started.resume_code, source=AttemptSource("a"))


def test_every_failure_has_the_same_message(service: SessionService, clock: FakeClock) -> None:
    started = service.start(new_session())
    messages = set()
    for typed in ["ZZZZ-ZZZZ", "not a code", "", "0000-1111", "K7QM-4RZP-EXTRA"]:
        with pytest.raises(ResumeCodeError) as caught:
            service.resume(typed, source=AttemptSource(f"client-{typed}"))
        messages.add(str(caught.value))
    clock.advance(days=31)
    with pytest.raises(ResumeCodeError) as caught:
        service.resume(started.resume_code, source=AttemptSource("someone"))
    messages.add(str(caught.value))
    assert messages == {"Unknown or expired code."}


def test_a_new_code_replaces_the_old_one(service: SessionService) -> None:
    started = service.start(new_session())
    fresh = service.new_resume_code(started.session.id)
    assert fresh != started.resume_code
    assert service.resume(fresh, source=AttemptSource("x")).id == started.session.id
    with pytest.raises(ResumeCodeError):
        service.resume(started.resume_code, source=AttemptSource("x"))
    with pytest.raises(SessionNotFoundError):
        service.new_resume_code(uuid.uuid4())


def _store(service: SessionService, clock: FakeClock, **changes: object) -> uuid.UUID:
    session = new_session(now=clock.now)
    for name, value in changes.items():
        setattr(session, name, value)
    return service.start(session).session.id


def test_list_filters_orders_and_counts(service: SessionService, clock: FakeClock) -> None:
    now = clock.now
    ids = {}
    ids["draft"] = _store(service, clock)
    clock.advance(hours=1)
    ids["decided"] = _store(service, clock, outcome=Decided(option_id="talking", recorded_at=now))
    clock.advance(hours=1)
    deferred = Deferred(reason=DeferralReason.NOT_READY, recorded_at=now)
    session = with_follow_up(new_session(now=clock.now), now + timedelta(days=3))
    session.outcome = deferred
    ids["due"] = service.start(session).session.id
    clock.advance(hours=1)
    session = with_follow_up(new_session(now=clock.now), now + timedelta(days=20))
    session.outcome = deferred
    ids["later"] = service.start(session).session.id
    clock.advance(hours=1)
    session = with_follow_up(new_session(now=clock.now), now + timedelta(hours=1))
    ids["overdue"] = service.start(session).session.id
    clock.advance(days=1)  # now the last follow-up lies in the past

    everything = service.list_sessions()
    assert everything.total == 5
    assert [row.id for row in everything.rows] == [
        ids["overdue"],
        ids["later"],
        ids["due"],
        ids["decided"],
        ids["draft"],
    ]
    assert {row.id for row in service.list_sessions(status="deferred").rows} == {ids["due"], ids["later"]}
    assert [row.id for row in service.list_sessions(status=SessionStatus.DECIDED).rows] == [ids["decided"]]
    assert [row.id for row in service.list_sessions(status="in-progress", order="created").rows] == [
        ids["draft"],
        ids["overdue"],
    ]
    assert [row.id for row in service.list_sessions(follow_up="overdue").rows] == [ids["overdue"]]
    assert [row.id for row in service.list_sessions(follow_up="due").rows] == [ids["due"]]
    assert [row.id for row in service.list_sessions(follow_up="upcoming").rows] == [ids["later"]]
    assert service.list_sessions(grid_id="no-such-grid").total == 0
    window = service.list_sessions(
        changed_from=now + timedelta(minutes=30), changed_to=now + timedelta(hours=2)
    )
    assert [row.id for row in window.rows] == [ids["decided"]]

    page = service.list_sessions(order="-created", limit=2, offset=2)
    assert page.total == 5 and [row.id for row in page.rows] == [ids["due"], ids["decided"]]
    by_follow_up = service.list_sessions(order="follow_up").rows
    assert [row.id for row in by_follow_up[:3]] == [ids["overdue"], ids["due"], ids["later"]]


def test_list_rows_hold_no_text_or_codes(service: SessionService) -> None:
    session = new_session()
    session.handoff_note = "SECRET-NOTE"
    started = service.start(session)
    row = service.list_sessions().rows[0]
    text = repr(row) + repr(row.as_json())
    assert "SECRET-NOTE" not in text and started.resume_code not in text


def test_list_rejects_bad_arguments(service: SessionService) -> None:
    with pytest.raises(ValueError, match="in-progress, decided or deferred"):
        service.list_sessions(status="finished")
    with pytest.raises(ValueError, match="due, overdue or upcoming"):
        service.list_sessions(follow_up="soon")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        service.list_sessions(limit=0)
    with pytest.raises(ValueError):
        service.list_sessions(order="sideways")


def test_follow_up_queries(service: SessionService, clock: FakeClock) -> None:
    now = clock.now
    at = {
        "overdue": now - timedelta(days=2),
        "today": now + timedelta(hours=3),
        "in_six_days": now + timedelta(days=6),
        "in_ten_days": now + timedelta(days=10),
    }
    ids = {
        name: service.start(with_follow_up(new_session(now=now), when)).session.id
        for name, when in at.items()
    }
    done = with_follow_up(new_session(now=now), now - timedelta(days=1))
    done.follow_up.status = FollowUpStatus.DONE
    service.start(done)

    assert [r.session_id for r in service.follow_ups("overdue")] == [ids["overdue"]]
    assert [r.session_id for r in service.follow_ups("due")] == [ids["today"], ids["in_six_days"]]
    assert [r.session_id for r in service.follow_ups("upcoming", days=30)] == [
        ids["today"],
        ids["in_six_days"],
        ids["in_ten_days"],
    ]
    later = now + timedelta(days=7)
    assert [r.session_id for r in service.follow_ups("overdue", now=later)] == [
        ids["overdue"],
        ids["today"],
        ids["in_six_days"],
    ]
    row = service.follow_ups("due")[0]
    assert row.follow_up_at == at["today"] and row.follow_up_at.tzinfo is not None
    assert [r.state for r in service.follow_ups("upcoming", days=30)] == ["due", "due", "upcoming"]
    assert service.follow_ups("overdue")[0].state == "overdue"
    with pytest.raises(ValueError):
        service.follow_ups("soon")  # type: ignore[arg-type]


def test_lists_are_fresh_after_save_and_erase(service: SessionService) -> None:
    session = service.start(new_session()).session
    assert service.list_sessions(status="in-progress").total == 1
    session.outcome = Decided(option_id="pills", recorded_at=session.created_at)
    service.save(session)
    assert service.list_sessions(status="in-progress").total == 0
    assert service.list_sessions(status="decided").total == 1
    service.erase(session.id)
    assert service.list_sessions().total == 0


def test_erase_invalidates_the_code(service: SessionService) -> None:
    started = service.start(new_session())
    service.erase(started.session.id, by="cli")
    with pytest.raises(ResumeCodeError):
        service.resume(started.resume_code, source=AttemptSource("x"))
    with pytest.raises(SessionNotFoundError):
        service.load(started.session.id)
    with pytest.raises(SessionNotFoundError):
        service.erase(started.session.id)


def test_purge_removes_only_stale_drafts(service: SessionService, clock: FakeClock) -> None:
    old_draft = _store(service, clock)
    old_decided = _store(service, clock, outcome=Decided(option_id="wait", recorded_at=clock.now))
    clock.advance(days=20)
    fresh_draft = _store(service, clock)
    clock.advance(days=11)
    assert service.purge_drafts(timedelta(days=30)) == 1
    remaining = {row.id for row in service.list_sessions().rows}
    assert remaining == {old_decided, fresh_draft}
    assert old_draft not in remaining
    with pytest.raises(ValueError):
        service.purge_drafts(timedelta(0))


def test_add_many_keeps_dates_and_counts(service: SessionService, clock: FakeClock) -> None:
    sessions = [new_session(now=clock.now - timedelta(days=n)) for n in range(7)]
    assert service.add_many(sessions, batch_size=3) == 7
    page = service.list_sessions(order="created", limit=10)
    assert page.total == 7 and page.rows[0].created_at == clock.now - timedelta(days=6)
    assert service.load(sessions[0].id).version == 1


def test_export_holds_one_session_and_nothing_of_another(service: SessionService, clock: FakeClock) -> None:
    mine = service.start(filled_session("MINE-ONLY"))
    other = service.start(filled_session("OTHER-FAMILY"))
    for handle in (str(mine.session.id), mine.resume_code.lower()):
        document = service.export(handle)
        text = json.dumps(document)
        assert document["format"] == "sdm-aid-session" and document["format_version"] == 1
        assert import_document(document) == mine.session
        assert "MINE-ONLY" in text
        assert "OTHER-FAMILY" not in text and str(other.session.id) not in text
        assert mine.resume_code not in text
    with pytest.raises(ResumeCodeError):
        service.export("ZZZZ-ZZZZ")
    with pytest.raises(SessionNotFoundError):
        service.export(str(uuid.uuid4()))


def test_follow_ups_stream_in_keyset_pages_with_the_same_rows(
    service: SessionService, clock: FakeClock
) -> None:
    now = clock.now
    # Ties on purpose: several follow-ups at the same moment must be neither lost nor repeated
    # where a page ends between them.
    moments = [now + timedelta(hours=1 + (i // 3)) for i in range(17)] + [now - timedelta(days=1)]
    sessions = [with_follow_up(new_session(now=now), when) for when in moments]
    service.add_many(sessions)
    for kind, days in (("due", 7), ("overdue", 7), ("upcoming", 30)):
        expected = service.follow_ups(kind, days=days)
        for first_page, page_size in ((1, 1), (2, 3), (5, 4), (50, 1000)):
            streamed = list(
                service.iter_follow_ups(kind, days=days, first_page=first_page, page_size=page_size)
            )
            assert streamed == expected, (kind, first_page, page_size)
    assert len(service.follow_ups("due")) == 17
    assert [r.session_id for r in service.iter_follow_ups("overdue")] == [sessions[-1].id]
    with pytest.raises(ValueError):
        next(service.iter_follow_ups("soon"))  # type: ignore[arg-type]

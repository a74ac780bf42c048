"""Wrong resume codes, with the state in the database (memory fake, SQLite file, PostgreSQL):
a browser's own wrong codes make only that browser wait, with the time named; nobody else's
make a family with the right code wait; a flood only slows answers down; every answer costs
the same work; and every server process of an installation counts together."""

from __future__ import annotations

import statistics
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from database_fixtures import make_settings
from factories import new_session
from storage_builders import FakeClock

from sdm_aid.services.sessions import SessionService
from sdm_aid.storage.database import Database
from sdm_aid.storage.errors import ResumeCodeError, ResumeThrottledError
from sdm_aid.storage.memory import InMemoryDatabase
from sdm_aid.throttling import AttemptSource

WRONG = "AAAA-AAAA"
S = timedelta(seconds=1)


@pytest.fixture
def resume_service(
    any_database: Database | InMemoryDatabase, tmp_path: Path, clock: FakeClock, sleeps: list[float]
) -> SessionService:
    settings = make_settings(tmp_path, resume_max_attempts=5, resume_max_attempts_global=20)
    return SessionService(any_database, settings, now=clock, sleep=sleeps.append)


def browser(name: str, address: str | None = None) -> AttemptSource:
    return AttemptSource(browser=f"token-{name}", client=address)


def wrong(service: SessionService, source: AttemptSource, code: str = WRONG) -> ResumeCodeError:
    with pytest.raises(ResumeCodeError) as caught:
        service.resume(code, source=source)
    return caught.value


def test_five_wrong_codes_on_one_browser_do_not_stop_another_family(resume_service: SessionService) -> None:
    service = resume_service
    family = service.start(new_session())
    typos = browser("tablet-1", "10.0.0.7")
    waits = [wrong(service, typos).wait for _ in range(5)]
    assert waits == [timedelta(0)] * 4 + [15 * S]  # the fifth wrong code earns a wait, named
    # Another browser -- also one behind the same address -- with the right code gets in.
    assert service.resume(family.resume_code, source=browser("tablet-2", "10.0.0.7")).id == family.session.id
    assert service.resume(family.resume_code, source=browser("home")).id == family.session.id


def test_the_own_wait_doubles_and_is_not_checked_until_it_is_over(
    resume_service: SessionService, clock: FakeClock
) -> None:
    service = resume_service
    family = service.start(new_session())
    mine = browser("tablet")
    for _ in range(5):
        wrong(service, mine)
    clock.advance(seconds=5)
    refused = wrong(service, mine, family.resume_code)  # even the right code: not checked yet
    assert isinstance(refused, ResumeThrottledError) and refused.wait == 10 * S
    clock.advance(seconds=5)
    again = wrong(service, mine)  # refused, unchecked: the wait does not grow because of it
    assert isinstance(again, ResumeThrottledError) and again.wait == 5 * S
    clock.advance(seconds=5)
    assert wrong(service, mine).wait == 30 * S  # the sixth wrong code: twice as long
    clock.advance(seconds=30)
    assert service.resume(family.resume_code, source=mine).id == family.session.id
    # Right at last: this browser's mistakes are forgiven.
    assert wrong(service, mine).wait == timedelta(0)


def test_waits_end_with_the_window(resume_service: SessionService, clock: FakeClock) -> None:
    service = resume_service
    mine = browser("tablet")
    waits = []
    for _ in range(12):
        error = wrong(service, mine)
        waits.append(error.wait)
        clock.advance(seconds=error.wait.total_seconds())
    # It grows from 15 seconds, and never beyond the window (older wrong codes drop out of it).
    assert waits[4:8] == [15 * S, 30 * S, 60 * S, 120 * S]
    assert timedelta(minutes=4) <= max(waits) <= timedelta(minutes=15)
    clock.advance(minutes=15)
    assert wrong(service, mine).wait == timedelta(0)


def test_a_flood_of_wrong_codes_slows_every_answer_but_a_right_code_still_works(
    resume_service: SessionService, sleeps: list[float]
) -> None:
    service = resume_service
    family = service.start(new_session())
    for n in range(40):  # twice the installation's budget of 20, each from a fresh browser
        wrong(service, browser(f"guesser-{n}"))
    assert sleeps == [2.0] * 20  # the answers past the budget, and only those, took longer
    sleeps.clear()
    assert service.resume(family.resume_code, source=browser("family")).id == family.session.id
    assert sleeps == [4.0]  # slower, never refused


def test_one_address_full_of_wrong_codes_slows_only_that_address(
    resume_service: SessionService, sleeps: list[float]
) -> None:
    service = resume_service
    family = service.start(new_session())
    for n in range(19):  # under the installation's budget, but over the address's (4 x 5)
        wrong(service, browser(f"g{n}", "10.0.0.66"))
    sleeps.clear()
    wrong(service, browser("another-guess", "10.0.0.66"))
    assert service.resume(family.resume_code, source=browser("neighbour", "10.0.0.66")).id
    assert service.resume(family.resume_code, source=browser("elsewhere", "10.0.0.8")).id
    assert sleeps == [2.0, 2.0]  # both answers on that address took 2 s longer; elsewhere: none


def test_every_server_process_counts_together(database: Database, tmp_path: Path, clock: FakeClock) -> None:
    settings = make_settings(tmp_path, resume_max_attempts=5)
    first, second = (SessionService(database, settings, now=clock, sleep=lambda _: None) for _ in range(2))
    family = first.start(new_session())
    mine = browser("tablet")
    for service in (first, second, first, second):
        wrong(service, mine)
    assert wrong(second, mine).wait == 15 * S
    assert isinstance(wrong(first, mine, family.resume_code), ResumeThrottledError)


def _statements(database: Database, action) -> list[str]:
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append(" ".join(statement.split()))

    sa.event.listen(database.engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        sa.event.remove(database.engine, "before_cursor_execute", record)
    return seen


def test_a_refused_answer_does_the_same_database_work_as_a_checked_one(
    database: Database, tmp_path: Path, clock: FakeClock
) -> None:
    service = SessionService(database, make_settings(tmp_path), now=clock, sleep=lambda _: None)
    family = service.start(new_session())
    checked = _statements(database, lambda: wrong(service, browser("a")))
    for _ in range(5):
        wrong(service, browser("b"))
    refused = _statements(database, lambda: wrong(service, browser("b"), family.resume_code))
    assert refused == checked
    assert any(s.startswith("INSERT INTO throttle_attempts") for s in checked)
    assert any("FROM resume_codes" in s for s in checked)


def test_a_refused_answer_takes_as_long_as_a_checked_one(database: Database, tmp_path: Path) -> None:
    """The old code answered a throttled try about five times faster (it skipped the lookup
    and the write): the timing told a guesser which tries were checked. Medians of many
    answers, measured together, with a wide margin for a busy machine."""
    service = SessionService(database, make_settings(tmp_path), sleep=lambda _: None)
    family = service.start(new_session())
    blocked = browser("blocked")
    for _ in range(5):
        wrong(service, blocked)

    def seconds(source: AttemptSource, code: str) -> float:
        started = time.perf_counter()
        with pytest.raises(ResumeCodeError):
            service.resume(code, source=source)
        return time.perf_counter() - started

    checked, refused = [], []
    for n in range(40):
        checked.append(seconds(browser(f"fresh-{n}"), WRONG))
        refused.append(seconds(blocked, family.resume_code))
    ratio = statistics.median(refused) / statistics.median(checked)
    assert 0.5 < ratio < 2.0, (statistics.median(refused), statistics.median(checked))


def test_nothing_of_the_source_is_stored(database: Database, tmp_path: Path, clock: FakeClock) -> None:
    service = SessionService(database, make_settings(tmp_path), now=clock, sleep=lambda _: None)
    wrong(service, AttemptSource(browser="SECRET-TOKEN-1", client="192.0.2.77"))
    with database.engine.connect() as connection:
        rows = [
            tuple(map(str, row)) for row in connection.execute(sa.text("SELECT * FROM throttle_attempts"))
        ]
    assert len(rows) == 1
    assert not any("SECRET-TOKEN" in value or "192.0.2.77" in value for value in rows[0])

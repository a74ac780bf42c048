"""Many writers at once: 16 threads x 100 acknowledged saves through the service layer."""

from __future__ import annotations

import threading

from factories import new_session

from sdm_aid.config import Settings
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions.models import ParticipantAnswers
from sdm_aid.storage.database import Database
from sdm_aid.storage.errors import StaleSessionError

THREADS = 16
SAVES_PER_THREAD = 100
THREADS_PER_SESSION = 2  # pairs of writers share a session, so conflicts happen too


def test_sixteen_threads_a_hundred_saves_each(database: Database, settings: Settings) -> None:
    service = SessionService(database, settings)
    session_ids = [service.start(new_session()).session.id for _ in range(THREADS // THREADS_PER_SESSION)]
    acknowledged: dict[int, list[str]] = {n: [] for n in range(THREADS)}
    errors: list[BaseException] = []
    conflicts = [0] * THREADS
    start = threading.Barrier(THREADS)

    def writer(n: int) -> None:
        session_id = session_ids[n // THREADS_PER_SESSION]
        start.wait()
        try:
            session = service.load(session_id)
            while len(acknowledged[n]) < SAVES_PER_THREAD:
                key = f"t{n}-{len(acknowledged[n])}"
                answers = session.answers.setdefault("youth", ParticipantAnswers())
                answers.importance[key] = n % 5
                try:
                    session = service.save(session)
                except StaleSessionError:  # the other writer of this session was first: reload, retry
                    conflicts[n] += 1
                    session = service.load(session_id)
                    continue
                acknowledged[n].append(key)
        except BaseException as error:  # anything else (e.g. "database is locked") fails the test
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    for index, session_id in enumerate(session_ids):
        stored = service.load(session_id)
        writers = range(index * THREADS_PER_SESSION, (index + 1) * THREADS_PER_SESSION)
        expected = {key for n in writers for key in acknowledged[n]}
        assert set(stored.answers["youth"].importance) == expected  # every acknowledged save present
        assert stored.version == 1 + len(expected)  # and none stored twice
    assert all(len(keys) == SAVES_PER_THREAD for keys in acknowledged.values())

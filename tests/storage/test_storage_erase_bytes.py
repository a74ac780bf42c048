"""An erased session leaves no bytes behind in the SQLite files (database, write-ahead log)
while the server keeps running, and an open screen can tell that it was erased."""

from __future__ import annotations

from pathlib import Path

import pytest
from database_fixtures import make_settings, sqlite_database
from storage_builders import FakeClock, filled_session

from sdm_aid.services.sessions import SessionService
from sdm_aid.storage.database import Database

CANARY = "ERASE-ME-4c1d8a"


def _file_bytes(database: Database) -> bytes:
    path = Path(database.location)
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def test_erased_text_is_gone_from_the_database_and_its_log_files(tmp_path: Path, clock: FakeClock) -> None:
    database = sqlite_database(tmp_path / "sdm_aid.sqlite3")
    try:
        service = SessionService(database, make_settings(tmp_path), now=clock)
        erased = service.start(filled_session(CANARY)).session
        kept = service.start(filled_session("another family")).session
        for round_ in range(5):  # several versions of the text, as save-as-you-go writes them
            clock.advance(seconds=3)
            erased = service.save(erased.model_copy(update={"handoff_note": f"{CANARY} {round_}"}))
        # The server keeps a connection open all the time (as the app does).
        with database.engine.connect() as reader:
            reader.exec_driver_sql("SELECT count(*) FROM sessions").scalar()
        assert CANARY.encode() in _file_bytes(database)

        service.erase(erased.id, by="test")

        assert CANARY.encode() not in _file_bytes(database)
        assert b"another family" in _file_bytes(database)  # the other family's session is untouched
        assert service.load(kept.id) == kept
    finally:
        database.dispose()


def test_stored_version_tells_an_open_screen_that_its_session_was_erased(
    any_database: Database, tmp_path: Path, clock: FakeClock
) -> None:
    service = SessionService(any_database, make_settings(tmp_path), now=clock)
    session = service.start(filled_session("x")).session
    assert service.stored_version(session.id) == 1
    service.save(session)
    assert service.stored_version(session.id) == 2
    service.erase(session.id)
    assert service.stored_version(session.id) is None


@pytest.mark.parametrize("pending", ["x" * 2500, "Nog niet af"])
def test_a_session_with_pending_text_saves_and_loads(
    any_database: Database, tmp_path: Path, clock: FakeClock, pending: str
) -> None:
    service = SessionService(any_database, make_settings(tmp_path), now=clock)
    session = service.start(filled_session("x")).session
    saved = service.save(session.model_copy(update={"pending": {"helps.youth.talking": pending}}))
    assert service.load(saved.id).pending == {"helps.youth.talking": pending}

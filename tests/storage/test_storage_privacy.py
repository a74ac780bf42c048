"""Erasure leaves nothing behind; nothing typed, and no code, ever reaches a log."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from database_fixtures import make_settings, sqlite_database
from storage_builders import FakeClock, filled_session

from sdm_aid.services.clinicians import AccessLog
from sdm_aid.services.sessions import SessionService
from sdm_aid.storage.database import Database
from sdm_aid.storage.errors import DatabaseUnavailableError, ResumeCodeError, StaleSessionError
from sdm_aid.throttling import AttemptSource

CANARY = "CANARY-7f3e9b"


def _rows_mentioning(database: Database, session_id) -> dict[str, list[tuple]]:
    """Every row, in every table of the database, that holds the id in any form."""
    forms = {str(session_id), session_id.hex}
    found: dict[str, list[tuple]] = {}
    with database.engine.connect() as connection:
        for name in sa.inspect(connection).get_table_names():
            table = sa.Table(name, sa.MetaData(), autoload_with=connection)
            for row in connection.execute(sa.select(table)):
                if any(form in str(value) for value in row for form in forms):
                    found.setdefault(name, []).append(tuple(row))
    return found


def test_erasure_leaves_no_row_behind(database: Database, tmp_path: Path, clock: FakeClock) -> None:
    service = SessionService(database, make_settings(tmp_path), now=clock)
    log = AccessLog(database, now=clock)
    erased = service.start(filled_session(CANARY)).session
    kept = service.start(filled_session("other family")).session
    code = service.new_resume_code(erased.id)
    service.resume(code, source=AttemptSource("tablet"))
    with pytest.raises(ResumeCodeError):
        service.resume("WRNG-CODE", source=AttemptSource("tablet"))
    service.save(erased)
    for action in ("opened", "printed", "exported"):
        log.record("dr.jansen", erased.id, action)
        log.record("dr.jansen", kept.id, action)
    assert set(_rows_mentioning(database, erased.id)) >= {"sessions", "resume_codes", "access_log"}

    service.erase(erased.id, by="dr.jansen")

    left = _rows_mentioning(database, erased.id)
    assert list(left) == ["access_log"]
    [entry] = log.entries(session_id=erased.id)
    assert (entry.action, entry.username, entry.session_id) == ("erased", "dr.jansen", erased.id)
    with pytest.raises(ResumeCodeError):
        service.resume(code, source=AttemptSource("another"))
    assert service.load(kept.id) == kept
    assert sorted(e.action for e in log.entries(session_id=kept.id)) == [
        "exported",
        "opened",
        "printed",
        "started",
    ]
    if database.backend == "sqlite":  # nothing of the canary survives in the file's live pages either
        with sqlite3.connect(database.location) as raw:
            documents = [row[0] for row in raw.execute("SELECT document FROM sessions")]
        assert all(CANARY not in document for document in documents)


def test_a_canary_typed_everywhere_never_reaches_a_log(
    database: Database, tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # everything, including SQLAlchemy's engine and pool loggers
    for name in ("sqlalchemy", "sqlalchemy.engine", "sqlalchemy.pool", "alembic", "psycopg"):
        caplog.set_level(logging.DEBUG, logger=name)
    service = SessionService(database, make_settings(tmp_path), now=clock)
    session = filled_session(CANARY)
    assert CANARY in session.model_dump_json()
    started = service.start(session)
    codes = [started.resume_code]
    saved = service.save(started.session)
    with pytest.raises(StaleSessionError):
        service.save(started.session.model_copy(update={"handoff_note": f"stale {CANARY}"}))
    codes.append(service.new_resume_code(saved.id))
    service.resume(codes[-1].lower(), source=AttemptSource(f"client {CANARY}"))
    with pytest.raises(ResumeCodeError):
        service.resume(codes[0], source=AttemptSource(f"client {CANARY}"))
    service.load(saved.id)
    service.list_sessions()
    service.follow_ups("due")
    service.find(str(saved.id))
    AccessLog(database, now=clock).record("dr.jansen", saved.id, "opened")
    if database.backend == "sqlite":
        impatient = SessionService(
            sqlite_database(Path(database.location), busy_timeout=0.2), service.settings
        )
        blocker = sqlite3.connect(database.location, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseUnavailableError):
            impatient.save(saved.model_copy(update={"handoff_note": CANARY}))
        blocker.rollback()
        blocker.close()
        service.backup(tmp_path / "backup.sqlite3")
    service.erase(saved.id)

    assert any(record.name.startswith("sqlalchemy") for record in caplog.records)  # logging was on
    assert any(str(saved.id) in record.getMessage() for record in caplog.records)  # ids are logged
    logged = caplog.text + "\n".join(record.getMessage() for record in caplog.records)
    assert CANARY not in logged
    for code in codes:
        assert code not in logged and code.replace("-", "") not in logged

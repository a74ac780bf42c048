"""A SQLite database that is locked, read-only, full or gone: a clear DatabaseUnavailableError,
nothing acknowledged lost. And backups."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from database_fixtures import make_settings, sqlite_database
from factories import new_session

from sdm_aid.services.sessions import SessionService
from sdm_aid.storage.database import Database, _sqlite_engine, open_database
from sdm_aid.storage.errors import DatabaseUnavailableError, StorageError


def _service(path: Path, **options: float) -> SessionService:
    return SessionService(sqlite_database(path, **options), make_settings(path.parent))


def _two_acknowledged_saves(service: SessionService):
    session = service.start(new_session()).session
    session.handoff_note = "acknowledged"
    return service.save(session)


def test_a_lock_held_past_the_timeout(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    service = _service(path, busy_timeout=0.3)
    saved = _two_acknowledged_saves(service)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    try:
        attempt = saved.model_copy(update={"handoff_note": "not saved"})
        with pytest.raises(DatabaseUnavailableError, match=r"busy.*Nothing was saved"):
            service.save(attempt)
        with pytest.raises(DatabaseUnavailableError, match="Nothing was saved"):
            service.start(new_session())
    finally:
        other.rollback()
        other.close()
    assert service.load(saved.id) == saved
    assert service.save(attempt).version == 3  # the same save works once the lock is gone


def test_a_read_only_database(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    service = _service(path)
    saved = _two_acknowledged_saves(service)
    service.database.dispose()
    if os.geteuid() != 0:
        path.chmod(0o444)
        read_only = sqlite_database(path)
    else:  # root ignores file modes; open the file read-only the way SQLite sees such a file
        read_only = Database(_sqlite_engine(path, 1.0, mode="ro"), "sqlite", str(path), 1.0)
    try:
        reader = SessionService(read_only, make_settings(tmp_path))
        assert reader.load(saved.id) == saved  # reading still works
        with pytest.raises(DatabaseUnavailableError, match=r"read-only.*Nothing was saved"):
            reader.save(saved.model_copy(update={"handoff_note": "lost?"}))
    finally:
        read_only.dispose()
        path.chmod(0o644)
    assert _service(path).load(saved.id) == saved


def test_a_database_file_that_was_moved_away(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    service = _service(path)
    saved = _two_acknowledged_saves(service)
    aside = tmp_path / "aside"
    aside.mkdir()
    moved = [p for p in tmp_path.glob("db.sqlite3*")]
    for file in moved:
        file.rename(aside / file.name)
    with pytest.raises(DatabaseUnavailableError, match=r"cannot be opened.*db\.sqlite3.*Nothing was saved"):
        service.save(saved.model_copy(update={"handoff_note": "lost?"}))
    with pytest.raises(DatabaseUnavailableError):
        service.load(saved.id)
    assert not path.exists()  # never silently re-created as an empty database
    for file in moved:
        (aside / file.name).rename(file)
    assert service.load(saved.id) == saved


def test_a_full_disk(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    service = _service(path)
    saved = _two_acknowledged_saves(service)

    @sa.event.listens_for(service.database.engine, "connect")
    def _no_room(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        (pages,) = dbapi_connection.execute("PRAGMA page_count").fetchone()
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")  # SQLite reports SQLITE_FULL

    service.database.engine.dispose()  # new connections, with the limit
    with pytest.raises(DatabaseUnavailableError, match=r"full.*Nothing was saved"):
        for n in range(50):
            service.start(new_session().model_copy(update={"handoff_note": f"{n}" + "y" * 1990}))
    sa.event.remove(service.database.engine, "connect", _no_room)
    service.database.engine.dispose()
    assert service.load(saved.id) == saved


def test_a_missing_folder_or_memory_url_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailableError, match="folder for the database does not exist"):
        open_database(f"sqlite:///{tmp_path}/missing/db.sqlite3")
    with pytest.raises(StorageError, match="never :memory:"):
        open_database("sqlite:///:memory:")


def test_backup_is_a_consistent_copy_taken_while_writing(tmp_path: Path) -> None:
    service = _service(tmp_path / "live.sqlite3")
    saved = _two_acknowledged_saves(service)
    stop = threading.Event()

    def keep_writing() -> None:
        session = saved
        while not stop.is_set():
            session = service.save(session.model_copy(update={"handoff_note": f"v{session.version + 1}"}))

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        target = service.backup(tmp_path / "copy.sqlite3")
    finally:
        stop.set()
        writer.join()
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    copy.close()
    restored = SessionService(sqlite_database(target), make_settings(tmp_path)).load(saved.id)
    assert restored.version >= saved.version
    assert restored.handoff_note in ("acknowledged", f"v{restored.version}")
    assert not list(tmp_path.glob(".*partial"))


def test_backup_refuses_to_overwrite_unless_told(tmp_path: Path) -> None:
    service = _service(tmp_path / "live.sqlite3")
    _two_acknowledged_saves(service)
    target = tmp_path / "existing.sqlite3"
    target.write_bytes(b"keep me")
    with pytest.raises(StorageError, match="already exists"):
        service.backup(target)
    assert target.read_bytes() == b"keep me"
    service.backup(target, overwrite=True)
    assert target.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(StorageError, match="does not exist"):
        service.backup(tmp_path / "nowhere" / "copy.sqlite3")


@pytest.mark.postgres
def test_backup_of_postgresql_points_to_pg_dump(postgres_database: Database, tmp_path: Path) -> None:
    service = SessionService(postgres_database, make_settings(tmp_path))
    with pytest.raises(StorageError, match="pg_dump"):
        service.backup(tmp_path / "copy")
    assert not (tmp_path / "copy").exists()

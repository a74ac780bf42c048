"""Migrations: from an empty database, re-run, several processes starting at once, and the
schema the migrations build is exactly the one the code declares."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from database_fixtures import postgres_server_url, temporary_postgres_database

from sdm_aid.storage.database import Database, alembic_config, head_revision, open_database
from sdm_aid.storage.tables import metadata

TABLES = {"sessions", "resume_codes", "throttle_attempts", "clinicians", "access_log", "alembic_version"}


def _check_fresh_and_rerun(url: str) -> None:
    database = open_database(url)
    try:
        assert database.current_revision() == head_revision() == "0003"
        with database.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
            from sqlalchemy import inspect

            assert set(inspect(connection).get_table_names()) >= TABLES
        database.migrate()  # re-run: nothing to do, nothing breaks
        again = open_database(url)
        assert again.current_revision() == "0003"
        again.dispose()
    finally:
        database.dispose()


def _start_at_once(url: str, processes: int = 4) -> None:
    opened: list[Database] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(processes)

    def start() -> None:
        barrier.wait()
        try:
            opened.append(open_database(url))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(processes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert {database.current_revision() for database in opened} == {"0003"}
    for database in opened:
        database.dispose()


def _to_revision(url: str, revision: str, *, down: bool = False) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()


def _tables(url: str) -> set[str]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return set(sa.inspect(connection).get_table_names())
    finally:
        engine.dispose()


def _check_0001_to_head_and_back(url: str) -> None:
    """An installation of revision 0001, with a stored wrong code, moves to the head (0002: the
    throttle table replaces resume_attempts; 0003: personal codes) and back again."""
    _to_revision(url, "0001")
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            sa.text("INSERT INTO resume_attempts (client_hash, at) VALUES (:hash, CURRENT_TIMESTAMP)"),
            {"hash": "0" * 64},
        )
    engine.dispose()
    database = open_database(url)  # the app's start-up migration
    assert database.current_revision() == "0003"
    assert {"throttle_attempts", "invitations"} <= _tables(url) and "resume_attempts" not in _tables(url)
    with database.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []
    database.dispose()
    _to_revision(url, "0001", down=True)
    assert "resume_attempts" in _tables(url)
    assert not {"throttle_attempts", "invitations"} & _tables(url)


def test_sqlite_from_0001_to_head_and_back(tmp_path: Path) -> None:
    _check_0001_to_head_and_back(f"sqlite:///{tmp_path / 'old.sqlite3'}")


def test_sqlite_from_empty_and_rerun(tmp_path: Path) -> None:
    _check_fresh_and_rerun(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")


def test_sqlite_simultaneous_starts(tmp_path: Path) -> None:
    _start_at_once(f"sqlite:///{tmp_path / 'race.sqlite3'}")


@pytest.mark.postgres
def test_postgresql_from_empty_rerun_and_simultaneous_starts() -> None:
    server = postgres_server_url()
    with temporary_postgres_database(server) as url:
        _check_fresh_and_rerun(url)
    with temporary_postgres_database(server) as url:
        _start_at_once(url)
    with temporary_postgres_database(server) as url:
        _check_0001_to_head_and_back(url)

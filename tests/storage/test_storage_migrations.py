"""Migrations: from an empty database, re-run, several processes starting at once, and the
schema the migrations build is exactly the one the code declares."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from database_fixtures import postgres_server_url, temporary_postgres_database

from sdm_aid.storage.database import Database, head_revision, open_database
from sdm_aid.storage.tables import metadata

TABLES = {"sessions", "resume_codes", "resume_attempts", "clinicians", "access_log", "alembic_version"}


def _check_fresh_and_rerun(url: str) -> None:
    database = open_database(url)
    try:
        assert database.current_revision() == head_revision() == "0001"
        with database.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), metadata) == []
            from sqlalchemy import inspect

            assert set(inspect(connection).get_table_names()) >= TABLES
        database.migrate()  # re-run: nothing to do, nothing breaks
        again = open_database(url)
        assert again.current_revision() == "0001"
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
    assert {database.current_revision() for database in opened} == {"0001"}
    for database in opened:
        database.dispose()


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

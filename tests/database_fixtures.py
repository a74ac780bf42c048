"""Database fixtures for the storage, service and CLI tests (a pytest plugin, registered in
tests/conftest.py).

`database` runs a test twice: on a real SQLite file and on PostgreSQL. PostgreSQL comes from
SDM_AID_TEST_POSTGRES_URL: a fresh, uniquely named database is created for this test run and
dropped at the end, so parallel runs do not collide. Without the variable the PostgreSQL half
is skipped with a visible reason -- unless SDM_AID_REQUIRE_POSTGRES=1 (set by .ci/run), which
turns the skip into a failure.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.pool import NullPool
from storage_builders import FakeClock

from sdm_aid.config import Settings
from sdm_aid.services.sessions import SessionService
from sdm_aid.storage.database import Database, open_database
from sdm_aid.storage.memory import InMemoryDatabase
from sdm_aid.storage.tables import metadata

POSTGRES_ENV = "SDM_AID_TEST_POSTGRES_URL"
REQUIRE_ENV = "SDM_AID_REQUIRE_POSTGRES"
TEST_KEY = b"test-secret-key-0123456789abcdef0123456789"


def postgres_server_url() -> str:
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but {POSTGRES_ENV} is not set: the PostgreSQL tests must run here.")
        pytest.skip(f"{POSTGRES_ENV} is not set: the PostgreSQL half of the storage suite is skipped.")
    return url


@contextlib.contextmanager
def temporary_postgres_database(server_url: str) -> Iterator[str]:
    """CREATE DATABASE with a unique name; DROP it afterwards. Yields its URL."""
    url = sa.make_url(server_url)
    name = f"sdm_aid_test_{os.getpid()}_{secrets.token_hex(4)}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as error:
        admin.dispose()
        message = f"cannot create a test database on {url.host}:{url.port}: {error.orig}"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with temporary_postgres_database(postgres_server_url()) as url:
        yield url


@pytest.fixture(scope="session")
def postgres_database(postgres_url: str) -> Iterator[Database]:
    database = open_database(postgres_url)
    yield database
    database.dispose()


def empty_all_tables(database: Database) -> None:
    with database.engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())


def sqlite_database(path: Path, **options: float) -> Database:
    return open_database(f"sqlite:///{path}", **options)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A real, migrated, empty database: a SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        database = sqlite_database(tmp_path / "sdm_aid.sqlite3")
        yield database
        database.dispose()
    else:
        database = request.getfixturevalue("postgres_database")
        empty_all_tables(database)
        yield database


@pytest.fixture(params=["memory", "sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database | InMemoryDatabase]:
    """Like `database`, plus the in-memory fake: for service logic that must agree on all three."""
    if request.param == "memory":
        yield InMemoryDatabase()
    elif request.param == "sqlite":
        database = sqlite_database(tmp_path / "sdm_aid.sqlite3")
        yield database
        database.dispose()
    else:
        database = request.getfixturevalue("postgres_database")
        empty_all_tables(database)
        yield database


def make_settings(tmp_path: Path, database_url: str = "sqlite:///unused", **overrides: object) -> Settings:
    values: dict[str, object] = {"data_dir": tmp_path, "database_url": database_url, "secret_key": TEST_KEY}
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path, resume_max_attempts=3, resume_max_attempts_global=10)


@pytest.fixture
def sleeps() -> list[float]:
    """The throttle's slow-downs (seconds), recorded instead of slept."""
    return []


@pytest.fixture
def service(
    any_database: Database, settings: Settings, clock: FakeClock, sleeps: list[float]
) -> SessionService:
    return SessionService(any_database, settings, now=clock, sleep=sleeps.append)


@pytest.fixture
def sql_service(
    database: Database, settings: Settings, clock: FakeClock, sleeps: list[float]
) -> SessionService:
    return SessionService(database, settings, now=clock, sleep=sleeps.append)

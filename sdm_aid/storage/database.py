"""Opening the database: engine, SQLite settings, migrations at start, units of work, backup.

SQLite (one site, nothing to install) and PostgreSQL (several sites) behind one URL.

SQLite choices, and why:
- WAL journal, `synchronous=FULL` (a commit is on disk before it is acknowledged), foreign
  keys on, a busy timeout so a writer waits for another instead of failing at once.
- Write transactions start with `BEGIN IMMEDIATE` (SQLAlchemy's documented pysqlite recipe:
  the driver's own BEGIN is switched off and the `begin` event emits ours). A deferred
  transaction that reads and then writes can fail with "database is locked" without waiting;
  an immediate one takes the write lock up front and waits in the busy handler.
- One connection per unit of work, never one shared connection: a `QueuePool` hands each
  unit of work a connection of its own for its duration (Streamlit runs each browser session
  in its own thread; `check_same_thread` is off because a pooled connection may serve another
  thread later, never two at once). Pooling matters for SQLite in WAL mode: when the last
  connection to a database closes, SQLite checkpoints the WAL into the main file and deletes
  it -- with a connection per unit of work (NullPool) that cost two extra fsyncs on every
  save. Because a pooled connection could keep writing into a database file that was
  deleted or moved (the old inode stays open), every checkout first checks that the path still
  leads to the same file; if not, the connection is dropped and a new one opened by path in
  `mode=rw`, which fails clearly instead of re-creating an empty database.
- Writers of one process queue on a lock before BEGIN IMMEDIATE (see `unit_of_work`).
- Never `:memory:` (each connection would see its own empty database).

PostgreSQL uses SQLAlchemy's QueuePool with pre-ping: a pooled connection is checked out by
one unit of work at a time, which is thread-safe; migrations take an advisory lock.

SQL parameters are hidden from SQLAlchemy's log and error messages (`hide_parameters`), so
session documents, answer text and code hashes never reach a log.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol
from urllib.parse import quote

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from sdm_aid.storage.errors import DatabaseUnavailableError, StorageError
from sdm_aid.storage.repository import SqlAlchemyUnitOfWork, UnitOfWork

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


class _NoRowLogging(logging.Filter):
    """SQLAlchemy logs fetched rows at DEBUG on its engine logger; rows hold session documents.

    Whatever logging configuration a deployment uses, those records are dropped here, so answer
    text can never reach a log. Statements (INFO) still pass; their parameters are hidden.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.INFO


logging.getLogger("sqlalchemy.engine.Engine").addFilter(_NoRowLogging())

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_WRITE_OPTION = "sdm_aid_write"
_PG_MIGRATION_LOCK = 0x5D3A1D  # any constant; the same in every process
Backend = Literal["sqlite", "postgresql", "memory"]


class DuplicateError(StorageError):
    """A row with this key already exists (e.g. two starts of one session at the same moment)."""


class SupportsUnitOfWork(Protocol):
    """What the services need from a database: the real one or the in-memory fake."""

    backend: Backend

    def unit_of_work(self, *, write: bool = False) -> contextlib.AbstractContextManager[UnitOfWork]: ...

    def backup(self, destination: Path, *, overwrite: bool = False) -> Path: ...

    def scrub(self) -> None:
        """Make rows deleted so far unreadable from the database's files (after an erase)."""
        ...


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _describe(error: BaseException, *, location: str, timeout: float) -> str:
    """A plain message for a failed database operation; never the SQL or its parameters."""
    text = str(getattr(error, "orig", None) or error).lower()
    if "locked" in text or "busy" in text or "lock timeout" in text:
        what = f"The database is busy: another program kept it locked for more than {timeout:g} seconds."
    elif "readonly" in text or "read-only" in text or "read only" in text:
        what = f"The database cannot be written to (read-only): {location}."
    elif "full" in text or "no space" in text:
        what = f"The disk holding the database is full: {location}."
    elif "unable to open" in text or "no such table" in text or "disk i/o" in text:
        what = f"The database file cannot be opened (moved, deleted or not accessible): {location}."
    elif "malformed" in text or "not a database" in text:
        what = f"The database file is damaged: {location}. Restore it from a backup."
    elif "connection" in text or "server" in text or "terminat" in text or "timeout" in text:
        what = f"The database server cannot be reached: {location}."
    else:
        what = f"The database did not accept the operation ({type(error).__name__}): {location}."
    return f"{what} Nothing was saved."


@dataclass
class Database:
    """An open, migrated database. Cheap to share between threads; units of work are not."""

    engine: Engine
    backend: Backend
    location: str
    """For messages: the SQLite file path, or the PostgreSQL host/database (no password)."""
    busy_timeout: float
    _write_gate: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @contextlib.contextmanager
    def translate_errors(self) -> Iterator[None]:
        """Turn driver and SQLAlchemy errors into `StorageError`s with a clear message."""
        try:
            yield
        except sa.exc.IntegrityError as error:
            log.warning("database refused a duplicate or invalid row (%s)", type(error.orig).__name__)
            raise DuplicateError(
                "The change conflicts with data saved at the same moment. Nothing was saved; try again."
            ) from None
        except (sa.exc.DBAPIError, sa.exc.ResourceClosedError, sqlite3.Error, OSError) as error:
            log.warning("database unavailable (%s)", type(getattr(error, "orig", None) or error).__name__)
            raise DatabaseUnavailableError(
                _describe(error, location=self.location, timeout=self.busy_timeout)
            ) from None

    @contextlib.contextmanager
    def unit_of_work(self, *, write: bool = False) -> Iterator[SqlAlchemyUnitOfWork]:
        """One connection, one transaction. Call `uow.commit()`; anything else rolls back.

        `write=True` starts the transaction with BEGIN IMMEDIATE on SQLite. Writers of this
        process first queue on a lock of their own: SQLite's busy handler polls with sleeps of
        up to 100 ms, so sixteen threads competing through it waste most of their time asleep,
        while a queue hands the write lock on at once. Other processes still meet at SQLite's
        lock and its busy timeout.
        """
        gated = write and self.backend == "sqlite"
        if gated and not self._write_gate.acquire(timeout=self.busy_timeout):
            raise DatabaseUnavailableError(
                _describe(
                    TimeoutError("database is locked"), location=self.location, timeout=self.busy_timeout
                )
            )
        try:
            with self.translate_errors(), self.engine.connect() as connection:
                connection.execution_options(**{_WRITE_OPTION: write})
                connection.begin()
                yield SqlAlchemyUnitOfWork(connection)
        finally:
            if gated:
                self._write_gate.release()

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.translate_errors(), self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def migrate(self) -> None:
        """Bring the schema to the newest revision. Idempotent; safe with concurrent starts.

        The check and the upgrade run in one write transaction that holds the database's
        write lock (SQLite) or an advisory lock (PostgreSQL), so a second process starting
        at the same moment waits and then finds nothing left to do.
        """
        if self.current_revision() == head_revision():
            return  # the common case: no write lock needed, works on a read-only copy too
        with self.translate_errors(), self.engine.connect() as connection:
            connection.execution_options(**{_WRITE_OPTION: True})
            with connection.begin():
                if self.backend == "postgresql":
                    connection.execute(
                        sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK}
                    )
                from alembic import command

                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        log.info("database schema migrated to revision %s", head_revision())

    def backup(self, destination: Path, *, overwrite: bool = False) -> Path:
        """A consistent copy of a live SQLite database through SQLite's online backup API.

        Written next to the destination first and moved into place when complete and checked,
        so a failed backup never leaves a half file under the given name.
        """
        if self.backend != "sqlite":
            raise StorageError(
                "Backups of a PostgreSQL database are made with PostgreSQL's own tools, for example: "
                "pg_dump --format=custom --file=sdm_aid.dump DBNAME. Nothing was written."
            )
        destination = Path(destination)
        if destination.exists() and not overwrite:
            raise StorageError(
                f"{destination} already exists. Choose another file name; nothing was written."
            )
        if not destination.parent.is_dir():
            raise StorageError(f"The folder {destination.parent} does not exist. Nothing was written.")
        partial = destination.with_name(f".{destination.name}.{uuid.uuid4().hex}.partial")
        try:
            with self.translate_errors(), self.engine.connect() as connection:
                source = connection.connection.dbapi_connection
                assert isinstance(source, sqlite3.Connection)
                target = sqlite3.connect(partial, isolation_level=None)
                try:
                    source.backup(target)  # all pages in one step: one consistent snapshot
                    target.execute("PRAGMA journal_mode=DELETE")  # the copy is one self-contained file
                    (result,) = target.execute("PRAGMA integrity_check").fetchone()
                    if result != "ok":
                        raise StorageError("The backup copy failed its integrity check. Nothing was written.")
                finally:
                    target.close()
            if overwrite:
                os.replace(partial, destination)
            else:
                try:
                    os.link(partial, destination)  # fails if the name appeared in the meantime
                except FileExistsError:
                    raise StorageError(
                        f"{destination} already exists. Choose another file name; nothing was written."
                    ) from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
        log.info("database backup written")
        return destination

    def scrub(self) -> None:
        """After an erase: leave no copy of deleted rows in the database's files.

        SQLite runs with `secure_delete` (freed space and pages are overwritten with zeros),
        but the write-ahead log still holds earlier versions of changed pages until it is
        checkpointed; TRUNCATE copies the newest pages into the database and empties the log.
        A reader that holds an old snapshot can delay this; it is then retried at the next
        erase, and SQLite checkpoints on its own as well. PostgreSQL keeps dead rows until
        (auto)vacuum reclaims them; see docs/operations.md.
        """
        if self.backend != "sqlite":
            return
        with self.translate_errors(), self.engine.connect() as connection:
            busy, _log_pages, _moved = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        if busy:
            log.warning("the write-ahead log could not be emptied after an erase (a reader was busy)")

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_engine(path: Path, busy_timeout: float, *, mode: Literal["rw", "ro"] = "rw") -> Engine:
    uri = f"file:{quote(str(path))}?mode={mode}"

    def connect() -> sqlite3.Connection:
        # isolation_level=None: the driver emits no BEGIN of its own; ours comes from the event below.
        return sqlite3.connect(
            uri, uri=True, timeout=busy_timeout, isolation_level=None, check_same_thread=False
        )

    engine = sa.create_engine(
        "sqlite://",
        creator=connect,
        poolclass=QueuePool,
        pool_size=8,
        max_overflow=24,
        pool_timeout=busy_timeout,
        hide_parameters=True,
    )

    def file_identity() -> tuple[int, int]:
        status = os.stat(path)
        return status.st_dev, status.st_ino

    @sa.event.listens_for(engine, "checkout")
    def _same_file(_dbapi: sqlite3.Connection, record: ConnectionPoolEntry, _proxy: object) -> None:
        try:
            still_there = record.info.get("file") == file_identity()
        except OSError:
            still_there = False
        if not still_there:
            raise sa.exc.DisconnectionError("database file moved or deleted")  # pool reconnects by path

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, record: ConnectionPoolEntry) -> None:
        record.info["file"] = file_identity()
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        # Erased answers must not linger in free space: overwrite deleted content with zeros.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(_WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _prepare_sqlite_file(path: Path, busy_timeout: float) -> None:
    """Create the file if needed and switch it to WAL (a setting kept in the file itself)."""
    if not path.parent.is_dir():
        raise DatabaseUnavailableError(
            f"The folder for the database does not exist: {path.parent}. Create it or set "
            "SDM_AID_DATABASE_URL / SDM_AID_DATA_DIR. Nothing was saved."
        )
    connection = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
    deadline = time.monotonic() + busy_timeout
    try:
        while True:
            try:
                (mode,) = connection.execute("PRAGMA journal_mode=WAL").fetchone()
                break
            except sqlite3.OperationalError as error:
                # Switching to WAL needs the file to itself and does not wait for a busy
                # handler: several servers starting at once on a new file meet here.
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)
        if mode != "wal":
            log.warning("SQLite database is not in WAL mode (%s)", mode)
    finally:
        connection.close()


def open_database(url: str | sa.URL, *, busy_timeout: float = 15.0, migrate: bool = True) -> Database:
    """Open (and, for SQLite, create) the database at `url` and apply pending migrations.

    Raises `DatabaseUnavailableError` with a clear message if it cannot be opened.
    """
    url = sa.make_url(url)
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
            raise StorageError("Give SQLite as a file path (sqlite:///path/to/file.sqlite3); never :memory:.")
        path = Path(url.database).expanduser().absolute()
        database = Database(
            engine=_sqlite_engine(path, busy_timeout),
            backend="sqlite",
            location=str(path),
            busy_timeout=busy_timeout,
        )
        with database.translate_errors():
            _prepare_sqlite_file(path, busy_timeout)
    elif backend == "postgresql":
        engine = sa.create_engine(
            url,
            pool_pre_ping=True,
            hide_parameters=True,
            connect_args={"connect_timeout": 10, "options": f"-c lock_timeout={int(busy_timeout * 1000)}"},
        )
        location = f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"
        database = Database(engine=engine, backend="postgresql", location=location, busy_timeout=busy_timeout)
    else:
        raise StorageError(f"Unsupported database {backend!r}: use a sqlite:/// file or a postgresql URL.")
    if migrate:
        database.migrate()
    return database

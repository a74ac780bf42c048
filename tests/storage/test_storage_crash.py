"""A writer killed with SIGKILL at random moments loses nothing it acknowledged.

A forked child process starts sessions and saves in a loop and writes an acknowledgement to
a pipe only after the service returned (i.e. after the commit). The parent kills it at a
random moment, then checks that every acknowledged start and save is in the database and
that SQLite's integrity check passes. Forking (instead of a fresh interpreter) keeps 20
rounds to a few seconds.
"""

from __future__ import annotations

import os
import random
import signal
import time
import uuid
from pathlib import Path

import pytest
from database_fixtures import make_settings, sqlite_database
from factories import new_session

from sdm_aid.services.sessions import SessionService

ROUNDS = 24


def _writer(path: Path, session_id: uuid.UUID, settings_dir: Path, ack: int) -> None:
    """Runs in the child; never returns."""
    try:
        service = SessionService(sqlite_database(path, migrate=False), make_settings(settings_dir))
        session = service.load(session_id)
        os.write(ack, b"ready\n")
        n = 0
        while True:
            n += 1
            if n % 5 == 0:
                fresh = session.model_copy(update={"id": uuid.uuid4(), "version": 0, "handoff_note": "new"})
                service.start(fresh)
                os.write(ack, f"started {fresh.id}\n".encode())
            else:
                session.handoff_note = f"save {session.version + 1}"
                session = service.save(session)
                os.write(ack, f"saved {session.version}\n".encode())
    finally:
        os._exit(1)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.slow
def test_sigkill_loses_no_acknowledged_save(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    database = sqlite_database(path)
    service = SessionService(database, make_settings(tmp_path))
    session_id = service.start(new_session()).session.id
    database.dispose()
    rng = random.Random(20261122)
    last_saved = 1
    started: list[uuid.UUID] = []
    rounds_with_writes = 0

    for _ in range(ROUNDS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_end)
            _writer(path, session_id, tmp_path, write_end)
        os.close(write_end)
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            first = pipe.read(6)
            assert first == b"ready\n"
            time.sleep(rng.uniform(0.0, 0.15))
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            output = _read_all(pipe.fileno())
        lines = output.decode().split("\n")[:-1]  # a last piece without newline may be cut off
        for line in lines:
            kind, value = line.split(" ", 1)
            if kind == "saved":
                last_saved = max(last_saved, int(value))
            else:
                started.append(uuid.UUID(value))
        rounds_with_writes += bool(lines)

        check = sqlite_database(path, migrate=False)
        checker = SessionService(check, make_settings(tmp_path))
        stored = checker.load(session_id)
        assert stored.version >= last_saved  # every acknowledged save is there ...
        assert stored.handoff_note in ("", f"save {stored.version}")  # ... whole, not torn
        for fresh_id in started:
            assert checker.load(fresh_id).handoff_note == "new"
        with check.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
        check.dispose()

    assert rounds_with_writes >= ROUNDS // 2  # the kills really did land in the middle of writing
    assert last_saved > 1 + ROUNDS

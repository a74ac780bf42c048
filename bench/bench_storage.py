"""Storage benchmark: save latency and the "due this week" follow-up query, against floors
measured in the same run.

    PYTHONPATH=. python bench/bench_storage.py [--sessions 100000] [--saves 300]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test]

Floors: a bare single-row INSERT + COMMIT on the same database (same durability settings),
and `SELECT 1` through the same engine. Expected: a save well under 20 ms on SQLite; the
follow-up lists stream (keyset pages): the first row within 50 ms over 100,000 demo sessions,
whatever the total. `sdm-aid followups` is timed in-process to its first line of output.
PostgreSQL runs in a temporary database that is dropped afterwards (default URL:
$SDM_AID_TEST_POSTGRES_URL, if set).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from sdm_aid.config import Settings
from sdm_aid.content.loader import load_library
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions.demo import generate_demo_sessions
from sdm_aid.storage.database import Database, open_database


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def streamed(make: Callable[[], Iterator[object]], repeat: int) -> tuple[list[float], list[float]]:
    """Time to the first item and to the last, per run."""
    firsts, totals = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        rows = make()
        next(rows, None)
        firsts.append(time.perf_counter() - start)
        for _row in rows:
            pass
        totals.append(time.perf_counter() - start)
    return firsts, totals


class _FirstWrite(io.StringIO):
    """A stdout that notes when the first text arrives (the CLI flushes after its first row)."""

    def __init__(self) -> None:
        super().__init__()
        self.first: float | None = None

    def write(self, text: str) -> int:
        if self.first is None and text:
            self.first = time.perf_counter()
        return super().write(text)


def cli_streamed(url: str, argv: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """The command in this process against the same database: time to its first output, and in all
    (it opens its own engine each time, as the real command does)."""
    from sdm_aid.cli.main import main as cli

    firsts, totals = [], []
    with mock.patch.dict(os.environ, {"SDM_AID_DATABASE_URL": url}):
        for _ in range(repeat):
            out = _FirstWrite()
            start = time.perf_counter()
            with contextlib.redirect_stdout(out):
                cli(argv)
            totals.append(time.perf_counter() - start)
            firsts.append((out.first or time.perf_counter()) - start)
    return firsts, totals


def report(label: str, samples: list[float]) -> float:
    p50, p95 = percentiles(samples)
    print(f"  {label:<58} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   (n={len(samples)})")
    return p50


@contextlib.contextmanager
def temporary_postgres(server_url: str) -> Iterator[str]:
    url = sa.make_url(server_url)
    name = f"sdm_aid_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def demo_grids() -> list:
    library = load_library()
    grids = [(loaded.grid, loaded.ref()) for loaded in library.grids.values()]
    if not grids:
        sys.exit("bench: no valid grids in option_grids/")
    return grids


def bench_saves(database: Database, settings: Settings, saves: int) -> None:
    service = SessionService(database, settings)
    grid, ref = demo_grids()[0]
    session = next(generate_demo_sessions([(grid, ref)], 1, now=datetime.now(UTC), seed=7))
    session = service.start(session.model_copy(update={"version": 0})).session

    def one_save() -> None:
        nonlocal session
        session.handoff_note = f"save {session.version}"
        session = service.save(session)

    with database.engine.connect() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, note TEXT)"
        )
        connection.commit()
    counter = iter(range(10**9))

    def floor_insert() -> None:
        with database.engine.connect() as connection:
            connection.exec_driver_sql(
                "INSERT INTO bench_floor (id, note) VALUES (%d, 'x')" % next(counter)  # noqa: UP031
            )
            connection.commit()

    def select_one() -> None:
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1").scalar()

    for _ in range(20):  # warm up
        one_save()
    report("SELECT 1 (floor)", timed(select_one, saves))
    floor = report("bare single-row INSERT + COMMIT (floor)", timed(floor_insert, saves))
    save = report("SessionService.save (whole session)", timed(one_save, saves))
    print(f"  save / insert floor: {save / floor:.1f}x")
    load = timed(lambda: service.load(session.id), saves)
    report("SessionService.load", load)


def bench_follow_ups(database: Database, settings: Settings, sessions: int, url: str) -> None:
    service = SessionService(database, settings)
    now = datetime.now(UTC)
    start = time.perf_counter()
    count = service.add_many(generate_demo_sessions(demo_grids(), sessions, now=now, seed=1), batch_size=2000)
    print(f"  {count:,} demo sessions generated and inserted in {time.perf_counter() - start:.1f} s")
    with database.engine.connect() as connection:
        if database.backend == "sqlite":
            connection.exec_driver_sql("ANALYZE")
        connection.commit()
    if database.backend == "postgresql":  # what autovacuum does on a live server
        with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM ANALYZE sessions")

    def select_one() -> None:  # the same unit-of-work overhead as the query, and SELECT 1
        with database.unit_of_work() as uow:
            uow.connection.exec_driver_sql("SELECT 1").scalar()

    due = service.follow_ups("due", now=now)
    upcoming = service.follow_ups("upcoming", days=90, now=now)
    print(
        f"  'due this week': {len(due):,} follow-ups ({len(due) / sessions:.1%} of all sessions); "
        f"within 90 days: {len(upcoming):,}"
    )
    report("SELECT 1 in a unit of work (floor)", timed(select_one, 30))
    report("follow_ups('due') -- all rows of the week", timed(lambda: service.follow_ups("due", now=now), 30))
    for kind, days in (("due", 7), ("upcoming", 90)):
        first, total = streamed(lambda k=kind, d=days: service.iter_follow_ups(k, days=d, now=now), 30)
        report(f"iter_follow_ups('{kind}', {days}) -- first row", first)
        report(f"iter_follow_ups('{kind}', {days}) -- all rows", total)
    first, total = cli_streamed(url, ["followups", "--upcoming", "90", "--format", "json"], 10)
    report("sdm-aid followups --upcoming 90 (in-process) -- first line", first)
    report("sdm-aid followups --upcoming 90 (in-process) -- all", total)
    report(
        "list_sessions(follow_up='due') -- page + total",
        timed(lambda: service.list_sessions(follow_up="due", limit=50), 30),
    )
    report("list_sessions() -- newest 50 + total", timed(lambda: service.list_sessions(limit=50), 30))


def run(label: str, url: str, settings: Settings, args: argparse.Namespace) -> None:
    print(f"\n{label}")
    database = open_database(url)
    try:
        bench_saves(database, settings, args.saves)
        bench_follow_ups(database, settings, args.sessions, url)
    finally:
        database.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--postgres", default=os.environ.get("SDM_AID_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), database_url="", secret_key=secrets.token_bytes(32))
        run("SQLite (WAL, synchronous=FULL)", f"sqlite:///{folder}/bench.sqlite3", settings, args)
        if args.postgres:
            with temporary_postgres(args.postgres) as url:
                run("PostgreSQL", url, settings, args)
        else:
            print("\nPostgreSQL: skipped (give --postgres URL or set SDM_AID_TEST_POSTGRES_URL)")


if __name__ == "__main__":
    main()

"""Storage benchmark: save latency and the "due this week" follow-up query, against floors
measured in the same run.

    PYTHONPATH=. python bench/bench_storage.py [--sessions 100000] [--saves 300]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test]

Floors: a bare single-row INSERT + COMMIT on the same database (same durability settings),
and `SELECT 1` through the same engine. Expected: a save well under 20 ms on SQLite; the
follow-up query under 50 ms over 100,000 demo sessions. PostgreSQL runs in a temporary
database that is dropped afterwards (default URL: $SDM_AID_TEST_POSTGRES_URL, if set).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

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


def report(label: str, samples: list[float]) -> float:
    p50, p95 = percentiles(samples)
    print(f"  {label:<44} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   (n={len(samples)})")
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


def bench_follow_ups(database: Database, settings: Settings, sessions: int) -> None:
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
    print(f"  'due this week': {len(due):,} follow-ups")
    report("SELECT 1 in a unit of work (floor)", timed(select_one, 30))
    report("follow_ups('due') -- all rows of the week", timed(lambda: service.follow_ups("due", now=now), 30))
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
        bench_follow_ups(database, settings, args.sessions)
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

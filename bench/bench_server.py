"""Load benchmark on real servers: N websocket "families" click through the real wizard, against
a bare Streamlit app (a radio and a button) measured in the same run, alternating.

    .venv/bin/python bench/bench_server.py            # N = 1, 10, 50, two rounds; about 20 minutes
    .venv/bin/python bench/bench_server.py --quick    # N = 1, 10; about 3 minutes
    .venv/bin/python bench/bench_server.py --families 1 10 50 --think 5 --clicks 12 --rounds 2
    .venv/bin/python bench/bench_server.py --app-dir /tmp/old-checkout   # another version's code
    .venv/bin/python bench/bench_server.py --set runner.postScriptGC=true  # override a config line

Two `streamlit run` servers start on ports 8651-8699, both with the app's .streamlit/config.toml
(plus any --set), each with a fresh data folder. The clients speak Streamlit's own protocol
(bench/streamlit_client.py); nothing is mocked. A product family opens the start page, types a
nickname, presses "Beginnen" (must reach step 1), then moves through steps 1..8 and back: Next,
Skip with a reason where a step asks for answers the driver does not give (4, 6, 7; also after a
refused Next), Back from step 8 (deciding needs real answers). A floor family presses "Go" and
changes the radio now and then. A click counts once the run it caused has finished
(script_finished) and shows the new step's heading (floor: the new counter text).

Per phase (app x N): p50/p95 seconds per click, clicks/s, server CPU per click (psutil on the
server process; with N > 1 the phase's CPU over its clicks, page loads and background runs
included), resident memory per family, background runs (a browser reruns `run_every`
fragments such as the idle check on their timer: so do the families, during think time), the
load average. Then: one saturation phase per
app (think time 0), ForwardMsgs and bytes per click by target step (what a browser receives,
including runs thrown away by st.rerun), families that never reached step 1, and a check in
the product's database that every acknowledged save is there (right step, version high enough).
Figures, not a test: nothing is asserted; the exit status is 1 only if saves or families were lost.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from streamlit_client import ProtocolError, Result, Run, StreamlitClient

REPO = Path(__file__).resolve().parents[1]
PORTS = range(8651, 8700)
BARE_APP = """
import streamlit as st
st.session_state.setdefault("clicks", 0)
st.radio("Choose", ["a", "b", "c"], key="choice")
if st.button("Go", key="go"):
    st.session_state.clicks += 1
st.write(f"Clicked {st.session_state.clicks} times")
"""
HEADING = re.compile(r"(?:Stap|Step) (\d+) (?:van|of) \d+")
COUNTER = re.compile(r"Clicked (\d+) times")
LAST_STEP_WITHOUT_ANSWERS = 8
"""Step 8 (decide) cannot be skipped and needs a decision and SURE answers: the driver turns there."""

NEXT = (("Volgende", "Next"), ".next")
BACK = (("Vorige", "Back"), ".back")
SKIP = (("Deze stap overslaan", "Skip this step"), ".skip")
SKIP_OPEN = (("Deze stap overslaan…", "Skip this step…"), ".skip_open")
"""In the step footer: opens the question why the step is skipped (then SKIP is shown)."""
SKIP_REASON = ".skip-reason."
"""Part of the skip-reason field's key (g<n>.<step>.skip-reason.<step>)."""
BEGIN = (("Beginnen", "Begin"), "start.begin")


# ---------------------------------------------------------------------------- servers


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    sys.exit("bench: no free port in 8651-8699")


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen[bytes]
    folder: Path

    @property
    def ps(self) -> psutil.Process:
        return psutil.Process(self.process.pid)

    def cpu_seconds(self) -> float:
        times = self.ps.cpu_times()
        return times.user + times.system

    def rss(self) -> int:
        return self.ps.memory_info().rss

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_server(name: str, script: Path, cwd: Path, folder: Path, settings: list[str]) -> Server:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(cwd), "SDM_AID_DATA_DIR": str(folder / "data")}
    env.pop("SDM_AID_DATABASE_URL", None)
    flags = [f"--{item.split('=', 1)[0]}={item.split('=', 1)[1]}" for item in settings]
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true", *flags]
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"bench: {name} server stopped: {(folder / 'server.log').read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return Server(name, url, process, folder)
        except OSError:
            time.sleep(0.3)
    process.kill()
    sys.exit(f"bench: {name} server did not become healthy")


# ---------------------------------------------------------------------------- families


@dataclass
class Click:
    kind: str
    target: int
    seconds: float
    runs: int
    messages: int
    bytes: int
    final_messages: int
    final_bytes: int
    cpu: float | None = None
    """Server CPU seconds during this click (only measured with one family)."""


@dataclass
class Family:
    name: str
    clicks: list[Click] = field(default_factory=list)
    reached_step_1: bool = False
    acked_saves: int = 0
    last_acked_step: int | None = None
    fragment_runs: int = 0
    """Background runs of run_every fragments (the idle check) during think time."""
    error: str | None = None


def step_of(run: Run) -> int | None:
    for text in run.texts():
        match = HEADING.search(text)
        if match:
            return int(match.group(1))
    return None


def nickname(index: int) -> str:
    """A nickname the start page accepts (letters only: digits could look like contact data)."""
    letters = ""
    index += 26  # at least two letters
    while index:
        index, rest = divmod(index, 26)
        letters = chr(ord("a") + rest) + letters
    return f"Gezin {letters}"


class Driver:
    def __init__(
        self, server: Server, *, think: float, clicks: int, timeout: float, measure_cpu: bool, cache: bool
    ):
        self.server, self.think, self.clicks = server, think, clicks
        self.timeout, self.measure_cpu, self.cache = timeout, measure_cpu, cache

    def client(self) -> StreamlitClient:
        return StreamlitClient(self.server.url, timeout=self.timeout, message_cache=self.cache)

    async def pause(self, rng: random.Random, client: StreamlitClient, family: Family) -> None:
        """Think time; meanwhile the 'browser' reruns its run_every fragments when they are due."""
        if self.think <= 0:
            return
        end = time.perf_counter() + rng.uniform(0.5, 1.5) * self.think
        while (now := time.perf_counter()) < end:
            due = client.next_fragment_due()
            if due is None or due >= end:
                await asyncio.sleep(end - now)
                return
            await asyncio.sleep(max(0.0, due - now))
            family.fragment_runs += await client.rerun_due_fragments()

    async def timed(self, client: StreamlitClient, action) -> tuple[Result, float | None]:
        before = self.server.cpu_seconds() if self.measure_cpu else None
        result = await action
        cpu = self.server.cpu_seconds() - before if before is not None else None
        return result, cpu

    @staticmethod
    def record(family: Family, kind: str, target: int, result: Result, cpu: float | None) -> None:
        family.clicks.append(
            Click(
                kind,
                target,
                result.seconds,
                result.runs,
                result.messages,
                result.bytes,
                result.final.messages,
                result.final.bytes,
                cpu,
            )
        )


class FloorDriver(Driver):
    async def family(self, name: str, rng: random.Random) -> Family:
        family = Family(name)
        client = self.client()
        try:
            await asyncio.sleep(rng.uniform(0, self.think))
            await client.connect()
            result = await client.load()
            family.reached_step_1 = True
            for number in range(1, self.clicks + 1):
                await self.pause(rng, client, family)
                go = result.final.find("button", labels=["Go"], key_suffix="go")
                radio = result.final.find("radio", key_suffix="choice")
                if go is None or radio is None:
                    raise ProtocolError("bare app: button or radio not found")
                inputs = {radio.widget_id: "abc"[number % 3]} if number % 4 == 0 else {}
                expected = f"Clicked {number} times"
                result, cpu = await self.timed(
                    client,
                    client.click(go, lambda run, e=expected: any(e in t for t in run.texts()), **inputs),
                )
                self.record(family, "go", number, result, cpu)
        except ProtocolError as error:
            family.error = str(error)
        finally:
            await client.close()
        return family


class WizardDriver(Driver):
    async def family(self, name: str, rng: random.Random) -> Family:
        family = Family(name)
        client = self.client()
        try:
            await asyncio.sleep(rng.uniform(0, self.think))
            await client.connect()
            result = await client.load()
            await self.pause(rng, client, family)
            grids = result.final.find("radio", key_suffix="start.grid")
            if grids is not None:  # with several grids nothing is chosen for the family: tap one
                client.set_value(grids.widget_id, grids.proto.options[0])  # a radio sends the option's text
                result, cpu = await self.timed(client, client.rerun([], until=lambda run: True))
                self.record(family, "choose a grid", 0, result, cpu)
            begin = result.final.find("button", labels=BEGIN[0], key_suffix=BEGIN[1])
            youth = result.final.find("text_input", key_suffix="start.youth")
            if begin is None or youth is None:
                raise ProtocolError("start page: 'Beginnen' or the young person's name field not found")
            result, cpu = await self.timed(
                client, client.click(begin, lambda run: True, **{youth.widget_id: name})
            )
            self.record(family, "begin", 1, result, cpu)
            if step_of(result.final) != 1:
                raise ProtocolError("'Beginnen' did not lead to step 1")
            family.reached_step_1, family.acked_saves, family.last_acked_step = True, 0, 1
            await self.walk(client, family, result, rng)
        except ProtocolError as error:
            family.error = str(error)
        finally:
            await client.close()
        return family

    async def walk(self, client: StreamlitClient, family: Family, result: Result, rng: random.Random) -> None:
        direction, refused = 1, set()
        for _ in range(self.clicks):
            await self.pause(rng, client, family)
            step = step_of(result.final) or 1
            if step >= LAST_STEP_WITHOUT_ANSWERS:
                direction = -1
            elif step <= 1:
                direction = 1
            target = step + direction
            if direction < 0:
                kind, (labels, key) = "back", BACK
            elif step in (4, 6, 7) or step in refused:
                kind, (labels, key) = "skip", SKIP
            else:
                kind, (labels, key) = "next", NEXT
            if kind == "skip":
                opener = result.final.find("button", labels=SKIP_OPEN[0], key_suffix=SKIP_OPEN[1])
                if opener is None:
                    raise ProtocolError(f"step {step}: no 'skip this step…' button")
                opened = client.click(opener, lambda run: step_of(run) is not None)
                result, cpu = await self.timed(client, opened)
                self.record(family, "skip-open", step, result, cpu)
            button = result.final.find("button", labels=labels, key_suffix=key)
            if button is None:
                raise ProtocolError(f"step {step}: no {kind} button")
            inputs = {}
            if kind == "skip":
                reason = result.final.find("text_input", key_part=SKIP_REASON)
                if reason is None:
                    raise ProtocolError(f"step {step}: no skip reason field")
                inputs[reason.widget_id] = "Bench: geen tijd"
            # The first finished run with a step heading ends the click: the new step, or the
            # same step when the app refused (then the next try skips).
            new, cpu = await self.timed(
                client, client.click(button, lambda run: step_of(run) is not None, **inputs)
            )
            shown = step_of(new.final)
            self.record(family, kind, target, new, cpu)
            if shown == target:
                family.acked_saves += 1
                family.last_acked_step = target
            elif shown == step and kind == "next":
                refused.add(step)
            else:
                raise ProtocolError(f"{kind} from step {step} showed step {shown}")
            result = new


# ---------------------------------------------------------------------------- phases


@dataclass
class Phase:
    app: str
    families: int
    think: float
    results: list[Family]
    wall: float
    cpu: float
    rss_per_family: float
    rss_end: int
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    client_cpu: float

    @property
    def clicks(self) -> list[Click]:
        return [c for f in self.results for c in f.clicks if c.kind != "begin"]

    def percentiles(self) -> tuple[float, float]:
        seconds = sorted(c.seconds for c in self.clicks)
        if not seconds:
            return float("nan"), float("nan")
        return statistics.median(seconds), seconds[max(0, int(len(seconds) * 0.95 + 0.5) - 1)]

    def cpu_per_click(self) -> float:
        # psutil's CPU times tick in 10 ms steps: the mean over many clicks, not the median.
        measured = [c.cpu for c in self.clicks if c.cpu is not None]
        if measured:
            return statistics.fmean(measured)
        return self.cpu / max(
            1, len(self.clicks) + sum(1 for f in self.results for c in f.clicks if c.kind == "begin")
        )


async def run_phase(
    server: Server, app: str, families: int, think: float, args: argparse.Namespace, seed: int, start: int
) -> Phase:
    driver_class = WizardDriver if app == "product" else FloorDriver
    driver = driver_class(
        server,
        think=think,
        clicks=args.clicks,
        timeout=args.timeout,
        measure_cpu=families == 1,
        cache=not args.no_message_cache,
    )
    rng = random.Random(seed)
    load_before = os.getloadavg()
    rss_before, cpu_before = server.rss(), server.cpu_seconds()
    client_before, wall_before = time.process_time(), time.perf_counter()
    names = [nickname(start + i) for i in range(families)]
    rss_peak = rss_before

    async def watch_memory() -> None:
        nonlocal rss_peak
        while True:
            rss_peak = max(rss_peak, server.rss())
            await asyncio.sleep(0.5)

    watcher = asyncio.create_task(watch_memory())
    try:
        results = await asyncio.gather(*(driver.family(name, random.Random(rng.random())) for name in names))
    finally:
        watcher.cancel()
    wall = time.perf_counter() - wall_before
    rss_peak = max(rss_peak, server.rss())
    return Phase(
        app=app,
        families=families,
        think=think,
        results=list(results),
        wall=wall,
        cpu=server.cpu_seconds() - cpu_before,
        rss_per_family=(rss_peak - rss_before) / families,
        rss_end=server.rss(),
        load_before=load_before,
        load_after=os.getloadavg(),
        client_cpu=time.process_time() - client_before,
    )


# ---------------------------------------------------------------------------- the database check


def check_saves(server: Server, app_dir: Path, families: list[Family]) -> tuple[int, int, list[str]]:
    """Every family that reached step 1 has a session whose step is the last acknowledged one and
    whose version counts at least every acknowledged save. Returns (checked, acked saves, problems)."""
    sys.path.insert(0, str(app_dir))
    from sdm_aid.config import load_settings
    from sdm_aid.services.sessions import SessionService
    from sdm_aid.wizard import step_registry

    settings = load_settings({"SDM_AID_DATA_DIR": str(server.folder / "data")})
    service = SessionService.from_settings(settings)
    by_label: dict[str, object] = {}
    offset = 0
    while True:
        page = service.list_sessions(limit=500, offset=offset)
        for row in page.rows:
            session = service.load(row.id)
            youth = next((p.label for p in session.participants if p.role == "youth"), None)
            by_label[youth] = session
        offset += len(page.rows)
        if offset >= page.total or not page.rows:
            break
    problems, acked = [], 0
    for family in families:
        if not family.reached_step_1:
            continue
        acked += family.acked_saves
        session = by_label.get(family.name)
        if session is None:
            problems.append(f"{family.name}: no saved session")
            continue
        saved_step = step_registry.position(session.current_step)  # type: ignore[attr-defined]
        if saved_step != family.last_acked_step:
            problems.append(
                f"{family.name}: saved at step {saved_step}, acknowledged step {family.last_acked_step}"
            )
        if session.version < 1 + family.acked_saves:  # type: ignore[attr-defined]
            problems.append(
                f"{family.name}: version {session.version} < 1 + {family.acked_saves} saves"  # type: ignore[attr-defined]
            )
    service.database.dispose()
    return sum(1 for f in families if f.reached_step_1), acked, problems


# ---------------------------------------------------------------------------- report


def fmt_load(load: tuple[float, float, float]) -> str:
    return "/".join(f"{x:.1f}" for x in load)


def print_phases(phases: list[Phase]) -> None:
    print(
        f"\n{'app':<8}{'N':>4}{'think':>6}{'clicks':>7}{'p50 s':>8}{'p95 s':>8}{'clicks/s':>9}"
        f"{'CPU ms/click':>13}{'MiB/family':>11}{'RSS MiB':>8}{'bg runs':>8}{'errors':>7}"
        "  load 1/5/15 before -> after"
    )
    for p in phases:
        p50, p95 = p.percentiles()
        errors = sum(1 for f in p.results if f.error)
        print(
            f"{p.app:<8}{p.families:>4}{p.think:>6.1f}{len(p.clicks):>7}{p50:>8.3f}{p95:>8.3f}"
            f"{len(p.clicks) / p.wall:>9.2f}{p.cpu_per_click() * 1000:>13.1f}"
            f"{p.rss_per_family / 2**20:>11.2f}{p.rss_end / 2**20:>8.0f}"
            f"{sum(f.fragment_runs for f in p.results):>8}{errors:>7}  "
            f"{fmt_load(p.load_before)} -> {fmt_load(p.load_after)}"
        )


def ratio(product: float, floor: float) -> str:
    return f"{product / floor:.1f}x" if floor > 0 else "n/a"


def print_ratios(phases: list[Phase]) -> None:
    groups: dict[tuple[int, float], dict[str, list[Phase]]] = defaultdict(lambda: defaultdict(list))
    for p in phases:
        groups[(p.families, p.think)][p.app].append(p)
    print("\nproduct / floor, same run (median over rounds)")
    print(f"{'N':>4}{'think':>6}  {'p50 s':<22}{'p95 s':<22}{'clicks/s':<22}{'server CPU per click':<22}")
    for (n, think), apps in sorted(groups.items()):
        if not apps.get("product") or not apps.get("floor"):
            continue

        def med(app: str, value, apps=apps) -> float:
            return statistics.median(value(p) for p in apps[app])

        cells = []
        for value in (
            lambda p: p.percentiles()[0],
            lambda p: p.percentiles()[1],
            lambda p: len(p.clicks) / p.wall,
        ):
            product, floor = med("product", value), med("floor", value)
            cells.append(f"{product:.2f} / {floor:.2f} = {ratio(product, floor)}")
        product, floor = med("product", Phase.cpu_per_click) * 1000, med("floor", Phase.cpu_per_click) * 1000
        cells.append(f"{product:.1f} / {floor:.1f} ms = {ratio(product, floor)}")
        print(f"{n:>4}{think:>6.1f}  " + "".join(f"{c:<22}" for c in cells))


def print_messages(phases: list[Phase]) -> None:
    by_target: dict[tuple[str, int], list[Click]] = defaultdict(list)
    for p in phases:
        if p.app == "product" and p.families == 1:
            for family in p.results:
                for click in family.clicks:
                    by_target[(click.kind, click.target)].append(click)
    if not by_target:
        return
    print("\nForwardMsgs and bytes per product click (N=1): the whole click, and its last run alone")
    print(f"{'click':<12}{'runs':>5}{'messages':>10}{'KiB':>9}{'last run msgs':>15}{'last run KiB':>14}")
    for (kind, target), clicks in sorted(by_target.items(), key=lambda item: (item[0][1], item[0][0])):

        def med(attribute: str, clicks=clicks) -> float:
            return statistics.median(getattr(c, attribute) for c in clicks)

        print(
            f"{f'{kind} ->{target}':<12}{med('runs'):>5.0f}{med('messages'):>10.0f}"
            f"{med('bytes') / 1024:>9.1f}"
            f"{med('final_messages'):>15.0f}{med('final_bytes') / 1024:>14.1f}"
        )


def print_failures(phases: list[Phase]) -> int:
    product = [f for p in phases if p.app == "product" for f in p.results]
    never = [f for f in product if not f.reached_step_1]
    errors = [f for f in product + [f for p in phases if p.app == "floor" for f in p.results] if f.error]
    print(f"\nfamilies that pressed 'Beginnen': {len(product)}; never reached step 1: {len(never)}")
    for family in errors[:10]:
        print(f"  {family.name}: {family.error}")
    if len(errors) > 10:
        print(f"  ... and {len(errors) - 10} more")
    return len(never)


# ---------------------------------------------------------------------------- main


def schedule(args: argparse.Namespace) -> Iterator[tuple[str, int, float]]:
    """Floor and product alternate; the order flips every round so neither always goes first."""
    for round_number in range(args.rounds):
        for n in args.families:
            order = ("floor", "product") if round_number % 2 == 0 else ("product", "floor")
            for app in order:
                yield app, n, args.think
    if args.saturation:
        for app in ("floor", "product"):
            yield app, args.saturation, 0.0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    parser.add_argument("--families", type=int, nargs="+", default=[1, 10, 50], help="N per phase")
    parser.add_argument("--think", type=float, default=5.0, help="mean think time between clicks, s")
    parser.add_argument("--clicks", type=int, default=12, help="clicks per family per phase (after Begin)")
    parser.add_argument("--rounds", type=int, default=2, help="floor/product rounds per N")
    parser.add_argument("--saturation", type=int, default=10, help="families for the think-0 phase (0: none)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds one click may take")
    parser.add_argument("--app-dir", type=Path, default=REPO, help="checkout whose app is measured")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="config override")
    parser.add_argument("--quick", action="store_true", help="N = 1, 10; 6 clicks; one round")
    parser.add_argument(
        "--no-message-cache",
        action="store_true",
        help="clients keep no cacheable messages (every element arrives in full, as on a first visit)",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.quick:
        args.families, args.clicks, args.rounds = [1, 10], 6, 1
    app_dir = args.app_dir.resolve()
    print(f"bench_server: app {app_dir}, {os.cpu_count()} cores, load {fmt_load(os.getloadavg())}")
    print(f"families {args.families}, think {args.think} s, {args.clicks} clicks, {args.rounds} round(s)")
    if args.set:
        print(f"config overrides: {' '.join(args.set)}")

    with tempfile.TemporaryDirectory(prefix="bench-server-") as tmp:
        folder = Path(tmp)
        floor_dir, product_dir = folder / "floor", folder / "product"
        floor_dir.mkdir()
        product_dir.mkdir()
        (floor_dir / "bare_app.py").write_text(BARE_APP)
        config = app_dir / ".streamlit" / "config.toml"
        if config.exists():  # the same server settings for the floor
            (floor_dir / ".streamlit").mkdir()
            shutil.copy(config, floor_dir / ".streamlit" / "config.toml")
        floor = start_server("floor", floor_dir / "bare_app.py", floor_dir, floor_dir, args.set)
        product = start_server("product", app_dir / "streamlit_app.py", app_dir, product_dir, args.set)
        phases: list[Phase] = []
        try:
            for index, (app, n, think) in enumerate(schedule(args)):
                server = product if app == "product" else floor
                started = sum(p.families for p in phases)
                phase = asyncio.run(run_phase(server, app, n, think, args, args.seed + index, started))
                phases.append(phase)
                p50, p95 = phase.percentiles()
                print(
                    f"  {app:<8} N={n:<3} think {think:.1f}: p50 {p50:.3f} s, p95 {p95:.3f} s, "
                    f"{len(phase.clicks) / phase.wall:.2f} clicks/s, load {fmt_load(phase.load_after)}",
                    flush=True,
                )
            product_families = [f for p in phases if p.app == "product" for f in p.results]
            checked, acked, problems = check_saves(product, app_dir, product_families)
        finally:
            floor.stop()
            product.stop()

    print_phases(phases)
    print_ratios(phases)
    print_messages(phases)
    lost_families = print_failures(phases)
    print(f"database check: {checked} sessions, {acked} acknowledged saves; problems: {len(problems)}")
    for problem in problems[:20]:
        print(f"  {problem}")
    print(f"\nload average at the end: {fmt_load(os.getloadavg())}")
    return 1 if problems or lost_families else 0


if __name__ == "__main__":
    sys.exit(main())

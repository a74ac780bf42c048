"""A headless Streamlit 1.67 client speaking the browser's own protocol, for load benchmarks.

What the 1.67 frontend does, and so what this does:
1. GET /_stcore/health: the server sets the `_streamlit_xsrf` cookie.
2. Open the websocket /_stcore/stream with that cookie, an Origin header of the same host,
   and the subprotocols ["streamlit", <xsrf cookie value>] (the server checks the second
   entry against the cookie; a third entry would be a session id to reconnect to).
3. Send BackMsg.rerun_script with a ClientState (page script hash, widget states, locale).
   The server answers with ForwardMsgs: new_session at the start of every script run, one
   delta per element (metadata.delta_path is its place on screen), navigation after a page
   switch, and script_finished when the run ends (FINISHED_EARLY_FOR_RERUN when st.rerun()
   or st.switch_page() started another run).
Fragments with `run_every` (auto_rerun messages) are rerun on their interval, as the
browser's timer does, whenever the driver is idle (think time).
A click is a rerun_script whose widget states hold `trigger_value=True` for the button,
plus the values of the inputs the client set. Like the browser, the client keeps the
messages the server marked cacheable (metadata.cacheable, >= global.minCachedMessageSize)
for `max_cached_message_age` runs and lists their hashes in each rerun; the server then
sends a short ref_hash message instead of the element again (message_cache=False turns this
off: every message arrives in full, what a first-time browser receives).

Widgets are found by label or by the user key that 1.67 puts at the end of the element id
("$$ID-<hash>-<user key>"), never by a hard-coded id.
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from google.protobuf.message import Message
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

FINISHED_OK = ForwardMsg.FINISHED_SUCCESSFULLY
FINISHED_RERUN = ForwardMsg.FINISHED_EARLY_FOR_RERUN
FINISHED_FRAGMENT = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
WIDGET_KINDS = ("button", "radio", "text_input", "checkbox", "selectbox", "text_area", "number_input")
_TEXT_FIELDS = ("body", "label", "text", "value", "caption")
_USER_KEY = re.compile(r"^\$\$ID-[0-9a-f]+-(?P<key>.+)$")


class ProtocolError(RuntimeError):
    """The server closed the connection, or a run did not show what was expected in time."""


@dataclass
class Element:
    kind: str
    proto: Message
    path: tuple[int, ...]

    @property
    def widget_id(self) -> str:
        return getattr(self.proto, "id", "")

    @property
    def user_key(self) -> str:
        match = _USER_KEY.match(self.widget_id)
        return match.group("key") if match else ""

    @property
    def label(self) -> str:
        return getattr(self.proto, "label", "")

    def text(self) -> str:
        """The element's visible text (html body, markdown, label...), for matching headings."""
        return " ".join(str(getattr(self.proto, name)) for name in _TEXT_FIELDS if hasattr(self.proto, name))


@dataclass
class Run:
    """Everything one script run sent: elements by screen position, message and byte counts."""

    elements: dict[tuple[int, ...], Element] = field(default_factory=dict)
    messages: int = 0
    bytes: int = 0
    status: int | None = None

    def texts(self) -> Iterable[str]:
        return (element.text() for element in self.elements.values())

    def find(
        self, kind: str, *, labels: Iterable[str] = (), key_suffix: str = "", key_part: str = ""
    ) -> Element | None:
        """The first widget of `kind` whose label is one of `labels`, whose user key ends with
        `key_suffix` or contains `key_part` (any may be left empty)."""
        wanted = {label.casefold() for label in labels}
        for element in self.elements.values():
            if element.kind != kind:
                continue
            if element.label.replace("\\", "").casefold() in wanted:  # labels arrive Markdown-escaped
                return element
            if key_suffix and element.user_key.endswith(key_suffix):
                return element
            if key_part and key_part in element.user_key:
                return element
        return None


@dataclass
class Result:
    """What a rerun caused: the last complete run, and totals over all runs it took."""

    final: Run
    runs: int
    messages: int
    bytes: int
    seconds: float


class StreamlitClient:
    """One browser tab. Not thread-safe; one asyncio task drives it."""

    def __init__(
        self, base_url: str, *, locale: str = "nl-NL", timeout: float = 180.0, message_cache: bool = True
    ) -> None:
        self.message_cache = message_cache
        self.cache: dict[str, tuple[ForwardMsg, int]] = {}
        """Cacheable messages by hash, with the number of runs since they were last used."""
        self.max_cached_message_age = 2
        self.base_url = base_url.rstrip("/")
        self.locale = locale
        self.timeout = timeout
        self.page_script_hash = ""
        self.values: dict[str, WidgetState] = {}
        """Inputs this client has set, re-sent with every rerun while they are on screen."""
        self.screen = Run()
        self.fragment_intervals: dict[str, float] = {}
        self.fragments_due: dict[str, float] = {}
        """`run_every` fragments (the idle check): when the browser would rerun each next."""
        self._ws: ClientConnection | None = None

    async def connect(self) -> None:
        cookie = await asyncio.to_thread(self._xsrf_cookie)
        host = self.base_url.split("://", 1)[1]
        self._ws = await connect(
            f"ws://{host}/_stcore/stream",
            subprotocols=["streamlit", cookie] if cookie else ["streamlit"],  # type: ignore[list-item]
            additional_headers={"Origin": self.base_url, "Cookie": f"_streamlit_xsrf={cookie}"},
            max_size=None,
            compression=None,
            open_timeout=self.timeout,
            ping_interval=None,
        )

    def _xsrf_cookie(self) -> str:
        with urllib.request.urlopen(f"{self.base_url}/_stcore/health", timeout=self.timeout) as response:
            for header in response.headers.get_all("Set-Cookie") or []:
                morsel = SimpleCookie(header).get("_streamlit_xsrf")
                if morsel is not None:
                    return morsel.value
        return ""

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    # ------------------------------------------------------------------ runs

    async def load(self, until: Callable[[Run], bool] = lambda run: True) -> Result:
        """The first page load (what the browser sends when it opens the app)."""
        return await self.rerun([], until=until)

    async def click(self, button: Element, until: Callable[[Run], bool], **inputs: object) -> Result:
        """Press `button` (after setting `inputs`, widget id -> value) and wait for a finished
        run that satisfies `until`."""
        for widget_id, value in inputs.items():
            self.set_value(widget_id, value)
        trigger = WidgetState(id=button.widget_id, trigger_value=True)
        return await self.rerun([trigger], until=until)

    def set_value(self, widget_id: str, value: object) -> None:
        state = WidgetState(id=widget_id)
        if isinstance(value, bool):
            state.bool_value = value
        elif isinstance(value, int):
            state.int_value = value
        elif isinstance(value, float):
            state.double_value = value
        else:
            state.string_value = str(value)
        self.values[widget_id] = state

    def next_fragment_due(self) -> float | None:
        """When (time.perf_counter) the browser would next rerun a `run_every` fragment."""
        return min(self.fragments_due.values(), default=None)

    async def rerun_due_fragments(self) -> int:
        """Rerun every fragment whose interval has passed, as the browser's timer does."""
        done = 0
        for fragment_id, due in list(self.fragments_due.items()):
            if due <= time.perf_counter() and fragment_id in self.fragments_due:
                await self.rerun([], until=lambda run: True, fragment_id=fragment_id)
                if fragment_id in self.fragments_due:
                    self.fragments_due[fragment_id] = (
                        time.perf_counter() + self.fragment_intervals[fragment_id]
                    )
                done += 1
        return done

    async def rerun(
        self, extra: list[WidgetState], *, until: Callable[[Run], bool], fragment_id: str = ""
    ) -> Result:
        if self._ws is None:
            raise ProtocolError("not connected")
        on_screen = {e.widget_id for e in self.screen.elements.values() if e.widget_id}
        states = [s for wid, s in self.values.items() if wid in on_screen or not on_screen]
        message = BackMsg()
        client_state = message.rerun_script
        client_state.page_script_hash = self.page_script_hash
        client_state.widget_states.widgets.extend([*states, *extra])
        client_state.context_info.locale = self.locale
        client_state.context_info.timezone = "Europe/Amsterdam"
        client_state.cached_message_hashes.extend(self.cache)
        if fragment_id:
            client_state.fragment_id = fragment_id
            client_state.is_auto_rerun = True
        start = time.perf_counter()
        await self._ws.send(message.SerializeToString())
        return await self._until(until, start, fragment=bool(fragment_id))

    async def _until(self, until: Callable[[Run], bool], start: float, *, fragment: bool = False) -> Result:
        assert self._ws is not None
        runs = messages = size = 0
        run = Run()
        deadline = start + self.timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise ProtocolError(f"no finished run showing what was expected within {self.timeout:.0f} s")
            try:
                data = await asyncio.wait_for(self._ws.recv(), remaining)
            except TimeoutError:
                continue
            except Exception as error:  # connection closed
                raise ProtocolError(f"connection lost: {error}") from error
            assert isinstance(data, bytes)
            msg = ForwardMsg()
            msg.ParseFromString(data)
            messages += 1
            size += len(data)
            msg = self._through_cache(msg)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                run = Run()
                if msg.new_session.HasField("config"):
                    self.max_cached_message_age = msg.new_session.config.max_cached_message_age or 2
                if msg.new_session.page_script_hash:
                    self.page_script_hash = msg.new_session.page_script_hash
            elif kind == "navigation" and msg.navigation.page_script_hash:
                self.page_script_hash = msg.navigation.page_script_hash
            elif kind == "auto_rerun":
                fragment_id, interval = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
                self.fragment_intervals[fragment_id] = interval
                self.fragments_due.setdefault(fragment_id, time.perf_counter() + interval)
            elif kind == "stop_auto_rerun":
                for stopped in msg.stop_auto_rerun.fragment_ids:
                    self.fragments_due.pop(stopped, None)
            elif kind == "delta":
                self._apply(run, msg)
            run.messages += 1
            run.bytes += len(data)
            if kind == "script_finished":
                run.status = msg.script_finished
                if run.status == FINISHED_OK:
                    self._age_cache()
                    runs += 1
                    self.screen = run
                    if not fragment and until(run):
                        return Result(run, runs, messages, size, time.perf_counter() - start)
                elif run.status == FINISHED_FRAGMENT:
                    runs += 1
                    if fragment:  # the screen stays: a fragment run redraws only its own part
                        return Result(run, runs, messages, size, time.perf_counter() - start)
                elif run.status == FINISHED_RERUN:
                    runs += 1

    def _through_cache(self, msg: ForwardMsg) -> ForwardMsg:
        """Store a cacheable message; replace a reference by the stored message (as the
        browser does, with the reference's metadata: its place on screen)."""
        if not self.message_cache:
            return msg
        if msg.WhichOneof("type") == "ref_hash":
            cached = self.cache.get(msg.ref_hash)
            if cached is None:
                raise ProtocolError(f"reference to a message the client does not have: {msg.ref_hash}")
            full = ForwardMsg()
            full.CopyFrom(cached[0])
            full.metadata.CopyFrom(msg.metadata)
            self.cache[msg.ref_hash] = (cached[0], 0)
            return full
        if msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = (msg, 0)
        return msg

    def _age_cache(self) -> None:
        self.cache = {
            key: (msg, age + 1)
            for key, (msg, age) in self.cache.items()
            if age + 1 <= self.max_cached_message_age
        }

    @staticmethod
    def _apply(run: Run, msg: ForwardMsg) -> None:
        delta = msg.delta
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind is None:
            return
        path = tuple(msg.metadata.delta_path)
        run.elements[path] = Element(kind, getattr(element, kind), path)

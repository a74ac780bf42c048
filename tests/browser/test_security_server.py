"""The security of the running server (`streamlit run streamlit_app.py`), over HTTP and in
Chromium: no request leaves the machine when foreign pages try to open a websocket, the
health check keeps answering meanwhile, every answer carries the security headers, the
metrics and host-config routes tell nothing, and no other site can frame the app."""

from __future__ import annotations

import base64
import os
import re
import socket
import statistics
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_server import ROOT, Server, start_server
from playwright.sync_api import Browser

NET_AUDIT = Path(__file__).with_name("net_audit")
PAGES = ["", "start", "wizard", "compare", "finish", "summary", "clinician_sessions", "clinician_session"]
HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}


@pytest.fixture
def audited(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    """A server started as `./dev app` starts it (address from the configuration), with an
    audit hook that writes down every attempt to reach another machine."""
    log = tmp_path / "outbound.log"
    server = start_server(
        tmp_path,
        address=None,
        PYTHONPATH=os.pathsep.join([str(NET_AUDIT), str(ROOT)]),
        SDM_AID_NET_AUDIT_LOG=str(log),
    )
    yield server, log
    server.stop()


def port_of(server: Server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def handshake(server: Server, origin: str) -> tuple[int, dict[str, str]]:
    """A websocket upgrade request to Streamlit's stream; the status and headers of the answer."""
    port = port_of(server)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {origin}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
        connection.sendall(request.encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    return status, {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in head[1:])}


def health_seconds(server: Server) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=60) as response:
        assert response.read().strip() == b"ok"
    return time.perf_counter() - started


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def test_refused_handshakes_send_nothing_off_the_machine_and_health_keeps_answering(
    audited: tuple[Server, Path],
) -> None:
    server, log = audited
    baseline = statistics.median(health_seconds(server) for _ in range(10))

    statuses: list[int] = []
    during: list[float] = []
    threads = [
        threading.Thread(target=lambda n=n: statuses.append(handshake(server, f"http://evil{n}.example")[0]))
        for n in range(8)
    ]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads) or len(during) < 10:
        during.append(health_seconds(server))
    for thread in threads:
        thread.join()

    assert statuses == [403] * 8
    outbound = log.read_text().splitlines() if log.exists() else []
    assert outbound == [], f"{len(outbound)} attempts to reach another machine: {sorted(set(outbound))}"
    # Its normal time: the same as before the handshakes, with a wide margin for a busy machine.
    assert statistics.median(during) <= max(10 * baseline, baseline + 0.25), (baseline, during)
    assert max(during) < baseline + 1.0, (baseline, during)
    # The app's own pages still connect.
    assert handshake(server, f"http://localhost:{port_of(server)}")[0] == 101
    assert handshake(server, server.url)[0] == 101


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(tmp_path_factory.mktemp("security"))
    yield server
    server.stop()


def assert_security_headers(headers: dict[str, str], what: str) -> None:
    for name, value in HEADERS.items():
        assert headers.get(name) == value, (what, name, headers.get(name))
    policy = headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in policy, what
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0], what
    assert "camera=()" in headers.get("permissions-policy", ""), what


def test_every_answer_carries_the_security_headers(shared_server: Server) -> None:
    url = shared_server.url
    status, headers, index = get(f"{url}/")
    assert status == 200
    assert_security_headers(headers, "/")
    assets = re.findall(r'(?:src|href)="\./(static/[^"]+)"', index.decode())
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    paths = [*PAGES, "favicon.png", "manifest.json", "_stcore/health", "_stcore/host-config", "nothing/here"]
    paths += [next(a for a in assets if a.endswith(ext)) for ext in (".js", ".css", ".woff2")]
    for path in paths:
        status, headers, _ = get(f"{url}/{path}")
        assert status in (200, 404), (path, status)
        assert_security_headers(headers, path)
    status, headers = handshake(shared_server, url)
    assert status == 101
    assert_security_headers(headers, "websocket handshake")


def test_metrics_are_not_public_and_no_other_site_may_message_the_app(shared_server: Server) -> None:
    status, headers, body = get(f"{shared_server.url}/_stcore/metrics")
    assert status == 404 and b"session" not in body.lower()
    assert_security_headers(headers, "metrics")
    status, _, body = get(f"{shared_server.url}/_stcore/host-config")
    assert status == 200 and b'"allowedOrigins":[]' in body.replace(b" ", b"")
    assert b"streamlit.app" not in body


@pytest.mark.browser
@pytest.mark.parametrize("path", ["clinician_session", ""])
def test_no_other_site_can_frame_the_app(path: str, shared_server: Server, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    failures: list[str] = []
    page.on("requestfailed", lambda request: failures.append(f"{request.url} {request.failure}"))
    target = f"{shared_server.url}/{path}"
    # The page of another site (here about:blank) frames the app and notes when the frame is done.
    page.set_content(f'<iframe id="app" src="{target}" onload="this.dataset.done = 1"></iframe>')
    page.wait_for_function("() => document.getElementById('app').dataset.done === '1'", timeout=30_000)
    [framed] = [frame for frame in page.frames if frame != page.main_frame]
    assert framed.url.startswith("chrome-error://"), framed.url  # Chromium's error page, not the app
    assert framed.locator('[data-testid="stApp"]').count() == 0
    assert any(target in failure and "BLOCKED_BY_RESPONSE" in failure for failure in failures), failures
    context.close()


# Long.js (inside Streamlit's protobuf bundle) tries to compile a tiny WebAssembly module for
# 64-bit multiplication and falls back to plain JavaScript when that is refused: allowed to fail.
KNOWN_REFUSALS = {"script-src wasm-eval"}
WATCH_POLICY = """
window.__sdmRefused = [];
document.addEventListener('securitypolicyviolation', e => window.__sdmRefused.push(
  `${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`.trim()));
"""


@pytest.mark.browser
def test_the_app_works_under_its_policy(shared_server: Server, browser: Browser) -> None:
    """Start, a new step (the app's scroll script), Compare and the clinician login, with the
    policy in force: nothing the app needs is refused."""
    from test_browser_app import begin_with_test_grid, button, shown

    context = browser.new_context(locale="nl-NL")
    context.add_init_script(WATCH_POLICY)
    page = context.new_page()
    refused: set[str] = set()

    def collect() -> None:
        refused.update(page.evaluate("window.__sdmRefused"))

    begin_with_test_grid(page, shared_server, "nl")
    page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTo({top: 400})")
    button(page, "Volgende")
    shown(page, "Stap 2 van 9")
    page.wait_for_function("() => document.querySelector('[data-testid=\"stMain\"]').scrollTop === 0")
    collect()
    for path, text in (
        ("compare", "De keuzes vergelijken"),
        ("clinician_sessions", "Inloggen voor hulpverleners"),
    ):
        page.goto(f"{shared_server.url}/{path}")
        shown(page, text)
        collect()
    assert refused <= KNOWN_REFUSALS, refused
    context.close()

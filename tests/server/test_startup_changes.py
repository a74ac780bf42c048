"""The start-up changes of sdm_ui/server: the origin check asks nobody outside, and
X-Forwarded-For counts only from the configured proxies (with uvicorn as the server loads
it), and the settings are checked."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
import uvicorn
import uvicorn.config
from own_loop import run_in_own_loop
from streamlit import net_util
from streamlit.web.server import server_util

from sdm_aid.config import ConfigError, load_trusted_proxies
from sdm_ui.server import offline, proxies

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def restore(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo the process-wide replacements after the test."""
    for name in ("get_external_ip", "get_internal_ip"):
        monkeypatch.setattr(net_util, name, getattr(net_util, name))
    monkeypatch.setattr(uvicorn.config, "ProxyHeadersMiddleware", uvicorn.config.ProxyHeadersMiddleware)


def test_a_refused_origin_is_decided_without_the_network(restore, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[object] = []

    def record(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "getaddrinfo", record)
    monkeypatch.setattr(socket.socket, "connect", record)
    offline.keep_offline()
    assert offline.is_offline()
    assert not server_util.is_url_from_allowed_origins("http://evil.example")
    assert server_util.is_url_from_allowed_origins("http://localhost:8501")
    assert attempts == []


def client_seen(trusted: tuple[str, ...], client: tuple[str, int], forwarded: str | None) -> tuple[str, int]:
    """What the app sees as the client, behind uvicorn's proxy handling as the server loads it."""
    seen: list[tuple[str, int]] = []

    async def app(scope, receive, send) -> None:
        seen.append(scope["client"])

    proxies.trust_forwarded_headers_from(trusted)
    config = uvicorn.Config(app, proxy_headers=True, lifespan="off", log_level="warning")
    config.load()
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded else []
    scope = {"type": "http", "path": "/", "headers": headers, "client": client}
    run_in_own_loop(config.loaded_app(scope, None, None))
    return seen[0]


def test_forwarded_for_from_this_machine_is_not_believed_by_default(restore) -> None:
    assert client_seen((), ("127.0.0.1", 50000), "203.0.113.9") == ("127.0.0.1", 50000)
    assert client_seen((), ("::1", 50000), "203.0.113.9") == ("::1", 50000)
    assert client_seen((), ("10.0.0.7", 50000), "203.0.113.9") == ("10.0.0.7", 50000)


def test_forwarded_for_from_a_configured_proxy_names_the_client(restore) -> None:
    trusted = load_trusted_proxies({"SDM_AID_TRUSTED_PROXIES": "127.0.0.1"})
    # A proxy appends the address it saw; what the client wrote itself stands further left.
    assert client_seen(trusted, ("127.0.0.1", 50000), "198.51.100.1, 203.0.113.9")[0] == "203.0.113.9"
    # Another machine is no proxy of ours: its header is ignored.
    assert client_seen(trusted, ("10.0.0.7", 50000), "203.0.113.9") == ("10.0.0.7", 50000)


def test_the_server_module_makes_both_changes_when_uvicorn_imports_it() -> None:
    """What `streamlit run streamlit_app.py` does: uvicorn imports `streamlit_app:app`, then
    wraps it in its proxy handling. Checked in a fresh interpreter."""
    probe = (
        "import uvicorn, streamlit.net_util as n\n"
        "c = uvicorn.Config('streamlit_app:app', lifespan='off')\n"
        "c.load()\n"
        "t = c.loaded_app.trusted_hosts\n"
        "print(n.get_external_ip(), n.get_internal_ip(), t.always_trust, sorted(map(str, t.trusted_hosts)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "SDM_AID_TRUSTED_PROXIES": "127.0.0.1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "None None False ['127.0.0.1']"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", ()),
        ("127.0.0.1", ("127.0.0.1",)),
        (" 10.0.0.5 , 10.1.0.9/24,::1 ", ("10.0.0.5", "10.1.0.0/24", "::1")),
    ],
)
def test_trusted_proxies_setting(raw: str, expected: tuple[str, ...]) -> None:
    assert load_trusted_proxies({"SDM_AID_TRUSTED_PROXIES": raw}) == expected


@pytest.mark.parametrize("raw", ["proxy.example.org", "10.0.0.300", "*"])
def test_trusted_proxies_setting_refuses_what_is_no_address(raw: str) -> None:
    with pytest.raises(ConfigError, match="SDM_AID_TRUSTED_PROXIES"):
        load_trusted_proxies({"SDM_AID_TRUSTED_PROXIES": raw})

"""The security middleware on its own (plain ASGI, no server): headers on every kind of
answer, Streamlit's metrics not served, and a policy that allows only the listed scripts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from own_loop import run_in_own_loop

from sdm_ui import page_scripts
from sdm_ui.server import csp
from sdm_ui.server.headers import SecurityHeaders

ROOT = Path(__file__).resolve().parents[2]
POLICY = csp.policy()
EXPECTED = {
    b"content-security-policy": POLICY.encode(),
    b"x-frame-options": b"DENY",
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
}


def run(app, scope: dict) -> list[dict]:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "websocket.connect"} if scope["type"] == "websocket" else {"type": "http.request"}

    async def send(message: dict) -> None:
        sent.append(message)

    run_in_own_loop(SecurityHeaders(app, content_security_policy=POLICY)(scope, receive, send))
    return sent


async def page(scope, receive, send) -> None:
    # Streamlit's answer, with a header of the same name that must not survive.
    await send({"type": "http.response.start", "status": 200, "headers": [(b"x-frame-options", b"ALLOWALL")]})
    await send({"type": "http.response.body", "body": b"<html></html>"})


async def websocket(scope, receive, send) -> None:
    await send({"type": "websocket.accept"})


def headers(message: dict) -> dict[bytes, bytes]:
    found: dict[bytes, bytes] = {}
    for name, value in message["headers"]:
        assert name not in found, f"{name!r} twice"
        found[name] = value
    return found


@pytest.mark.parametrize("path", ["/", "/wizard", "/static/js/index.js", "/_stcore/health", "/media/x.pdf"])
def test_every_http_answer_gets_the_headers(path: str) -> None:
    start, body = run(page, {"type": "http", "path": path, "headers": []})
    assert EXPECTED.items() <= headers(start).items()
    assert b"permissions-policy" in headers(start) and body["body"] == b"<html></html>"


def test_the_websocket_handshake_gets_them_too() -> None:
    [accept] = run(websocket, {"type": "websocket", "path": "/_stcore/stream", "headers": []})
    assert EXPECTED.items() <= headers(accept).items()


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_stcore/metrics/", "/base/_stcore/metrics"])
def test_metrics_are_not_served(path: str) -> None:
    async def streamlit(scope, receive, send) -> None:
        raise AssertionError("Streamlit's metrics route must not be reached")

    start, body = run(streamlit, {"type": "http", "path": path, "headers": []})
    assert start["status"] == 404 and body["body"] == b"Not found"
    assert EXPECTED.items() <= headers(start).items()


def test_the_policy_refuses_framing_plugins_other_sites_and_unlisted_scripts() -> None:
    directives = dict(part.split(" ", 1) for part in POLICY.split("; "))
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert directives["default-src"] == "'self'"
    script_sources = directives["script-src"].split()
    assert script_sources[:2] == ["'self'", "blob:"]  # blob: only for the custom components' modules
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", source) for source in script_sources[2:])
    assert "http" not in POLICY and "*" not in POLICY


def test_the_policy_lists_each_page_script_and_streamlits_own() -> None:
    hashes = set(dict(part.split(" ", 1) for part in POLICY.split("; "))["script-src"].split()[2:])
    ours = {csp.script_hash(script) for script in page_scripts.ALL}
    streamlits = {csp.script_hash(script) for script in csp.streamlit_inline_scripts()}
    assert streamlits, "Streamlit's index.html has an inline script the policy must allow"
    assert hashes == ours | streamlits


def test_a_script_hash_is_the_hash_a_browser_computes() -> None:
    # The example from the CSP specification's "hash-source" section.
    assert (
        csp.script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )


def test_no_script_is_written_anywhere_else() -> None:
    """A script outside sdm_ui/page_scripts.py would have no hash in the policy."""
    sources = [*ROOT.joinpath("sdm_ui").rglob("*.py"), *ROOT.joinpath("pages").glob("*.py")]
    sources.append(ROOT / "streamlit_app.py")
    offenders = [
        str(path.relative_to(ROOT))
        for path in sources
        if path.name not in ("page_scripts.py", "csp.py")
        and re.search(r"<script|javascript:|\bon[a-z]+=", path.read_text())
    ]
    assert offenders == []


def test_only_listed_scripts_can_be_put_into_a_page() -> None:
    assert page_scripts.script_tag(page_scripts.PRINT_BUTTONS).startswith("<script>document")
    with pytest.raises(ValueError, match="only the scripts listed"):
        page_scripts.script_tag("alert(1)")

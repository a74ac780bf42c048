"""The clinician review in a real browser (Debian's Chromium driven by Playwright) against
`streamlit run` on a free port, with a temporary data folder seeded by the CLI:
`sdm-aid demo --sessions 40` and `sdm-aid users add NAME --password-stdin`.

- A deep link to each clinician page as the FIRST request of a freshly started server shows
  the login form and nothing else (Streamlit's legacy `pages/` mode runs the page file alone).
- Log in, filter overdue follow-ups, open a summary, download the clinician PDF: it starts
  with %PDF and pypdf finds the decision text in it; the download is in the access log.
- Screenshots of the clinician pages at 1280x800 go to the `shots` folder of
  tests/browser/conftest.py ($SDM_AID_SCREENSHOT_DIR), for a person to look at.

Servers and Chromium come from the wizard's browser fixtures (conftest.py, app_server.py).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from app_server import LAPTOP, ROOT, Server, start_server
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from sdm_aid.config import load_settings
from sdm_aid.render.pinned import pinned_grid
from sdm_aid.render.summary import build_summary
from sdm_aid.services.clinicians import AccessLog
from sdm_aid.services.sessions import SessionService

pytestmark = pytest.mark.browser

USERNAME = "a.devries"
PASSWORD = "correct horse battery staple"
TIMEOUT_MS = 30_000


def cli(env: dict[str, str], *args: str, stdin: str | None = None) -> None:
    subprocess.run(
        [sys.executable, "-m", "sdm_aid.cli.main", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        text=True,
        check=True,
        capture_output=True,
        timeout=120,
    )


@dataclass
class Clinic:
    server: Server
    env: dict[str, str]


@pytest.fixture
def clinic(tmp_path: Path) -> Iterator[Clinic]:
    """A freshly started server (no page requested yet) whose data folder the CLI seeds."""
    server = start_server(tmp_path)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SDM_AID_DATA_DIR": str(tmp_path / "data"),
        "SDM_AID_GRID_DIR": str(tmp_path / "grids"),
    }
    env.pop("SDM_AID_DATABASE_URL", None)
    try:
        cli(env, "demo", "--sessions", "40")
        cli(env, "users", "add", USERNAME, "--password-stdin", stdin=PASSWORD + "\n")
        yield Clinic(server, env)
    finally:
        server.stop()


def new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport=LAPTOP, locale="en-GB", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page


def screenshot(page: Page, folder: Path, name: str) -> None:
    page.wait_for_load_state("networkidle")  # widget code is loaded on first use
    settle(page)  # the last rerun has painted
    page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


def settle(page: Page) -> None:
    """Wait until Streamlit has finished the current run."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT_MS
    )


def expect_only_the_login_form(page: Page) -> None:
    expect(page.get_by_text("Log in for clinicians")).to_be_visible()
    expect(page.get_by_role("textbox", name="Username", exact=True)).to_be_visible()
    expect(page.get_by_role("textbox", name="Password", exact=True)).to_be_visible()
    settle(page)
    main = page.locator('[data-testid="stMain"]')
    assert main.locator('[data-testid="stException"]').count() == 0
    assert main.locator('[data-testid="stDownloadButton"]').count() == 0
    assert main.locator('[data-testid="stSelectbox"]').count() == 0
    assert main.locator(".sdm-summary").count() == 0
    assert "sessions found" not in main.inner_text()
    names = [
        (button.get_attribute("aria-label") or button.inner_text()).split("\n")[-1].strip()
        for button in main.locator("button").all()
    ]
    assert sorted(names) == ["Log in", "Show password"], names


def log_in(page: Page) -> None:
    page.get_by_role("textbox", name="Username", exact=True).fill(USERNAME)
    page.get_by_role("textbox", name="Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


@pytest.mark.parametrize("path", ["clinician_sessions", "clinician_session"])
def test_a_cold_deep_link_shows_only_the_login_form(
    browser: Browser, clinic: Clinic, shots: Path, path: str
) -> None:
    page = new_page(browser)
    page.goto(f"{clinic.server.url}/{path}")
    expect_only_the_login_form(page)
    screenshot(page, shots, f"clinician-login-cold-{path}")
    page.context.close()


def test_cold_family_summary_link_starts_cleanly(browser: Browser, clinic: Clinic) -> None:
    page = new_page(browser)
    page.goto(f"{clinic.server.url}/summary")
    expect(page.get_by_text("No conversation is open on this screen.")).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    page.context.close()


def test_log_in_filter_overdue_open_and_download_the_pdf(
    browser: Browser, clinic: Clinic, shots: Path
) -> None:
    page = new_page(browser)
    page.goto(f"{clinic.server.url}/clinician_sessions")  # the first request of this server
    expect_only_the_login_form(page)
    log_in(page)
    service = SessionService.from_settings(load_settings(clinic.env))
    attention = service.list_sessions(follow_up="attention", limit=50)
    # the list opens on what needs attention: overdue first, then due
    expect(page.get_by_text(f"{attention.total} sessions found")).to_be_visible()
    settle(page)
    expect(page.locator(".sdm-badge").first).to_be_visible()
    badges = page.locator(".sdm-badge").all_inner_texts()
    assert badges and badges == sorted(badges, key=lambda text: text != "Overdue")
    screenshot(page, shots, "clinician-sessions")

    overdue = service.list_sessions(follow_up="overdue", limit=50)
    assert overdue.total > 0
    page.get_by_label("Follow-up", exact=True).click()
    page.get_by_role("option", name="Overdue", exact=True).click()
    expect(page.get_by_text(f"{overdue.total} sessions found")).to_be_visible()
    settle(page)
    badges = page.locator(".sdm-badge")
    assert badges.all_inner_texts() == ["Overdue"] * overdue.total
    screenshot(page, shots, "clinician-sessions-overdue")

    first = overdue.rows[0]
    page.locator(
        f'.st-key-clin-open-{first.id} button, [class*="st-key-clin.open.{first.id}"] button'
    ).first.click()
    expect(page.get_by_text(f"Session {str(first.id)[:8]}")).to_be_visible()
    expect(page.locator(".sdm-summary")).to_be_visible()
    settle(page)
    screenshot(page, shots, "clinician-session")
    # the top card comes first: in the first screen, above the downloads and the tabs
    card = page.locator(".sdm-topcard").bounding_box()
    tabs = page.get_by_role("tab", name="Summary").bounding_box()
    assert card is not None and tabs is not None
    assert card["y"] + card["height"] <= LAPTOP["height"] and card["y"] < tabs["y"]
    expect(page.locator(".sdm-topcard")).to_contain_text("days overdue")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Summary for the clinician (PDF)").click()
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    session = service.load(first.id)
    summary = build_summary(
        session,
        pinned_grid(session.grid, Path(clinic.env["SDM_AID_GRID_DIR"])).grid,
        copy="clinician",
        generated_at=first.updated_at,
    )
    decision = summary.section("outcome").blocks[0].text
    assert " ".join(decision.split()) in text

    actions = [e.action for e in AccessLog(service.database).entries(session_id=first.id)]
    deadline = time.monotonic() + 30
    while "printed" not in actions and time.monotonic() < deadline:
        time.sleep(0.2)  # the access-log row is written right after the bytes are made
        actions = [e.action for e in AccessLog(service.database).entries(session_id=first.id)]
    assert "opened" in actions and "printed" in actions

    page.get_by_role("tab", name="Follow-up and decision").click()
    settle(page)
    screenshot(page, shots, "clinician-session-follow-up")
    # saving how the follow-up went keeps this tab open
    page.get_by_role("button", name="Save how the follow-up went").click()
    expect(page.get_by_text("Saved how the follow-up went.")).to_be_visible()
    settle(page)
    expect(page.get_by_role("tab", name="Follow-up and decision")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("How this follow-up went is recorded.")).to_be_visible()
    expect(page.locator(".sdm-topcard")).not_to_contain_text("days overdue")
    page.get_by_role("tab", name="Access log").click()
    settle(page)
    screenshot(page, shots, "clinician-session-access-log")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You are logged out.")).to_be_visible()
    expect_only_the_login_form(page)
    page.context.close()
    assert uuid.UUID(str(first.id))


def test_with_the_app_navigation_the_header_stays_usable(
    browser: Browser, clinic: Clinic, shots: Path
) -> None:
    page = new_page(browser)
    page.goto(clinic.server.url)  # the start page first: st.navigation mode with the top bar
    expect(page.get_by_text("Choosing together")).to_be_visible()
    page.goto(f"{clinic.server.url}/clinician_sessions")
    expect_only_the_login_form(page)
    log_in(page)
    attention = SessionService.from_settings(load_settings(clinic.env)).list_sessions(follow_up="attention")
    expect(page.get_by_text(f"{attention.total} sessions found")).to_be_visible()
    settle(page)
    screenshot(page, shots, "clinician-sessions-with-navigation")
    page.get_by_text("Nederlands", exact=True).click()
    expect(page.get_by_text(f"{attention.total} sessies gevonden")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()  # not hidden under the top bar
    expect(page.get_by_text("Je bent uitgelogd.")).to_be_visible()
    page.context.close()

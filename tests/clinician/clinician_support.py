"""Shared helpers for the clinician tests: a seeded temporary database and AppTest driving.

The AppTests in tests/app/test_clinician_*.py put this folder on sys.path and use the
`app_env` fixture from tests/app/conftest.py (temporary data folder + the minimal grid).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from sdm_aid.config import load_settings
from sdm_aid.content.loader import load_grid
from sdm_aid.services.clinicians import ClinicianAccounts
from sdm_aid.services.sessions import SessionService
from sdm_aid.sessions.demo import generate_demo_sessions

ROOT = Path(__file__).resolve().parents[2]
USERNAME = "a.devries"
PASSWORD = "correct horse battery staple"
SESSIONS_PAGE = "pages/clinician_sessions.py"
SESSION_PAGE = "pages/clinician_session.py"
LOGIN_BUTTON = "clin.form.submit"


def service() -> SessionService:
    """A service on the app's database (the environment set by `app_env`)."""
    return SessionService.from_settings(load_settings())


def seed(grid_dir: Path, *, sessions: int = 40, now: datetime | None = None) -> SessionService:
    svc = service()
    loaded = load_grid(grid_dir / "grid_minimal.json")
    demo = generate_demo_sessions(
        [(loaded.grid, loaded.ref())], sessions, now=now or datetime.now(UTC), seed=7
    )
    svc.add_many(demo)
    ClinicianAccounts(svc.database).add(USERNAME, PASSWORD)
    return svc


def app(locale: str = "en-GB") -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=30)
    at.context["locale"] = locale
    return at.run()


def open_page(at: AppTest, page: str) -> AppTest:
    """Go to `page` as a typed address would. Afterwards the test follows the app's own page
    changes (st.switch_page), as the browser does: AppTest would otherwise keep requesting
    `page` on every later run."""
    ok(at.switch_page(page).run())
    at._page_hash = ""
    return at


def deep_link(page: str, locale: str = "en-GB") -> AppTest:
    """A new browser session that goes straight to `page`. (AppTest cannot reproduce the cold
    legacy `pages/` mode of a fresh server; the browser tests cover that.)"""
    return open_page(app(locale), page)


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def log_in(at: AppTest, username: str = USERNAME, password: str = PASSWORD) -> AppTest:
    at.text_input(key="clin.form.username").input(username)
    at.text_input(key="clin.form.password").input(password)
    at.button(key=LOGIN_BUTTON).click()
    return ok(at.run())


def texts(at: AppTest) -> str:
    parts: list[Any] = [
        el.value
        for kind in ("markdown", "text", "caption", "error", "warning", "info", "success")
        for el in getattr(at, kind)
    ]
    parts += [str(getattr(el.proto, "body", "")) for el in at.get("html")]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))

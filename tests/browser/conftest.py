"""Browser test fixtures: Debian's Chromium (never `playwright install`) and fresh servers."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).parent))  # `import app_server`

from app_server import CHROMIUM, CHROMIUM_FLAGS, TABLET, Server, start_server


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that drives Chromium must say so (`-m "not browser"` then starts none)."""
    unmarked = [
        item.nodeid
        for item in items
        if "browser" in getattr(item, "fixturenames", ()) and item.get_closest_marker("browser") is None
    ]
    if unmarked:
        raise pytest.UsageError(f"browser tests without @pytest.mark.browser: {unmarked}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Screenshots land here (path printed at the end) to be looked at by a person."""
    folder = Path(os.environ.get("SDM_AID_SCREENSHOT_DIR") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture
def server(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Server]:
    running = start_server(tmp_path)
    yield running
    running.stop()
    # Shown with a failure: what the server said (never answer text: logs carry ids only).
    request.node.add_report_section("teardown", "streamlit server log", running.log.read_text()[-4000:])


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=TABLET, locale="nl-NL")
    opened = context.new_page()
    yield opened
    context.close()

"""The app's pages as data (one row per page file), read by `streamlit_app.py`.

`url_path` is stable and never translated: it is what a bookmark or a cold deep link uses.
It must equal the file's stem, because on a freshly started server Streamlit may serve a
deep link in its legacy `pages/` mode, which derives the URL from the file name.
The summary and clinician pages are added here by their own part of the product.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Literal

PageAudience = Literal["family", "clinician"]
PageVisibility = Literal["visible", "hidden"]


@dataclass(frozen=True)
class PageSpec:
    file: str
    """Path of the page script, relative to the directory of `streamlit_app.py`."""
    url_path: str
    """Stable address, e.g. 'compare' -> /compare. Never translated."""
    title: str
    """English message id of the title; translated per session from `title_domain`."""
    audience: PageAudience
    visibility: PageVisibility
    """'hidden' pages are reached by buttons only, never from the menu."""
    icon: str | None = None
    """Left empty on purpose. Streamlit turns a page icon into the browser tab's favicon and
    fetches ':material/...:' favicons from fonts.gstatic.com (no request may leave the
    machine); emoji show as empty boxes on tablets without an emoji font."""
    default: bool = False
    title_domain: str = "wizard"
    """Translation domain of the title (each part of the product has its own .po file)."""

    @property
    def stem(self) -> str:
        return PurePosixPath(self.file).stem


START = PageSpec(
    file="pages/start.py",
    url_path="start",
    title="Start",
    audience="family",
    visibility="visible",
    default=True,
)
WIZARD = PageSpec(
    file="pages/wizard.py",
    url_path="wizard",
    title="Steps",
    audience="family",
    visibility="hidden",
)
COMPARE = PageSpec(
    file="pages/compare.py",
    url_path="compare",
    title="Compare options",
    audience="family",
    visibility="visible",
)
FINISH = PageSpec(
    file="pages/finish.py",
    url_path="finish",
    title="Hand-off",
    audience="family",
    visibility="hidden",
)

# The summary and clinician pages (issue 5); their texts are in the 'clinician' catalogue.
SUMMARY = PageSpec(
    file="pages/summary.py",
    url_path="summary",
    title="Summary",
    audience="family",
    visibility="hidden",
    title_domain="clinician",
)
CLINICIAN_SESSIONS = PageSpec(
    file="pages/clinician_sessions.py",
    url_path="clinician_sessions",
    title="Sessions (clinician)",
    audience="clinician",
    visibility="hidden",
    title_domain="clinician",
)
CLINICIAN_SESSION = PageSpec(
    file="pages/clinician_session.py",
    url_path="clinician_session",
    title="Session (clinician)",
    audience="clinician",
    visibility="hidden",
    title_domain="clinician",
)

PAGES: tuple[PageSpec, ...] = (
    START,
    WIZARD,
    COMPARE,
    FINISH,
    SUMMARY,
    CLINICIAN_SESSIONS,
    CLINICIAN_SESSION,
)


def by_url_path(url_path: str, pages: tuple[PageSpec, ...] = PAGES) -> PageSpec:
    return next(page for page in pages if page.url_path == url_path)


def for_audience(audience: PageAudience, pages: tuple[PageSpec, ...] = PAGES) -> tuple[PageSpec, ...]:
    return tuple(page for page in pages if page.audience == audience)

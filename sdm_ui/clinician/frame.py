"""The one call every clinician page starts with: `ctx = frame.clinician_page(registry.X)`.

Like the family pages, a clinician page must work as the first request of a freshly started
server (Streamlit may then run the page file without `streamlit_app.py`), so this sets up the
page itself. Then it demands a login: without one, the login form is the only thing shown.
The family's idle clearing (10 minutes, back to the start screen) is not used here: the
clinician pages have their own limits (15 minutes idle, 8 hours in all).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from sdm_aid.clinician.login_policy import LoginSession
from sdm_aid.i18n import LANGUAGES, Language, Translator
from sdm_aid.wizard import registry
from sdm_aid.wizard.registry import PageSpec
from sdm_ui import auth, state
from sdm_ui.text import html_text

DOMAIN = "clinician"

_CSS = """
<style>
[data-testid="stMainBlockContainer"] { max-width: 1200px; padding-top: 4.5rem; }
.stButton button, .stDownloadButton button, .stFormSubmitButton button { min-height: 2.75rem; }
.sdm-title { font-size: 1.6rem; font-weight: 700; margin: 0.1rem 0 0.2rem 0; }
.sdm-h { font-size: 1.2rem; font-weight: 650; margin: 0.6rem 0 0.2rem 0; }
.sdm-muted { color: #546e7a; font-size: 0.95rem; margin: 0; }
.sdm-cell { margin: 0; padding: 0.35rem 0; overflow-wrap: anywhere; }
.sdm-head { margin: 0; font-weight: 650; color: #37474f; }
.sdm-badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 0.6rem; font-size: 0.9rem; }
.sdm-overdue { background: #fde0dc; color: #8e1b10; }
.sdm-due { background: #fff3cd; color: #6d4c00; }
.sdm-upcoming { background: #e3f2fd; color: #0d47a1; }
.sdm-closed { background: #eceff1; color: #37474f; }
.sdm-topcard { border: 2px solid #1d5f7a; border-radius: .5rem; padding: .6rem 1rem;
  margin: .2rem 0 .6rem 0; }
.sdm-tc-head { font-size: 1.3rem; font-weight: 700; margin: 0 0 .4rem 0; }
.sdm-topcard dl { display: grid; grid-template-columns: minmax(9rem, 22%) 1fr; gap: .25rem 1rem; margin: 0; }
.sdm-topcard dt { font-weight: 650; color: #263238; }
.sdm-topcard dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.sdm-tc-alert { color: #8e1b10; font-weight: 650; } .sdm-tc-warn { color: #6d4c00; }
.sdm-tc-note { background: #f3f6f7; padding: .2rem .4rem; }
[class*="st-key-clinrow-"] { border-bottom: 1px solid #dfe3e6; padding: 0.1rem 0 0.3rem 0; }
[class*="st-key-clinrow-"] .stButton button { min-height: 2.4rem; }
@media print {
  header, [data-testid="stToolbar"], .stButton, .stDownloadButton, .sdm-noprint { display: none !important; }
}
</style>
"""


@dataclass(frozen=True)
class ClinicianContext:
    spec: PageSpec
    language: Language
    ct: Translator
    login: LoginSession


def translator(language: Language) -> Translator:
    return Translator(DOMAIN, language)


def set_up(spec: PageSpec) -> tuple[Language, Translator]:
    """Page config and styling only (also used by the family's Summary page)."""
    language = state.language()
    ct = translator(language)
    st.set_page_config(
        page_title=f"{ct(spec.title)} · SDM Aid",
        page_icon="🤝",  # a :material/...: favicon would be fetched from fonts.gstatic.com
        layout="wide",
        initial_sidebar_state="collapsed",
        menu_items={"Get help": None, "Report a bug": None, "About": None},
    )
    st.html(_CSS)
    return language, ct


def clinician_page(spec: PageSpec) -> ClinicianContext:
    language, ct = set_up(spec)
    login = auth.require_login(ct)  # the login form and st.stop() without a valid login
    _header(ct, language, login)
    auth.watch_idle()
    return ClinicianContext(spec=spec, language=language, ct=ct, login=login)


def _on_language() -> None:
    state.set_language(st.session_state["clin.language"])


def _header(ct: Translator, language: Language, login: LoginSession) -> None:
    left, middle, right = st.columns([5, 2, 1.3], vertical_alignment="center")
    with left:
        html_text(ct("Logged in as {name}", name=login.username), css_class="sdm-muted")
        st.page_link(registry.CLINICIAN_SESSIONS.file, label=ct("All sessions"), icon=":material/list:")
    with middle:
        st.segmented_control(
            ct("Language"),
            options=list(LANGUAGES),
            default=language,
            format_func={"nl": "Nederlands", "en": "English"}.__getitem__,
            key="clin.language",
            on_change=_on_language,
            label_visibility="collapsed",
            required=True,
        )
    with right:
        st.button(ct("Log out"), key="clin.logout", icon=":material/logout:", on_click=auth.logout)

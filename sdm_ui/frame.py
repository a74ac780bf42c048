"""The one call every page starts with: `ctx = frame.page(registry.X)`.

A page must work as the very first request of a freshly started server, when Streamlit may
run the page file on its own (legacy `pages/` mode) without `streamlit_app.py`. So this sets
up everything a page needs: page config, the session's language and translator, styling and
the idle timeout that clears a shared tablet.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import streamlit as st

from sdm_aid.i18n import Language, Translator
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.wizard import registry
from sdm_aid.wizard.idle import IdlePolicy
from sdm_aid.wizard.registry import PageSpec
from sdm_ui import browser_helper, state

DOMAIN = "wizard"

# Kept small: bigger touch targets and a readable line length; no external fonts. Sent with
# every run (an element not drawn again is removed), so it is squeezed once at import.
_CSS = """
<style>
[data-testid="stMainBlockContainer"] { max-width: 1100px; padding-top: 4.5rem; }
.stButton button, .stDownloadButton button, .stFormSubmitButton button {
  min-height: 3rem; padding: 0.5rem 1.25rem; }
.stButton button p, .stDownloadButton button p { font-size: 1.05rem; }
[data-testid="stRadio"] label, [data-testid="stCheckbox"] label { min-height: 2.5rem; align-items: center; }
[data-testid="stRadio"] div[role="radiogroup"] { gap: 0.25rem 1.25rem; }
.sdm-step { font-size: 1rem; font-weight: 600; color: #37474f; margin: 0; }
.sdm-title { font-size: 1.6rem; font-weight: 700; margin: 0.1rem 0 0.2rem 0; }
.sdm-why { font-size: 1.05rem; color: #37474f; margin: 0 0 0.5rem 0; }
.sdm-h { font-size: 1.2rem; font-weight: 650; margin: 0.6rem 0 0.2rem 0; }
.sdm-code { font-size: 2.4rem; font-weight: 700; letter-spacing: 0.2em; font-family: monospace; }
.sdm-saved { color: #2e7d32; font-size: 0.95rem; margin: 0; }
.sdm-muted { color: #546e7a; font-size: 0.95rem; margin: 0; }
.sdm-icons svg { max-width: 100%; height: auto; }
.sdm-icons img { display: block; margin: 0.3rem 0; }
.sdm-answer { white-space: pre-line; }
.sdm-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0.75rem; }
.sdm-card { border: 1px solid #cfd8dc; border-radius: 0.5rem; padding: 0.75rem 1rem; }
.sdm-card p { margin: 0 0 0.4rem 0; }
.sdm-gridq { overflow-x: auto; margin: 0 0 1rem 0; }
.sdm-grid { border-collapse: collapse; width: 100%; table-layout: fixed; }
.sdm-grid caption { caption-side: top; text-align: left; font-size: 1.2rem; font-weight: 650;
  padding: 0.6rem 0 0.3rem 0; }
.sdm-grid th, .sdm-grid td { border: 1px solid #cfd8dc; padding: 0.5rem 0.6rem; vertical-align: top;
  text-align: left; }
.sdm-grid th { background: #eef3f5; font-weight: 650; }
.sdm-grid p { margin: 0 0 0.4rem 0; }
.sdm-freq { font-weight: 650; }
.sdm-src summary { cursor: pointer; padding: 0.6rem 0; color: #1d5f7a; }
.sdm-src ul { padding-left: 1.1rem; margin: 0.2rem 0; } .sdm-url { overflow-wrap: anywhere; }
@media print {
  header, [data-testid="stToolbar"], .stButton, .stDownloadButton, .sdm-noprint { display: none !important; }
}
</style>
"""
_CSS = " ".join(_CSS.split())


@dataclass(frozen=True)
class PageContext:
    spec: PageSpec
    language: Language
    t: Translator

    @property
    def draft(self) -> DecisionSession | None:
        return state.draft()


GO = "sdm.go"
"""A page to move to, set by a button callback (callbacks cannot switch pages themselves)."""


def page(spec: PageSpec) -> PageContext:
    target = st.session_state.pop(GO, None)
    if isinstance(target, str) and target != spec.file:
        st.switch_page(target)
    language = state.language()
    t = Translator(DOMAIN, language)
    st.set_page_config(
        page_title=f"{Translator(spec.title_domain, language)(spec.title)} · SDM Aid",
        page_icon="🤝",  # an emoji: a :material/...: favicon is fetched from fonts.gstatic.com
        layout="wide",
        initial_sidebar_state="collapsed",
        menu_items={"Get help": None, "Report a bug": None, "About": None},
    )
    st.html(_CSS)
    browser_helper.mount(language, conversation=state.conversation_marker())
    _watch_idle(IdlePolicy.from_env())
    return PageContext(spec=spec, language=language, t=t)


def _watch_idle(policy: IdlePolicy) -> None:
    """Every full run is activity; a fragment polls and clears the tablet once time is up."""
    st.session_state[state.LAST_ACTIVITY] = time.time()

    @st.fragment(run_every=policy.check_every_seconds)
    def idle_watch() -> None:
        last = st.session_state.get(state.LAST_ACTIVITY)
        if not isinstance(last, float) or not policy.is_expired(last, time.time()):
            return
        if not state.has_family_data():
            return
        had_family = state.draft() is not None
        state.clear_everything()
        if had_family:
            state.set_notice("idle")
        st.switch_page(registry.START.file)

    idle_watch()


def go(spec: PageSpec) -> None:
    """Move to another page by its file path (works in both navigation modes)."""
    st.switch_page(spec.file)


def go_later(spec: PageSpec) -> None:
    """From a button callback: move to `spec` at the start of the run that follows."""
    st.session_state[GO] = spec.file

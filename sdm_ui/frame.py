"""The one call every page starts with: `ctx = frame.page(registry.X)`.

A page must work as the very first request of a freshly started server, when Streamlit may
run the page file on its own (legacy `pages/` mode) without `streamlit_app.py`. So this sets
up everything a page needs: page config, the session's language and translator, styling and
the idle timeout that clears a shared tablet.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Language, Translator
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.wizard.idle import IdlePolicy
from sdm_aid.wizard.registry import PageSpec
from sdm_ui import browser_helper, fields, help_now_view, idle_view, state

DOMAIN = "wizard"

# Kept small: bigger touch targets and a readable line length; no external fonts. Sent with
# every run (an element not drawn again is removed), so it is squeezed once at import.
_CSS = """
<style>
[data-testid="stMainBlockContainer"] { max-width: 1100px; padding-top: 4rem; padding-bottom: 1rem; }
/* Helpers that draw nothing in the page's flow take no room (no empty gaps above the step). */
.st-key-sdm-browser_helper, [data-testid="stLayoutWrapper"]:has(> .st-key-sdm-help-now),
[data-testid="stLayoutWrapper"]:has(.st-key-sdm-activity):not(:has(.st-key-sdm-step-footer)),
[data-testid="stElementContainer"]:has(.sdm-top) { position: absolute; width: 0; overflow: visible; }
.stButton button, .stDownloadButton button, .stFormSubmitButton button, [data-testid="stPopover"] button {
  min-height: 3rem; padding: 0.5rem 1.25rem; }
.stButton button p, .stDownloadButton button p { font-size: 1.05rem; }
[data-testid="stWidgetLabel"] p, [data-testid="stWidgetLabel"] label {
  font-size: 1.125rem; font-weight: 600; }
[data-testid="stRadio"] label, [data-testid="stCheckbox"] label { min-height: 2.75rem; min-width: 2.75rem;
  align-items: center; }
[data-testid="stRadio"] div[role="radiogroup"] { gap: 0.25rem 1.25rem; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: #455a64 !important;
  opacity: 1 !important; }
[data-testid="stTextInputRootElement"], .react-aria-ComboBox [role="group"] { min-height: 2.75rem; }
/* Edges of fields, circles and boxes at least 3:1 against white (WCAG 1.4.11). */
[data-testid="stTextInputRootElement"], [data-testid="stTextAreaRootElement"],
.react-aria-ComboBox [role="group"] { border-color: #78909c !important; }
label[data-testid="stRadioOption"]:has(input:not(:checked)) > div > div:not([data-testid]),
[data-testid="stCheckbox"] label:has(input:not(:checked)) > div:not([data-testid]) {
  box-shadow: inset 0 0 0 1px #607d8b; }
[data-testid="stRadioOption"] p, [data-testid="stCheckbox"] p { font-size: 1rem; }
.react-aria-ComboBox [role="group"] button { min-width: 2.75rem; min-height: 2.75rem; }
[data-testid="stTooltipIcon"] button { min-width: 2.75rem; min-height: 2.75rem; display: flex;
  align-items: center; justify-content: center; }
[data-testid="stTopNavLink"] { min-height: 2.75rem; display: flex; align-items: center; }
[data-testid="stExpander"] summary { min-height: 2.75rem; }
[data-testid="stTab"] { min-height: 2.75rem; }
[data-testid="stPageLink"] a { min-height: 2.75rem; align-items: center; }
[data-testid="stSkipToContent"] { min-height: 2.75rem; }
[data-testid="stButtonGroup"] button { min-height: 2.75rem; min-width: 2.75rem; }
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] button,
[data-testid="stMainMenu"] button { min-width: 2.75rem; min-height: 2.75rem; }
:focus-visible, [data-testid="stRadio"] label:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible) {
  outline: 3px solid #0b3d91 !important; outline-offset: 2px; box-shadow: 0 0 0 5px #ffffff !important; }
h1.sdm-title:focus { outline: none; }
h1.sdm-title:focus-visible { outline: 3px solid #0b3d91; }
/* One row for a scale: equal segments, also on a phone (option > label > [input, [circle, text]]). */
[class*="st-key-sdm-scale-"] div[role="radiogroup"] { flex-wrap: nowrap; gap: 0; width: 100%; }
[class*="st-key-sdm-scale-"] div[role="radiogroup"] > div { flex: 1 1 0; min-width: 0; display: flex; }
[class*="st-key-sdm-scale-"] label[data-testid="stRadioOption"] { flex: 1 1 auto; min-width: 0; margin: 0;
  justify-content: center; border: 1px solid #607d8b; padding: 0; border-radius: 0; }
[class*="st-key-sdm-scale-"] div[role="radiogroup"] > div + div label { border-left: none; }
[class*="st-key-sdm-scale-"] div[role="radiogroup"] > div:first-child label {
  border-radius: 0.5rem 0 0 0.5rem; }
[class*="st-key-sdm-scale-"] div[role="radiogroup"] > div:last-child label {
  border-radius: 0 0.5rem 0.5rem 0; }
[class*="st-key-sdm-scale-"] label[data-testid="stRadioOption"] > div > div:not([data-testid]) {
  display: none; }
[class*="st-key-sdm-scale-"] label[data-testid="stRadioOption"] > div { justify-content: center; margin: 0; }
[class*="st-key-sdm-scale-"] label[data-testid="stRadioOption"]:has(input:checked) { background: #1d5f7a; }
[class*="st-key-sdm-scale-"] label[data-testid="stRadioOption"]:has(input:checked) p { color: #ffffff; }
/* Back and Next always in reach: the step's footer sticks to the bottom of the screen. */
[data-testid="stLayoutWrapper"]:has(> .st-key-sdm-step-footer) { position: sticky; bottom: 0; z-index: 20; }
.st-key-sdm-step-footer { background: #ffffff; gap: 0.4rem;
  border-top: 1px solid #b0bec5; padding: 0.5rem 0 0.4rem 0; box-shadow: 0 -4px 8px rgba(0,0,0,0.06); }
.st-key-sdm-step-footer [data-testid="stHorizontalBlock"] { flex-wrap: nowrap !important; gap: 0.5rem; }
.st-key-sdm-step-footer [data-testid="stColumn"] { min-width: 0 !important; width: auto !important;
  flex: 1 1 0 !important; }
.st-key-sdm-step-messages { max-height: 35vh; overflow-y: auto; }
.st-key-sdm-step-footer [class*="-skip_open"] button { padding: 0.25rem 0.5rem; }
.st-key-sdm-step-footer [class*="-skip_open"] button p { font-size: 1rem; white-space: normal; }
.st-key-sdm-help-now { position: fixed; top: 0.55rem; right: 3.6rem; z-index: 999991; width: auto; }
.st-key-sdm-help-now button { min-height: 2.75rem; padding: 0.25rem 0.9rem; border-color: #b71c1c;
  color: #b71c1c; }
.sdm-nowrap { white-space: nowrap; }
.sdm-help-line { margin: 0 0 0.8rem 0; } .sdm-help-line p { margin: 0 0 0.2rem 0; }
a.sdm-tel { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0 1rem;
  border: 1px solid #1d5f7a; border-radius: 0.5rem; color: #1d5f7a; font-weight: 650; text-decoration: none; }
.st-key-sdm-idle-ask { position: fixed; left: 50%; top: 30%; transform: translateX(-50%); z-index: 999995;
  width: min(30rem, 92vw); background: #ffffff; border: 2px solid #1d5f7a; border-radius: 0.75rem;
  padding: 1.25rem; box-shadow: 0 8px 32px rgba(0,0,0,0.3); }
.sdm-resume { margin: 0.2rem 0 0.4rem 0; font-size: 1rem; color: #263238; }
.sdm-resume strong { font-family: monospace; font-size: 1.15rem; letter-spacing: 0.12em; }
.sdm-step { font-size: 1rem; font-weight: 600; color: #37474f; margin: 0; }
.sdm-title { font-size: 1.6rem; font-weight: 700; margin: 0.1rem 0 0.2rem 0; }
.sdm-why { font-size: 1.05rem; color: #37474f; margin: 0 0 0.5rem 0; }
.sdm-h { font-size: 1.2rem; font-weight: 650; margin: 0.6rem 0 0.2rem 0; }
.sdm-code { font-size: 2.4rem; font-weight: 700; letter-spacing: 0.2em; font-family: monospace; }
.sdm-saved { color: #2e7d32; font-size: 0.95rem; margin: 0; }
.sdm-muted { color: #455a64; font-size: 0.95rem; margin: 0; }
.sdm-icons svg { max-width: 100%; height: auto; }
.sdm-icons img { display: block; margin: 0.3rem 0; }
.sdm-answer { white-space: pre-line; }
.sdm-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0.75rem; }
.sdm-card { border: 1px solid #cfd8dc; border-radius: 0.5rem; padding: 0.75rem 1rem; }
.sdm-card p { margin: 0 0 0.4rem 0; }
.sdm-grid { border-collapse: collapse; width: 100%; table-layout: fixed; }
.sdm-grid th, .sdm-grid td { border: 1px solid #cfd8dc; padding: 0.5rem 0.6rem; vertical-align: top;
  text-align: left; }
.sdm-grid th { background: #eef3f5; font-weight: 650; }
.sdm-freq { font-weight: 650; }
.sdm-src summary { cursor: pointer; padding: 0.6rem 0; color: #1d5f7a; min-height: 2.75rem; }
.sdm-src ul { padding-left: 1.1rem; margin: 0.2rem 0; } .sdm-url { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: 0.75rem; padding-right: 0.75rem; }
  .st-key-sdm-help-now { right: 3.2rem; }
}
@media print {
  header, [data-testid="stToolbar"], .stButton, .stDownloadButton, .sdm-noprint,
  .st-key-sdm-help-now { display: none !important; }
  [data-testid="stLayoutWrapper"]:has(> .st-key-sdm-step-footer) { position: static; }
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
    if spec.audience == "family":
        help_now_view.control(t, language, _chosen_grid())
    idle_view.watch(IdlePolicy.from_env(), t)
    return PageContext(spec=spec, language=language, t=t)


def _chosen_grid() -> OptionGrid | None:
    """The grid of the session on this screen (its exact text), if there is one yet."""
    session = state.draft()
    return fields.session_grid(session) if session is not None else None


def set_title(title: str) -> None:
    """The browser tab's title for what the page shows now (e.g. the step): each step has its
    own title (screen readers announce it; the history shows where you were)."""
    st.set_page_config(page_title=f"{title} · SDM Aid")


def go(spec: PageSpec) -> None:
    """Move to another page by its file path (works in both navigation modes)."""
    st.switch_page(spec.file)


def go_later(spec: PageSpec) -> None:
    """From a button callback: move to `spec` at the start of the run that follows."""
    st.session_state[GO] = spec.file

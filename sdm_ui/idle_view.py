"""The idle timeout of a shared tablet, on the screen (the rules: `sdm_aid.wizard.idle`).

A small fragment checks every few seconds. Reading counts as activity: a script in the
page reports scrolling, touching and keys (at most every `report_every_seconds`) to the
fragment, which reruns on its own (never the whole page). For the last minute the screen
asks "Are you still there?" with a countdown; any tap, scroll or key keeps the screen. Once
time is up, the screen is cleared and the start page says the answers are saved and how to
come back.
"""

from __future__ import annotations

import time
from html import escape

import streamlit as st

from sdm_aid.i18n import Translator
from sdm_aid.wizard import registry
from sdm_aid.wizard.idle import IdlePhase, IdlePolicy
from sdm_ui import state

_JS = r"""
export default function (component) {
  window.__sdmIdle = window.__sdmIdle || { installed: false, sent: 0, pending: null, timer: null };
  const idle = window.__sdmIdle;
  idle.send = component.setTriggerValue;
  const data = component.data || {};
  idle.every = data.every || 15000;
  idle.asking = typeof data.left === "number";
  if (!idle.installed) {
    idle.installed = true;
    // A report starts a small run of its own. It is sent only after a quiet moment and never
    // together with a tap: a tap starts a full run (which counts as activity by itself), and
    // a report arriving during that run would cut it short.
    const report = () => {
      idle.pending = null;
      if (document.querySelector('[data-testid="stStatusWidget"]')) return schedule();
      idle.sent = Date.now();
      if (idle.send) idle.send("active", idle.sent);
    };
    const schedule = () => {
      clearTimeout(idle.pending);
      idle.pending = setTimeout(report, 1200);
    };
    const reading = () => {
      if (!idle.asking && Date.now() - idle.sent < idle.every) return;
      schedule();
    };
    const acting = () => {
      clearTimeout(idle.pending);
      idle.pending = null;
      idle.sent = Date.now();
    };
    // Only what a person does: a "scroll" event also comes when the page moves by itself.
    for (const kind of ["wheel", "touchstart", "touchmove", "pointerdown", "keydown"]) {
      document.addEventListener(kind, reading, { capture: true, passive: true });
    }
    document.addEventListener("click", acting, { capture: true, passive: true });
  }
  clearInterval(idle.timer);
  if (idle.asking) {
    // The question is open: the number counts down here.
    const end = Date.now() + data.left * 1000;
    idle.timer = setInterval(() => {
      const seconds = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      document.querySelectorAll(".sdm-idle-left").forEach((el) => { el.textContent = String(seconds); });
    }, 1000);
  }
}
"""

_activity = st.components.v2.component("sdm_activity", js=_JS)

KEY = "sdm-idle"


def _active() -> None:
    st.session_state[state.LAST_ACTIVITY] = time.time()


def watch(policy: IdlePolicy, t: Translator) -> None:
    """Every full run is activity; the fragment keeps an eye on the time in between."""
    st.session_state[state.LAST_ACTIVITY] = time.time()

    @st.fragment(run_every=policy.check_every_seconds)
    def idle_watch() -> None:
        last = st.session_state.get(state.LAST_ACTIVITY)
        now = time.time()
        phase = policy.phase(last, now) if isinstance(last, float) else IdlePhase.ACTIVE
        asking = phase is IdlePhase.ASK and state.has_family_data()
        left = policy.seconds_left(last, now) if asking and isinstance(last, float) else None
        _activity(
            key="sdm.activity",
            data={"every": int(policy.report_every_seconds * 1000), "left": left},
            height=0,
            on_active_change=_active,
        )
        if phase is IdlePhase.EXPIRED and state.has_family_data():
            had_family = state.draft() is not None
            state.clear_everything()
            if had_family:
                state.set_notice("idle")
            st.switch_page(registry.START.file)
        with st.container(key=KEY):
            if left is not None:
                _ask(t, left)

    idle_watch()


def _ask(t: Translator, left: int) -> None:
    with st.container(key=f"{KEY}-ask"):
        st.html(
            f'<div role="alertdialog" aria-labelledby="sdm-idle-title" aria-describedby="sdm-idle-text">'
            f'<p class="sdm-title" id="sdm-idle-title">{escape(t("Are you still there?"))}</p>'
            f'<p id="sdm-idle-text">'
            + escape(
                t("Nobody has used this screen for a while. It is cleared in {seconds} seconds.")
            ).replace("{seconds}", f'<span class="sdm-idle-left">{left}</span>', 1)
            + " "
            + escape(t("Your answers are saved."))
            + "</p></div>"
        )
        st.button(t("I am still here"), type="primary", key="sdm.idle.here", on_click=_active)

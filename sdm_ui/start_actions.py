"""What the start page's buttons do, as callbacks (the run after a click draws the result)."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from sdm_aid.sessions.models import WizardPath
from sdm_aid.usecases import family
from sdm_aid.wizard import registry
from sdm_aid.wizard.inputs import Issue
from sdm_ui import frame, guard, services, state

ISSUES = "start.issues"
STORAGE_DOWN = "start.storage_down"
NEW_INSTEAD = "start.new_instead_chosen"


def issues() -> list[Issue]:
    """What was wrong with the names at the last 'Begin' (shown once)."""
    found = st.session_state.pop(ISSUES, [])
    return [issue for issue in found if isinstance(issue, Issue)]


def path_key(*, peer: bool) -> str:
    """The path choice has its own widget with and without a peer worker, so that its default
    follows the peer-worker box (waiting room with, everything without) until it is chosen."""
    return "start.path.peer" if peer else "start.path.alone"


def _path() -> WizardPath:
    peer = bool(st.session_state.get("start.peer"))
    chosen = st.session_state.get(path_key(peer=peer))
    if chosen in set(WizardPath):
        return WizardPath(chosen)
    return WizardPath.WAITING_ROOM if peer else WizardPath.FULL


def _labels() -> tuple[str, list[str], str | None]:
    youth = str(st.session_state.get("start.youth", ""))
    count = int(st.session_state.get("start.parents", 1) or 0)
    parents = [str(st.session_state.get(f"start.parent.{n}", "")) for n in range(1, count + 1)]
    peer = str(st.session_state.get("start.peer_label", "")) if st.session_state.get("start.peer") else None
    return youth, parents, peer


@guard.callback
def begin(grid_id: str) -> None:
    youth, parents, peer = _labels()
    chosen = services.grid(grid_id)
    if chosen is None:
        return
    now = datetime.now(UTC)
    outcome = family.start(
        services.session_service(),
        chosen.ref(),
        language=state.language(),
        youth_label=youth,
        parent_labels=parents,
        peer_label=peer,
        now=now,
        path=_path(),
    )
    if outcome.issues:
        st.session_state[ISSUES] = list(outcome.issues)
    elif outcome.started is None:
        st.session_state[STORAGE_DOWN] = True
    else:
        state.set_draft(outcome.started.session, stored=True, fresh_widgets=True)
        state.set_resume_code(outcome.started.resume_code)
        state.set_saved_at(now)
        frame.go_later(registry.WIZARD)


@guard.callback
def start_new_instead() -> None:
    """After a lost conversation: leave it (it stays saved under its code) and start afresh."""
    st.session_state[NEW_INSTEAD] = True
    st.session_state[state.CLEARED] = True  # the browser forgets it had one open


@guard.callback
def continue_conversation() -> None:
    frame.go_later(registry.WIZARD)

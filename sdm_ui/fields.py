"""Widgets bound to the session's fields: every change is recorded and saved at once.

`bind(screen, field, st.radio, label, ...)` draws a widget for a `sdm_aid.wizard.entries`
field. Its first value comes from the session (a kept value first), and its `on_change`
callback records the new value in the draft and saves it, before the script runs again.
That callback runs whatever happens on screen next: a hand-over to the next person, a
button, the turn changing. So an answer never depends on its widget being drawn again.

Every widget drawn in a run is listed under `ON_SCREEN`; a button first records all of them
(`record_on_screen`), so a value still on its way (a text typed just before the tap) is
saved before the button acts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Translator
from sdm_aid.render.pinned import exact_grid
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.usecases import family
from sdm_aid.wizard import entries
from sdm_aid.wizard.fields import Field
from sdm_ui import feedback, saving, services, state

ON_SCREEN = "sdm.on_screen"
"""Widget key -> field key, for every bound widget drawn in the latest run."""


class Screen(Protocol):
    """What a screen with bound widgets provides (the wizard's StepView, the hand-off page)."""

    @property
    def session(self) -> DecisionSession: ...
    @property
    def grid(self) -> OptionGrid: ...
    @property
    def t(self) -> Translator: ...
    def key(self, *parts: object) -> str: ...


@dataclass(frozen=True)
class PageScreen:
    """A page outside the steps with bound widgets (the hand-off note)."""

    session: DecisionSession
    grid: OptionGrid
    t: Translator
    name: str

    def key(self, *parts: object) -> str:
        return state.widget_key(self.name, *parts)


def start_screen() -> None:
    """Call once per run before drawing bound widgets."""
    st.session_state[ON_SCREEN] = {}


def bind(screen: Screen, field: Field, widget: Callable[..., Any], label: str, /, **kwargs: Any) -> Any:
    """Draw `widget` for `field`; returns the widget's value, like the widget itself."""
    key = screen.key(field.key)
    if key not in st.session_state:
        st.session_state[key] = entries.current_value(screen.session, screen.grid, field)
    st.session_state.setdefault(ON_SCREEN, {})[key] = field.key
    value = widget(label, key=key, on_change=_changed, args=(key, field.key), **kwargs)
    issue = entries.entry_issue(screen.session, field)
    if issue is not None:
        feedback.show_issue(screen.t, issue)
    return value


def _changed(widget_key: str, field_key: str) -> None:
    record({widget_key: field_key}, where=saving.AT_FIELD)


def record_on_screen(*, where: str) -> bool:
    """Record and save every bound widget of the latest run. False if saving failed."""
    return record(dict(st.session_state.get(ON_SCREEN, {})), where=where)


def record(pairs: dict[str, str], *, where: str) -> bool:
    """Save the current values of these widgets (and anything an earlier, failed save left
    unsaved). True when everything on screen is saved."""
    draft = state.draft()
    if draft is None:
        return False
    grid = session_grid(draft)
    if grid is None:
        return False
    values = {
        Field.parse(field_key): st.session_state[widget_key]
        for widget_key, field_key in pairs.items()
        if widget_key in st.session_state
    }
    service = services.session_service()
    base = state.base()
    result = family.save_answers(service, grid, draft, values, base=base, allowed=allowed_here())
    if not result.saved and result.problem is None and not saving.is_saved():
        result = family.retry(service, draft, base=base)  # nothing new, but an earlier change is unsaved
    if not result.saved and result.problem is None:
        return saving.is_saved()  # nothing changed
    saved = saving.apply(result, where=where)
    if result.merged:
        _show_theirs(draft, result.session, grid, skip=set(pairs))
    return saved


def _show_theirs(
    before: DecisionSession, after: DecisionSession, grid: OptionGrid, *, skip: set[str]
) -> None:
    """After a change was made on top of someone else's: widgets on screen whose value the
    other device changed show the new value (the ones just changed here keep theirs). Runs
    in a callback, before the widgets are drawn again, so their values may be set."""
    for widget_key, field_key in st.session_state.get(ON_SCREEN, {}).items():
        if widget_key in skip or widget_key not in st.session_state:
            continue
        field = Field.parse(field_key)
        value = entries.current_value(after, grid, field)
        if entries.current_value(before, grid, field) != value:
            st.session_state[widget_key] = value


def allowed_here() -> Callable[[Field], bool] | None:
    """On a participant's own device only their own answers can be changed; None: anything."""
    me = state.participant()
    if me is None:
        return None
    return lambda field: field.participant_id == me


def session_grid(session: DecisionSession) -> OptionGrid | None:
    """The exact grid the session was made with, or None (then nothing may be shown)."""
    loaded = exact_grid(session.grid, services.library())
    return loaded.grid if loaded is not None else None

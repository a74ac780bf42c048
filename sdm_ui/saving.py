"""Saving the draft, and saying truthfully whether what is on screen is saved.

Every change is saved at once (see `sdm_ui.fields`). A save that fails changes nothing on
screen: the draft keeps the change, so the next save (the next answer, any button) tries
again with everything. What went wrong is shown where the person looked when it happened:
next to the button they pressed, or, for an answer, next to the save line at the bottom and
as a short message in the corner.

A stale save (the same conversation was saved from another tab or device) is never forced
through and never thrown away: the differences are shown and the family chooses, per
difference, which version to keep (see `conflict_choices`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import streamlit as st

from sdm_aid.content.models import OptionGrid
from sdm_aid.i18n import Translator
from sdm_aid.sessions import conflicts, labels
from sdm_aid.sessions.models import DecisionSession
from sdm_aid.storage import SessionNotFoundError, StorageError
from sdm_aid.usecases import family
from sdm_aid.wizard.clock import local_time_text
from sdm_ui import feedback, guard, services, state
from sdm_ui.text import html_text, md_escape

PROBLEM = "sdm.save_problem"
"""{'kind': CONFLICT | UNAVAILABLE | ERASED, 'where': widget key or AT_FIELD, 'told': bool}"""
CONFLICT, UNAVAILABLE, ERASED = "conflict", "unavailable", "erased"
AT_FIELD = "field"
"""A save after an answer changed (not after a button)."""
CHOICE = "sdm.conflict.choice"
RUNS = "sdm.runs"


@dataclass(frozen=True)
class Problem:
    kind: str
    where: str


def problem() -> Problem | None:
    value = st.session_state.get(PROBLEM)
    if isinstance(value, dict) and value.get("kind") in (CONFLICT, UNAVAILABLE, ERASED):
        return Problem(kind=value["kind"], where=str(value.get("where", AT_FIELD)))
    return None


def is_saved() -> bool:
    return problem() is None


def _set_problem(kind: str, where: str) -> None:
    st.session_state[PROBLEM] = {"kind": kind, "where": where, "told": False}


def apply(result: family.Result, *, where: str, fresh_widgets: bool = False) -> bool:
    """Show the outcome of a use case: its session becomes the draft (saved or not), and a
    save problem is remembered for the place `where` it happened. True when saved."""
    if result.problem == family.SaveProblem.ERASED:
        _set_problem(ERASED, where)
        return False
    state.set_draft(result.session, stored=result.saved, fresh_widgets=fresh_widgets)
    if result.problem is not None:
        _set_problem(result.problem.value, where)
        return False
    if result.saved:
        st.session_state.pop(PROBLEM, None)
        st.session_state.pop(CHOICE, None)
        state.set_saved_at(datetime.now(UTC))
    return result.saved


def up_to_date(session: DecisionSession) -> DecisionSession | None:
    """The session on this screen, with what others saved since (a parent on their phone, the
    clinician recording the advice) when nothing here is unsaved; None when it was erased.

    Checked on every run of a page that shows a session, so an erased conversation stops at
    its next run. A database that cannot be reached does not count as erased.
    """
    service = services.session_service()
    try:
        stored = service.stored_version(session.id)
    except StorageError:
        return session
    if stored is None:
        _set_problem(ERASED, AT_FIELD)
        return None
    if stored > session.version and is_saved() and state.base() is session:
        try:
            latest = service.load(session.id)
        except SessionNotFoundError:
            _set_problem(ERASED, AT_FIELD)
            return None
        except StorageError:
            return session
        # Fresh widgets: a widget keeps its own value, which would hide the newer one.
        state.set_draft(latest, stored=True, fresh_widgets=True)
        return latest
    return session


# --- what the screen shows ---------------------------------------------------------------------


def status_line(t: Translator) -> None:
    """'Saved at 14:05' only when everything on screen is saved; otherwise what is not.

    The line is also updated in the browser while someone types (`browser_helper`): a text
    being typed is not saved until the typing pauses.
    """
    current = problem()
    moment = state.saved_at()
    if current is not None and current.kind == CONFLICT:
        text, css = (
            t("Not saved: this conversation was changed somewhere else. See above the buttons."),
            "bad",
        )
    elif current is not None:
        text, css = t("Not saved: saving does not work right now. Your answers stay on this screen."), "bad"
    elif moment is not None:
        text, css = t("Saved at {time}", time=local_time_text(moment, t.language)), "ok"
    else:
        text, css = t("Not saved yet"), "bad"
    # A new value every run, so the browser redraws the line after each run even when its
    # text is the same (while someone types, the browser script replaces the text).
    run = st.session_state[RUNS] = int(st.session_state.get(RUNS, 0)) + 1
    html_text(
        text,
        css_class=f"sdm-saved sdm-saved-{css}",
        role="status",
        data_saved=t("Not saved yet: typing..."),
        data_run=str(run),
    )


def problem_here(t: Translator, grid: OptionGrid | None, *, where: str, field_changes: bool = False) -> None:
    """Show the save problem if it happened at `where` (a button's key), or, with
    `field_changes`, after an answer changed (this is the place for those on this page)."""
    current = problem()
    if current is None or current.kind == ERASED:
        return
    if current.where != where and not (current.where == AT_FIELD and field_changes):
        return
    if current.kind == UNAVAILABLE:
        if current.where == AT_FIELD:
            _toast_once(t)
        feedback.storage_down(t)
    else:
        conflict_choices(t, grid)


ACTIONS = "actions"
"""The place for problems after an answer: above the step's buttons."""


def _toast_once(t: Translator) -> None:
    value = st.session_state.get(PROBLEM)
    if isinstance(value, dict) and not value.get("told"):
        value["told"] = True
        st.toast(t("Not saved: saving does not work right now."), icon=":material/cloud_off:")


# --- conflicts ------------------------------------------------------------------------------------


def conflict_choices(t: Translator, grid: OptionGrid | None) -> None:
    """Both versions of what differs, and the family's choice per difference."""
    mine = state.draft()
    try:
        theirs = services.session_service().load(mine.id) if mine is not None else None
    except SessionNotFoundError:
        _set_problem(ERASED, AT_FIELD)
        return
    except StorageError:
        feedback.storage_down(t)
        return
    if mine is None or theirs is None or grid is None:
        return
    with st.container(border=True, key="sdm-conflict"):
        st.error(
            t(
                "This conversation was also changed somewhere else (another tab or device). Nothing was "
                "overwritten. Choose what to keep."
            ),
            icon=":material/sync_problem:",
        )
        differences = family.conflict_differences(mine, theirs, state.base())
        lt = labels.translator(t.language)
        widgets: dict[str, str] = {}  # difference key -> widget key (read when the button is pressed)
        for index, difference in enumerate(differences):
            options = [conflicts.Choice.MINE.value, conflicts.Choice.THEIRS.value]
            if difference.can_keep_both:
                options.append(conflicts.Choice.BOTH.value)
            names = {
                conflicts.Choice.MINE.value: t(
                    "This screen: {value}", value=labels.stored_value_text(difference.mine, lt)
                ),
                conflicts.Choice.THEIRS.value: t(
                    "The other version: {value}", value=labels.stored_value_text(difference.theirs, lt)
                ),
                conflicts.Choice.BOTH.value: t("Keep both texts"),
            }
            widgets[difference.key] = f"{CHOICE}.{theirs.version}.{index}"
            st.radio(
                md_escape(labels.difference_label(difference, mine, grid, lt)),
                options=options,
                format_func=lambda value, names=names: md_escape(names[value][:400]),
                key=widgets[difference.key],
            )
        left, middle, right = st.columns(3)
        left.button(
            t("Save my choice"),
            type="primary",
            key="sdm.conflict.save",
            on_click=_resolve,
            args=(widgets, theirs.version),
            use_container_width=True,
        )
        middle.button(
            t("Keep everything from this screen"),
            key="sdm.conflict.mine",
            on_click=_resolve,
            args=({}, theirs.version, conflicts.Choice.MINE),
            use_container_width=True,
        )
        right.button(
            t("Take the other version"),
            key="sdm.conflict.theirs",
            on_click=_resolve,
            args=({}, theirs.version),
            use_container_width=True,
        )


@guard.callback
def _resolve(
    widgets: dict[str, str], expected_version: int, everything: conflicts.Choice | None = None
) -> None:
    """Save the family's choice: per difference (the radios' values now), or one for all."""
    mine = state.draft()
    if mine is None:
        return
    choices = None
    if everything != conflicts.Choice.MINE:
        choices = {
            key: conflicts.Choice(st.session_state.get(widget, "mine")) for key, widget in widgets.items()
        }
    result = family.resolve_conflict(
        services.session_service(), mine, choices, expected_version=expected_version, base=state.base()
    )
    apply(result, where=AT_FIELD, fresh_widgets=result.saved)

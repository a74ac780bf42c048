"""Start: begin a conversation (grid, language, who is here) or continue one with a code."""

from __future__ import annotations

import streamlit as st

from sdm_aid.content.loader import LoadedGrid
from sdm_aid.content.models import GridStatus
from sdm_aid.i18n import LANGUAGES, Translator, languages
from sdm_aid.sessions.models import WizardPath
from sdm_aid.wizard import registry, step_registry, texts
from sdm_aid.wizard.inputs import MAX_PARENTS
from sdm_ui import clearing, feedback, frame, guard, recovery, services, start_actions, state
from sdm_ui.governance import about_grid
from sdm_ui.grid_view import AUDIENCE_TEXT
from sdm_ui.text import html_text, md_escape

ctx = frame.page(registry.START)
t = ctx.t


def on_language_change() -> None:
    """Switch the language; name fields still showing the old language's default follow."""
    before, after = (
        Translator("wizard", state.language()),
        Translator("wizard", st.session_state["start.language"]),
    )
    for key, (message, values) in state.DEFAULT_LABELS.items():
        if st.session_state.get(key) == before(message, **values):
            st.session_state[key] = after(message, **values)
    state.set_language(st.session_state["start.language"])


def grid_caption(loaded: LoadedGrid, tr: Translator) -> str:
    grid = loaded.grid
    parts = [
        tr(AUDIENCE_TEXT[grid.audience]),
        tr("age {low} to {high}", low=grid.age_band.min_age, high=grid.age_band.max_age),
        tr("example content (draft)")
        if grid.governance.status == GridStatus.DRAFT
        else tr("clinically reviewed"),
    ]
    if loaded.expired:
        parts.append(tr("review overdue"))
    return md_escape(" · ".join(parts))


html_text(t("Choosing together"), tag="h1", css_class="sdm-title")
# Always there, empty or not: a message that comes and goes must not shift the elements
# below (shifted tabs are drawn anew and jump back to the first one).
with st.container(key="start-notice"):
    if state.notice() == "idle":
        st.info(
            t("The screen was cleared because nobody used it for a while.")
            + "\n\n"
            + t(
                "Your answers are saved. To go on: choose 'Continue with a code' below and type your code "
                "(no code? ask a staff member)."
            ),
            icon=":material/timer:",
        )

st.radio(
    t("Language"),
    options=list(LANGUAGES),
    index=LANGUAGES.index(ctx.language),
    format_func=lambda code: languages.info(code).own_name,
    horizontal=True,
    key="start.language",
    on_change=on_language_change,
)

lost = recovery.lost_language() if ctx.draft is None else None
if lost is not None and not st.session_state.get(start_actions.NEW_INSTEAD):
    recovery.offer_after_loss(lost)
    tr = Translator("wizard", lost)
    st.button(
        tr("Start a new conversation instead"),
        key="start.new_instead",
        on_click=start_actions.start_new_instead,
    )
    st.stop()

draft = ctx.draft
if draft is not None:
    st.info(t("A conversation is open on this screen."), icon=":material/info:")
    left, right = st.columns(2)
    left.button(
        t("Continue the conversation"),
        type="primary",
        use_container_width=True,
        key="start.continue",
        on_click=start_actions.continue_conversation,
    )
    with right:
        clearing.finish_button(t, key="start.clear", primary=False)
    st.stop()

new_tab, resume_tab = st.tabs([t("Start a new conversation"), t("Continue with a code")])

with new_tab:
    library = services.library()
    grids = sorted(library.grids.values(), key=lambda g: g.grid.title.get(ctx.language).casefold())
    if library.errors:
        st.warning(
            t(
                "{count} decision aid(s) could not be loaded. Staff can check them with 'sdm-aid validate'.",
                count=len(library.errors),
            ),
            icon=":material/warning:",
        )
    if not grids:
        st.error(t("There are no decision aids yet. Please ask a staff member."))
        st.stop()
    by_id = {g.grid.id: g for g in grids}
    # Nothing is chosen for the family when there is a choice to make (a preselected grid for
    # other ages was easy to miss); a single grid is chosen already.
    grid_id = st.radio(
        t("What do you want to choose about?"),
        options=list(by_id),
        index=0 if len(by_id) == 1 else None,
        format_func=lambda gid: md_escape(by_id[gid].grid.title.get(ctx.language)),
        captions=[grid_caption(g, t) for g in grids],
        key="start.grid",
    )
    chosen = by_id.get(grid_id) if grid_id is not None else None
    if chosen is not None and chosen.expired:
        st.warning(
            t("This decision aid should have been checked again by now. The information may be out of date."),
            icon=":material/event_busy:",
        )
    if chosen is not None:
        about_grid(chosen.grid, ctx.language, warn_overdue=False)

    html_text(t("Who is here?"), tag="p", css_class="sdm-h")
    youth_label = st.text_input(
        t("The young person (a first name or nickname is enough)"),
        value=t("Young person"),
        key="start.youth",
        autocomplete="off",  # a shared tablet must not offer the previous family's names
    )
    parent_count = st.radio(
        t("How many parents or carers are here?"),
        options=list(range(MAX_PARENTS + 1)),
        index=1,
        horizontal=True,
        key="start.parents",
    )
    parent_labels = [
        st.text_input(
            t("Parent or carer {number} (a name or nickname)", number=n),
            value=t("Parent {number}", number=n),
            key=f"start.parent.{n}",
            autocomplete="off",
        )
        for n in range(1, parent_count + 1)
    ]
    peer = st.checkbox(t("A peer worker guides this conversation"), key="start.peer")
    peer_label = (
        st.text_input(
            t("The peer worker (a first name is enough)"),
            value=t("Peer worker"),
            key="start.peer_label",
            autocomplete="off",
        )
        if peer
        else None
    )
    # With a peer worker the conversation is in the waiting room: the short path first.
    # Alone (at home, on one's own device) there is time for everything.
    st.radio(
        t("How much time is there? You can switch at any step."),
        options=[path.value for path in WizardPath],
        index=0 if peer else 1,
        format_func=lambda path: t(
            texts.PATH_TEXT[WizardPath(path)], minutes=step_registry.path(WizardPath(path)).minutes
        ),
        key=start_actions.path_key(peer=peer),
    )

    for issue in start_actions.issues():
        feedback.show_issue(t, issue)
    if st.session_state.pop(start_actions.STORAGE_DOWN, False):
        feedback.storage_down(t)
    guard.show_failure()
    if chosen is None:
        html_text(t("First choose what you want to choose about (at the top)."), css_class="sdm-why")
    st.button(
        t("Begin"),
        type="primary",
        key="start.begin",
        disabled=chosen is None,
        on_click=start_actions.begin,
        args=(grid_id,),
    )

with resume_tab:
    recovery.code_form(t)

st.divider()
st.page_link(
    registry.COMPARE.file,
    label=t("Look at the options side by side, without starting"),
    icon=":material/table_view:",
)

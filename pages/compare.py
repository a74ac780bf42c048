"""Compare: any grid as options side by side, without starting a conversation."""

from __future__ import annotations

import streamlit as st

from sdm_aid.wizard import registry
from sdm_ui import frame, grid_view, services
from sdm_ui.text import html_text

ctx = frame.page(registry.COMPARE)
t = ctx.t

html_text(t("Compare the options"), tag="h1", css_class="sdm-title")
st.caption(t("Look at the options side by side. Nothing you do here is saved."))
library = services.library()
grids = sorted(library.grids.values(), key=lambda g: g.grid.title.get(ctx.language).casefold())
if not grids:
    st.info(t("There are no decision aids yet. Please ask a staff member."))
    st.stop()
by_id = {g.grid.id: g for g in grids}
grid_id = st.selectbox(
    t("Which decision?"),
    options=list(by_id),
    format_func=lambda gid: by_id[gid].grid.title.get(ctx.language),  # selectbox options are plain text
    key="compare.grid",
)
loaded = by_id[grid_id]
grid = loaded.grid
if loaded.expired:
    st.warning(
        t("This decision aid should have been checked again by now. The information may be out of date."),
        icon=":material/event_busy:",
    )
html_text(t("The options"), tag="h2", css_class="sdm-h")
grid_view.option_cards(grid, t, ctx.language)
html_text(t("Questions people often ask"), tag="h2", css_class="sdm-h")
grid_view.pros_and_cons(grid, t, ctx.language)
st.divider()
st.page_link(registry.START.file, label=t("Back to the start"), icon=":material/home:")

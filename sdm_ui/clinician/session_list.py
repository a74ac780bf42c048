"""The clinician's session list: filters, sort order, pages, and a button to open a session.

Every run reads straight from `SessionService.list_sessions` (no st.cache_data, no
st.connection query cache): an update or an erasure shows up at the next click.
"""

from __future__ import annotations

import uuid
from html import escape

import streamlit as st

from sdm_aid.clinician import listing, texts
from sdm_aid.clinician.listing import ListFilterError, ListView
from sdm_aid.sessions import labels
from sdm_aid.sessions.status import FollowUpState
from sdm_aid.storage import SessionPage, SessionRow, StorageError
from sdm_aid.wizard import registry
from sdm_ui import services
from sdm_ui.clinician import clock
from sdm_ui.clinician.frame import ClinicianContext
from sdm_ui.text import html_text

PAGE = "clin.list.page"
SELECTED = "clin.selected"
LIST_NOTICE = "clin.list.notice"
KEYS = {
    "status": "clin.f.status",
    "follow_up": "clin.f.follow_up",
    "grid": "clin.f.grid",
    "dates": "clin.f.dates",
    "order": "clin.f.order",
}

BADGE_CLASS = {
    FollowUpState.OVERDUE: "sdm-overdue",
    FollowUpState.DUE: "sdm-due",
    FollowUpState.UPCOMING: "sdm-upcoming",
}
COLUMNS = [1.1, 3.8, 1.7, 2.2, 1.9, 1.6]


def _first_page() -> None:
    st.session_state[PAGE] = 1


def _go_to(page: int) -> None:
    st.session_state[PAGE] = page


def _filters(ctx: ClinicianContext) -> ListView:
    ct = ctx.ct
    lt = labels.translator(ctx.language)
    library = services.library()
    grid_ids = sorted(
        library.grids, key=lambda gid: library.grids[gid].grid.title.get(ctx.language).casefold()
    )

    def grid_name(gid: str | None) -> str:
        if gid is None:
            return ct("All decision aids")
        loaded = library.grids.get(gid)
        return loaded.grid.title.get(ctx.language) if loaded else gid  # selectbox options: plain text

    first, second, third = st.columns(3)
    status = first.selectbox(
        ct("Status"),
        [None, *listing.STATUS_CHOICES],
        format_func=lambda s: ct("All") if s is None else labels.session_status_label(s, lt),
        key=KEYS["status"],
        on_change=_first_page,
    )

    def follow_up_name(kind: str | None) -> str:
        if kind is None:
            return ct("All")
        if kind == "attention":
            return ct("Needs attention (overdue, then due)")
        return labels.follow_up_state_label(FollowUpState(kind), lt)

    choices = [None, *listing.FOLLOW_UP_CHOICES]
    follow_up = second.selectbox(
        ct("Follow-up"),
        choices,
        index=choices.index(listing.OPENS_ON),  # the list opens on what needs attention
        format_func=follow_up_name,
        key=KEYS["follow_up"],
        on_change=_first_page,
    )
    grid_id = third.selectbox(
        ct("Decision aid"), [None, *grid_ids], format_func=grid_name, key=KEYS["grid"], on_change=_first_page
    )
    fourth, fifth = st.columns([2, 1])
    dates = fourth.date_input(
        ct("Last change between (day-month-year)"),
        value=(),
        format="DD-MM-YYYY",
        key=KEYS["dates"],
        on_change=_first_page,
    )
    order = fifth.selectbox(
        ct("Sort by"),
        listing.ORDER_CHOICES,
        index=listing.ORDER_CHOICES.index(listing.OPENS_SORTED),
        format_func=lambda o: ct(texts.ORDER_TEXT[o]),
        key=KEYS["order"],
        on_change=_first_page,
    )
    chosen = list(dates) if isinstance(dates, tuple | list) else [dates] if dates else []
    return ListView(
        status=status,
        follow_up=follow_up,
        grid_id=grid_id,
        changed_from=chosen[0] if chosen else None,
        changed_to=chosen[1] if len(chosen) > 1 else (chosen[0] if chosen else None),
        order=order,
        page=max(1, int(st.session_state.get(PAGE, 1))),
    )


def _fetch(ctx: ClinicianContext, view: ListView) -> tuple[ListView, SessionPage] | None:
    ct = ctx.ct
    service = services.session_service()
    try:
        result = service.list_sessions(**view.query_arguments())
        if view.page > listing.page_count(result.total, view.page_size):
            # Fewer sessions than before (filtered or erased): show the last page that exists.
            view = view.at_page(view.page, result.total)
            st.session_state[PAGE] = view.page
            result = service.list_sessions(**view.query_arguments())
    except ListFilterError:
        st.error(ct("The first date is after the last date. Please swap them."))
        return None
    except StorageError:
        st.error(
            ct("The sessions cannot be read right now: the database cannot be reached. Try again later.")
        )
        return None
    return view, result


def _cell(text: str, css_class: str = "sdm-cell") -> None:
    html_text(text, css_class=css_class)


def _follow_up_cell(ctx: ClinicianContext, row: SessionRow) -> None:
    lt = labels.translator(ctx.language)
    state = listing.row_follow_up_state(row, clock.now())
    if state is None or row.follow_up_at is None:
        _cell("–")
        return
    badge = escape(labels.follow_up_state_label(state, lt))
    when = escape(listing.moment_text(row.follow_up_at, ctx.language))
    css = BADGE_CLASS.get(state, "sdm-closed")
    st.html(f'<p class="sdm-cell">{when}<br><span class="sdm-badge {css}">{badge}</span></p>')


def _rows(ctx: ClinicianContext, rows: list[SessionRow]) -> None:
    ct = ctx.ct
    lt = labels.translator(ctx.language)
    library = services.library()
    heads = st.columns(COLUMNS)
    for column, text in zip(
        heads,
        (ct("Session"), ct("Decision aid"), ct("Status"), ct("Follow-up"), ct("Last change"), ""),
        strict=True,
    ):
        with column:
            if text:
                _cell(text, "sdm-head")
    for row in rows:
        with st.container(key=f"clinrow-{row.id}"):
            cells = st.columns(COLUMNS, vertical_alignment="center")
            loaded = library.grids.get(row.grid_id)
            with cells[0]:
                _cell(listing.short_id(row.id))
            with cells[1]:
                _cell(loaded.grid.title.get(ctx.language) if loaded else row.grid_id)
            with cells[2]:
                _cell(labels.session_status_label(listing.row_status(row), lt))
            with cells[3]:
                _follow_up_cell(ctx, row)
            with cells[4]:
                _cell(listing.moment_text(row.updated_at, ctx.language))
            with cells[5]:
                if st.button(
                    ct("Open"), key=f"clin.open.{row.id}", icon=":material/open_in_new:", width="stretch"
                ):
                    open_session(row.id)


def open_session(session_id: uuid.UUID) -> None:
    st.session_state[SELECTED] = str(session_id)
    st.switch_page(registry.CLINICIAN_SESSION.file)


def _pager(ctx: ClinicianContext, view: ListView, total: int) -> None:
    ct = ctx.ct
    pages = listing.page_count(total, view.page_size)
    first, last = listing.shown_range(view.page, total, view.page_size)
    back, middle, forward = st.columns([1, 3, 1], vertical_alignment="center")
    back.button(
        ct("Previous page"),
        key="clin.page.prev",
        icon=":material/chevron_left:",
        disabled=view.page <= 1,
        on_click=_go_to,
        args=(view.page - 1,),
    )
    with middle:
        html_text(
            ct(
                "Page {page} of {pages} · sessions {first} to {last} of {total}",
                page=view.page,
                pages=pages,
                first=first,
                last=last,
                total=total,
            ),
            css_class="sdm-muted",
        )
    forward.button(
        ct("Next page"),
        key="clin.page.next",
        icon=":material/chevron_right:",
        disabled=view.page >= pages,
        on_click=_go_to,
        args=(view.page + 1,),
    )


def render(ctx: ClinicianContext) -> None:
    ct = ctx.ct
    html_text(ct("Sessions"), tag="h1", css_class="sdm-title")
    notice = st.session_state.pop(LIST_NOTICE, None)
    if notice == "erased":
        st.success(
            ct("The session was erased. Nothing of it can be read any more."), icon=":material/delete:"
        )
    elif notice == "gone":
        st.warning(ct("This session does not exist any more."))
    view = _filters(ctx)
    fetched = _fetch(ctx, view)
    if fetched is None:
        return
    view, result = fetched
    if result.total == 0:
        if view.follow_up == listing.OPENS_ON:
            st.success(ct("No follow-up is overdue or due this week. Choose 'All' to see every session."))
        else:
            st.info(ct("No sessions match these filters."))
        return
    html_text(ct("{total} sessions found", total=result.total), css_class="sdm-h")
    _rows(ctx, result.rows)
    _pager(ctx, view, result.total)

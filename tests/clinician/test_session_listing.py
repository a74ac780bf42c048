"""The session-list model: filters to service arguments, local dates, pages, row labels."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from sdm_aid.clinician import listing
from sdm_aid.clinician.listing import ListFilterError, ListView
from sdm_aid.sessions.status import FollowUpState, SessionStatus
from sdm_aid.storage import SessionOrder, SessionRow

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def row(**changes) -> SessionRow:
    values = dict(
        id=uuid.UUID(int=1),
        grid_id="test-worry",
        grid_version="1.0",
        status="deferred",
        language="nl",
        created_at=NOW,
        updated_at=NOW,
        follow_up_at=None,
        follow_up_status=None,
    )
    return SessionRow(**{**values, **changes})


def test_defaults_ask_for_the_first_page_newest_change_first() -> None:
    assert ListView().query_arguments() == {
        "status": None,
        "follow_up": None,
        "grid_id": None,
        "changed_from": None,
        "changed_to": None,
        "order": SessionOrder.UPDATED_DESC,
        "limit": listing.PAGE_SIZE,
        "offset": 0,
    }


def test_local_dates_include_both_days_across_a_clock_change() -> None:
    # 25 October 2026: clocks go back in the Netherlands (UTC+2 -> UTC+1).
    args = ListView(changed_from=date(2026, 10, 24), changed_to=date(2026, 10, 25)).query_arguments()
    assert args["changed_from"] == datetime(2026, 10, 23, 22, 0, tzinfo=UTC)
    assert args["changed_to"] == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)


def test_reversed_dates_are_refused_with_a_clear_error() -> None:
    with pytest.raises(ListFilterError):
        ListView(changed_from=date(2026, 5, 2), changed_to=date(2026, 5, 1)).query_arguments()


def test_unknown_follow_up_filter_and_page_zero_are_refused() -> None:
    with pytest.raises(ListFilterError):
        ListView(follow_up="soon")  # type: ignore[arg-type]
    with pytest.raises(ListFilterError):
        ListView(page=0)


def test_new_filters_start_at_page_one_and_pages_are_clamped() -> None:
    view = ListView(page=3).with_filters(status=SessionStatus.DEFERRED)
    assert view.page == 1 and view.status == SessionStatus.DEFERRED
    assert ListView(page=3).query_arguments()["offset"] == 2 * listing.PAGE_SIZE
    assert ListView().at_page(9, total=41).page == 3
    assert ListView().at_page(-1, total=41).page == 1


@pytest.mark.parametrize(
    ("total", "pages", "page", "shown"),
    [(0, 1, 1, (0, 0)), (1, 1, 1, (1, 1)), (20, 1, 1, (1, 20)), (21, 2, 2, (21, 21)), (40, 2, 2, (21, 40))],
)
def test_page_count_and_shown_range(total, pages, page, shown) -> None:
    assert listing.page_count(total) == pages
    assert listing.shown_range(page, total) == shown


def test_row_follow_up_state_follows_the_session_rule() -> None:
    assert listing.row_follow_up_state(row(), NOW) is None
    planned = "planned"
    assert (
        listing.row_follow_up_state(
            row(follow_up_at=NOW - timedelta(minutes=1), follow_up_status=planned), NOW
        )
        == FollowUpState.OVERDUE
    )
    assert (
        listing.row_follow_up_state(row(follow_up_at=NOW + timedelta(days=2), follow_up_status=planned), NOW)
        == FollowUpState.DUE
    )
    assert (
        listing.row_follow_up_state(row(follow_up_at=NOW + timedelta(days=9), follow_up_status=planned), NOW)
        == FollowUpState.UPCOMING
    )
    assert (
        listing.row_follow_up_state(row(follow_up_at=NOW - timedelta(days=2), follow_up_status="missed"), NOW)
        == FollowUpState.MISSED
    )


def test_status_and_texts_for_rows() -> None:
    assert listing.row_status(row(status="in-progress")) == SessionStatus.IN_PROGRESS
    assert listing.short_id(uuid.UUID(int=255)) == "00000000"
    moment = datetime(2026, 3, 3, 13, 5, tzinfo=UTC)
    assert listing.moment_text(moment, "en") == "3 Mar 2026, 14:05"
    assert listing.moment_text(moment, "nl") == "3 mrt 2026, 14:05"
